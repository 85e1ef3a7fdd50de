import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { RegisteredPowerItem } from '@fangquan/domain';
import { PowerItems } from '@fangquan/ledger';
import { PowerQueries, ReadModelFreshness } from '@fangquan/read-models';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CommandCall } from '../http/command-call.decorator';
import { ProblemException } from '../http/problem';
import { written } from '../http/ledger-http';
import { countyOf } from '../http/scope';
import { PowerDto, RegisterPowerDto, ReviseRequirementsDto } from './dto/power.dto';
import { CountyQuery } from './dto/powers.query';
import { PowerCodePipe } from './power-code.pipe';

function toPowerDto(state: RegisteredPowerItem, version: number): PowerDto {
  const { code, name, category, legalBasis, department, requirements } = state;
  return { code, name, category, legalBasis, department, requirements, version };
}

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'The version last seen, e.g. "3"; a stale one is refused with 409 and nothing is written',
};

/** The county catalogue of powers (权力事项). */
@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('powers')
export class CatalogueController {
  constructor(
    private readonly powers: PowerItems,
    private readonly queries: PowerQueries,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @Post()
  @Roles('county_admin')
  @ApiOperation({ summary: 'Register a power in the county catalogue (county_admin)' })
  @ApiCreatedResponse({ type: PowerDto })
  @ApiBadRequestResponse({ description: 'Every bad field named (e.g. fewer than 2 certified officers for a penalty)' })
  @ApiConflictResponse({ description: 'The code is already in the catalogue' })
  async register(@Body() body: RegisterPowerDto, @CommandCall({ ifMatch: false }) call: CommandCall): Promise<PowerDto> {
    const result = written(await this.powers.register(call.actor, body, call.options));
    await this.waitFor(result.lastGlobalPosition);
    return toPowerDto(result.state, result.version);
  }

  @Put(':code/requirements')
  @Roles('county_admin')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Revise the requirements of a power (county_admin); every handover of the power is re-evaluated' })
  @ApiOkResponse({ type: PowerDto })
  @ApiBadRequestResponse({ description: 'Every bad field named' })
  @ApiNotFoundResponse({ description: 'No such code in the county catalogue' })
  @ApiConflictResponse({ description: 'Stale If-Match' })
  async revise(
    @Param('code', PowerCodePipe) code: string,
    @Body() body: ReviseRequirementsDto,
    @CommandCall() call: CommandCall,
  ): Promise<PowerDto> {
    const result = written(await this.powers.reviseRequirements(call.actor, code, body.requirements, call.options));
    await this.waitFor(result.lastGlobalPosition);
    return toPowerDto(result.state, result.version);
  }

  @Get()
  @ApiOperation({ summary: "The county's catalogue, by code" })
  @ApiOkResponse({ type: PowerDto, isArray: true })
  @ApiForbiddenResponse({ description: 'Another county' })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: CountyQuery): Promise<PowerDto[]> {
    return this.queries.list(countyOf(user, query.countyId));
  }

  @Get(':code')
  @ApiOperation({ summary: 'One power of the county catalogue' })
  @ApiOkResponse({ type: PowerDto })
  @ApiNotFoundResponse({ description: 'No such code in the county catalogue' })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('code', PowerCodePipe) code: string,
    @Query() query: CountyQuery,
  ): Promise<PowerDto> {
    const countyId = countyOf(user, query.countyId);
    const power = await this.queries.get(countyId, code);
    if (power !== null) return power;
    // The read side may lag a write made without waiting (e.g. by a worker): the stream decides.
    const loaded = await this.powers.load(countyId, code);
    if (loaded.state.status === 'none') throw ProblemException.notFound(`Power ${code} is not in the county's catalogue`);
    return toPowerDto(loaded.state, loaded.version);
  }

  private async waitFor(position: string | null): Promise<void> {
    if (position !== null) await this.freshness.waitFor(position);
  }
}
