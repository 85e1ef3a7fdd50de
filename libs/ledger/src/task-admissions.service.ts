import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  ADMISSION_EVENT_TYPES,
  admissionDutyItems,
  type AdmissionCommand,
  admissionDecider,
  type AdmissionEvent,
  type AdmissionState,
  type AdmissionStatus,
  admissionStreamId,
  type DecisionContext,
  type DomainError,
  evolveAdmission,
  type FieldError,
  type FiledTaskAdmission,
  type FileTaskAdmission,
  initialAdmissionState,
  invalid,
  isAdmissionEvent,
  type ListedDuty,
  notFound,
  parseAdmissionCommand,
  parsingFirst,
  type TaskMeans,
} from '@fangquan/domain';
import { AggregateStore, EventStore } from '@fangquan/event-store';
import { existing, runCommand } from './run-command';
import { LedgerContext } from './ledger-context';
import { type CommandOptions, forbidden, type LedgerActor, type LedgerResult, refused } from './ledger.types';

/** A filing as a department sends it: everything but who files, for which county and department. */
export type FileTaskAdmissionInput = Omit<FileTaskAdmission['data'], 'admissionId' | 'countyId' | 'department' | 'filedBy' | 'means'> & {
  readonly means: Partial<TaskMeans>;
};

export interface TaskAdmissionView extends FiledTaskAdmission {
  readonly id: string;
  /** When the county office's decision falls due (DECISION_REMINDER_DAYS after filing). */
  readonly decisionDueAt: string;
  /** Still pending past `decisionDueAt`. */
  readonly overdue: boolean;
}

export interface AdmissionFilter {
  readonly status?: AdmissionStatus;
  readonly townshipId?: string;
}

/**
 * Task admission (事项准入): a department files, the county office admits or refuses. An admitted task
 * is on its townships' lists from its start to its end date, computed from the admission and today's
 * date (no sweep: it leaves the lists the day after `endsOn` because the date moves on). A county's
 * requests are few; they are listed by folding their events from the log.
 */
@Injectable()
export class TaskAdmissions {
  private readonly aggregates: AggregateStore<AdmissionCommand, AdmissionEvent, AdmissionState, DecisionContext, DomainError>;

  constructor(
    private readonly eventStore: EventStore,
    private readonly context: LedgerContext,
  ) {
    this.aggregates = new AggregateStore(eventStore, parsingFirst(admissionDecider, parseAdmissionCommand));
  }

  /**
   * Filed by a department's user for its own department; `countyTownships`: the ids of the county's
   * townships (a township of another county is named as a bad field).
   */
  async file(
    actor: LedgerActor,
    input: FileTaskAdmissionInput,
    countyTownships: ReadonlySet<string>,
    options: CommandOptions,
  ): Promise<LedgerResult<TaskAdmissionView>> {
    const countyId = actor.countyId;
    const reach = actor.reach;
    if (countyId === null || reach?.kind !== 'department' || reach.department === null)
      return refused(forbidden('A task admission request is filed by a department of the county'));
    const strangers: FieldError[] = (Array.isArray(input.townshipIds) ? input.townshipIds : []).flatMap((id, index) =>
      typeof id === 'string' && id.trim() !== '' && !countyTownships.has(id.trim())
        ? [{ field: `townshipIds[${index}]`, message: 'is not a township of the county' }]
        : [],
    );
    if (strangers.length > 0) return refused(invalid(strangers));
    const admissionId = randomUUID();
    const ctx = this.context.forCommand(actor, options);
    const command: AdmissionCommand = {
      type: 'FileTaskAdmission',
      data: {
        ...input,
        means: { ...input.means, equipment: input.means.equipment ?? [], training: input.means.training ?? [] },
        admissionId,
        countyId,
        department: reach.department,
        filedBy: actor.username,
      },
    };
    return runCommand(
      () => this.aggregates.handle(admissionStreamId(admissionId), command, ctx.decision, ctx.metadata(countyId), { newStream: true }),
      (state) => viewOf(this.context, existing<AdmissionState>('task admission')(state)),
    );
  }

  /** The county office admits or refuses, once. */
  async decide(
    actor: LedgerActor,
    admissionId: string,
    input: { admitted: boolean; reason: string },
    options: CommandOptions,
  ): Promise<LedgerResult<TaskAdmissionView>> {
    const countyId = actor.countyId;
    const current = await this.aggregates.load(admissionStreamId(admissionId));
    if (countyId === null || current.state.status === 'none' || current.state.countyId !== countyId)
      return refused(notFound(`No task admission request ${admissionId}`));
    if ((actor.reach ?? { kind: 'county' }).kind !== 'county') return refused(forbidden('The county office decides task admissions'));
    const ctx = this.context.forCommand(actor, options);
    const command: AdmissionCommand = { type: 'DecideTaskAdmission', data: { ...input, decidedBy: actor.username } };
    return runCommand(
      () =>
        this.aggregates.handle(admissionStreamId(admissionId), command, ctx.decision, ctx.metadata(countyId), {
          expectedVersion: options.expectedVersion,
        }),
      (state) => viewOf(this.context, existing<AdmissionState>('task admission')(state)),
    );
  }

  /**
   * The county's requests within the actor's reach, oldest first: the county's own actors see all, a
   * department its own, a township those naming it.
   */
  async list(actor: LedgerActor, filter: AdmissionFilter = {}): Promise<TaskAdmissionView[]> {
    if (actor.countyId === null) return [];
    const reach = actor.reach ?? { kind: 'county' };
    return (await this.all(actor.countyId)).filter((admission) => {
      if (reach.kind === 'department' && admission.department !== reach.department) return false;
      if (reach.kind === 'township' && (reach.townshipId === null || !admission.townshipIds.includes(reach.townshipId))) return false;
      if (filter.status !== undefined && admission.status !== filter.status) return false;
      return filter.townshipId === undefined || admission.townshipIds.includes(filter.townshipId);
    });
  }

  /**
   * The items admitted tasks put on `townshipId`'s list today (the clock's date in the county's time
   * zone), source `admission`: computed at each read, so a task leaves the list the day after `endsOn`
   * with no sweep, and a publication freezes the items as they are that day.
   */
  async listItemsOf(countyId: string, townshipId: string): Promise<ListedDuty[]> {
    return admissionDutyItems(await this.all(countyId), townshipId, this.context.today());
  }

  private async all(countyId: string): Promise<TaskAdmissionView[]> {
    const events = await this.eventStore.readCountyEvents(countyId, ADMISSION_EVENT_TYPES);
    const admissions = new Map<string, AdmissionState>();
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data };
      if (!isAdmissionEvent(event)) continue;
      admissions.set(recorded.streamId, evolveAdmission(admissions.get(recorded.streamId) ?? initialAdmissionState, event));
    }
    return [...admissions.values()].flatMap((state) => (state.status === 'none' ? [] : [viewOf(this.context, state)]));
  }
}

function viewOf(context: LedgerContext, state: FiledTaskAdmission): TaskAdmissionView {
  const { decisionDueAt, pastDue } = context.decisionDue(state.filedAt);
  return { id: state.admissionId, ...state, decisionDueAt, overdue: state.status === 'pending' && pastDue };
}
