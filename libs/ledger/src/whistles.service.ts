import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  type CountyActor,
  type DecisionContext,
  deadlineAfter,
  type DepartmentActor,
  type DomainError,
  type DutyListState,
  invalid,
  notFound,
  parseWhistleCommand,
  parsingFirst,
  type RaisedWhistle,
  type TownshipActor,
  type WhistleCommand,
  whistleDecider,
  type WhistleDutyCategory,
  type WhistleEvent,
  type WhistleRouting,
  type WhistleState,
  type WhistleStep,
  type WhistleUrgency,
} from '@fangquan/domain';
import { AggregateStore, EventStore } from '@fangquan/event-store';
import { APP_CONFIG, type AppConfig } from '@fangquan/platform';
import { DutyLists } from './duty-lists.service';
import { type HistoryEntry, streamHistory } from './history';
import { LedgerContext } from './ledger-context';
import { type CommandOptions, forbidden, type LedgerActor, type LedgerResult, type Loaded, refused, type Refused } from './ledger.types';
import { existing, runCommand } from './run-command';
import { whistleStreamId } from './stream-ids';

export interface RaiseWhistleInput {
  readonly townshipId: string;
  readonly title: string;
  readonly description: string;
  readonly dutyCode?: string;
  readonly location?: string;
  readonly urgency?: WhistleUrgency;
}

export interface DispatchInput {
  readonly department: string;
  readonly coDepartments?: readonly string[];
}

export type WhistleResult = LedgerResult<RaisedWhistle>;

/** What the township's duty list says about a whistle's item: its category there, and who leads and co-handles it. */
export interface ListedRouting {
  readonly category: WhistleDutyCategory;
  readonly routing: WhistleRouting;
}

/**
 * The routing of a whistle about `dutyCode` by the township's draft list (the county office's current
 * word on it): the item's category and lead department. The list names no co-handlers, so the county
 * office names them when it dispatches. Undefined when the item is not on the list.
 */
export function routingByList(list: DutyListState, dutyCode: string): ListedRouting | undefined {
  const entry = list.entries[dutyCode];
  if (entry === undefined) return undefined;
  const routing: WhistleRouting =
    entry.leadDepartment === undefined ? { coDepartments: [] } : { department: entry.leadDepartment, coDepartments: [] };
  return { category: entry.category, routing };
}

/**
 * Whistles (吹哨报到): raised and signed off by a township, routed by its duty list or dispatched by the
 * county office, worked by the lead department, evaluated by the township. The ledger names the actors
 * from the authenticated user and starts each step's deadline in working time (`deadlineAfter` on the
 * configured calendar and limits) from the instant the step starts.
 */
@Injectable()
export class Whistles {
  private readonly aggregates: AggregateStore<WhistleCommand, WhistleEvent, WhistleState, DecisionContext, DomainError>;

  constructor(
    private readonly eventStore: EventStore,
    private readonly context: LedgerContext,
    private readonly dutyLists: DutyLists,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.aggregates = new AggregateStore(eventStore, parsingFirst(whistleDecider, parseWhistleCommand));
  }

  load(whistleId: string): Promise<Loaded<WhistleState>> {
    return this.aggregates.load(whistleStreamId(whistleId));
  }

  /** Raised by a township user for its township; a head's whistle is signed off and routed at once. */
  async raise(actor: LedgerActor, input: RaiseWhistleInput, options: CommandOptions): Promise<WhistleResult> {
    const by = townshipActor(actor);
    if (!('username' in by)) return by;
    const countyId = actor.countyId;
    if (countyId === null) return refused(forbidden('A whistle is raised within a county'));
    if (by.townshipId !== input.townshipId) return refused(forbidden('A township user raises whistles for its own township only'));
    const listed = await this.listed(input.townshipId, input.dutyCode);
    if (listed !== undefined && 'ok' in listed) return listed;
    const whistleId = randomUUID();
    const ctx = this.context.forCommand(actor, options);
    const routing = listed?.routing ?? { coDepartments: [] };
    const command: WhistleCommand = {
      type: 'RaiseWhistle',
      data: {
        whistleId,
        countyId,
        townshipId: input.townshipId,
        title: input.title,
        description: input.description,
        ...(input.dutyCode === undefined ? {} : { dutyCode: input.dutyCode }),
        ...(listed === undefined ? {} : { dutyCategory: listed.category }),
        ...(input.location === undefined ? {} : { location: input.location }),
        urgency: input.urgency ?? 'normal',
        by,
        ...(by.head ? { routing, ...this.acceptByFor(routing, ctx.decision.now) } : {}),
      },
    };
    return runCommand(
      () =>
        this.aggregates.handle(whistleStreamId(whistleId), command, ctx.decision, ctx.metadata(countyId), {
          newStream: true,
        }),
      existing<WhistleState>('whistle'),
    );
  }

