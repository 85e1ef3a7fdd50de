import {
  assessReadiness,
  COUNTY_OFFICE,
  gapFingerprint,
  isReady,
  toReadiness,
  type Gap,
  type ReadinessInput,
  type TeamCapacity,
} from './readiness';
import { evolveAll } from '../decider';
import { teamDecider } from '../team/decider';
import { teamCapacity } from '../team/state';
import type { TeamEvent } from '../team/events';
import { noCommitments, type Commitments, type Requirements } from '../resources';
import { catalogue, ECOLOGY, MARKET_REGULATION, officers, requirementsOf, teamFormed, URBAN_MANAGEMENT } from '../testing/sample-data';

const { zhangWei, liNa, wangQiang, zhaoMin } = officers;
const TODAY = '2025-03-01';

type OfficerFixture = { officerId: string; certificateNumber: string; certificateExpiresOn: string };
const officer = ({ officerId, certificateNumber, certificateExpiresOn }: OfficerFixture, expiresOn = certificateExpiresOn) => ({
  officerId,
  certificateNumber,
  certificateExpiresOn: expiresOn,
});
const course = (officerId: string, name: string, hours: number) => ({ officerId, course: name, hours });

/** 西平街道's team, ready for 对无照经营的处罚 (CF-SC-0006): two certified officers trained 8 h, two body cameras. */
const readyTeam = (): TeamCapacity => ({
  officers: [officer(zhangWei), officer(liNa)],
  equipment: [{ kind: 'body-camera', quantity: 2 }],
  training: [course(zhangWei.officerId, '无证无照经营查处', 8), course(liNa.officerId, '无证无照经营查处', 8)],
});

const input = (overrides: Partial<ReadinessInput> = {}): ReadinessInput => ({
  requirements: requirementsOf(catalogue.unlicensedPenalty),
  team: readyTeam(),
  committed: noCommitments(),
  department: MARKET_REGULATION,
  effectiveOn: '2025-04-01',
  today: TODAY,
  ...overrides,
});

const officersGap = (available: number, required = 2, responsible = COUNTY_OFFICE): Gap => ({
  resource: 'officers',
  item: 'certified-officer',
  required,
  available,
  missing: required - available,
  responsible,
});

