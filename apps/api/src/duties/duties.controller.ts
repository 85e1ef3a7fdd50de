import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { DutyRecord } from '@fangquan/domain';
import { Duties } from '@fangquan/ledger';
import { DutyQueries, ReadModelFreshness } from '@fangquan/read-models';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CommandCall } from '../http/command-call.decorator';
import { written } from '../http/ledger-http';
import { ProblemException } from '../http/problem';
import { countyOf } from '../http/scope';
import { CountyQuery } from '../catalogue/dto/powers.query';
import { DutyCodePipe } from './duty-code.pipe';
import { DutyDto, DutyFieldsDto, DutyPageDto, ListDutiesQuery, RegisterDutyDto } from './dto/duty.dto';

export const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'The version last seen, e.g. "3"; a stale one is refused with 409 and nothing is written',
};

function toDutyDto(record: DutyRecord & { status?: string }, version: number): DutyDto {
  const { countyId: _county, status: _status, ...duty } = record;
  return { ...duty, version };
}

/** The county's duty catalogue (职责目录): the items every township's list is compiled from. */
@ApiTags('duty lists')
@ApiBearerAuth()
@Controller('duties')
export class DutiesController {
  constructor(
    private readonly duties: Duties,
    private readonly queries: DutyQueries,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @Post()
  @Roles('county_admin')
  @ApiOperation({ summary: 'Register a duty item in the county catalogue (county_admin)' })
  @ApiCreatedResponse({ type: DutyDto })
  @ApiBadRequestResponse({ description: 'Every bad field named; a powerCode not in the power catalogue' })
  @ApiConflictResponse({ description: 'The code is already in the catalogue' })
  async register(@Body() body: RegisterDutyDto, @CommandCall({ ifMatch: false }) call: CommandCall): Promise<DutyDto> {
    const result = written(await this.duties.register(call.actor, body, call.options));
    await this.waitFor(result.lastGlobalPosition);
    return toDutyDto(result.state, result.version);
  }

  @Put(':code')
  @Roles('county_admin')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Revise a duty item (county_admin); the same fields again write nothing' })
  @ApiOkResponse({ type: DutyDto })
  @ApiBadRequestResponse({ description: 'Every bad field named' })
  @ApiNotFoundResponse({ description: 'No such code in the county catalogue' })
  @ApiConflictResponse({ description: 'Stale If-Match' })
  async revise(
    @Param('code', new DutyCodePipe('code')) code: string,
    @Body() body: DutyFieldsDto,
    @CommandCall() call: CommandCall,
  ): Promise<DutyDto> {
    const result = written(await this.duties.revise(call.actor, code, body, call.options));
    await this.waitFor(result.lastGlobalPosition);
    return toDutyDto(result.state, result.version);
  }

  @Get()
  @ApiOperation({ summary: "One page of the county's duty catalogue by code, by domain and by a part of the name or code" })
  @ApiOkResponse({ type: DutyPageDto })
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListDutiesQuery): Promise<DutyPageDto> {
    const page = await this.queries.list(
      countyOf(user, query.countyId),
      { ...(query.domain === undefined ? {} : { domain: query.domain }), ...(query.q === undefined ? {} : { q: query.q }) },
      { page: query.page ?? 1, pageSize: query.pageSize ?? 50 },
    );
    return { items: page.items.map(({ version, ...duty }) => toDutyDto(duty, version)), total: page.total };
  }

  @Get(':code')
  @ApiOperation({ summary: 'One duty item of the county catalogue' })
  @ApiOkResponse({ type: DutyDto })
  @ApiNotFoundResponse({ description: 'No such code in the county catalogue' })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('code', new DutyCodePipe('code')) code: string,
    @Query() query: CountyQuery,
  ): Promise<DutyDto> {
    const countyId = countyOf(user, query.countyId);
    const duty = await this.queries.get(countyId, code);
    if (duty !== null) {
      const { version, ...record } = duty;
      return toDutyDto(record, version);
    }
    const loaded = await this.duties.load(countyId, code);
    if (loaded.state.status === 'none') throw ProblemException.notFound(`Duty item ${code} is not in the county's catalogue`);
    return toDutyDto(loaded.state, loaded.version);
  }

  private async waitFor(position: string | null): Promise<void> {
    if (position !== null) await this.freshness.waitFor(position);
  }
}