  /** The township head's sign-off; routed by the list as it stands now. */
  signOff(actor: LedgerActor, whistleId: string, options: CommandOptions): Promise<WhistleResult> {
    return this.run(actor, whistleId, options, async (whistle, now) => {
      const by = townshipActor(actor);
      if (!('username' in by)) return by;
      const listed = by.townshipId === whistle.townshipId ? await this.listed(whistle.townshipId, whistle.dutyCode) : undefined;
      if (listed !== undefined && 'ok' in listed) return listed;
      const routing = listed?.routing ?? { coDepartments: [] };
      return { type: 'SignOffWhistle', data: { by, routing, ...this.acceptByFor(routing, now) } };
    });
  }

  dispatch(actor: LedgerActor, whistleId: string, input: DispatchInput, options: CommandOptions): Promise<WhistleResult> {
    return this.run(actor, whistleId, options, (_whistle, now) => {
      const by = countyActor(actor);
      if (!('username' in by)) return by;
      return {
        type: 'DispatchWhistle',
        data: { by, department: input.department, coDepartments: [...(input.coDepartments ?? [])], acceptBy: this.deadline(now, 'accept') },
      };
    });
  }

  accept(actor: LedgerActor, whistleId: string, options: CommandOptions): Promise<WhistleResult> {
    return this.byDepartment(actor, whistleId, options, (by, now) => ({
      type: 'AcceptWhistle',
      data: { by, arriveBy: this.deadline(now, 'arrive') },
    }));
  }

  arrive(actor: LedgerActor, whistleId: string, options: CommandOptions): Promise<WhistleResult> {
    return this.byDepartment(actor, whistleId, options, (by, now) => ({
      type: 'ReportArrival',
      data: { by, resolveBy: this.deadline(now, 'resolve') },
    }));
  }

  resolve(actor: LedgerActor, whistleId: string, result: string, options: CommandOptions): Promise<WhistleResult> {
    return this.byDepartment(actor, whistleId, options, (by) => ({ type: 'ResolveWhistle', data: { by, result } }));
  }

  object(actor: LedgerActor, whistleId: string, reason: string, options: CommandOptions): Promise<WhistleResult> {
    return this.byDepartment(actor, whistleId, options, (by) => ({ type: 'ObjectToWhistle', data: { by, reason } }));
  }

  requestExtension(actor: LedgerActor, whistleId: string, until: string, reason: string, options: CommandOptions): Promise<WhistleResult> {
    return this.byDepartment(actor, whistleId, options, (by) => ({ type: 'RequestExtension', data: { by, until, reason } }));
  }

  decideExtension(
    actor: LedgerActor,
    whistleId: string,
    granted: boolean,
    reason: string,
    options: CommandOptions,
  ): Promise<WhistleResult> {
    return this.run(actor, whistleId, options, () => {
      const by = countyActor(actor);
      if (!('username' in by)) return by;
      return { type: 'DecideExtension', data: { by, granted, reason } };
    });
  }

  evaluate(
    actor: LedgerActor,
    whistleId: string,
    input: { score: number; satisfied: boolean; comment?: string },
    options: CommandOptions,
  ): Promise<WhistleResult> {
    return this.run(actor, whistleId, options, () => {
      const by = townshipActor(actor);
      if (!('username' in by)) return by;
      return { type: 'EvaluateWhistle', data: { by, ...input } };
    });
  }

