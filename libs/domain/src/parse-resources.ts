import { HOURS_MAX, LABEL_MAX, LIST_MAX, QUANTITY_MAX } from './limits';
import type { EquipmentLine, TrainingRequirement } from './resources';
import {
  checkAtMost,
  isRecord,
  rejectDuplicates,
  requireInteger,
  requireList,
  requirePositiveNumber,
  requireText,
  type FieldErrors,
} from './validation';

/** One line of equipment `{ kind, quantity }`; fields named under `path` (none: `kind`, `quantity`). */
export function parseEquipmentLine(errors: FieldErrors, path: string, line: Record<string, unknown>): EquipmentLine {
  const at = (name: string): string => (path === '' ? name : `${path}.${name}`);
  const kind = requireText(errors, at('kind'), line.kind, LABEL_MAX);
  const quantity = requireInteger(errors, at('quantity'), line.quantity, 1);
  checkAtMost(errors, at('quantity'), line.quantity, QUANTITY_MAX);
  return { kind, quantity };
}

/** A list of equipment lines at `field`, each kind once (a missing list is empty when `optional`). */
export function parseEquipmentLines(errors: FieldErrors, field: string, value: unknown, optional: boolean): EquipmentLine[] {
  const lines = requireList(errors, field, value, optional, LIST_MAX).map((line, index) => {
    const path = `${field}[${index}]`;
    if (!isRecord(line)) {
      errors.push({ field: path, message: 'must be an object { kind, quantity }' });
      return { kind: '', quantity: 0 };
    }
    return parseEquipmentLine(errors, path, line);
  });
  rejectDuplicates(
    errors,
    (index) => `${field}[${index}].kind`,
    lines.map((line) => line.kind),
    'kind',
  );
  return lines;
}

/** A list of training lines `{ course, hours }` at `field`, each course once (a missing list is empty when `optional`). */
export function parseTrainingLines(errors: FieldErrors, field: string, value: unknown, optional: boolean): TrainingRequirement[] {
  const training = requireList(errors, field, value, optional, LIST_MAX).map((line, index) => {
    const path = `${field}[${index}]`;
    if (!isRecord(line)) {
      errors.push({ field: path, message: 'must be an object { course, hours }' });
      return { course: '', hours: 0 };
    }
    const course = requireText(errors, `${path}.course`, line.course, LABEL_MAX);
    const hours = requirePositiveNumber(errors, `${path}.hours`, line.hours);
    checkAtMost(errors, `${path}.hours`, line.hours, HOURS_MAX);
    return { course, hours };
  });
  rejectDuplicates(
    errors,
    (index) => `${field}[${index}].course`,
    training.map((line) => line.course),
    'course',
  );
  return training;
}
