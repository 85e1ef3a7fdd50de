import type { ValidationError } from '@nestjs/common';
import { en, zh } from '../../../web/src/i18n/messages';
import { problem, ProblemException } from './problem';
import { FIELD_ERROR_CODES, messageCode, PROBLEM_CODES } from './problem-codes';
import { flattenValidationErrors } from './validation';

const CJK = /[\u3400-\u9fff]/;
const dictionaries: Record<'zh' | 'en', Readonly<Record<string, string>>> = { zh, en };

describe('problem codes', () => {
  it.each([
    ['zh', 'problemCode', PROBLEM_CODES],
    ['zh', 'fieldCode', FIELD_ERROR_CODES],
    ['en', 'problemCode', PROBLEM_CODES],
    ['en', 'fieldCode', FIELD_ERROR_CODES],
  ] as const)('every code has a %s translation in the web app (%s)', (language, prefix, codes) => {
    const missing = codes.filter((code) => !dictionaries[language][`${prefix}.${code}`]?.trim());
    expect(missing).toEqual([]);
    for (const code of codes) {
      const text = dictionaries[language][`${prefix}.${code}`] ?? '';
      // Chinese in the Chinese table, none in the English one.
      expect(CJK.test(text), `${language} ${prefix}.${code}: ${text}`).toBe(language === 'zh');
    }
  });

  it('are kebab-case and unique', () => {
    for (const codes of [PROBLEM_CODES, FIELD_ERROR_CODES]) {
      expect(new Set(codes).size).toBe(codes.length);
      for (const code of codes) expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
  });

  it('puts the code beside the type, and keeps type, title, status and detail', () => {
    expect(problem(404, 'No handover h')).toEqual({
      type: '/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: 'No handover h',
      code: 'not-found',
    });
    expect(problem(409, 'taken', {}, 'duplicate-username')).toMatchObject({
      type: '/problems/duplicate-username',
      code: 'duplicate-username',
    });
  });

  it('gives every field error of a 400 a code, from the check or from its message', () => {
    const details = ProblemException.badRequest([
      { field: 'kind', message: "'x' is not one of the county's equipment kinds", code: 'unknown-equipment-kind' },
      { field: 'endsOn', message: 'is required for an entrustment' },
      {
        field: 'requirements.certifiedOfficers',
        message: 'a penalty item needs at least 2 certified officers (Administrative Penalty Law art. 42)',
      },
      { field: 'completedOn', message: 'must not be after today (2025-03-01)' },
      { field: 'x', message: 'something no one foresaw' },
    ]).problemDetails;
    expect(details).toMatchObject({ type: '/problems/validation-failed', code: 'validation-failed', status: 400 });
    expect(details.errors?.map((error) => [error.field, error.code])).toEqual([
      ['kind', 'unknown-equipment-kind'],
      ['endsOn', 'required'],
      ['requirements.certifiedOfficers', 'too-few-officers'],
      ['completedOn', 'in-the-future'],
      ['x', 'invalid'],
    ]);
    expect(details.errors?.[0]).toEqual({
      field: 'kind',
      code: 'unknown-equipment-kind',
      message: "'x' is not one of the county's equipment kinds",
    });
  });

  it.each([
    ['is required', 'required'],
    ['must not be blank', 'required'],
    ['must be a date YYYY-MM-DD', 'not-a-date'],
    ['must be a whole number', 'not-a-whole-number'],
    ['must be at least 1', 'too-small'],
    ['must be greater than 0', 'too-small'],
    ['must be a number', 'not-a-number'],
    ['must be a list', 'not-a-list'],
    ['must be one of transfer, entrustment', 'not-one-of'],
    ["duplicate kind 'body-camera'", 'duplicate'],
    ['must be an object { kind, quantity }', 'not-an-object'],
    ['must be after effectiveOn', 'not-after-effective-date'],
    ['only an entrustment has an end date', 'not-applicable'],
    ['a conditional acceptance needs a written reason', 'required'],
    ['teamId must be a UUID', 'not-a-uuid'],
    ['must be the version in quotes, e.g. "3"', 'bad-format'],
    ['must be at most 100 characters', 'too-long'],
  ] as const)('reads "%s" as %s', (message, code) => {
    expect(messageCode(message)).toBe(code);
  });

  it("codes class-validator's errors by the broken rule", () => {
    const node = (property: string, constraints: Record<string, string> = {}, children: ValidationError[] = []): ValidationError =>
      ({ property, constraints, children }) as ValidationError;
    const kind = node('kind', {
      isNotEmpty: 'kind should not be empty',
      maxLength: 'kind must be shorter than or equal to 100 characters',
    });
    const tree = node('requirements', {}, [node('equipment', {}, [node('0', {}, [kind])])]);
    const extra = node('extra', { whitelistValidation: 'property extra should not exist' });
    expect(flattenValidationErrors([tree, extra])).toEqual([
      { field: 'requirements.equipment[0].kind', code: 'required', message: 'kind should not be empty' },
      { field: 'requirements.equipment[0].kind', code: 'too-long', message: 'kind must be shorter than or equal to 100 characters' },
      { field: 'extra', code: 'unknown-field', message: 'property extra should not exist' },
    ]);
  });
});
