import type {
  WhistleEvaluated,
  WhistleExtensionRequested,
  WhistleObjected,
  WhistleRaised,
  WhistleReferredToCountyOffice,
  WhistleReopened,
} from './events';

/**
 * - `draft`: raised by a township user who is not its head; waits for the head's sign-off
 * - `awaiting-dispatch`: signed off, but the township's list does not name a lead department (no item, or
 *   an item without one), or the lead department objected: the county office dispatches
 * - `dispatched` → `accepted` (签收) → `arrived` (报到) → `resolved` (办结): the lead department's steps
 * - `closed`: the township evaluated the resolution
 * - `reopened`: an unsatisfied township sent it back to the lead department (once); resolved again from here
 */
export const WHISTLE_STATUSES = [
  'draft',
  'awaiting-dispatch',
  'dispatched',
  'accepted',
  'arrived',
  'resolved',
  'reopened',
  'closed',
] as const;
export type WhistleStatus = (typeof WHISTLE_STATUSES)[number];

export const WHISTLE_URGENCIES = ['normal', 'urgent'] as const;
export type WhistleUrgency = (typeof WHISTLE_URGENCIES)[number];

/** The lead department's three timed steps: accept (签收), arrive on site (报到), resolve (办结). */
export const WHISTLE_STEPS = ['accept', 'arrive', 'resolve'] as const;
export type WhistleStep = (typeof WHISTLE_STEPS)[number];

/** The categories of a township's duty list; a whistle is about an `assisting` or `returned` item, or none. */
export const WHISTLE_DUTY_CATEGORIES = ['basic', 'assisting', 'returned'] as const;
export type WhistleDutyCategory = (typeof WHISTLE_DUTY_CATEGORIES)[number];

/** Why the county office has to dispatch: the whistle names no item, the item names no lead department, or the lead department objected. */
export type DispatchReason = WhistleReferredToCountyOffice['data']['reason'] | 'objection';

/** Instants (ISO 8601) by which each step is due; null until the step starts (each is set when the step before it is done). */
export interface WhistleDeadlines {
  acceptBy: string | null;
  arriveBy: string | null;
  resolveBy: string | null;
}

export type StepTimeliness = Record<WhistleStep, boolean | null>;

export interface ExtensionDecision {
  step: WhistleStep;
  granted: boolean;
  /** The deadline asked for (granted: the step's deadline since). */
  until: string;
  reason: string;
  decidedBy: string;
  decidedAt: string;
}

export type RaisedWhistle = WhistleRaised['data'] & {
  status: WhistleStatus;
  signedOff: { by: string; at: string } | null;
  /** Set while the whistle awaits the county office's dispatch. */
  awaitingDispatchBecause: DispatchReason | null;
  /** The lead department (主办); null until routed or dispatched, and again after its objection. */
  department: string | null;
  /** The co-handlers (协办): they see the whistle, only the lead department acts on it. */
  coDepartments: string[];
  routedBy: 'list' | 'county-office' | null;
  dispatchedAt: string | null;
  deadlines: WhistleDeadlines;
  /** Steps whose deadline passed before they were done (as recorded by supervision); cleared when the step is done. */
  overdue: WhistleStep[];
  /** Every overdue recorded (with the department that owed the step, kept after an objection), so that supervision records each step's deadline at most once. */
  overdueRecords: { step: WhistleStep; deadline: string; department: string }[];
  acceptedAt: string | null;
  arrivedAt: string | null;
  resolvedAt: string | null;
  /** Whether each step of the current lead department was done by its deadline; null until done. A resolution late once stays late after a reopening. */
  onTime: StepTimeliness;
  result: string | null;
  objections: WhistleObjected['data'][];
  extensionRequest: WhistleExtensionRequested['data'] | null;
  extensionDecisions: ExtensionDecision[];
  /** The latest evaluation (the second one after a reopening). */
  evaluation: WhistleEvaluated['data'] | null;
  reopening: WhistleReopened['data'] | null;
};

export type WhistleState = { status: 'none' } | RaisedWhistle;

export const initialWhistleState: WhistleState = { status: 'none' };

/** The step the lead department has to do next in a status; undefined where none is due. */
export function stepInProgress(status: WhistleState['status']): WhistleStep | undefined {
  switch (status) {
    case 'dispatched':
      return 'accept';
    case 'accepted':
      return 'arrive';
    case 'arrived':
    case 'reopened':
      return 'resolve';
    default:
      return undefined;
  }
}

export function deadlineOf(deadlines: WhistleDeadlines, step: WhistleStep): string | null {
  switch (step) {
    case 'accept':
      return deadlines.acceptBy;
    case 'arrive':
      return deadlines.arriveBy;
    case 'resolve':
      return deadlines.resolveBy;
  }
}

export function withDeadline(deadlines: WhistleDeadlines, step: WhistleStep, deadline: string | null): WhistleDeadlines {
  switch (step) {
    case 'accept':
      return { ...deadlines, acceptBy: deadline };
    case 'arrive':
      return { ...deadlines, arriveBy: deadline };
    case 'resolve':
      return { ...deadlines, resolveBy: deadline };
  }
}
