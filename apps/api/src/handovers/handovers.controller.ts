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
import type { RecordedHandover } from '@fangquan/domain';
import { Handovers } from '@fangquan/ledger';
import { HandoverQueries } from '@fangquan/read-models';
import { assertTownshipAccess } from '../auth/access';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CommandCall } from '../http/command-call.decorator';
import { ProblemException } from '../http/problem';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { AcceptHandoverDto, AmendCommitmentsDto, ContestHandoverDto, RevokeHandoverDto } from './dto/handover-actions.dto';
import { HandoverDto, HandoverListDto, HistoryEntryDto } from './dto/handover.dto';
import { ListHandoversQuery } from './dto/list-handovers.query';
import { RecordHandoverDto } from './dto/record-handover.dto';
import { HandoverReads } from './handover-reads';
import { written } from '../http/ledger-http';
import { countyOf, listReachOf } from '../http/scope';

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'The handover version last seen, e.g. "3"; a stale one is refused with 409 and nothing is written',
};
const DEFAULT_PAGE_SIZE = 20;

/** Handovers (下放事项) of a power to a township team: recorded by the county, answered by the township. */
@ApiTags('handovers')
@ApiBearerAuth()
@Controller('handovers')
export class HandoversController {
  constructor(
    private readonly handovers: Handovers,
    private readonly queries: HandoverQueries,
    private readonly reads: HandoverReads,
  ) {}

  @Post()
  @Roles('county_admin', 'department')
  @ApiOperation({
    summary: "Record a handover (county_admin; department: its own department's)",
    description:
      "The department is the power's source department: a department user hands over only its own department's powers (403 not-own-department otherwise); the county_admin any.",
  })
  @ApiCreatedResponse({ type: HandoverDto })
  @ApiBadRequestResponse({ description: 'Every bad field named (endsOn is required for an entrustment)' })
  @ApiNotFoundResponse({ description: 'Unknown power code or team' })
  @ApiForbiddenResponse({ description: "A team of another county; a department's handover of another department's power" })
  @ApiConflictResponse({ description: 'An entrustment of a coercive measure (Administrative Compulsion Law art. 17)' })
  async record(@Body() body: RecordHandoverDto, @CommandCall({ ifMatch: false }) call: CommandCall): Promise<HandoverDto> {
    const input = { ...body, teamId: body.teamId.toLowerCase() };
    const result = written(await this.handovers.record(call.actor, input, call.options));
    return this.reads.afterRecord(result);
  }

  @Get()
  @ApiOperation({ summary: 'Handovers of the county, newest first (a township sees its own only, a department its own department’s)' })
  @ApiOkResponse({ type: HandoverListDto })
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListHandoversQuery): Promise<HandoverListDto> {
    const countyId = countyOf(user, query.countyId);
    return this.queries.list(
      { countyId, ...listReachOf(user) },
      {
        ...(query.status === undefined ? {} : { status: query.status }),
        ...(query.teamId === undefined ? {} : { teamId: query.teamId.toLowerCase() }),
        ...(query.ready === undefined ? {} : { ready: query.ready }),
      },
      { page: query.page ?? 1, pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE },
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'One handover with its readiness' })
  @ApiOkResponse({ type: HandoverDto })
  @ApiNotFoundResponse({ description: 'Unknown handover' })
  @ApiForbiddenResponse({ description: 'Another county or township' })
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) id: string): Promise<HandoverDto> {
    const handover = await this.reads.get(id);
    assertTownshipAccess(user, handover);
    return handover;
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Every event of the handover, oldest first, with who caused it (reminders included)' })
  @ApiOkResponse({ type: HistoryEntryDto, isArray: true })
  @ApiNotFoundResponse({ description: 'Unknown handover' })
  @ApiForbiddenResponse({ description: 'Another county or township' })
  async history(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) id: string): Promise<HistoryEntryDto[]> {
    const handover = await this.existing(id);
    assertTownshipAccess(user, handover);
    return (await this.handovers.history(id)) ?? [];
  }

  @Post(':id/acceptance')
  @Roles('township')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({
    summary: 'The township signs the handover acknowledgement (承接确认书)',
    description:
      'Refused with the gaps unless the team is ready or the acceptance is conditional (with a reason). Active at once when the effective date has come.',
  })
  @ApiOkResponse({ type: HandoverDto })
  @ApiConflictResponse({ description: 'Not ready (with gaps), not in a state to accept, or stale If-Match' })
  async accept(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: AcceptHandoverDto,
    @CommandCall() call: CommandCall,
  ): Promise<HandoverDto> {
    const result = written(await this.handovers.accept(call.actor, id, body, call.options));
    return this.reads.afterWrite(result);
  }

  @Post(':id/contest')
  @Roles('township')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'The township says why it cannot take the power over; the current gaps go on record' })
  @ApiOkResponse({ type: HandoverDto })
  @ApiConflictResponse({ description: 'Not in a state to contest, or stale If-Match' })
  async contest(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: ContestHandoverDto,
    @CommandCall() call: CommandCall,
  ): Promise<HandoverDto> {
    const result = written(await this.handovers.contest(call.actor, id, body.reason, call.options));
    return this.reads.afterWrite(result);
  }

  @Put(':id/committed')
  @Roles('county_admin', 'department')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Amend the committed resources of a recorded or contested handover (a contested one goes back to recorded)' })
  @ApiOkResponse({ type: HandoverDto })
  @ApiConflictResponse({ description: 'Already accepted, active or revoked; stale If-Match' })
  async amend(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: AmendCommitmentsDto,
    @CommandCall() call: CommandCall,
  ): Promise<HandoverDto> {
    const result = written(await this.handovers.amendCommitments(call.actor, id, body.committed, call.options));
    return this.reads.afterWrite(result);
  }

  @Post(':id/revocation')
  @Roles('county_admin')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Recall the power (收回) with a reason; cases already filed stay with the unit that filed them' })
  @ApiOkResponse({ type: HandoverDto })
  @ApiConflictResponse({ description: 'Already revoked; stale If-Match' })
  async revoke(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: RevokeHandoverDto,
    @CommandCall() call: CommandCall,
  ): Promise<HandoverDto> {
    const result = written(await this.handovers.revoke(call.actor, id, body.reason, call.options));
    return this.reads.afterWrite(result);
  }

  /** The handover from its stream (authoritative for access checks); 404 when there is none. */
  private async existing(id: string): Promise<RecordedHandover> {
    const loaded = await this.handovers.load(id);
    if (loaded.state.status === 'none') throw ProblemException.notFound(`Handover ${id} does not exist`);
    return loaded.state;
  }
}
