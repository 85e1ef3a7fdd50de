import { RuleCodes, VocabularyFieldCodes } from '@fangquan/domain';
import { AccessCodes } from '@fangquan/ledger';
import { TableFieldCodes, TableProblemCodes } from '@fangquan/spreadsheets';

/**
 * The stable machine codes of the API's refusals: every problem+json carries one as `code` (the slug of
 * its `type`, `/problems/<code>`), and every field error of a 400 carries one beside its English
 * `message`. Clients translate the codes; the English texts are for people reading the raw answer.
 * This module is the one list of them: the web app's message tables are checked against it.
 */

/** Codes of problems made by the HTTP layer itself (by status, or named where the refusal is made). */
export const HTTP_PROBLEM_CODES = [
  'invalid-request',
  'validation-failed',
  'malformed-json',
  'malformed-path',
  'unauthenticated',
  'forbidden',
  'not-found',
  'method-not-allowed',
  'conflict',
  'version-conflict',
  'duplicate-username',
  'duplicate-township',
  'duty-list-unpublished',
  'idempotency-key-in-progress',
  'idempotency-key-reused',
  'payload-too-large',
  'unsupported-media-type',
  'unprocessable',
  'precondition-required',
  'too-many-requests',
  'internal-error',
  'unavailable',
  'invalid-text',
  'null-field',
  'json-too-deep',
  'malformed-encoding',
  'account-disabled',
  'wrong-password',
  'user-changed',
  'own-account',
  'admin-role-fixed',
  'file-too-large',
  'malformed-upload',
  ...Object.values(TableProblemCodes),
  'error',
] as const;

/** Every problem code: the HTTP layer's, the domain's business rules (409) and the ledger's access rules (403). */
export const PROBLEM_CODES = [...HTTP_PROBLEM_CODES, ...Object.values(RuleCodes), ...Object.values(AccessCodes)] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** Codes of the field errors of a 400 (`errors[].code`). */
export const FIELD_ERROR_CODES = [
  'required',
  'unknown-field',
  'not-text',
  'not-a-number',
  'not-a-whole-number',
  'not-a-boolean',
  'not-a-date',
  'not-a-uuid',
  'not-an-object',
  'not-a-list',
  'not-one-of',
  'bad-format',
  'too-short',
  'too-long',
  'too-many',
  'too-small',
  'too-large',
  'duplicate',
  'not-applicable',
  'too-few-officers',
  'not-after-effective-date',
  'in-the-future',
  'unknown-county',
  'unknown-township',
  'unknown-power',
  'malformed-json',
  'malformed-path',
  'key-reused',
  'not-storable-text',
  'null-not-allowed',
  'too-deep',
  'bad-encoding',
  'wrong-password',
  'not-a-spreadsheet',
  'no-rows',
  'missing-column',
  'unknown-column',
  'repeated-column',
  'formula',
  'merged-cell',
  'malformed-upload',
  'differs-from-catalogue',
  'not-an-instant',
  'too-early',
  'period-too-long',
  'not-on-duty-list',
  'unknown-department',
  ...Object.values(VocabularyFieldCodes),
  'invalid',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** Every code the spreadsheet reader names a bad place with is a field code of the API. */
export const TABLE_FIELD_CODES: readonly FieldErrorCode[] = Object.values(TableFieldCodes);

export function isFieldErrorCode(value: unknown): value is FieldErrorCode {
  return (FIELD_ERROR_CODES as readonly unknown[]).includes(value);
}

export function isProblemCode(value: unknown): value is ProblemCode {
  return (PROBLEM_CODES as readonly unknown[]).includes(value);
}

/** class-validator's constraint names (the DTOs' decorators) → field error codes. */
const CONSTRAINT_CODES: Readonly<Record<string, FieldErrorCode>> = {
  isDefined: 'required',
  isNotEmpty: 'required',
  whitelistValidation: 'unknown-field',
  nestedValidation: 'not-an-object',
  isString: 'not-text',
  isNumber: 'not-a-number',
  isInt: 'not-a-whole-number',
  isBoolean: 'not-a-boolean',
  isCalendarDate: 'not-a-date',
  isUuid: 'not-a-uuid',
  isObject: 'not-an-object',
  isArray: 'not-a-list',
  isIn: 'not-one-of',
  isEnum: 'not-one-of',
  matches: 'bad-format',
  minLength: 'too-short',
  maxLength: 'too-long',
  arrayMaxSize: 'too-many',
  min: 'too-small',
  isPositive: 'too-small',
  max: 'too-large',
};

export function constraintCode(constraint: string): FieldErrorCode {
  return CONSTRAINT_CODES[constraint] ?? 'invalid';
}

/**
 * The English messages of the field errors made without a code (the domain's field checks, identity
 * and header checks) → their codes, first match wins. The texts are the domain's own; its spec pins them.
 */
const MESSAGE_CODES: ReadonlyArray<readonly [RegExp, FieldErrorCode]> = [
  [/^duplicate /, 'duplicate'],
  [/needs at least 2 certified officers/, 'too-few-officers'],
  [/must be after effectiveOn/, 'not-after-effective-date'],
  [/must not be after today/, 'in-the-future'],
  [/^only |belongs to no county/, 'not-applicable'],
  [/is required|must not be blank|needs a written reason|must name at least one|names the county/, 'required'],
  [/must be a UUID/, 'not-a-uuid'],
  [/date/, 'not-a-date'],
  [/must be an object|must be a gap/, 'not-an-object'],
  [/must be a list/, 'not-a-list'],
  [/must be a whole number/, 'not-a-whole-number'],
  [/must be a number/, 'not-a-number'],
  [/must be true or false/, 'not-a-boolean'],
  [/must be text/, 'not-text'],
  [/must be at least|must be greater than|must not be negative/, 'too-small'],
  [/must be at most .* characters/, 'too-long'],
  [/must have at most .* entries/, 'too-many'],
  [/must be at most/, 'too-large'],
  [/must be one of/, 'not-one-of'],
  [/^no county/, 'unknown-county'],
  [/no such township/, 'unknown-township'],
  [/not in the county's power catalogue/, 'unknown-power'],
  [/malformed JSON/, 'malformed-json'],
  [/malformed %-escape/, 'malformed-path'],
  [/reused with a different request/, 'key-reused'],
  [/must be 1|must be the version in quotes|must be a power code|must be 3 to 64/, 'bad-format'],
];

export function messageCode(message: string): FieldErrorCode {
  return MESSAGE_CODES.find(([pattern]) => pattern.test(message))?.[1] ?? 'invalid';
}
