import { LABEL_MAX, TEXT_MAX } from '../limits';
import {
  parseDecideExtension,
  parseDispatchWhistle,
  parseEvaluateWhistle,
  parseRaiseWhistle,
  parseRequestExtension,
  parseResolveWhistle,
  parseSignOffWhistle,
} from './parse';
import { requireInstant } from '../validation';

const clerk = { username: 'wang.clerk', townshipId: 'township-xinhe', head: false };
const market = { username: 'sun.market', department: '市场监管局' };
const office = { username: 'chen.office' };
const raise = {
  whistleId: 'w-1',
  countyId: 'county-zhanyi',
  townshipId: 'township-xinhe',
  title: ' 河道旁无照经营烧烤摊 ',
  description: '油烟和垃圾直排河道',
  by: clerk,
};

const fields = (result: { ok: boolean; error?: Array<{ field: string }> }): string[] =>
  result.ok ? [] : result.error!.map((e) => e.field);

describe('parsing whistle commands', () => {
  it('parses a whistle, trimming its text; the urgency is normal unless said', () => {
    expect(parseRaiseWhistle(raise)).toEqual({
      ok: true,
      value: { type: 'RaiseWhistle', data: { ...raise, title: '河道旁无照经营烧烤摊', urgency: 'normal' } },
    });
    expect(
      parseRaiseWhistle({ ...raise, urgency: 'urgent', location: ' 新河村 ', dutyCode: 'ZZ-1', dutyCategory: 'returned' }),
    ).toMatchObject({
      ok: true,
      value: { data: { urgency: 'urgent', location: '新河村', dutyCode: 'ZZ-1', dutyCategory: 'returned' } },
    });
  });

  it('names every bad field of a whistle, within the limits the API states', () => {
    expect(
      fields(
        parseRaiseWhistle({
          ...raise,
          title: 'x'.repeat(LABEL_MAX + 1),
          description: '',
          dutyCode: 'ZZ-1',
          location: 7,
          urgency: 'very',
          by: { username: 'wang.clerk', townshipId: 'township-xinhe' },
          routing: { department: '市场监管局', coDepartments: ['生态环境局', '生态环境局', '市场监管局'] },
          acceptBy: '2026-03-02 09:00',
        }),
      ),
    ).toEqual([
      'title',
      'description',
      'dutyCategory',
      'location',
      'urgency',
      'by.head',
      'routing.coDepartments[1]',
      'routing.coDepartments[2]',
      'acceptBy',
    ]);
    expect(fields(parseRaiseWhistle({ ...raise, description: 'x'.repeat(TEXT_MAX + 1) }))).toEqual(['description']);
    expect(fields(parseRaiseWhistle(undefined))).toEqual([
      'whistleId',
      'countyId',
      'townshipId',
      'title',
      'description',
      'by.username',
      'by.townshipId',
      'by.head',
    ]);
  });

  it('needs the routing at sign-off', () => {
    expect(fields(parseSignOffWhistle({ by: { ...clerk, head: true } }))).toEqual(['routing']);
    expect(parseSignOffWhistle({ by: { ...clerk, head: true }, routing: { coDepartments: [] } })).toMatchObject({ ok: true });
  });

  it('names the department and acceptBy of a dispatch', () => {
    expect(fields(parseDispatchWhistle({ by: office, department: ' ', coDepartments: 'all' }))).toEqual([
      'department',
      'coDepartments',
      'acceptBy',
    ]);
  });

  it('a resolution needs its result; an extension its until and reason; a decision its granted and reason', () => {
    expect(fields(parseResolveWhistle({ by: market }))).toEqual(['result']);
    expect(fields(parseResolveWhistle({ by: market, result: 'x'.repeat(TEXT_MAX + 1) }))).toEqual(['result']);
    expect(fields(parseRequestExtension({ by: market, until: '2026-02-30T09:00:00+08:00' }))).toEqual(['until', 'reason']);
    expect(fields(parseDecideExtension({ by: office, granted: 'yes', reason: '' }))).toEqual(['granted', 'reason']);
  });

  it('a score is a whole number from 1 to 5, satisfied a boolean, the comment optional', () => {
    for (const score of [0, 6, 2.5, '5', undefined])
      expect(fields(parseEvaluateWhistle({ by: clerk, score, satisfied: true }))).toEqual(['score']);
    expect(fields(parseEvaluateWhistle({ by: clerk, score: 1, satisfied: 'no' }))).toEqual(['satisfied']);
    expect(parseEvaluateWhistle({ by: clerk, score: 5, satisfied: true, comment: '  ' })).toEqual({
      ok: true,
      value: { type: 'EvaluateWhistle', data: { by: clerk, score: 5, satisfied: true } },
    });
  });

  it('reads an instant with its zone, normalised to UTC, and nothing else', () => {
    const errors: { field: string; message: string; code?: string }[] = [];
    expect(requireInstant(errors, 'until', '2026-03-02T09:00:00+08:00')).toBe('2026-03-02T01:00:00.000Z');
    expect(requireInstant(errors, 'until', '2026-03-02T01:00Z')).toBe('2026-03-02T01:00:00.000Z');
    expect(errors).toEqual([]);
    for (const bad of [
      '2026-03-02',
      '2026-03-02T09:00:00',
      '2026-13-02T09:00:00Z',
      '2026-02-29T09:00:00Z',
      '2026-03-02T24:00:00Z',
      'soon',
      1_772_413_200_000,
      '',
    ])
      requireInstant(errors, 'until', bad);
    expect(errors.map((error) => error.code)).toEqual(Array(8).fill('not-an-instant'));
  });
});
