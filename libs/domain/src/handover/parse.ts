import { exhaustive } from '../decider';
import type { FieldError } from '../domain-error';
import { isValidMonth } from '../calendar';
import { BUDGET_MAX_YUAN, CASES_MAX, HOURS_MAX, LABEL_MAX, LIST_MAX, TEXT_MAX } from '../limits';
import { parseEquipmentLines } from '../parse-resources';
import { parsedOr, type Result } from '../parsing';
import { GAP_RESOURCES, type Gap } from '../readiness/readiness';
import { POWER_CATEGORIES, type Commitments, type CommittedOfficer, type CommittedTraining } from '../resources';
import {
  checkAtMost,
  isRecord,
  optionalDate,
  optionalNonNegativeNumber,
  optionalText,
  rejectDuplicates,
  requireBoolean,
  requireDate,
  requireInteger,
  requireList,
  requireOneOf,
  requirePositiveNumber,
  requireText,
  type FieldErrors,
} from '../validation';
import type {
  AcceptHandover,
  AmendCommitments,
  ContestHandover,
  HandoverCommand,
  RecordHandover,
  RecordReminderSent,
  RecordUsage,
  RevokeHandover,
} from './commands';
import { FILED_CASES_STAY_WITH_FILING_UNIT, type RevocationByRecall } from './events';
import { HANDOVER_MODES, REMINDER_KINDS } from './state';

/**
 * The shape of each handover command: types, limits, normalised text and lists (missing lists of
 * commitments count as empty). The business rules (art. 17, the entrustment's term, the status
 * guards, readiness) are `decide`'s.
 */
export function parseHandoverCommand(command: HandoverCommand): Result<HandoverCommand, FieldError[]> {
  switch (command.type) {
    case 'RecordHandover':
      return parseRecordHandover(command.data);
    case 'AcceptHandover':
      return parseAcceptHandover(command.data);
    case 'ContestHandover':
      return parseContestHandover(command.data);
    case 'AmendCommitments':
      return parseAmendCommitments(command.data);
    case 'ActivateHandover':
      return { ok: true, value: { type: 'ActivateHandover', data: {} } };
    case 'RevokeHandover':
      return parseRevokeHandover(command.data);
    case 'RecordReminderSent':
      return parseRecordReminderSent(command.data);
    case 'RecordUsage':
      return parseRecordUsage(command.data);
    default:
      return exhaustive(command, 'handover command');
  }
}

export function parseRecordHandover(input: unknown): Result<RecordHandover, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const handoverId = requireText(errors, 'handoverId', data.handoverId);
  const countyId = requireText(errors, 'countyId', data.countyId);
  const powerCode = requireText(errors, 'powerCode', data.powerCode);
  const powerCategory = requireOneOf(errors, 'powerCategory', data.powerCategory, POWER_CATEGORIES);
  const teamId = requireText(errors, 'teamId', data.teamId);
  const townshipId = requireText(errors, 'townshipId', data.townshipId);
  const department = requireText(errors, 'department', data.department, LABEL_MAX);
  const mode = requireOneOf(errors, 'mode', data.mode, HANDOVER_MODES);
  const instrument = requireText(errors, 'instrument', data.instrument, TEXT_MAX);
  const effectiveOn = requireDate(errors, 'effectiveOn', data.effectiveOn);
  const endsOn = optionalDate(errors, 'endsOn', data.endsOn);
  const committed = parseCommitments(errors, data.committed);
  return parsedOr(errors, {
    type: 'RecordHandover',
    data: {
      handoverId,
      countyId,
      powerCode,
      powerCategory,
      teamId,
      townshipId,
      department,
      mode,
      instrument,
      effectiveOn,
      ...(endsOn === undefined ? {} : { endsOn }),
      committed,
    },
  });
}

