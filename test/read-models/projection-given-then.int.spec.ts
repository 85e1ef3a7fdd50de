import type { DataSource } from 'typeorm';
import { handoverStreamId, powerStreamId, teamStreamId } from '@fangquan/domain';
import { ManualClock } from '@fangquan/platform';
import { READ_TABLES, ReadModelProjection } from '@fangquan/read-models';
import { catalogue, COUNTY, officers, URBAN_MANAGEMENT } from '../../libs/domain/src/testing/sample-data';
import { eventsInStream, ProjectionSpecification } from '../../libs/event-store/src/testing/projection-specification';
import { TIME_ZONE } from './support/ledger';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/**
 * The read-model projection specified like a decider: given these events in the log, then these rows
 * in power_items, teams and handovers — and the same rows when it sees the events twice.
 */
type Row = Record<string, unknown>;
type ReadRows = Record<(typeof READ_TABLES)[number], Row[]>;

const ORDER: Record<(typeof READ_TABLES)[number], string> = { power_items: 'county_id, code', teams: 'team_id', handovers: 'id' };

async function readRows(dataSource: DataSource): Promise<ReadRows> {
  const rows = {} as ReadRows;
  for (const table of READ_TABLES) {
    const [row] = (await dataSource.query(`SELECT coalesce(json_agg(t ORDER BY ${ORDER[table]}), '[]'::json) AS rows FROM ${table} t`)) as {
      rows: Row[];
    }[];
    rows[table] = row?.rows ?? [];
  }
  return rows;
}

/** occurredAt of the n-th minute of 2025-06-01 10:00 in Qujing. */
const at = (minute: number) => ({ occurredAt: `2025-06-01T02:${String(minute).padStart(2, '0')}:00.000Z`, countyId: COUNTY });
const stamp = (minute: number) => `2025-06-01T02:${String(minute).padStart(2, '0')}:00+00:00`;

const TEAM = 'team-xiping';
const TOWNSHIP = 'township-xiping';
const HANDOVER = '0f6b2d1e-5a8c-4f3e-9b7d-2c1a0e9f8d7c';
const littering = catalogue.littering();

const teamFormed = { type: 'TeamFormed', data: { teamId: TEAM, countyId: COUNTY, townshipId: TOWNSHIP, townshipName: '西平街道' } };
const joined = (officer: typeof officers.zhangWei, minute: number) => ({
  type: 'OfficerJoined',
  data: { ...officer },
  metadata: at(minute),
});
const trained = (officerId: string, minute: number) => ({
  type: 'TrainingCompleted',
  data: { trainingId: `training-${officerId}`, officerId, course: '市容环卫执法实务', hours: 4, completedOn: '2025-05-20' },
  metadata: at(minute),
});

