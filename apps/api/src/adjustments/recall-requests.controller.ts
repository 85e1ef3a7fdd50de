import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RecallRequests } from '@fangquan/ledger';
import { ReadModelFreshness } from '@fangquan/read-models';
import { DutyListSourcesReader } from '../duties/duty-list-sources';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CommandCall } from '../http/command-call.decorator';
import { actorOf, written } from '../http/ledger-http';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { FileRecallRequestDto, ListRecallRequestsQuery, RecallDecisionDto, RecallRequestDto } from './dto/recall-request.dto';

/**
 * Recall requests (申请收回): a township asks to hand back a handed power or a duty of its list; the
 * county office approves (the handover is revoked, or the duty becomes `returned` in the draft list) or
 * rejects, with a reason, once.
 */
@ApiTags('recall-requests')
@ApiBearerAuth()
@Controller('recall-requests')
export class RecallRequestsController {
  constructor(
    private readonly recalls: RecallRequests,
    private readonly freshness: ReadModelFreshness,
    private readonly lists: DutyListSourcesReader,
  ) {}

  @Post()
  @Roles('township', 'county_admin')
  @ApiOperation({ summary: 'Ask to hand one item back (a township for itself; the county office for any township of the county)' })
  @ApiCreatedResponse({ type: RecallRequestDto, description: 'Pending the county office' })
  @ApiBadRequestResponse({
    description: 'Every bad field named: both or neither of handoverId and dutyCode, a blank reason, an unknown item',
  })
  @ApiForbiddenResponse({ description: 'Another township, or another county' })
  @ApiConflictResponse({
    description: 'A request for the item is pending (recall-request-pending); the handover is revoked; the duty is returned',
  })
  async file(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: FileRecallRequestDto,
    @CommandCall({ ifMatch: false }) call: CommandCall,
  ): Promise<RecallRequestDto> {
    // 404 for no such township, 403 for another county's or (a township user) another township's.
    await this.lists.township(user, body.townshipId);
    return written(await this.recalls.file(call.actor, body, call.options)).state;
  }

  @Get()
  @ApiOperation({ summary: "The county's recall requests, oldest first (a township's users: their own township's)" })
  @ApiOkResponse({ type: RecallRequestDto, isArray: true })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListRecallRequestsQuery): Promise<RecallRequestDto[]> {
    return this.recalls.list(actorOf(user), query);
  }

  @Post(':id/decision')
  @Roles('county_admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve (with the decision reference) or reject, with a reason (county_admin); decided once' })
  @ApiOkResponse({ type: RecallRequestDto, description: '`status` approved or rejected' })
  @ApiBadRequestResponse({ description: 'Every bad field named (an approval needs decisionRef)' })
  @ApiNotFoundResponse({ description: 'No such request in the county' })
  @ApiConflictResponse({ description: 'Already decided (recall-request-decided)' })
  async decide(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: RecallDecisionDto,
    @CommandCall() call: CommandCall,
  ): Promise<RecallRequestDto> {
    // A duty standing for a power the township holds by an active handover stays basic (the handover is recalled instead).
    const request = await this.recalls.get(call.actor, id);
    const held =
      request?.dutyCode === undefined
        ? []
        : (await this.lists.sources({ id: request.townshipId, countyId: request.countyId })).activeHandoverPowers;
    const result = written(await this.recalls.decide(call.actor, id, body, call.options, held));
    // An approval revoked a handover: the handover's reads show it from the answer on.
    if (result.lastGlobalPosition !== null) await this.freshness.waitFor(result.lastGlobalPosition);
    return result.state;
  }
}
