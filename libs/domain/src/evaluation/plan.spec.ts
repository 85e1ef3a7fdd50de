import { describe, expect, it } from 'vitest';
import { planHandoverBatch, type HandoverBatchInput, type PlannedPower, type Shortfall } from './plan';
import type { Gap, TeamCapacity } from '../readiness/readiness';

const TODAY = '2026-03-01';

const officer = (officerId: string, certificateExpiresOn = '2030-12-31') => ({
  officerId,
  certificateNumber: `C-${officerId}`,
  certificateExpiresOn,
});

const penalty: PlannedPower = {
  code: 'CF-SC-0006',
  department: 'market-regulation',
  requirements: { certifiedOfficers: 2, equipment: [{ kind: 'body-camera', quantity: 2 }], training: [{ course: 'law-basics', hours: 8 }] },
};
const inspection: PlannedPower = {
  code: 'JC-HB-0002',
  department: 'ecology',
  requirements: {
    certifiedOfficers: 3,
    equipment: [
      { kind: 'body-camera', quantity: 1 },
      { kind: 'gas-detector', quantity: 1 },
    ],
    training: [
      { course: 'law-basics', hours: 16 },
      { course: 'sampling', hours: 4 },
    ],
  },
};
const light: PlannedPower = { code: 'QT-0001', department: 'urban', requirements: { certifiedOfficers: 1, equipment: [], training: [] } };

/** Two certified officers, both trained 8 h in law basics, two body cameras: ready for the penalty, not the inspection. */
const xiping: TeamCapacity = {
  officers: [officer('o1'), officer('o2')],
  equipment: [{ kind: 'body-camera', quantity: 2 }],
  training: [
    { officerId: 'o1', course: 'law-basics', hours: 8 },
    { officerId: 'o2', course: 'law-basics', hours: 8 },
  ],
};
/** One officer, untrained, no equipment. */
const dongcheng: TeamCapacity = { officers: [officer('o3')], equipment: [], training: [] };

const input = (overrides: Partial<HandoverBatchInput> = {}): HandoverBatchInput => ({
  powers: [penalty, inspection, light],
  townships: [
    { townshipId: 'xiping', team: xiping },
    { townshipId: 'dongcheng', team: dongcheng },
    { townshipId: 'nanshan', team: null },
  ],
  effectiveOn: '2026-04-01',
  today: TODAY,
  ...overrides,
});

/** The county total recomputed from the per-pair gaps, independently of the planner's tally. */
function sumOfGaps(notReady: { gaps: Gap[]; powerCode: string }[], powers: PlannedPower[]): Shortfall {
  const hoursOf = (code: string, course: string) =>
    powers.find((power) => power.code === code)?.requirements.training.find((line) => line.course === course)?.hours ?? 0;
  let officers = 0;
  const equipment = new Map<string, number>();
  const training = new Map<string, { officers: number; hours: number }>();
  for (const { gaps, powerCode } of notReady)
    for (const gap of gaps) {
      if (gap.resource === 'officers') officers += gap.missing;
      if (gap.resource === 'equipment') equipment.set(gap.item, (equipment.get(gap.item) ?? 0) + gap.missing);
      if (gap.resource === 'training') {
        const line = training.get(gap.item) ?? { officers: 0, hours: 0 };
        training.set(gap.item, { officers: line.officers + gap.missing, hours: line.hours + gap.missing * hoursOf(powerCode, gap.item) });
      }
    }
  return {
    officers,
    equipment: [...equipment].sort().map(([kind, quantity]) => ({ kind, quantity })),
    training: [...training].sort().map(([course, line]) => ({ course, ...line })),
  };
}

