import { exhaustive } from '../decider';
import type { FieldError } from '../domain-error';
import { LABEL_MAX, TEXT_MAX } from '../limits';
import { requireDutyCode, withoutAbsent } from '../duty/parse';
import { DUTY_CATEGORIES } from '../duty/terms';
import { parsedOr, type Result } from '../parsing';
import { isRecord, optionalText, requireOneOf, requireText, type FieldErrors } from '../validation';
import type { DutyListCommand, PublishDutyList, RemoveDutyListItem, SetDutyListItem } from './commands';
import { missingForCategory } from './resolve';

/** The shape of each duty list command. What the ledger loads (the catalogue's duty, the handovers) passes through as given. */
export function parseDutyListCommand(command: DutyListCommand): Result<DutyListCommand, FieldError[]> {
  switch (command.type) {
    case 'SetDutyListItem': {
      const parsed = parseSetDutyListItem(command.data);
      if (!parsed.ok) return parsed;
      const { duty, activeHandoverPowers } = command.data;
      return { ok: true, value: { type: 'SetDutyListItem', data: { ...parsed.value, duty, activeHandoverPowers } } };
    }
    case 'RemoveDutyListItem':
      return parseRemoveDutyListItem(command.data);
    case 'CompileDutyList':
      return { ok: true, value: command };
    case 'PublishDutyList': {
      const parsed = parsePublishDutyList(command.data);
      if (!parsed.ok) return parsed;
      const { countyId, townshipId, items } = command.data;
      return { ok: true, value: { type: 'PublishDutyList', data: { countyId, townshipId, items, ...parsed.value } } };
    }
    default:
      return exhaustive(command, 'duty list command');
  }
}

/**
 * An item's category and what it needs: `assisting` names what the township does (`cooperation`) and
 * the department that leads (`leadDepartment`), `returned` the department that takes it. One category
 * only: a list of them, or any other word, is refused naming `category`.
 */
export function parseSetDutyListItem(
  input: unknown,
): Result<Pick<SetDutyListItem['data'], 'dutyCode' | 'category' | 'cooperation' | 'leadDepartment'>, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const dutyCode = requireDutyCode(errors, 'dutyCode', data.dutyCode);
  const category = requireOneOf(errors, 'category', data.category, DUTY_CATEGORIES);
  const text = withoutAbsent({
    cooperation: optionalText(errors, 'cooperation', data.cooperation, TEXT_MAX),
    leadDepartment: optionalText(errors, 'leadDepartment', data.leadDepartment, LABEL_MAX),
  });
  if (!errors.some((error) => error.field === 'category')) {
    for (const field of missingForCategory({ category, ...text })) {
      errors.push({ field, message: `is required for a ${category} item` });
    }
  }
  return parsedOr(errors, { dutyCode, category, ...text });
}

export function parseRemoveDutyListItem(input: unknown): Result<RemoveDutyListItem, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const dutyCode = requireDutyCode(errors, 'dutyCode', data.dutyCode);
  return parsedOr(errors, { type: 'RemoveDutyListItem', data: { dutyCode } });
}

/** The decision reference (文号) of a publication and its note. */
export function parsePublishDutyList(input: unknown): Result<Pick<PublishDutyList['data'], 'decisionRef' | 'note'>, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const decisionRef = requireText(errors, 'decisionRef', data.decisionRef, LABEL_MAX);
  const note = optionalText(errors, 'note', data.note, TEXT_MAX);
  return parsedOr(errors, { decisionRef, ...withoutAbsent({ note }) });
}
