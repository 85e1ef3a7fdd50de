import {
  type AdmissionEvent,
  admissionDecider,
  type DecisionOutcome,
  type DomainEvent,
  evolveAll,
  isAdmissionEvent,
  isRecallEvent,
  type RecallEvent,
  recallDecider,
  recallRequestOf,
  type ReminderSubject,
  type ReminderSubjectType,
  type SubjectReminderKind,
} from '@fangquan/domain';
import { type Candidate, selectRecipients } from './reminder-recipients';
import { safeId } from './reminder-ids';
import { isEscalatedStep, type ReminderSchedule } from './reminder-schedule';
import { type SupervisionJob, supervisionReminderId } from './supervision';

/**
 * Reminders about a request awaiting the county office's decision (a recall request, a task admission):
 * `decision-due` to the county office's users when the decision falls due, then every REMINDER_REPEAT
 * while it is still undecided (escalated past the REMINDER_STEPS like a gap chain); `decision-made` to
 * whoever asked, once per decision. Pure: what the delivery read goes in, what to write comes out.
 */

/** The kinds of request the county office decides. */
export type RequestType = Extract<ReminderSubjectType, 'recall-request' | 'task-admission'>;

/** Names a request and the stream it lives on (a recall's stream holds every request for one item). */
export interface RequestRef {
  readonly subjectType: RequestType;
  readonly subjectId: string;
  readonly streamId: string;
}

/** The jobs of reminders about a request. */
export type RequestReminderJob =
  (RequestRef & { readonly kind: 'decision-due'; readonly step: number }) | (RequestRef & { readonly kind: 'decision-made' });

/** Every job of a reminder about a subject other than a handover. */
export type SubjectReminderJob = RequestReminderJob | SupervisionJob;

/** `decision.<request>.<step>`: one per step; a step is due once the one before has gone. */
export function decisionDueReminderId(requestId: string, step: number): string {
  return safeId(`decision.${requestId}.${step}`);
}

/** `decided.<request>`: a request is decided once. */
export function decisionMadeReminderId(requestId: string): string {
  return safeId(`decided.${requestId}`);
}

export function subjectReminderId(job: SubjectReminderJob): string {
  switch (job.kind) {
    case 'decision-due':
      return decisionDueReminderId(job.subjectId, job.step);
    case 'decision-made':
      return decisionMadeReminderId(job.subjectId);
    case 'supervision':
      return supervisionReminderId(job);
    default: {
      const unknown: never = job;
      throw new Error(`Unknown subject reminder job ${JSON.stringify(unknown)}`);
    }
  }
}

/** A request as the reminders see it, folded from its stream. */
export interface RequestFacts {
  readonly subject: ReminderSubject & { readonly type: RequestType };
  readonly countyId: string;
  readonly status: 'pending' | DecisionOutcome;
  /** Who asked, and hears the decision: a township's users (a recall), a department's users (an admission). */
  readonly requester: { readonly townshipId: string } | { readonly department: string };
}

/** The most of a request's own words an inbox item carries as its title. */
const TITLE_CHARS = 60;

function shortened(text: string): string {
  return text.length <= TITLE_CHARS ? text : `${text.slice(0, TITLE_CHARS - 1)}…`;
}

/** The request `ref` names, from its stream's events; undefined when the stream does not hold it (not committed yet). */
export function requestFactsOf(ref: RequestRef, events: readonly DomainEvent[]): RequestFacts | undefined {
  if (ref.subjectType === 'recall-request') {
    const state = evolveAll(recallDecider, recallDecider.initialState, events.filter(isRecallEvent) as RecallEvent[]);
    const request = recallRequestOf(state, ref.subjectId);
    if (state.status === 'none' || request === undefined) return undefined;
    const title = shortened(state.dutyCode ?? request.reason);
    return {
      subject: { type: 'recall-request', id: ref.subjectId, title },
      countyId: state.countyId,
      status: request.status,
      requester: { townshipId: state.townshipId },
    };
  }
  const state = evolveAll(admissionDecider, admissionDecider.initialState, events.filter(isAdmissionEvent) as AdmissionEvent[]);
  if (state.status === 'none' || state.admissionId !== ref.subjectId) return undefined;
  return {
    subject: { type: 'task-admission', id: ref.subjectId, title: shortened(state.title) },
    countyId: state.countyId,
    status: state.status,
    requester: { department: state.department },
  };
}

/** A subject reminder to write. */
export interface SubjectReminderDraft {
  readonly reminderId: string;
  readonly kind: SubjectReminderKind;
  readonly subject: ReminderSubject;
  readonly countyId: string;
  readonly step: number;
  readonly escalated: boolean;
  readonly outcome: DecisionOutcome | null;
  readonly recipients: Candidate[];
}

export interface SubjectDeliveryInput {
  readonly reminderId: string;
  readonly job: RequestReminderJob;
  /** Whether the reminder is written already. */
  readonly delivered: boolean;
  /** The request, or undefined when its stream does not hold it yet. */
  readonly request: RequestFacts | undefined;
  /** The users of the request's county who can be reminded. */
  readonly candidates: readonly Candidate[];
  readonly schedule: ReminderSchedule;
}

/** The step after `job`, due REMINDER_REPEAT later. */
export interface NextSubjectReminder {
  readonly id: string;
  readonly job: SubjectReminderJob;
  readonly delayMs: number;
}