describe('read-models projection: given events, then rows (PostgreSQL)', () => {
  let database: TestDatabase;
  let spec: ReturnType<typeof ProjectionSpecification.for<ReadRows>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const dataSource = await database.open(2);
    const clock = new ManualClock(new Date('2025-06-01T02:00:00Z'));
    const quiet = { warn: () => undefined, error: () => undefined };
    spec = ProjectionSpecification.for({
      dataSource,
      projection: () => new ReadModelProjection(clock, TIME_ZONE, quiet),
      tables: READ_TABLES,
      rows: readRows,
    });
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('keeps a power item as its latest requirements state it', async () => {
    const revised = { ...littering.requirements, certifiedOfficers: 3 };
    await spec
      .given(
        eventsInStream(
          powerStreamId(COUNTY, littering.code),
          { type: 'PowerItemRegistered', data: littering, metadata: at(1) },
          {
            type: 'PowerRequirementsRevised',
            data: { requirements: revised, previousRequirements: littering.requirements },
            metadata: at(2),
          },
        ),
      )
      .then({
        power_items: [
          {
            county_id: COUNTY,
            code: littering.code,
            name: littering.name,
            category: 'penalty',
            legal_basis: littering.legalBasis,
            department: URBAN_MANAGEMENT,
            requirements: revised,
            version: 2,
            updated_at: stamp(2),
          },
        ],
        teams: [],
        handovers: [],
      });
  });

  it("keeps a team's officers, equipment and training as they are now", async () => {
    await spec
      .given(
        eventsInStream(
          teamStreamId(TEAM),
          { ...teamFormed, metadata: at(1) },
          joined(officers.zhangWei, 2),
          joined(officers.liNa, 3),
          { type: 'EquipmentReceived', data: { kind: 'body-camera', quantity: 3 }, metadata: at(4) },
          { type: 'EquipmentWrittenOff', data: { kind: 'body-camera', quantity: 1, reason: '损坏' }, metadata: at(5) },
          trained(officers.liNa.officerId, 6),
          { type: 'OfficerLeft', data: { officerId: officers.zhangWei.officerId, reason: '调岗' }, metadata: at(7) },
        ),
      )
      .then({
        power_items: [],
        teams: [
          {
            team_id: TEAM,
            county_id: COUNTY,
            township_id: TOWNSHIP,
            township_name: '西平街道',
            officers: [officers.liNa],
            equipment: [{ kind: 'body-camera', quantity: 2 }],
            training: [
              {
                trainingId: `training-${officers.liNa.officerId}`,
                officerId: officers.liNa.officerId,
                course: '市容环卫执法实务',
                hours: 4,
                completedOn: '2025-05-20',
              },
            ],
            version: 7,
            updated_at: stamp(7),
          },
        ],
        handovers: [],
      });
  });

  it("keeps a handover with the gaps of its team's capacity, which the team's later events close", async () => {
    const given = [
      ...eventsInStream(powerStreamId(COUNTY, littering.code), { type: 'PowerItemRegistered', data: littering, metadata: at(1) }),
      ...eventsInStream(teamStreamId(TEAM), { ...teamFormed, metadata: at(2) }, joined(officers.zhangWei, 3), joined(officers.liNa, 4)),
      ...eventsInStream(handoverStreamId(HANDOVER), {
        type: 'HandoverRecorded',
        data: {
          handoverId: HANDOVER,
          countyId: COUNTY,
          powerCode: littering.code,
          powerCategory: 'penalty',
          teamId: TEAM,
          townshipId: TOWNSHIP,
          department: URBAN_MANAGEMENT,
          mode: 'transfer',
          instrument: '沾政发〔2025〕12号',
          effectiveOn: '2025-07-01',
          committed: { officers: [], equipment: [{ kind: 'body-camera', quantity: 2 }], training: [] },
        },
        metadata: at(5),
      }),
      ...eventsInStream(teamStreamId(TEAM), { type: 'EquipmentReceived', data: { kind: 'body-camera', quantity: 2 }, metadata: at(6) }),
      ...eventsInStream(handoverStreamId(HANDOVER), {
        type: 'HandoverAccepted',
        data: {
          conditional: true,
          reason: '培训七月前完成',
          gaps: [{ resource: 'training', item: '市容环卫执法实务', required: 2, available: 0, missing: 2, responsible: 'county-office' }],
        },
        metadata: at(7),
      }),
      ...eventsInStream(teamStreamId(TEAM), trained(officers.zhangWei.officerId, 8)),
    ];
    const handover = {
      id: HANDOVER,
      county_id: COUNTY,
      power_code: littering.code,
      team_id: TEAM,
      township_id: TOWNSHIP,
      township_name: '西平街道',
      department: URBAN_MANAGEMENT,
      status: 'accepted',
      mode: 'transfer',
      instrument: '沾政发〔2025〕12号',
      effective_on: '2025-07-01',
      ends_on: null,
      committed: { officers: [], equipment: [{ kind: 'body-camera', quantity: 2 }], training: [] },
      // The cameras arrived; one of the two officers is trained.
      gaps: [{ resource: 'training', item: '市容环卫执法实务', required: 2, available: 1, missing: 1, responsible: 'county-office' }],
      ready: false,
      version: 2,
      recorded_at: stamp(5),
      updated_at: stamp(7),
    };
    const rows = await spec.given(given).thenRows((rows) => expect(rows.handovers).toEqual([handover]));
    expect(rows.teams.map((team) => [team.team_id, team.version])).toEqual([[TEAM, 5]]);

    // The second officer's training closes the last gap; a reminder sent moves the handover's version only.
    await spec
      .given([
        ...given,
        ...eventsInStream(teamStreamId(TEAM), trained(officers.liNa.officerId, 9)),
        ...eventsInStream(handoverStreamId(HANDOVER), {
          type: 'ReminderSent',
          data: { reminderId: 'reminder-1', kind: 'gap', step: 1, recipients: ['county-office'] },
          metadata: at(10),
        }),
      ])
      .thenRows((rows) => expect(rows.handovers).toEqual([{ ...handover, gaps: [], ready: true, version: 3, updated_at: stamp(10) }]));
    // A month's cases (办件量) likewise: the version moves, what the handover lacks does not.
    await spec
      .given([
        ...given,
        ...eventsInStream(handoverStreamId(HANDOVER), {
          type: 'HandoverUsageRecorded',
          data: { month: '2025-07', cases: 6, previousCases: null },
          metadata: at(11),
        }),
      ])
      .thenRows((rows) => expect(rows.handovers).toEqual([{ ...handover, version: 3, updated_at: stamp(11) }]));
  });
});