export function parseAcceptHandover(input: unknown): Result<AcceptHandover, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const conditional = data.conditional === undefined ? false : requireBoolean(errors, 'conditional', data.conditional);
  const reason = optionalText(errors, 'reason', data.reason, TEXT_MAX);
  const gaps = parseGaps(errors, 'gaps', data.gaps);
  return parsedOr(errors, { type: 'AcceptHandover', data: { conditional, ...(reason === undefined ? {} : { reason }), gaps } });
}

export function parseContestHandover(input: unknown): Result<ContestHandover, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const reason = requireText(errors, 'reason', data.reason, TEXT_MAX);
  const gaps = parseGaps(errors, 'gaps', data.gaps);
  return parsedOr(errors, { type: 'ContestHandover', data: { reason, gaps } });
}

export function parseAmendCommitments(input: unknown): Result<AmendCommitments, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const committed = parseCommitments(errors, data.committed);
  return parsedOr(errors, { type: 'AmendCommitments', data: { committed } });
}

export function parseRevokeHandover(input: unknown): Result<RevokeHandover, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const reason = requireText(errors, 'reason', data.reason, TEXT_MAX);
  const recall = data.recall === undefined ? undefined : parseRevocationByRecall(errors, data.recall);
  return parsedOr(errors, { type: 'RevokeHandover', data: { reason, ...(recall === undefined ? {} : { recall }) } });
}

function parseRevocationByRecall(errors: FieldErrors, value: unknown): RevocationByRecall {
  const recall = isRecord(value) ? value : {};
  if (!isRecord(value))
    errors.push({ field: 'recall', message: 'must be an object { requestId, requestReason, decisionRef, filedCases }' });
  return {
    requestId: requireText(errors, 'recall.requestId', recall.requestId),
    requestReason: requireText(errors, 'recall.requestReason', recall.requestReason, TEXT_MAX),
    decisionRef: requireText(errors, 'recall.decisionRef', recall.decisionRef, LABEL_MAX),
    filedCases: requireOneOf(errors, 'recall.filedCases', recall.filedCases, [FILED_CASES_STAY_WITH_FILING_UNIT]),
  };
}

export function parseRecordReminderSent(input: unknown): Result<RecordReminderSent, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const reminderId = requireText(errors, 'reminderId', data.reminderId);
  const kind = requireOneOf(errors, 'kind', data.kind, REMINDER_KINDS);
  const step = requireInteger(errors, 'step', data.step, 0);
  const recipients = requireList(errors, 'recipients', data.recipients).map((recipient, index) =>
    requireText(errors, `recipients[${index}]`, recipient),
  );
  if (Array.isArray(data.recipients) && recipients.length === 0) {
    errors.push({ field: 'recipients', message: 'must name at least one recipient' });
  }
  const gaps = data.gaps === undefined || data.gaps === null ? undefined : parseGaps(errors, 'gaps', data.gaps);
  return parsedOr(errors, {
    type: 'RecordReminderSent',
    data: { reminderId, kind, step, recipients, ...(gaps === undefined ? {} : { gaps }) },
  });
}

/** Stable codes of the field errors about usage (办件量). */
export const UsageFieldCodes = {
  notAMonth: 'not-a-month',
  monthOutOfRange: 'usage-month-out-of-range',
} as const;

/** `month` a `YYYY-MM` month, `cases` a whole number 0..CASES_MAX; the dates come from the stream (not from the caller's input). */
export function parseRecordUsage(input: unknown): Result<RecordUsage, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const month = requireMonth(errors, 'month', data.month);
  const cases = requireInteger(errors, 'cases', data.cases, 0);
  checkAtMost(errors, 'cases', data.cases, CASES_MAX);
  const recordedOn = requireDate(errors, 'recordedOn', data.recordedOn);
  const revokedOn = optionalDate(errors, 'revokedOn', data.revokedOn);
  return parsedOr(errors, {
    type: 'RecordUsage',
    data: { month, cases, recordedOn, ...(revokedOn === undefined ? {} : { revokedOn }) },
  });
}

