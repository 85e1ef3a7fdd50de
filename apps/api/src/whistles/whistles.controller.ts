import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
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
import type { RaisedWhistle } from '@fangquan/domain';
import { UserDirectory } from '@fangquan/identity';
import { type HistoryEntry, type WhistleResult, Whistles } from '@fangquan/ledger';
import { APP_CONFIG, type AppConfig, CLOCK, type Clock } from '@fangquan/platform';
import { ReadModelFreshness, WhistleQueries } from '@fangquan/read-models';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { assertCountyAccess } from '../auth/access';
import { CommandCall } from '../http/command-call.decorator';
import { written } from '../http/ledger-http';
import { ProblemException } from '../http/problem';
import { countyOf, listReachOf } from '../http/scope';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { HistoryEntryDto } from '../handovers/dto/handover.dto';
import { ListWhistlesQuery } from './dto/list-whistles.query';
import {
  DecideExtensionDto,
  DispatchWhistleDto,
  EvaluateWhistleDto,
  RaiseWhistleDto,
  RequestExtensionDto,
  ResolveWhistleDto,
  WhistleReasonDto,
} from './dto/whistle-actions.dto';
import { WhistleDto, WhistleListDto } from './dto/whistle.dto';
import { toWhistleDto } from './whistle-view';

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'The whistle version last seen, e.g. "3"; a stale one is refused with 409 and nothing is written',
};
const DEFAULT_PAGE_SIZE = 20;

/**
 * Whistles (吹哨报到): a township raises one about a problem beyond its powers, its head signs it off, the
 * township's duty list (or the county office) sends it to the lead department, which accepts, reports on
 * site and resolves it within working-time limits; the township evaluates. Township users see their
 * township's whistles, department users those they lead or co-handle, the county's other roles all.
 */
