import { describe, expect, it } from 'vitest';
import { parseAsOfDate, parseEvaluationPeriod } from './period';

const TODAY = '2026-12-06';

describe('the evaluation period', () => {
  it('defaults to the year up to today, and cuts a period at today', () => {
    expect(parseEvaluationPeriod({}, TODAY)).toEqual({ ok: true, value: { from: '2025-12-07', to: TODAY } });
    expect(parseEvaluationPeriod({ from: '2026-01-01', to: '2027-06-30' }, TODAY)).toEqual({
      ok: true,
      value: { from: '2026-01-01', to: TODAY },
    });
    expect(parseEvaluationPeriod({ to: '2024-02-29' }, TODAY)).toEqual({ ok: true, value: { from: '2023-03-01', to: '2024-02-29' } });
  });

  it('names the field of a period that runs backwards, starts in the future or is over five years', () => {
    expect(parseEvaluationPeriod({ from: '2026-03-02', to: '2026-03-01' }, TODAY)).toEqual({
      ok: false,
      error: [{ field: 'to', message: 'must not be before from', code: 'too-early' }],
    });
    expect(parseEvaluationPeriod({ from: '2026-12-07' }, TODAY)).toMatchObject({
      ok: false,
      error: [{ field: 'from', code: 'in-the-future' }],
    });
    expect(parseEvaluationPeriod({ from: '2021-01-01', to: '2026-01-01' }, TODAY)).toMatchObject({
      ok: false,
      error: [{ field: 'from', code: 'period-too-long' }],
    });
    expect(parseEvaluationPeriod({ from: '2021-01-02', to: '2026-01-01' }, TODAY)).toMatchObject({ ok: true });
  });

  it('refuses an as-of day after today', () => {
    expect(parseAsOfDate(TODAY, TODAY)).toEqual({ ok: true, value: TODAY });
    expect(parseAsOfDate('2026-12-07', TODAY)).toMatchObject({ ok: false, error: [{ field: 'date', code: 'in-the-future' }] });
  });
});
