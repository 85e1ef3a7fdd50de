import type { Decision } from './decider';
import type { Gap } from './readiness/readiness';

export interface FieldError {
  field: string;
  message: string;
  /** A stable kebab-case code of what is wrong, where the check that made the error names one. */
  code?: string;
}

/**
 * - `invalid`   → HTTP 400, naming every bad field (paths like `requirements.equipment[0].quantity`)
 * - `rule`      → HTTP 409, a business rule refused; `code` is a stable kebab-case string
 * - `not-found` → HTTP 404
 * - `forbidden` → HTTP 403, the actor may not do this to this aggregate (another department's whistle, a
 *   township user who is not its head); `code` is a stable kebab-case string
 */
export type DomainError =
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'rule'; code: RuleCode; detail: string; gaps?: Gap[] }
  | { kind: 'not-found'; detail: string }
  | { kind: 'forbidden'; code: RuleCode; detail: string };

/** Stable codes of the `rule` (409) and `forbidden` (403) errors this library returns. */
export const RuleCodes = {
  powerAlreadyRegistered: 'power-already-registered',
  teamAlreadyFormed: 'team-already-formed',
  officerAlreadyOnTeam: 'officer-already-on-team',
  certificateNumberInUse: 'certificate-number-in-use',
  insufficientEquipment: 'insufficient-equipment',
  trainingAlreadyRecorded: 'training-already-recorded',
  handoverAlreadyRecorded: 'handover-already-recorded',
  coercionCannotBeEntrusted: 'coercion-cannot-be-entrusted',
  handoverNotReady: 'handover-not-ready',
  handoverNotEffective: 'handover-not-effective',
  handoverRevoked: 'handover-revoked',
  invalidStatus: 'invalid-status',
  vocabularyAlreadyEstablished: 'vocabulary-already-established',
  termAlreadyInVocabulary: 'term-already-in-vocabulary',
  termNameInUse: 'term-name-in-use',
  dutyAlreadyRegistered: 'duty-already-registered',
  dutyHeldByHandover: 'duty-held-by-handover',
  dutyListUnchanged: 'duty-list-unchanged',
  dutyListEmpty: 'duty-list-empty',
  dutyListIncomplete: 'duty-list-incomplete',
  // Whistles (吹哨报到): who may act (403) ...
  notTownshipHead: 'not-township-head',
  whistleOfAnotherTownship: 'whistle-of-another-township',
  notLeadDepartment: 'not-lead-department',
  // ... and the lifecycle (409).
  whistleAlreadyRaised: 'whistle-already-raised',
  whistleWithinTownshipDuties: 'whistle-within-township-duties',
  whistleAlreadySignedOff: 'whistle-already-signed-off',
  whistleNotSignedOff: 'whistle-not-signed-off',
  whistleNotAwaitingDispatch: 'whistle-not-awaiting-dispatch',
  whistleStepOutOfOrder: 'whistle-step-out-of-order',
  whistleAlreadyResolved: 'whistle-already-resolved',
  whistleClosed: 'whistle-closed',
  objectionOverruled: 'objection-overruled',
  extensionAlreadyRequested: 'extension-already-requested',
  noExtensionRequested: 'no-extension-requested',
  whistleDeadlinePassed: 'whistle-deadline-passed',
  whistleNotResolved: 'whistle-not-resolved',
  whistleNotEvaluated: 'whistle-not-evaluated',
  whistleEvaluatedSatisfied: 'whistle-evaluated-satisfied',
  whistleAlreadyReopened: 'whistle-already-reopened',
  recallRequestPending: 'recall-request-pending',
  recallRequestDecided: 'recall-request-decided',
  dutyAlreadyReturned: 'duty-already-returned',
  admissionDecided: 'admission-decided',
  /** Shandong township regulation art. 4 and 13: no task goes down to townships without its means. */
  taskWithoutMeans: 'task-without-means',
} as const;
export type RuleCode = (typeof RuleCodes)[keyof typeof RuleCodes];

export function invalid(errors: FieldError[]): DomainError {
  return { kind: 'invalid', errors };
}

export function rule(code: RuleCode, detail: string, gaps?: Gap[]): DomainError {
  return gaps === undefined ? { kind: 'rule', code, detail } : { kind: 'rule', code, detail, gaps };
}

export function notFound(detail: string): DomainError {
  return { kind: 'not-found', detail };
}

export function forbid(code: RuleCode, detail: string): DomainError {
  return { kind: 'forbidden', code, detail };
}

export function accept<E>(...events: E[]): Decision<E> {
  return { ok: true, events };
}

export function refuse<E>(error: DomainError): Decision<E> {
  return { ok: false, error };
}

export function isDomainError(value: unknown): value is DomainError {
  if (typeof value !== 'object' || value === null || !('kind' in value)) return false;
  const kind = (value as { kind: unknown }).kind;
  return kind === 'invalid' || kind === 'rule' || kind === 'not-found' || kind === 'forbidden';
}