  /** Back to the lead department, with a new resolution deadline from now. */
  reopen(actor: LedgerActor, whistleId: string, reason: string, options: CommandOptions): Promise<WhistleResult> {
    return this.run(actor, whistleId, options, (_whistle, now) => {
      const by = townshipActor(actor);
      if (!('username' in by)) return by;
      return { type: 'ReopenWhistle', data: { by, reason, resolveBy: this.deadline(now, 'resolve') } };
    });
  }

  /** Supervision (督办): records `step` overdue when its `deadline` passed undone; harmless when late or repeated. */
  recordOverdue(
    actor: LedgerActor,
    whistleId: string,
    step: WhistleStep,
    deadline: string,
    options: CommandOptions,
  ): Promise<WhistleResult> {
    return this.run(actor, whistleId, options, () => ({ type: 'RecordStepOverdue', data: { step, deadline } }));
  }

  /** Every event of the whistle's stream, oldest first; null when there is none. */
  history(whistleId: string): Promise<HistoryEntry[] | null> {
    return streamHistory(this.eventStore, whistleStreamId(whistleId));
  }

  /** The deadline of `step` started at `now`: the configured limit in working time on the configured calendar. */
  private deadline(now: string, step: WhistleStep): string {
    return deadlineAfter(this.config.workCalendar, new Date(now), this.config.whistleLimits[step]).toISOString();
  }

  private acceptByFor(routing: WhistleRouting, now: string): { acceptBy?: string } {
    return routing.department === undefined ? {} : { acceptBy: this.deadline(now, 'accept') };
  }

  /** The item on the township's list (400 on dutyCode when it is not there); undefined for a whistle about no item. */
  private async listed(townshipId: string, dutyCode: string | undefined): Promise<ListedRouting | Refused | undefined> {
    if (dutyCode === undefined) return undefined;
    const list = await this.dutyLists.load(townshipId);
    return (
      routingByList(list.state, dutyCode) ??
      refused(invalid([{ field: 'dutyCode', message: `${dutyCode} is not on the township's duty list`, code: 'not-on-duty-list' }]))
    );
  }

  private byDepartment(
    actor: LedgerActor,
    whistleId: string,
    options: CommandOptions,
    build: (by: DepartmentActor, now: string) => WhistleCommand,
  ): Promise<WhistleResult> {
    return this.run(actor, whistleId, options, (_whistle, now) => {
      const by = departmentActor(actor);
      return 'username' in by ? build(by, now) : by;
    });
  }

  /** Loads the whistle (404 when none, 403 for another county's), builds the command as of this instant, decides and appends. */
  private async run(
    actor: LedgerActor,
    whistleId: string,
    options: CommandOptions,
    build: (whistle: RaisedWhistle, now: string) => WhistleCommand | Refused | Promise<WhistleCommand | Refused>,
  ): Promise<WhistleResult> {
    const current = await this.load(whistleId);
    if (current.state.status === 'none') return refused(notFound(`Whistle ${whistleId} does not exist`));
    const whistle = current.state;
    if (actor.countyId !== whistle.countyId) return refused(forbidden('This whistle belongs to another county'), current.version);
    const ctx = this.context.forCommand(actor, options);
    const command = await build(whistle, ctx.decision.now);
    if ('ok' in command) return command;
    return runCommand(
      () =>
        this.aggregates.handle(whistleStreamId(whistleId), command, ctx.decision, ctx.metadata(whistle.countyId), {
          expectedVersion: options.expectedVersion,
        }),
      existing<WhistleState>('whistle'),
    );
  }
}

function townshipActor(actor: LedgerActor): TownshipActor | Refused {
  const reach = actor.reach;
  if (reach?.kind !== 'township' || reach.townshipId === null) return refused(forbidden('Only a township user acts for its township here'));
  return { username: actor.username, townshipId: reach.townshipId, head: actor.head === true };
}

function departmentActor(actor: LedgerActor): DepartmentActor | Refused {
  const reach = actor.reach;
  if (reach?.kind !== 'department' || reach.department === null)
    return refused(forbidden('Only the lead department’s users act on a whistle'));
  return { username: actor.username, department: reach.department };
}

function countyActor(actor: LedgerActor): CountyActor | Refused {
  const reach = actor.reach ?? { kind: 'county' };
  if (reach.kind !== 'county') return refused(forbidden('Only the county office decides this'));
  return { username: actor.username };
}
