import { describe, expect, it } from 'vitest';
import type { Gap, Township } from '../api/types';
import { buildDashboard, CELL_STATES } from './dashboard';
import { aHandover } from './fixtures';

const townships: Township[] = [
  { id: 'tw-a', name: '安昌街道', countyId: 'c-1', teamId: 'team-a' },
  { id: 'tw-b', name: '西平街道', countyId: 'c-1', teamId: 'team-b' },
];
const cameras = (missing: number): Gap => ({
  resource: 'equipment',
  item: 'body-camera',
  required: 2,
  available: 2 - missing,
  missing,
  responsible: 'county-office',
});
const gapped = { ready: false, gaps: [cameras(2)] };

describe('the county dashboard', () => {
  it('counts each state in the legend as the status cards count it (a contested handover with gaps is contested)', () => {
    const dashboard = buildDashboard(
      [
        aHandover({ id: 'h-1', status: 'contested', readiness: gapped }),
        aHandover({ id: 'h-2', status: 'contested', powerCode: 'CF-CG-0002', readiness: gapped }),
        aHandover({ id: 'h-3', status: 'recorded', powerCode: 'CF-CG-0003', readiness: gapped }),
        aHandover({ id: 'h-4', status: 'active', powerCode: 'CF-CG-0004', readiness: gapped }),
        aHandover({ id: 'h-5', status: 'active', powerCode: 'CF-CG-0005' }),
      ],
      townships,
    );
    expect(dashboard.byStatus.contested).toBe(2);
    expect(dashboard.byCell.contested).toBe(2);
    expect(dashboard.byCell).toEqual({ ready: 1, gaps: 2, unanswered: 0, contested: 2, revoked: 0 });
    expect(CELL_STATES.reduce((sum, state) => sum + dashboard.byCell[state], 0)).toBe(dashboard.total);
  });

  it("counts a team's shortfall once per resource however many of its handovers need it", () => {
    const dashboard = buildDashboard(
      [
        aHandover({ id: 'h-1', teamId: 'team-a', townshipId: 'tw-a', powerCode: 'CF-CG-0001', readiness: gapped }),
        aHandover({ id: 'h-2', teamId: 'team-a', townshipId: 'tw-a', powerCode: 'CF-CG-0002', readiness: gapped }),
        aHandover({
          id: 'h-3',
          teamId: 'team-b',
          townshipId: 'tw-b',
          powerCode: 'CF-CG-0001',
          readiness: { ready: false, gaps: [cameras(1)] },
        }),
        aHandover({ id: 'h-4', teamId: 'team-b', townshipId: 'tw-b', powerCode: 'CF-CG-0003', status: 'revoked', readiness: gapped }),
      ],
      townships,
    );
    expect(dashboard.biggestGaps).toEqual([{ resource: 'equipment', item: 'body-camera', missing: 3, handovers: 3, townships: 2 }]);
  });
});
