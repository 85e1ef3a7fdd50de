import { catalogue, officers } from '../../../domain/src/testing/sample-data';
import { canonicalJson, readinessOf, sameReadiness } from './handover-readiness';

describe('readinessOf', () => {
  const terms = {
    committed: { officers: [], equipment: [{ kind: 'body-camera', quantity: 2 }], training: [] },
    department: '城市管理局',
    effectiveOn: '2025-07-01',
  };
  const team = {
    officers: [officers.zhangWei, officers.liNa],
    equipment: [{ kind: 'body-camera', quantity: 1 }],
    training: [
      { trainingId: 't1', officerId: officers.zhangWei.officerId, course: '市容环卫执法实务', hours: 4, completedOn: '2025-05-01' },
      { trainingId: 't2', officerId: officers.liNa.officerId, course: '市容环卫执法实务', hours: 4, completedOn: '2025-05-01' },
    ],
  };

  it('assesses the power against the team as of the later of today and the effective date', () => {
    expect(readinessOf(terms, catalogue.littering().requirements, team, '2025-06-01')).toEqual({
      ready: false,
      gaps: [{ resource: 'equipment', item: 'body-camera', required: 2, available: 1, missing: 1, responsible: '城市管理局' }],
    });
    // 李娜's certificate ends 2026-11-30.
    expect(readinessOf(terms, catalogue.littering().requirements, team, '2026-12-01').gaps.map((gap) => gap.resource)).toEqual([
      'officers',
      'training',
      'equipment',
    ]);
  });

  it('sees nothing of an unknown team, and cannot judge an unknown power', () => {
    expect(readinessOf(terms, catalogue.littering().requirements, null, '2025-06-01').gaps).toHaveLength(3);
    expect(readinessOf(terms, null, team, '2025-06-01')).toEqual({ ready: false, gaps: [] });
  });

  it('compares readiness whatever the key order jsonb gave back', () => {
    const gap = {
      resource: 'officers',
      item: 'certified-officer',
      required: 2,
      available: 1,
      missing: 1,
      responsible: 'county-office',
    } as const;
    const reordered = JSON.parse(
      '{"item":"certified-officer","missing":1,"required":2,"resource":"officers","available":1,"responsible":"county-office"}',
    ) as typeof gap;
    expect(canonicalJson([gap])).toBe(canonicalJson([reordered]));
    expect(sameReadiness({ ready: false, gaps: [gap] }, { ready: false, gaps: [reordered] })).toBe(true);
    expect(sameReadiness({ ready: false, gaps: [gap] }, { ready: false, gaps: [{ ...gap, missing: 2 }] })).toBe(false);
  });
});
