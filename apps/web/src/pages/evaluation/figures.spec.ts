import { describe, expect, it } from 'vitest';
import { gapDaysByParty, lastTwelveMonths, percent, readinessLines, reminderHistogram } from './figures';

describe('evaluation figures', () => {
  it('defaults to the twelve calendar months up to today', () => {
    expect(lastTwelveMonths('2026-12-06')).toEqual({ from: '2026-01-01', to: '2026-12-06' });
    expect(lastTwelveMonths('2026-03-31')).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    expect(lastTwelveMonths('2026-11-01')).toEqual({ from: '2025-12-01', to: '2026-11-01' });
  });

  it('buckets the days from a reminder to the gaps closed, every bucket present, edges inclusive', () => {
    const histogram = reminderHistogram([
      { gapClosedAfterReminderDays: [0, 3, 4, 7, 8] },
      { gapClosedAfterReminderDays: [14, 15, 30, 31, 400] },
    ]);
    expect(histogram).toEqual([
      { bucket: '0-3', count: 2 },
      { bucket: '4-7', count: 2 },
      { bucket: '8-14', count: 2 },
      { bucket: '15-30', count: 2 },
      { bucket: '31+', count: 2 },
    ]);
    expect(reminderHistogram([]).every((bar) => bar.count === 0)).toBe(true);
  });

  it('draws readiness in percent per township and month, leaving out the months without a handover', () => {
    const names: Record<string, string> = { t1: '西平街道', t2: '白水镇' };
    const lines = readinessLines(
      [
        { townshipId: 't2', month: '2026-02', days: 28, readyDays: 7, readyShare: 0.25 },
        { townshipId: 't1', month: '2026-02', days: 28, readyDays: 28, readyShare: 1 },
        { townshipId: 't1', month: '2026-01', days: 31, readyDays: 10, readyShare: 10 / 31 },
        { townshipId: 't2', month: '2026-01', days: 0, readyDays: 0, readyShare: null },
      ],
      (id) => names[id] ?? id,
    );
    expect(lines).toEqual([
      { month: '2026-01', township: '西平街道', share: 32.3 },
      { month: '2026-02', township: '白水镇', share: 25 },
      { month: '2026-02', township: '西平街道', share: 100 },
    ]);
  });

  const noWhistles = { whistles: 0, whistlesResolvedOnTime: 0, whistleScore: null };

  it('orders the parties by gap days and names the county office as the county does', () => {
    const bars = gapDaysByParty(
      [
        { department: '城市管理局', handovers: 2, promised: 3, delivered: 1, deliveredOnTime: 1, lateDays: 20, gapDays: 12, ...noWhistles },
        {
          department: 'county-office',
          handovers: 2,
          promised: 0,
          delivered: 0,
          deliveredOnTime: 0,
          lateDays: 0,
          gapDays: 40,
          ...noWhistles,
        },
        { department: '市场监管局', handovers: 1, promised: 1, delivered: 1, deliveredOnTime: 1, lateDays: 0, gapDays: 0, ...noWhistles },
      ],
      (party) => (party === 'county-office' ? '县级统筹' : party),
    );
    expect(bars).toEqual([
      { party: '县级统筹', gapDays: 40 },
      { party: '城市管理局', gapDays: 12 },
    ]);
  });

  it('shows a share as a percentage', () => {
    expect(percent(null)).toBe('—');
    expect(percent(1)).toBe('100.0%');
    expect(percent(2 / 3)).toBe('66.7%');
  });
});