describe('the batch planner', () => {
  it('judges every township × power pair with the readiness rules, in the order given', () => {
    const plan = planHandoverBatch(input());
    expect(plan.effectiveOn).toBe('2026-04-01');
    expect(plan.ready).toEqual([
      { townshipId: 'xiping', powerCode: 'CF-SC-0006' },
      { townshipId: 'xiping', powerCode: 'QT-0001' },
      { townshipId: 'dongcheng', powerCode: 'QT-0001' },
    ]);
    expect(plan.notReady.map(({ townshipId, powerCode }) => `${townshipId}/${powerCode}`)).toEqual([
      'xiping/JC-HB-0002',
      'dongcheng/CF-SC-0006',
      'dongcheng/JC-HB-0002',
      'nanshan/CF-SC-0006',
      'nanshan/JC-HB-0002',
      'nanshan/QT-0001',
    ]);
  });

  it('names the power’s department as responsible: nothing is committed yet', () => {
    const plan = planHandoverBatch(input());
    const gaps = plan.notReady.find((pair) => pair.townshipId === 'dongcheng' && pair.powerCode === 'CF-SC-0006')?.gaps;
    expect(gaps).toEqual([
      { resource: 'officers', item: 'certified-officer', required: 2, available: 1, missing: 1, responsible: 'county-office' },
      { resource: 'training', item: 'law-basics', required: 2, available: 0, missing: 2, responsible: 'county-office' },
      { resource: 'equipment', item: 'body-camera', required: 2, available: 0, missing: 2, responsible: 'county-office' },
    ]);
  });

  it('a township with no team lacks every requirement', () => {
    const plan = planHandoverBatch(input({ townships: [{ townshipId: 'nanshan', team: null }] }));
    expect(plan.ready).toEqual([]);
    expect(plan.missing).toEqual({
      officers: 2 + 3 + 1,
      equipment: [
        { kind: 'body-camera', quantity: 3 },
        { kind: 'gas-detector', quantity: 1 },
      ],
      training: [
        { course: 'law-basics', officers: 5, hours: 2 * 8 + 3 * 16 },
        { course: 'sampling', officers: 3, hours: 3 * 4 },
      ],
    });
  });

  it('the county totals are exactly the sum of the per-pair gaps', () => {
    const plan = planHandoverBatch(input());
    expect(plan.missing).toEqual(sumOfGaps(plan.notReady, [penalty, inspection, light]));
    expect(plan.missing.officers).toBe(
      plan.notReady
        .flatMap((pair) => pair.gaps)
        .filter((gap) => gap.resource === 'officers')
        .reduce((sum, gap) => sum + gap.missing, 0),
    );
  });

  it('per township, each item is the largest shortfall over its pairs (one team carries them all)', () => {
    const plan = planHandoverBatch(input());
    expect(plan.byTownship).toEqual([
      {
        townshipId: 'xiping',
        officers: 1,
        equipment: [{ kind: 'gas-detector', quantity: 1 }],
        training: [
          { course: 'law-basics', officers: 3, hours: 48 },
          { course: 'sampling', officers: 3, hours: 12 },
        ],
      },
      {
        townshipId: 'dongcheng',
        officers: 2,
        equipment: [
          { kind: 'body-camera', quantity: 2 },
          { kind: 'gas-detector', quantity: 1 },
        ],
        training: [
          { course: 'law-basics', officers: 3, hours: 48 },
          { course: 'sampling', officers: 3, hours: 12 },
        ],
      },
      {
        townshipId: 'nanshan',
        officers: 3,
        equipment: [
          { kind: 'body-camera', quantity: 2 },
          { kind: 'gas-detector', quantity: 1 },
        ],
        training: [
          { course: 'law-basics', officers: 3, hours: 48 },
          { course: 'sampling', officers: 3, hours: 12 },
        ],
      },
    ]);
  });

  it('judges as of the effective date when it is later than today: a certificate lapsing before it counts as gone', () => {
    const lapsing: TeamCapacity = { officers: [officer('o9', '2026-03-31')], equipment: [], training: [] };
    const townships = [{ townshipId: 'beiguan', team: lapsing }];
    expect(planHandoverBatch(input({ powers: [light], townships, effectiveOn: '2026-03-31' })).ready).toHaveLength(1);
    const later = planHandoverBatch(input({ powers: [light], townships, effectiveOn: '2026-04-01' }));
    expect(later.notReady[0]?.gaps).toEqual([
      { resource: 'officers', item: 'certified-officer', required: 1, available: 0, missing: 1, responsible: 'county-office' },
    ]);
  });

  it('all ready: nothing missing', () => {
    const plan = planHandoverBatch(input({ powers: [penalty], townships: [{ townshipId: 'xiping', team: xiping }] }));
    expect(plan.notReady).toEqual([]);
    expect(plan.missing).toEqual({ officers: 0, equipment: [], training: [] });
    expect(plan.byTownship).toEqual([{ townshipId: 'xiping', officers: 0, equipment: [], training: [] }]);
  });
});
