import { exhaustive } from '../decider';
import type { FieldError } from '../domain-error';
import { LABEL_MAX, TEXT_MAX } from '../limits';
import { parsedOr, type Result } from '../parsing';
import { isRecord, optionalText, requireOneOf, requireText, type FieldErrors } from '../validation';
import type { DutyCommand, DutyFields, RegisterDuty, ReviseDuty } from './commands';
import { DUTY_CATEGORIES, DUTY_CODE_MESSAGE, DUTY_CODE_PATTERN, DUTY_DOMAINS } from './terms';

/** The shape of each duty command; one registration per code is `decide`'s rule. */
export function parseDutyCommand(command: DutyCommand): Result<DutyCommand, FieldError[]> {
  switch (command.type) {
    case 'RegisterDuty':
      return parseRegisterDuty(command.data);
    case 'ReviseDuty':
      return parseReviseDuty(command.data);
    default:
      return exhaustive(command, 'duty command');
  }
}

/** A registration, field by field (also one spreadsheet row at a time: each error names its field). */
export function parseRegisterDuty(input: unknown): Result<RegisterDuty, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const countyId = requireText(errors, 'countyId', data.countyId);
  const code = requireDutyCode(errors, 'code', data.code);
  const fields = parseDutyFields(errors, data);
  return parsedOr(errors, { type: 'RegisterDuty', data: { countyId, code, ...fields } });
}

export function parseReviseDuty(input: unknown): Result<ReviseDuty, FieldError[]> {
  const data = isRecord(input) ? input : {};
  const errors: FieldErrors = [];
  const fields = parseDutyFields(errors, data);
  return parsedOr(errors, { type: 'ReviseDuty', data: fields });
}

/** A duty code: text that can stand in a path. */
export function requireDutyCode(errors: FieldErrors, field: string, value: unknown): string {
  const code = requireText(errors, field, value);
  if (code !== '' && !DUTY_CODE_PATTERN.test(code)) errors.push({ field, message: DUTY_CODE_MESSAGE });
  return code;
}

function parseDutyFields(errors: FieldErrors, data: Record<string, unknown>): DutyFields {
  const name = requireText(errors, 'name', data.name, TEXT_MAX);
  const domain = requireOneOf(errors, 'domain', data.domain, DUTY_DOMAINS);
  const defaultCategory = requireOneOf(errors, 'defaultCategory', data.defaultCategory, DUTY_CATEGORIES);
  const optional = {
    description: optionalText(errors, 'description', data.description, TEXT_MAX),
    legalBasis: optionalText(errors, 'legalBasis', data.legalBasis, TEXT_MAX),
    leadDepartment: optionalText(errors, 'leadDepartment', data.leadDepartment, LABEL_MAX),
    powerCode: optionalText(errors, 'powerCode', data.powerCode, 64),
    contact: optionalText(errors, 'contact', data.contact, LABEL_MAX),
  };
  return { name, domain, defaultCategory, ...withoutAbsent(optional) };
}

/** The fields that are present: events and states never hold `undefined`. */
export function withoutAbsent<T extends Record<string, string | undefined>>(fields: T): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as { [K in keyof T]?: string };
}