export type SubjectDeliveryDecision =
  | { readonly kind: 'deliver'; readonly reminder: SubjectReminderDraft; readonly next?: NextSubjectReminder }
  | { readonly kind: 'already-delivered'; readonly next?: NextSubjectReminder }
  | { readonly kind: 'obsolete'; readonly reason: string }
  | { readonly kind: 'no-recipients'; readonly reason: string; readonly next?: NextSubjectReminder }
  | { readonly kind: 'not-ready'; readonly reason: string };

function nextStep(input: SubjectDeliveryInput): NextSubjectReminder | undefined {
  const { job } = input;
  if (job.kind !== 'decision-due') return undefined;
  const following = { ...job, step: job.step + 1 };
  return { id: decisionDueReminderId(job.subjectId, following.step), job: following, delayMs: input.schedule.repeatMs };
}

/** Who hears of a request: the county office while it waits, the requester once it is decided. */
export function requestRecipients(
  kind: 'decision-due' | 'decision-made',
  request: RequestFacts,
  candidates: readonly Candidate[],
): Candidate[] {
  if (kind === 'decision-due')
    return selectRecipients(candidates, { departments: [], countyOffice: true, countyOfficeHeads: false, townshipId: null });
  const { requester } = request;
  return 'townshipId' in requester
    ? selectRecipients(candidates, { departments: [], countyOffice: false, countyOfficeHeads: false, townshipId: requester.townshipId })
    : selectRecipients(candidates, {
        departments: [requester.department],
        countyOffice: false,
        countyOfficeHeads: false,
        townshipId: null,
      });
}

/**
 * What a decision-due or decision-made job leads to. A request decided before its step is due makes the
 * step obsolete (nothing more follows); a decision-made job for a request the stream shows undecided is
 * ahead of the log (retried). A step written already only queues the step after it (a worker that died
 * between the two).
 */
export function decideSubjectDelivery(input: SubjectDeliveryInput): SubjectDeliveryDecision {
  const { job, request } = input;
  if (request === undefined) return { kind: 'not-ready', reason: `request ${job.subjectId} is not on its stream yet` };
  const decided = request.status !== 'pending';
  if (job.kind === 'decision-due' && decided)
    return { kind: 'obsolete', reason: `request ${job.subjectId} is decided (${request.status})` };
  if (job.kind === 'decision-made' && !decided) return { kind: 'not-ready', reason: `request ${job.subjectId} is not decided yet` };
  const next = nextStep(input);
  const following = next === undefined ? {} : { next };
  if (input.delivered) return { kind: 'already-delivered', ...following };
  const recipients = requestRecipients(job.kind, request, input.candidates);
  if (recipients.length === 0) return { kind: 'no-recipients', reason: `nobody to remind of request ${job.subjectId}`, ...following };
  const step = job.kind === 'decision-due' ? job.step : 0;
  return {
    kind: 'deliver',
    reminder: {
      reminderId: input.reminderId,
      kind: job.kind,
      subject: request.subject,
      countyId: request.countyId,
      step,
      escalated: job.kind === 'decision-due' && isEscalatedStep(input.schedule, step),
      outcome: decided ? request.status : null,
      recipients,
    },
    ...following,
  };
}

/** An event of the log as the request planner reads it. */
export interface LoggedEvent {
  readonly streamId: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
}

/** What follows from a batch of request events: jobs to add (deterministic ids) and pending steps to drop. */
export interface RequestReminderPlan {
  readonly add: NextSubjectReminder[];
  readonly remove: string[];
}

export const REQUEST_EVENT_TYPES = [
  'RecallRequested',
  'RecallApproved',
  'RecallRejected',
  'TaskAdmissionFiled',
  'TaskAdmitted',
  'TaskAdmissionRefused',
] as const;

/**
 * The jobs that follow from request events: a filing schedules the first decision-due step at the
 * instant the decision falls due (`dueAt` of its filing time; at once when that has passed); a
 * decision drops that step and queues the decision-made notice at once. Steps after the first, if
 * queued, find the request decided and end there. `now`: the process manager's clock.
 */
export function planRequestReminders(
  events: readonly LoggedEvent[],
  dueAt: (filedAt: string) => string,
  now: Date,
  admissionIdOf: (streamId: string) => string | undefined,
): RequestReminderPlan {
  const plan: RequestReminderPlan = { add: [], remove: [] };
  const text = (event: LoggedEvent, field: string): string | undefined => {
    const value = event.data[field];
    return typeof value === 'string' ? value : undefined;
  };
  for (const event of events) {
    const recall = event.type.startsWith('Recall');
    const subjectId = recall ? text(event, 'requestId') : (text(event, 'admissionId') ?? admissionIdOf(event.streamId));
    if (subjectId === undefined) continue;
    const ref: RequestRef = { subjectType: recall ? 'recall-request' : 'task-admission', subjectId, streamId: event.streamId };
    if (event.type === 'RecallRequested' || event.type === 'TaskAdmissionFiled') {
      const filedAt = text(event, 'filedAt');
      if (filedAt === undefined) continue;
      const job: RequestReminderJob = { kind: 'decision-due', ...ref, step: 0 };
      plan.add.push({ id: subjectReminderId(job), job, delayMs: Math.max(0, Date.parse(dueAt(filedAt)) - now.getTime()) });
    } else if ((REQUEST_EVENT_TYPES as readonly string[]).includes(event.type)) {
      const job: RequestReminderJob = { kind: 'decision-made', ...ref };
      plan.remove.push(decisionDueReminderId(subjectId, 0));
      plan.add.push({ id: subjectReminderId(job), job, delayMs: 0 });
    }
  }
  return plan;
}
