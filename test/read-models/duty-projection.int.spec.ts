import type { DataSource } from 'typeorm';
import { dutyListStreamId, dutyStreamId, type DutyListPublished, type DutyRecord } from '@fangquan/domain';
import { ManualClock } from '@fangquan/platform';
import { DUTY_READ_TABLES, ReadModelProjection } from '@fangquan/read-models';
import { COUNTY, TOWNSHIP } from '../../libs/domain/src/testing/sample-data';
import { eventsInStream, ProjectionSpecification } from '../../libs/event-store/src/testing/projection-specification';
import { TIME_ZONE } from './support/ledger';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/** The duty catalogue's and the published lists' rows, given the events in the log — the same when it sees them twice. */
type Row = Record<string, unknown>;
type DutyRows = Record<(typeof DUTY_READ_TABLES)[number], Row[]>;

const ORDER: Record<(typeof DUTY_READ_TABLES)[number], string> = {
  duties: 'county_id, code',
  duty_list_publications: 'township_id, version',
};

async function readRows(dataSource: DataSource): Promise<DutyRows> {
  const rows = {} as DutyRows;
  for (const table of DUTY_READ_TABLES) {
    const [row] = (await dataSource.query(`SELECT coalesce(json_agg(t ORDER BY ${ORDER[table]}), '[]'::json) AS rows FROM ${table} t`)) as {
      rows: Row[];
    }[];
    rows[table] = row?.rows ?? [];
  }
  return rows;
}

const at = (minute: number) => ({ occurredAt: `2025-06-01T02:${String(minute).padStart(2, '0')}:00.000Z`, countyId: COUNTY });
const stamp = (minute: number) => `2025-06-01T02:${String(minute).padStart(2, '0')}:00+00:00`;

const garbage: DutyRecord = {
  countyId: COUNTY,
  code: 'ST-001',
  name: '生活垃圾分类日常监督',
  domain: '生态环保',
  defaultCategory: 'basic',
  contact: '0874-3012345',
};
const version = (n: number, decisionRef: string, category: 'basic' | 'returned'): DutyListPublished['data'] => ({
  countyId: COUNTY,
  townshipId: TOWNSHIP,
  version: n,
  publishedAt: `2025-06-0${n}T02:00:00.000Z`,
  decisionRef,
  items: [{ dutyCode: 'ST-001', name: garbage.name, domain: '生态环保', category, source: 'list' }],
  changes: { added: [], removed: [], recategorized: [], revised: [] },
});

describe('read-models projection: the duty catalogue and published duty lists (PostgreSQL)', () => {
  let database: TestDatabase;
  let spec: ReturnType<typeof ProjectionSpecification.for<DutyRows>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const dataSource = await database.open(2);
    const clock = new ManualClock(new Date('2025-06-01T02:00:00Z'));
    const quiet = { warn: () => undefined, error: () => undefined };
    spec = ProjectionSpecification.for({
      dataSource,
      projection: () => new ReadModelProjection(clock, TIME_ZONE, quiet),
      tables: DUTY_READ_TABLES,
      rows: readRows,
    });
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('keeps a duty item as its last revision states it, absent fields null', async () => {
    const { contact: _contact, ...revised } = { ...garbage, defaultCategory: 'assisting' as const, leadDepartment: '城市管理局' };
    await spec
      .given(
        eventsInStream(
          dutyStreamId(COUNTY, garbage.code),
          { type: 'DutyRegistered', data: garbage, metadata: at(1) },
          { type: 'DutyRevised', data: revised, metadata: at(2) },
        ),
      )
      .then({
        duties: [
          {
            county_id: COUNTY,
            code: 'ST-001',
            name: garbage.name,
            domain: '生态环保',
            default_category: 'assisting',
            description: null,
            legal_basis: null,
            lead_department: '城市管理局',
            power_code: null,
            contact: null,
            version: 2,
            updated_at: stamp(2),
          },
        ],
        duty_list_publications: [],
      });
  });

  it('keeps every published version of a list, never the draft', async () => {
    const rows = await spec
      .given(
        eventsInStream(
          dutyListStreamId(TOWNSHIP),
          { type: 'DutyListItemSet', data: { dutyCode: 'ST-001', category: 'basic' }, metadata: at(1) },
          { type: 'DutyListPublished', data: version(1, '沾政办发〔2025〕12号', 'basic'), metadata: at(2) },
          { type: 'DutyListItemSet', data: { dutyCode: 'ST-001', category: 'returned', leadDepartment: '城市管理局' }, metadata: at(3) },
          { type: 'DutyListPublished', data: { ...version(2, '沾政办发〔2025〕30号', 'returned'), note: '调整' }, metadata: at(4) },
          { type: 'DutyListItemRemoved', data: { dutyCode: 'ST-001' }, metadata: at(5) },
        ),
      )
      .thenRows((rows) =>
        expect(rows.duty_list_publications.map((row) => [row.version, row.decision_ref, row.note])).toEqual([
          [1, '沾政办发〔2025〕12号', null],
          [2, '沾政办发〔2025〕30号', '调整'],
        ]),
      );
    expect(rows.duty_list_publications[1]).toMatchObject({
      township_id: TOWNSHIP,
      county_id: COUNTY,
      published_at: '2025-06-02T02:00:00+00:00',
      items: [{ dutyCode: 'ST-001', category: 'returned' }],
    });
    expect(rows.duties).toEqual([]);
  });
});
