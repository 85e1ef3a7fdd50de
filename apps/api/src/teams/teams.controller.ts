import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
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
import type { FormedTeam } from '@fangquan/domain';
import { Teams } from '@fangquan/ledger';
import { ReadModelFreshness, TeamQueries } from '@fangquan/read-models';
import { assertTownshipAccess } from '../auth/access';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CommandCall } from '../http/command-call.decorator';
import { ProblemException } from '../http/problem';
import { written } from '../http/ledger-http';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import {
  AddOfficerDto,
  RemoveOfficerDto,
  AddOfficerResponseDto,
  ReceiveEquipmentDto,
  RecordTrainingDto,
  RecordTrainingResponseDto,
  TeamDto,
  WriteOffEquipmentDto,
} from './dto/team.dto';

export function toTeamDto(state: FormedTeam, version: number): TeamDto {
  const { teamId, countyId, townshipId, townshipName, officers, equipment, training } = state;
  return { id: teamId, countyId, townshipId, townshipName, officers, equipment, training, version };
}

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'The team version last seen, e.g. "3"; a stale one is refused with 409 and nothing is written',
};

/** A township's enforcement team: roster, equipment on hand, training. Writers: its own township and the county_admin. */
@ApiTags('teams')
@ApiBearerAuth()
@Controller('teams/:teamId')
@ApiNotFoundResponse({ description: 'Unknown team' })
@ApiForbiddenResponse({ description: 'Another county or township; auditors and departments write nothing here' })
export class TeamsController {
  constructor(
    private readonly teams: Teams,
    private readonly queries: TeamQueries,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @Get()
  @ApiOperation({ summary: "The team's officers, equipment on hand and training" })
  @ApiOkResponse({ type: TeamDto })
  async get(@CurrentUser() user: AuthenticatedUser, @Param('teamId', new UuidParamPipe('teamId')) teamId: string): Promise<TeamDto> {
    const view = await this.queries.get(teamId);
    // A team formed a moment ago may not be on the read side yet: its stream decides.
    const team = view ?? (await this.fromStream(teamId));
    assertTownshipAccess(user, team);
    return team;
  }

  @Post('officers')
  @Roles('county_admin', 'township')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'An officer joins the team' })
  @ApiCreatedResponse({ type: AddOfficerResponseDto })
  @ApiBadRequestResponse({ description: 'Every bad field named' })
  @ApiConflictResponse({ description: 'Certificate number already on the team; stale If-Match' })
  async addOfficer(
    @Param('teamId', new UuidParamPipe('teamId')) teamId: string,
    @Body() body: AddOfficerDto,
    @CommandCall() call: CommandCall,
  ): Promise<AddOfficerResponseDto> {
    const result = written(await this.teams.addOfficer(call.actor, teamId, body, call.options));
    await this.waitFor(result.lastGlobalPosition);
    return { officerId: result.officerId, version: result.version };
  }

  @Delete('officers/:officerId')
  @Roles('county_admin', 'township')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'An officer leaves the team' })
  @ApiOkResponse({ type: TeamDto })
  @ApiConflictResponse({ description: 'Stale If-Match' })
  async removeOfficer(
    @Param('teamId', new UuidParamPipe('teamId')) teamId: string,
    @Param('officerId', new UuidParamPipe('officerId')) officerId: string,
    @Body() body: RemoveOfficerDto,
    @CommandCall() call: CommandCall,
  ): Promise<TeamDto> {
    const result = written(await this.teams.removeOfficer(call.actor, teamId, officerId, body.reason, call.options));
    await this.waitFor(result.lastGlobalPosition);
    return toTeamDto(result.state, result.version);
  }

  @Post('equipment')
  @Roles('county_admin', 'township')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Equipment received by the team' })
  @ApiOkResponse({ type: TeamDto })
  @ApiBadRequestResponse({ description: 'Every bad field named (quantity must be a whole number above 0)' })
  async receiveEquipment(
    @Param('teamId', new UuidParamPipe('teamId')) teamId: string,
    @Body() body: ReceiveEquipmentDto,
    @CommandCall() call: CommandCall,
  ): Promise<TeamDto> {
    const result = written(await this.teams.receiveEquipment(call.actor, teamId, body, call.options));
    await this.waitFor(result.lastGlobalPosition);
    return toTeamDto(result.state, result.version);
  }

  @Post('equipment/write-offs')
  @Roles('county_admin', 'township')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Equipment written off (lost, broken, worn out)' })
  @ApiOkResponse({ type: TeamDto })
  @ApiConflictResponse({ description: 'More than the team has on hand; stale If-Match' })
  async writeOffEquipment(
    @Param('teamId', new UuidParamPipe('teamId')) teamId: string,
    @Body() body: WriteOffEquipmentDto,
    @CommandCall() call: CommandCall,
  ): Promise<TeamDto> {
    const result = written(await this.teams.writeOffEquipment(call.actor, teamId, body, call.options));
    await this.waitFor(result.lastGlobalPosition);
    return toTeamDto(result.state, result.version);
  }

  @Post('training')
  @Roles('county_admin', 'township')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'An officer of the team completed a training course' })
  @ApiCreatedResponse({ type: RecordTrainingResponseDto })
  @ApiBadRequestResponse({ description: 'Every bad field named (completedOn not after today)' })
  async recordTraining(
    @Param('teamId', new UuidParamPipe('teamId')) teamId: string,
    @Body() body: RecordTrainingDto,
    @CommandCall() call: CommandCall,
  ): Promise<RecordTrainingResponseDto> {
    const result = written(
      await this.teams.recordTraining(call.actor, teamId, { ...body, officerId: body.officerId.toLowerCase() }, call.options),
    );
    await this.waitFor(result.lastGlobalPosition);
    return { trainingId: result.trainingId, version: result.version };
  }

  private async fromStream(teamId: string): Promise<TeamDto> {
    const loaded = await this.teams.load(teamId);
    if (loaded.state.status === 'none') throw ProblemException.notFound(`Team ${teamId} does not exist`);
    return toTeamDto(loaded.state, loaded.version);
  }

  private async waitFor(position: string | null): Promise<void> {
    if (position !== null) await this.freshness.waitFor(position);
  }
}
