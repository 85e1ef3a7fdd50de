import {
  deadlineOf,
  type DomainEvent,
  evolveAll,
  isWhistleEvent,
  type RaisedWhistle,
  stepInProgress,
  WHISTLE_STEPS,
  whistleDecider,
  type WhistleEvent,
  type WhistleStep,
} from '@fangquan/domain';
import { type Candidate, selectRecipients } from './reminder-recipients';
import { safeId } from './reminder-ids';
import { isEscalatedStep, type ReminderSchedule } from './reminder-schedule';
import type { LoggedEvent, SubjectDeliveryDecision } from './subject-reminders';

/**
 * Supervision (督办) of whistles: when a step of a whistle (accept, arrive, resolve) is not done by its
 * deadline, the step is recorded overdue on the whistle and its lead department's heads and the county
 * office are reminded — at the deadline, then every REMINDER_REPEAT until the step is done or its
 * deadline moves (an extension). Pure: what the delivery read goes in, what to write comes out.
 */
export interface SupervisionJob {
  readonly kind: 'supervision';
  readonly whistleId: string;
  readonly streamId: string;
  readonly step: WhistleStep;
  /** ISO-8601: the deadline this supervision is about (a new deadline is a new supervision). */
  readonly deadline: string;
  /** The reminder's count for this step and deadline, from 0. */
  readonly round: number;
}

/** `supervision.<whistle>.<step>.<deadline ms>.<round>`. */
export function supervisionReminderId(job: Pick<SupervisionJob, 'whistleId' | 'step' | 'deadline' | 'round'>): string {
  return safeId(`supervision.${job.whistleId}.${job.step}.${Date.parse(job.deadline)}.${job.round}`);
}

export function isWhistleStep(value: unknown): value is WhistleStep {
  return typeof value === 'string' && (WHISTLE_STEPS as readonly string[]).includes(value);
}

/** The whistle events that start a step or move its deadline, and the step and deadline each sets. */
const DEADLINE_OF_EVENT: Record<string, (data: Record<string, unknown>) => { step: unknown; deadline: unknown }> = {
  WhistleDispatched: (data) => ({ step: 'accept', deadline: data.acceptBy }),
  WhistleAccepted: (data) => ({ step: 'arrive', deadline: data.arriveBy }),
  WhistleArrived: (data) => ({ step: 'resolve', deadline: data.resolveBy }),
  WhistleReopened: (data) => ({ step: 'resolve', deadline: data.resolveBy }),
  WhistleExtensionGranted: (data) => ({ step: data.step, deadline: data.until }),
};

export const DEADLINE_EVENT_TYPES = Object.keys(DEADLINE_OF_EVENT);

/**
 * The first supervision job of each deadline a batch of whistle events sets, due at the deadline (at once
 * when it has passed). A job whose step is done, or whose deadline moved, by then ends there (see
 * decideSupervision), so doing a step needs no job removed.
 */
export function planSupervision(events: readonly LoggedEvent[], whistleIdOf: (streamId: string) => string | undefined, now: Date) {
  const add: { id: string; job: SupervisionJob; delayMs: number }[] = [];
  for (const event of events) {
    const of = DEADLINE_OF_EVENT[event.type];
    const whistleId = whistleIdOf(event.streamId);
    if (of === undefined || whistleId === undefined) continue;
    const { step, deadline } = of(event.data);
    if (!isWhistleStep(step) || typeof deadline !== 'string' || Number.isNaN(Date.parse(deadline))) continue;
    const job: SupervisionJob = { kind: 'supervision', whistleId, streamId: event.streamId, step, deadline, round: 0 };
    add.push({ id: supervisionReminderId(job), job, delayMs: Math.max(0, Date.parse(deadline) - now.getTime()) });
  }
  return add;
}

/** A whistle folded from its stream; undefined when it is not raised (yet). */
export function whistleOf(events: readonly DomainEvent[]): RaisedWhistle | undefined {
  const state = evolveAll(whistleDecider, whistleDecider.initialState, events.filter(isWhistleEvent) as WhistleEvent[]);
  return state.status === 'none' ? undefined : state;
}

/** Whether `job` still supervises a step in progress with that very deadline. */
export function isSupervising(whistle: RaisedWhistle, job: SupervisionJob): boolean {
  const current = deadlineOf(whistle.deadlines, job.step);
  return (
    stepInProgress(whistle.status) === job.step &&
    whistle.department !== null &&
    current !== null &&
    Date.parse(current) === Date.parse(job.deadline)
  );
}

export interface SupervisionInput {
  readonly reminderId: string;
  readonly job: SupervisionJob;
  readonly delivered: boolean;
  readonly whistle: RaisedWhistle | undefined;
  readonly candidates: readonly Candidate[];
  readonly schedule: ReminderSchedule;
  /** ISO-8601. */
  readonly now: string;
}

/**
 * What a supervision job leads to: nothing when the step is done or its deadline moved (obsolete); a
 * retry when the whistle is not on its stream yet or the deadline has not passed; otherwise the
 * supervision reminder to the lead department's heads and the county office, and the next round after
 * REMINDER_REPEAT (the caller records the step overdue first, through the whistle's own rule).
 */
export function decideSupervision(input: SupervisionInput): SubjectDeliveryDecision {
  const { job, whistle } = input;
  if (whistle === undefined) return { kind: 'not-ready', reason: `whistle ${job.whistleId} is not on its stream yet` };
  if (!isSupervising(whistle, job))
    return { kind: 'obsolete', reason: `whistle ${job.whistleId}: ${job.step} is done or its deadline moved from ${job.deadline}` };
  if (Date.parse(input.now) <= Date.parse(job.deadline))
    return { kind: 'not-ready', reason: `whistle ${job.whistleId}: ${job.step} is not due before ${job.deadline}` };
  const nextJob: SupervisionJob = { ...job, round: job.round + 1 };
  const next = { id: supervisionReminderId(nextJob), job: nextJob, delayMs: input.schedule.repeatMs };
  if (input.delivered) return { kind: 'already-delivered', next };
  const department = whistle.department ?? '';
  const recipients = selectRecipients(
    input.candidates.filter((user) => user.role !== 'department' || user.head),
    { departments: [department], countyOffice: true, countyOfficeHeads: false, townshipId: null },
  );
  if (recipients.length === 0) return { kind: 'no-recipients', reason: `nobody to supervise whistle ${job.whistleId}`, next };
  return {
    kind: 'deliver',
    reminder: {
      reminderId: input.reminderId,
      kind: 'supervision',
      subject: { type: 'whistle', id: job.whistleId, title: whistle.title },
      countyId: whistle.countyId,
      step: job.round,
      escalated: isEscalatedStep(input.schedule, job.round),
      outcome: null,
      recipients,
    },
    next,
  };
}