describe('assessReadiness', () => {
  it('finds no gap when the team has everything the power needs', () => {
    const gaps = assessReadiness(input());
    expect(gaps).toEqual([]);
    expect(isReady(gaps)).toBe(true);
    expect(toReadiness(gaps)).toEqual({ ready: true, gaps: [] });
  });

  it('finds no gap where the team has more than required (never a negative gap)', () => {
    const team = readyTeam();
    team.officers.push(officer(wangQiang));
    team.equipment = [{ kind: 'body-camera', quantity: 10 }];
    expect(assessReadiness(input({ team }))).toEqual([]);
  });

  describe('officers', () => {
    it('reports the certified officers missing', () => {
      const team = readyTeam();
      team.officers = [officer(zhangWei)];
      expect(assessReadiness(input({ team }))).toEqual([
        officersGap(1),
        // the course needs as many trained certified officers as certified officers
        { resource: 'training', item: '无证无照经营查处', required: 2, available: 1, missing: 1, responsible: COUNTY_OFFICE },
      ]);
    });

    it('reports every officer missing for an empty team', () => {
      const gaps = assessReadiness(input({ team: { officers: [], equipment: [], training: [] } }));
      expect(gaps).toEqual([
        officersGap(0),
        { resource: 'training', item: '无证无照经营查处', required: 2, available: 0, missing: 2, responsible: COUNTY_OFFICE },
        { resource: 'equipment', item: 'body-camera', required: 2, available: 0, missing: 2, responsible: COUNTY_OFFICE },
      ]);
      expect(isReady(gaps)).toBe(false);
      expect(toReadiness(gaps)).toEqual({ ready: false, gaps });
    });

    describe('certificate validity (valid through its expiry date, as of the later of today and the effective date)', () => {
      const teamWith = (expiresOn: string): TeamCapacity => ({
        ...readyTeam(),
        officers: [officer(zhangWei), officer(zhaoMin, expiresOn)],
        training: [course(zhangWei.officerId, '无证无照经营查处', 8), course(zhaoMin.officerId, '无证无照经营查处', 8)],
      });

      it('counts a certificate on its expiry date', () => {
        expect(assessReadiness(input({ team: teamWith('2025-04-01'), effectiveOn: '2025-04-01' }))).toEqual([]);
      });

      it('does not count it the day after', () => {
        expect(assessReadiness(input({ team: teamWith('2025-03-31'), effectiveOn: '2025-04-01' }))).toEqual([
          officersGap(1),
          { resource: 'training', item: '无证无照经营查处', required: 2, available: 1, missing: 1, responsible: COUNTY_OFFICE },
        ]);
      });

      it('uses the effective date when it is later than today', () => {
        // valid today (2025-03-01) but expired by the time the power takes effect
        const gaps = assessReadiness(input({ team: teamWith('2025-03-15'), today: '2025-03-01', effectiveOn: '2025-04-01' }));
        expect(gaps[0]).toEqual(officersGap(1));
      });

      it('uses today when the effective date has passed', () => {
        const team = teamWith('2025-03-01');
        expect(assessReadiness(input({ team, today: '2025-03-01', effectiveOn: '2025-01-01' }))).toEqual([]);
        expect(assessReadiness(input({ team, today: '2025-03-02', effectiveOn: '2025-01-01' }))[0]).toEqual(officersGap(1));
      });
    });

    it('does not count officers who have left the team', () => {
      const history: TeamEvent[] = [
        teamFormed(),
        { type: 'OfficerJoined', data: { ...zhangWei } },
        { type: 'OfficerJoined', data: { ...liNa } },
        { type: 'EquipmentReceived', data: { kind: 'body-camera', quantity: 2 } },
        {
          type: 'TrainingCompleted',
          data: { trainingId: 't-1', officerId: zhangWei.officerId, course: '无证无照经营查处', hours: 8, completedOn: '2025-01-10' },
        },
        {
          type: 'TrainingCompleted',
          data: { trainingId: 't-2', officerId: liNa.officerId, course: '无证无照经营查处', hours: 8, completedOn: '2025-01-10' },
        },
      ];
      const before = teamCapacity(evolveAll(teamDecider, teamDecider.initialState, history));
      expect(assessReadiness(input({ team: before }))).toEqual([]);

      const after = teamCapacity(
        evolveAll(teamDecider, teamDecider.initialState, [
          ...history,
          { type: 'OfficerLeft', data: { officerId: liNa.officerId, reason: '调离' } },
        ]),
      );
      expect(assessReadiness(input({ team: after }))).toEqual([
        officersGap(1),
        { resource: 'training', item: '无证无照经营查处', required: 2, available: 1, missing: 1, responsible: COUNTY_OFFICE },
      ]);
    });

    it('needs no officer for an item that requires none', () => {
      const requirements: Requirements = { certifiedOfficers: 0, equipment: [], training: [{ course: '行政检查规范', hours: 2 }] };
      expect(assessReadiness(input({ requirements, team: { officers: [], equipment: [], training: [] } }))).toEqual([]);
    });
  });

  describe('training', () => {
    it('sums the hours of the same course per officer', () => {
      const team = readyTeam();
      team.training = [
        course(zhangWei.officerId, '无证无照经营查处', 8),
        course(liNa.officerId, '无证无照经营查处', 4),
        course(liNa.officerId, '无证无照经营查处', 4),
      ];
      expect(assessReadiness(input({ team }))).toEqual([]);
    });

    it('does not let hours of another course or of another officer count', () => {
      const team = readyTeam();
      team.training = [
        course(zhangWei.officerId, '无证无照经营查处', 16),
        course(liNa.officerId, '无证无照经营查处', 7.5),
        course(liNa.officerId, '行政处罚法', 40),
      ];
      expect(assessReadiness(input({ team }))).toEqual([
        { resource: 'training', item: '无证无照经营查处', required: 2, available: 1, missing: 1, responsible: COUNTY_OFFICE },
      ]);
    });

    it('counts only the training of certified officers', () => {
      const team: TeamCapacity = {
        ...readyTeam(),
        officers: [officer(zhangWei), officer(liNa), officer(zhaoMin, '2024-12-31')],
        training: [course(zhangWei.officerId, '无证无照经营查处', 8), course(zhaoMin.officerId, '无证无照经营查处', 8)],
      };
      expect(assessReadiness(input({ team }))).toEqual([
        { resource: 'training', item: '无证无照经营查处', required: 2, available: 1, missing: 1, responsible: COUNTY_OFFICE },
      ]);
    });

    it('reports one gap per required course, ordered by course', () => {
      const requirements: Requirements = {
        certifiedOfficers: 2,
        equipment: [],
        training: [
          { course: 'b-证据保全', hours: 4 },
          { course: 'a-询问笔录', hours: 2 },
        ],
      };
      expect(assessReadiness(input({ requirements })).map((gap) => gap.item)).toEqual(['a-询问笔录', 'b-证据保全']);
    });
  });

  describe('equipment', () => {
    it('reports each kind short, ordered by kind', () => {
      const requirements = requirementsOf(catalogue.unlicensedSealing);
      const team: TeamCapacity = {
        ...readyTeam(),
        training: [course(zhangWei.officerId, '查封扣押程序', 12), course(liNa.officerId, '查封扣押程序', 12)],
        equipment: [
          { kind: 'body-camera', quantity: 1 },
          { kind: 'seal-strip', quantity: 40 },
        ],
      };
      expect(assessReadiness(input({ requirements, team }))).toEqual([
        { resource: 'equipment', item: 'body-camera', required: 2, available: 1, missing: 1, responsible: COUNTY_OFFICE },
        { resource: 'equipment', item: 'seal-strip', required: 100, available: 40, missing: 60, responsible: COUNTY_OFFICE },
      ]);
    });

    it('counts a kind the team does not have as zero available', () => {
      const requirements = requirementsOf(catalogue.roadOccupation);
      const team: TeamCapacity = {
        ...readyTeam(),
        training: [course(zhangWei.officerId, '城市道路管理执法', 6), course(liNa.officerId, '城市道路管理执法', 6)],
      };
      expect(assessReadiness(input({ requirements, team, department: URBAN_MANAGEMENT }))).toEqual([
        { resource: 'equipment', item: 'vehicle', required: 1, available: 0, missing: 1, responsible: COUNTY_OFFICE },
      ]);
    });
  });

  it('orders gaps: officers, then training by course, then equipment by kind', () => {
    const requirements: Requirements = {
      certifiedOfficers: 3,
      equipment: [
        { kind: 'vehicle', quantity: 1 },
        { kind: 'body-camera', quantity: 3 },
      ],
      training: [
        { course: '证据保全', hours: 4 },
        { course: '行政处罚法', hours: 8 },
      ],
    };
    const gaps = assessReadiness(input({ requirements, team: { officers: [], equipment: [], training: [] } }));
    expect(gaps.map((gap) => `${gap.resource}/${gap.item}`)).toEqual([
      'officers/certified-officer',
      'training/行政处罚法',
      'training/证据保全',
      'equipment/body-camera',
      'equipment/vehicle',
    ]);
  });

  describe('a team serves all its powers', () => {
    it('checks each power against the whole team, without dividing its capacity', () => {
      const team: TeamCapacity = {
        officers: [officer(zhangWei), officer(liNa)],
        equipment: [
          { kind: 'body-camera', quantity: 2 },
          { kind: 'drone', quantity: 1 },
          { kind: 'vehicle', quantity: 1 },
        ],
        training: [zhangWei.officerId, liNa.officerId].flatMap((id) => [
          course(id, '市容环卫执法实务', 4),
          course(id, '无证无照经营查处', 8),
          course(id, '大气污染防治执法', 4),
          course(id, '城市道路管理执法', 6),
        ]),
      };
      for (const item of [catalogue.littering, catalogue.unlicensedPenalty, catalogue.strawBurning, catalogue.roadOccupation]) {
        const { requirements, department } = item();
        expect(assessReadiness(input({ requirements, department, team }))).toEqual([]);
      }
    });
  });

  describe('responsible', () => {
    const emptyTeam = (): TeamCapacity => ({ officers: [], equipment: [], training: [] });
    const committed = (): Commitments => ({
      officers: [{ name: '王强', certificateNumber: wangQiang.certificateNumber, certificateExpiresOn: wangQiang.certificateExpiresOn }],
      equipment: [{ kind: 'body-camera', quantity: 2 }],
      training: [{ course: '无证无照经营查处', hours: 8, scheduledOn: '2025-03-20' }],
      budgetYuan: 50000,
    });

    it('is the department for what it committed and has not delivered', () => {
      expect(assessReadiness(input({ team: emptyTeam(), committed: committed() })).map((gap) => gap.responsible)).toEqual([
        MARKET_REGULATION,
        MARKET_REGULATION,
        MARKET_REGULATION,
      ]);
    });

    it('is the county office for what nobody committed', () => {
      expect(assessReadiness(input({ team: emptyTeam() })).map((gap) => gap.responsible)).toEqual([
        COUNTY_OFFICE,
        COUNTY_OFFICE,
        COUNTY_OFFICE,
      ]);
    });

    it('matches equipment by kind and training by course', () => {
      const promise: Commitments = {
        officers: [],
        equipment: [{ kind: 'vehicle', quantity: 1 }],
        training: [{ course: '大气污染防治执法', hours: 4, scheduledOn: '2025-03-20' }],
      };
      const requirements = requirementsOf(catalogue.strawBurning);
      expect(assessReadiness(input({ requirements, team: emptyTeam(), committed: promise, department: ECOLOGY }))).toEqual([
        officersGap(0),
        { resource: 'training', item: '大气污染防治执法', required: 2, available: 0, missing: 2, responsible: ECOLOGY },
        { resource: 'equipment', item: 'body-camera', required: 2, available: 0, missing: 2, responsible: COUNTY_OFFICE },
        { resource: 'equipment', item: 'drone', required: 1, available: 0, missing: 1, responsible: COUNTY_OFFICE },
      ]);
    });

    it('passes to the county office once every committed officer has arrived (matched by certificate number)', () => {
      // 王强 was seconded as promised; the second officer is still missing, and nobody promised it.
      const team: TeamCapacity = { ...readyTeam(), officers: [officer(wangQiang)] };
      expect(assessReadiness(input({ team, committed: committed() }))[0]).toEqual(officersGap(1));
    });

    it('stays with the department while a committed officer has not arrived', () => {
      const team: TeamCapacity = { ...readyTeam(), officers: [officer(zhangWei)] };
      expect(assessReadiness(input({ team, committed: committed() }))[0]).toEqual(officersGap(1, 2, MARKET_REGULATION));
    });
  });
});

