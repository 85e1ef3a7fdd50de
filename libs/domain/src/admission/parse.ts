import { isAfter } from '../calendar';
import { exhaustive } from '../decider';
import type { FieldError } from '../domain-error';
import { BUDGET_MAX_YUAN, LABEL_MAX, LIST_MAX, TEXT_MAX } from '../limits';
import { parseEquipmentLines, parseTrainingLines } from '../parse-resources';
import { parsedOr, type Result } from '../parsing';
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
  requireText,
  type FieldErrors,
} from '../validation';
import type { AdmissionCommand, DecideTaskAdmission, FileTaskAdmission } from './commands';
import type { TaskMeans } from './events';

/** Most staff a task may bring. */
export const TASK_STAFF_MAX = 10_000;

/** The shape of each admission command; the rule (no admission without means) is `decide`'s. */
export function parseAdmissionCommand(command: AdmissionCommand): Result<AdmissionCommand, FieldError[]> {
  switch (command.type) {
    case 'FileTaskAdmission':
      return parseFileTaskAdmission(command.data);
    case 'DecideTaskAdmission':
      return parseDecideTaskAdmission(command.data);
    default:
      return exhaustive(command, 'admission command');
  }
}

export function parseFileTaskAdmission(input: unknown): Result<FileTaskAdmission, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const admissionId = requireText(errors, 'admissionId', data.admissionId);
  const countyId = requireText(errors, 'countyId', data.countyId);
  const department = requireText(errors, 'department', data.department, LABEL_MAX);
  const title = requireText(errors, 'title', data.title, LABEL_MAX);
  const description = requireText(errors, 'description', data.description, TEXT_MAX);
  const townshipIds = requireList(errors, 'townshipIds', data.townshipIds, false, LIST_MAX).map((id, index) =>
    requireText(errors, `townshipIds[${index}]`, id),
  );
  if (Array.isArray(data.townshipIds) && townshipIds.length === 0)
    errors.push({ field: 'townshipIds', message: 'must name at least one township' });
  rejectDuplicates(errors, (index) => `townshipIds[${index}]`, townshipIds, 'township');
  const legalBasis = optionalText(errors, 'legalBasis', data.legalBasis, TEXT_MAX);
  const means = parseMeans(errors, data.means);
  const startsOn = requireDate(errors, 'startsOn', data.startsOn);
  const endsOn = optionalDate(errors, 'endsOn', data.endsOn);
  if (startsOn !== '' && endsOn !== undefined && endsOn !== '' && isAfter(startsOn, endsOn))
    errors.push({ field: 'endsOn', message: 'must not be before startsOn' });
  const filedBy = requireText(errors, 'filedBy', data.filedBy);
  return parsedOr(errors, {
    type: 'FileTaskAdmission',
    data: {
      admissionId,
      countyId,
      department,
      title,
      description,
      townshipIds,
      ...(legalBasis === undefined ? {} : { legalBasis }),
      means,
      startsOn,
      ...(endsOn === undefined ? {} : { endsOn }),
      filedBy,
    },
  });
}

export function parseDecideTaskAdmission(input: unknown): Result<DecideTaskAdmission, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const admitted = requireBoolean(errors, 'admitted', data.admitted);
  const reason = requireText(errors, 'reason', data.reason, TEXT_MAX);
  const decidedBy = requireText(errors, 'decidedBy', data.decidedBy);
  return parsedOr(errors, { type: 'DecideTaskAdmission', data: { admitted, reason, decidedBy } });
}

/** The means, every part optional (missing lists are empty); none of them negative. Field paths start with `means`. */
function parseMeans(errors: FieldErrors, value: unknown): TaskMeans {
  const field = 'means';
  if (value === undefined || value === null) return { equipment: [], training: [] };
  if (!isRecord(value)) {
    errors.push({ field, message: 'must be an object { staff, budgetYuan, equipment, training }' });
    return { equipment: [], training: [] };
  }
  const staff = value.staff === undefined || value.staff === null ? undefined : requireInteger(errors, `${field}.staff`, value.staff, 0);
  checkAtMost(errors, `${field}.staff`, value.staff, TASK_STAFF_MAX);
  const budgetYuan = optionalNonNegativeNumber(errors, `${field}.budgetYuan`, value.budgetYuan);
  checkAtMost(errors, `${field}.budgetYuan`, value.budgetYuan, BUDGET_MAX_YUAN);
  const equipment = parseEquipmentLines(errors, `${field}.equipment`, value.equipment, true);
  const training = parseTrainingLines(errors, `${field}.training`, value.training, true);
  return {
    ...(staff === undefined ? {} : { staff }),
    ...(budgetYuan === undefined ? {} : { budgetYuan }),
    equipment,
    training,
  };
}
