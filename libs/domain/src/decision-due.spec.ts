import { decisionDueAt, isDecisionOverdue } from './decision-due';

describe('decision due', () => {
  it('counts whole days from the filing instant', () => {
    expect(decisionDueAt('2026-12-07T02:00:00.000Z', { days: 10 })).toBe('2026-12-17T02:00:00.000Z');
  });

  it('counts a plain duration (seconds in tests)', () => {
    expect(decisionDueAt('2026-12-07T02:00:00.000Z', { ms: 5000 })).toBe('2026-12-07T02:00:05.000Z');
  });

  it('is overdue from the due instant on', () => {
    const filedAt = '2026-12-07T02:00:00.000Z';
    expect(isDecisionOverdue(filedAt, { days: 10 }, '2026-12-17T01:59:59.999Z')).toBe(false);
    expect(isDecisionOverdue(filedAt, { days: 10 }, '2026-12-17T02:00:00.000Z')).toBe(true);
  });
});