describe('gapFingerprint', () => {
  const gaps = assessReadiness(input({ team: { officers: [], equipment: [], training: [] } }));

  it('is stable and does not depend on the order of the gaps', () => {
    expect(gapFingerprint(gaps)).toBe(gapFingerprint([...gaps].reverse()));
    expect(gapFingerprint(gaps)).toBe(gapFingerprint(JSON.parse(JSON.stringify(gaps)) as Gap[]));
  });

  it('changes when what is missing changes', () => {
    const fewer = gaps.map((gap) => (gap.resource === 'equipment' ? { ...gap, available: 1, missing: 1 } : gap));
    expect(gapFingerprint(fewer)).not.toBe(gapFingerprint(gaps));
    expect(gapFingerprint(gaps.slice(1))).not.toBe(gapFingerprint(gaps));
    expect(gapFingerprint([])).not.toBe(gapFingerprint(gaps));
  });

  it('is short hex, safe inside a BullMQ job id (no colon)', () => {
    expect(gapFingerprint(gaps)).toMatch(/^[0-9a-f]{16}$/);
    expect(gapFingerprint([])).toMatch(/^[0-9a-f]{16}$/);
  });

  it('does not confuse items that only differ in how they would be joined', () => {
    const a: Gap[] = [{ resource: 'equipment', item: 'a:b', required: 1, available: 0, missing: 1, responsible: COUNTY_OFFICE }];
    const b: Gap[] = [{ resource: 'equipment', item: 'a', required: 1, available: 0, missing: 1, responsible: COUNTY_OFFICE }];
    expect(gapFingerprint(a)).not.toBe(gapFingerprint(b));
  });
});