@ApiTags('whistles')
@ApiBearerAuth()
@Controller('whistles')
export class WhistlesController {
  constructor(
    private readonly whistles: Whistles,
    private readonly queries: WhistleQueries,
    private readonly freshness: ReadModelFreshness,
    private readonly directory: UserDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @Roles('township')
  @ApiOperation({
    summary: 'Raise a whistle (township); a head’s is signed off and routed at once',
    description:
      "Routed by the township's duty list to the item's lead department (dispatched), else it awaits the county office (awaiting-dispatch); a non-head's whistle is a draft until the head signs it off.",
  })
  @ApiCreatedResponse({ type: WhistleDto })
  @ApiBadRequestResponse({ description: "Every bad field named; a dutyCode not on the township's list" })
  @ApiForbiddenResponse({ description: 'Another township' })
  @ApiConflictResponse({ description: 'A basic duty of the township (it acts on it itself)' })
  async raise(@Body() body: RaiseWhistleDto, @CommandCall({ ifMatch: false }) call: CommandCall): Promise<WhistleDto> {
    return this.answer(await this.whistles.raise(call.actor, { ...body, townshipId: body.townshipId.toLowerCase() }, call.options));
  }

  @Get()
  @ApiOperation({ summary: 'Whistles the caller sees, the nearest deadline first' })
  @ApiOkResponse({ type: WhistleListDto })
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListWhistlesQuery): Promise<WhistleListDto> {
    const countyId = countyOf(user, query.countyId);
    const now = this.clock.now();
    const page = await this.queries.list(
      { countyId, ...listReachOf(user) },
      {
        ...(query.status === undefined ? {} : { status: query.status }),
        ...(query.department === undefined ? {} : { department: query.department }),
        ...(query.townshipId === undefined ? {} : { townshipId: query.townshipId.toLowerCase() }),
        ...(query.overdue === undefined ? {} : { overdue: query.overdue }),
      },
      { page: query.page ?? 1, pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE },
      now,
    );
    return { items: page.items.map((item) => toWhistleDto(item.state, item.version, now, this.config)), total: page.total };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One whistle with its deadlines and overdue steps' })
  @ApiOkResponse({ type: WhistleDto })
  @ApiNotFoundResponse({ description: 'Unknown whistle, or one the caller does not see' })
  @ApiForbiddenResponse({ description: 'Another county' })
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) id: string): Promise<WhistleDto> {
    const loaded = await this.visible(user, id);
    return toWhistleDto(loaded.state, loaded.version, this.clock.now(), this.config);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Every event of the whistle, oldest first, with who caused it' })
  @ApiOkResponse({ type: HistoryEntryDto, isArray: true })
  @ApiNotFoundResponse({ description: 'Unknown whistle, or one the caller does not see' })
  async history(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) id: string): Promise<HistoryEntry[]> {
    await this.visible(user, id);
    return (await this.whistles.history(id)) ?? [];
  }

  @Post(':id/sign-off')
  @Roles('township')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: "The township head's sign-off (签发): routed by the list at once" })
  @ApiOkResponse({ type: WhistleDto })
  @ApiForbiddenResponse({ description: 'Not a head of that township' })
  @ApiConflictResponse({ description: 'Already signed off' })
  async signOff(@Param('id', new UuidParamPipe('id')) id: string, @CommandCall() call: CommandCall): Promise<WhistleDto> {
    return this.answer(await this.whistles.signOff(call.actor, id, call.options));
  }

  @Post(':id/dispatch')
  @Roles('county_admin')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'The county office names the lead department (and co-handlers) of a whistle awaiting dispatch' })
  @ApiOkResponse({ type: WhistleDto })
  @ApiBadRequestResponse({ description: 'A department with no users in the county' })
  @ApiConflictResponse({ description: 'Not awaiting dispatch' })
  async dispatch(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: DispatchWhistleDto,
    @CommandCall() call: CommandCall,
  ): Promise<WhistleDto> {
    await this.assertDepartments(call.actor.countyId, body);
    return this.answer(await this.whistles.dispatch(call.actor, id, body, call.options));
  }

  @Post(':id/acceptance')
  @Roles('department')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: '签收: the lead department accepts; the on-site deadline starts' })
  @ApiOkResponse({ type: WhistleDto })
  @ApiForbiddenResponse({ description: 'Not the lead department' })
  @ApiConflictResponse({ description: 'Out of order, or closed' })
  async accept(@Param('id', new UuidParamPipe('id')) id: string, @CommandCall() call: CommandCall): Promise<WhistleDto> {
    return this.answer(await this.whistles.accept(call.actor, id, call.options));
  }

  @Post(':id/arrival')
  @Roles('department')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: '报到: the lead department is on site; the resolution deadline starts' })
  @ApiOkResponse({ type: WhistleDto })
  @ApiForbiddenResponse({ description: 'Not the lead department' })
  @ApiConflictResponse({ description: 'Out of order, or closed' })
  async arrive(@Param('id', new UuidParamPipe('id')) id: string, @CommandCall() call: CommandCall): Promise<WhistleDto> {
    return this.answer(await this.whistles.arrive(call.actor, id, call.options));
  }

  @Post(':id/resolution')
  @Roles('department')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: '办结, with what was done' })
  @ApiOkResponse({ type: WhistleDto })
  @ApiForbiddenResponse({ description: 'Not the lead department' })
  @ApiConflictResponse({ description: 'Out of order, or closed' })
  async resolve(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: ResolveWhistleDto,
    @CommandCall() call: CommandCall,
  ): Promise<WhistleDto> {
    return this.answer(await this.whistles.resolve(call.actor, id, body.result, call.options));
  }

  @Post(':id/objection')
  @Roles('department')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: '退回: not the department’s duty; back to the county office for re-dispatch' })
  @ApiOkResponse({ type: WhistleDto })
  @ApiForbiddenResponse({ description: 'Not the lead department' })
  @ApiConflictResponse({ description: 'Resolved already, or dispatched again after an objection' })
  async object(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: WhistleReasonDto,
    @CommandCall() call: CommandCall,
  ): Promise<WhistleDto> {
    return this.answer(await this.whistles.object(call.actor, id, body.reason, call.options));
  }

  @Post(':id/extension')
  @Roles('department')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Ask the county office for a later deadline of the step in progress' })
  @ApiOkResponse({ type: WhistleDto })
  @ApiBadRequestResponse({ description: 'until not after the current deadline; no reason' })
  @ApiConflictResponse({ description: 'The deadline has passed, or a request is pending' })
  async requestExtension(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: RequestExtensionDto,
    @CommandCall() call: CommandCall,
  ): Promise<WhistleDto> {
    return this.answer(await this.whistles.requestExtension(call.actor, id, body.until, body.reason, call.options));
  }

  @Post(':id/extension/decision')
  @Roles('county_admin')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'The county office grants (the deadline moves) or refuses the extension' })
  @ApiOkResponse({ type: WhistleDto })
  @ApiConflictResponse({ description: 'No extension requested' })
  async decideExtension(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: DecideExtensionDto,
    @CommandCall() call: CommandCall,
  ): Promise<WhistleDto> {
    return this.answer(await this.whistles.decideExtension(call.actor, id, body.granted, body.reason, call.options));
  }

  @Post(':id/evaluation')
  @Roles('township')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: "The township's score of the resolution (1–5, satisfied or not); closes the whistle" })
  @ApiOkResponse({ type: WhistleDto })
  @ApiConflictResponse({ description: 'Not resolved' })
  async evaluate(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: EvaluateWhistleDto,
    @CommandCall() call: CommandCall,
  ): Promise<WhistleDto> {
    return this.answer(await this.whistles.evaluate(call.actor, id, body, call.options));
  }

  @Post(':id/reopen')
  @Roles('township')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Once, after an unsatisfied evaluation: back to the lead department with a new resolution deadline' })
  @ApiOkResponse({ type: WhistleDto })
  @ApiConflictResponse({ description: 'Satisfied, not evaluated, or reopened before' })
  async reopen(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: WhistleReasonDto,
    @CommandCall() call: CommandCall,
  ): Promise<WhistleDto> {
    return this.answer(await this.whistles.reopen(call.actor, id, body.reason, call.options));
  }

  /** The written whistle, once the read tables include it (a following list shows it). */
  private async answer(result: WhistleResult): Promise<WhistleDto> {
    const done = written(result);
    if (done.lastGlobalPosition !== null) await this.freshness.waitFor(done.lastGlobalPosition);
    return toWhistleDto(done.state, done.version, this.clock.now(), this.config);
  }

  /** The whistle from its stream; 404 when there is none or the caller does not see it, 403 for another county's. */
  private async visible(user: AuthenticatedUser, id: string): Promise<{ state: RaisedWhistle; version: number }> {
    const loaded = await this.whistles.load(id);
    const state = loaded.state;
    if (state.status === 'none') throw ProblemException.notFound(`Whistle ${id} does not exist`);
    assertCountyAccess(user, state.countyId);
    if (!sees(listReachOf(user), state)) throw ProblemException.notFound(`Whistle ${id} does not exist`);
    return { state, version: loaded.version };
  }

  /** The lead and co-handling departments a dispatch names must be departments of the county (with users). */
  private async assertDepartments(countyId: string | null, body: DispatchWhistleDto): Promise<void> {
    if (countyId === null) return;
    const named: [string, string][] = [
      ['department', body.department],
      ...(body.coDepartments ?? []).map((department, index): [string, string] => [`coDepartments[${index}]`, department]),
    ];
    const errors = [];
    for (const [field, department] of named) {
      const users = await this.directory.departmentUsers(countyId, department);
      if (users.length === 0)
        errors.push({ field, message: `${department} is not a department of the county`, code: 'unknown-department' });
    }
    if (errors.length > 0) throw ProblemException.badRequest(errors);
  }
}

function sees(reach: { townshipId?: string; department?: string }, whistle: RaisedWhistle): boolean {
  if (reach.townshipId !== undefined && whistle.townshipId !== reach.townshipId) return false;
  if (reach.department !== undefined) return whistle.department === reach.department || whistle.coDepartments.includes(reach.department);
  return true;
}