function requireMonth(errors: FieldErrors, field: string, value: unknown): string {
  if (!isValidMonth(value)) {
    errors.push({ field, message: 'must be a month YYYY-MM', code: UsageFieldCodes.notAMonth });
    return '';
  }
  return value;
}

/** Validates and normalises commitments; missing lists count as empty. Field paths start with `committed`. */
export function parseCommitments(errors: FieldErrors, value: unknown): Commitments {
  const field = 'committed';
  if (value === undefined || value === null) return { officers: [], equipment: [], training: [] };
  if (!isRecord(value)) {
    errors.push({ field, message: 'must be an object { officers, equipment, training, budgetYuan }' });
    return { officers: [], equipment: [], training: [] };
  }
  const officers: CommittedOfficer[] = requireList(errors, `${field}.officers`, value.officers, true, LIST_MAX).map((officer, index) => {
    const path = `${field}.officers[${index}]`;
    if (!isRecord(officer)) {
      errors.push({ field: path, message: 'must be an object { name, certificateNumber, certificateExpiresOn }' });
      return { name: '', certificateNumber: '', certificateExpiresOn: '' };
    }
    return {
      name: requireText(errors, `${path}.name`, officer.name, LABEL_MAX),
      certificateNumber: requireText(errors, `${path}.certificateNumber`, officer.certificateNumber, LABEL_MAX),
      certificateExpiresOn: requireDate(errors, `${path}.certificateExpiresOn`, officer.certificateExpiresOn),
    };
  });
  rejectDuplicates(
    errors,
    (index) => `${field}.officers[${index}].certificateNumber`,
    officers.map((officer) => officer.certificateNumber),
    'certificate number',
  );
  const equipment = parseEquipmentLines(errors, `${field}.equipment`, value.equipment, true);
  const training: CommittedTraining[] = requireList(errors, `${field}.training`, value.training, true, LIST_MAX).map((session, index) => {
    const path = `${field}.training[${index}]`;
    if (!isRecord(session)) {
      errors.push({ field: path, message: 'must be an object { course, hours, scheduledOn }' });
      return { course: '', hours: 0, scheduledOn: '' };
    }
    const course = requireText(errors, `${path}.course`, session.course, LABEL_MAX);
    const hours = requirePositiveNumber(errors, `${path}.hours`, session.hours);
    checkAtMost(errors, `${path}.hours`, session.hours, HOURS_MAX);
    return { course, hours, scheduledOn: requireDate(errors, `${path}.scheduledOn`, session.scheduledOn) };
  });
  const budgetYuan = optionalNonNegativeNumber(errors, `${field}.budgetYuan`, value.budgetYuan);
  checkAtMost(errors, `${field}.budgetYuan`, value.budgetYuan, BUDGET_MAX_YUAN);
  return { officers, equipment, training, ...(budgetYuan === undefined ? {} : { budgetYuan }) };
}

/** Gaps come from `assessReadiness` in the caller; checked for shape so that bad data never reaches the log. */
function parseGaps(errors: FieldErrors, field: string, value: unknown): Gap[] {
  return requireList(errors, field, value).map((gap, index) => {
    const path = `${field}[${index}]`;
    if (!isRecord(gap)) {
      errors.push({ field: path, message: 'must be a gap' });
      return { resource: 'officers', item: '', required: 0, available: 0, missing: 0, responsible: '' };
    }
    return {
      resource: requireOneOf(errors, `${path}.resource`, gap.resource, GAP_RESOURCES),
      item: requireText(errors, `${path}.item`, gap.item),
      required: requireInteger(errors, `${path}.required`, gap.required, 0),
      available: requireInteger(errors, `${path}.available`, gap.available, 0),
      missing: requireInteger(errors, `${path}.missing`, gap.missing, 1),
      responsible: requireText(errors, `${path}.responsible`, gap.responsible),
    };
  });
}
