import type { DomainCommand } from '../decider';
import type { WhistleRaised } from './events';
import type { WhistleStep } from './state';

/*
 * Every command carries who issues it (the ledger fills `by` from the authenticated user) and every
 * deadline it starts, computed by the caller in working time from the decision context's `now`:
 * the decider never computes a deadline, so it stays pure and calendar-free.
 */

/** A user of a township; `head` when the user is its head (负责人), who signs whistles off. */
export interface TownshipActor {
  username: string;
  townshipId: string;
  head: boolean;
}

/** A user of a county department. */
export interface DepartmentActor {
  username: string;
  department: string;
}

/** A user of the county office (county_admin); which role may do what is the API's route rule. */
export interface CountyActor {
  username: string;
}

/**
 * What the township's duty list says about the whistle's item, as the ledger reads it when the whistle
 * is signed off: the item's lead department and co-handlers. No `department`: the list does not settle
 * it and the whistle awaits the county office.
 */
export interface WhistleRouting {
  department?: string;
  coDepartments: string[];
}

/**
 * `dutyCategory`: the item's category on the township's list (with `dutyCode`). A head's whistle is signed
 * off at once, so it also carries its `routing` and, when that names a lead department, its `acceptBy`.
 */
export type RaiseWhistle = DomainCommand<
  'RaiseWhistle',
  Omit<WhistleRaised['data'], 'raisedBy' | 'raisedAt'> & { by: TownshipActor; routing?: WhistleRouting; acceptBy?: string }
>;

/** The head's sign-off; routed at once by the list (`acceptBy` needed when `routing` names a lead department). */
export type SignOffWhistle = DomainCommand<'SignOffWhistle', { by: TownshipActor; routing: WhistleRouting; acceptBy?: string }>;

/** The county office names the lead department (and co-handlers) of a whistle the list does not settle, or after an objection. */
export type DispatchWhistle = DomainCommand<
  'DispatchWhistle',
  { by: CountyActor; department: string; coDepartments: string[]; acceptBy: string }
>;

/** 签收; `arriveBy` starts the next step. */
export type AcceptWhistle = DomainCommand<'AcceptWhistle', { by: DepartmentActor; arriveBy: string }>;

/** 报到 (on site); `resolveBy` starts the next step. */
export type ReportArrival = DomainCommand<'ReportArrival', { by: DepartmentActor; resolveBy: string }>;

/** 办结, with what was done. */
export type ResolveWhistle = DomainCommand<'ResolveWhistle', { by: DepartmentActor; result: string }>;

/** 退回: not the department's duty; back to the county office for re-dispatch. */
export type ObjectToWhistle = DomainCommand<'ObjectToWhistle', { by: DepartmentActor; reason: string }>;

/** A later deadline for the step in progress, to be granted by the county office. */
export type RequestExtension = DomainCommand<'RequestExtension', { by: DepartmentActor; until: string; reason: string }>;

export type DecideExtension = DomainCommand<'DecideExtension', { by: CountyActor; granted: boolean; reason: string }>;

/** The township's rating of the resolution; closes the whistle. */
export type EvaluateWhistle = DomainCommand<'EvaluateWhistle', { by: TownshipActor; score: number; satisfied: boolean; comment?: string }>;

/** Once, after an unsatisfied evaluation: back to the lead department, to be resolved again by `resolveBy`. */
export type ReopenWhistle = DomainCommand<'ReopenWhistle', { by: TownshipActor; reason: string; resolveBy: string }>;

/**
 * Supervision (督办), sent when a step's `deadline` comes: records the step overdue when it is still
 * not done by the decision's `now`. Nothing happens when the step is done, the deadline moved (an
 * extension) or is still ahead, or it is already recorded for that deadline: a late or repeated sweep is harmless.
 */
export type RecordStepOverdue = DomainCommand<'RecordStepOverdue', { step: WhistleStep; deadline: string }>;

export type WhistleCommand =
  | RaiseWhistle
  | SignOffWhistle
  | DispatchWhistle
  | AcceptWhistle
  | ReportArrival
  | ResolveWhistle
  | ObjectToWhistle
  | RequestExtension
  | DecideExtension
  | EvaluateWhistle
  | ReopenWhistle
  | RecordStepOverdue;
