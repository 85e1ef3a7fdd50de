import type { DataSource } from 'typeorm';
import { whistleStreamId } from '@fangquan/domain';
import { ManualClock } from '@fangquan/platform';
import { ReadModelProjection, WHISTLE_READ_TABLES } from '@fangquan/read-models';
import { COUNTY, TOWNSHIP } from '../../libs/domain/src/testing/sample-data';
import { eventsInStream, ProjectionSpecification } from '../../libs/event-store/src/testing/projection-specification';
import { TIME_ZONE } from './support/ledger';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/** The whistles' rows given the events in the log — the same when the projection sees them twice. */
type Row = Record<string, unknown>;

async function readRows(dataSource: DataSource): Promise<Row[]> {
  const [row] = (await dataSource.query(
    `SELECT coalesce(json_agg(json_build_object('id', id, 'department', department, 'co_departments', co_departments, 'status', status,
       'overdue', overdue, 'next_deadline', next_deadline, 'raised_at', raised_at, 'township_id', township_id, 'version', version,
       'deadlines', state->'deadlines', 'overdueSteps', state->'overdue') ORDER BY id), '[]'::json) AS rows FROM whistles`,
  )) as { rows: Row[] }[];
  return row?.rows ?? [];
}

const WHISTLE = '6f1c2d3e-0000-4000-8000-000000000001';
const at = (minute: number) => ({ occurredAt: `2026-03-02T02:${String(minute).padStart(2, '0')}:00.000Z`, countyId: COUNTY });
const instant = (minute: number) => `2026-03-02T02:${String(minute).padStart(2, '0')}:00.000Z`;
const stamp = (minute: number) => `2026-03-02T02:${String(minute).padStart(2, '0')}:00+00:00`;

const raised = {
  type: 'WhistleRaised',
  data: {
    whistleId: WHISTLE,
    countyId: COUNTY,
    townshipId: TOWNSHIP,
    title: '河道非法采砂',
    description: '夜间有人在河道采砂',
    dutyCode: 'ST-009',
    dutyCategory: 'returned',
    urgency: 'urgent',
    raisedBy: 'zhen-head',
    raisedAt: instant(1),
  },
  metadata: at(1),
};
const signedOff = { type: 'WhistleSignedOff', data: { signedOffBy: 'zhen-head', signedOffAt: instant(1) }, metadata: at(1) };
const dispatched = {
  type: 'WhistleDispatched',
  data: {
    department: '水利局',
    coDepartments: ['自然资源局'],
    routedBy: 'list',
    dispatchedBy: 'zhen-head',
    dispatchedAt: instant(1),
    acceptBy: instant(3),
  },
  metadata: at(1),
};

describe('read-models projection: whistles (PostgreSQL)', () => {
  let database: TestDatabase;
  let spec: ReturnType<typeof ProjectionSpecification.for<Row[]>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const dataSource = await database.open(2);
    const clock = new ManualClock(new Date('2026-03-02T02:00:00Z'));
    const quiet = { warn: () => undefined, error: () => undefined };
    spec = ProjectionSpecification.for({
      dataSource,
      projection: () => new ReadModelProjection(clock, TIME_ZONE, quiet),
      tables: WHISTLE_READ_TABLES,
      rows: readRows,
    });
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('keeps a routed whistle with its lead department, co-handlers and the accept deadline as the next one', async () => {
    await spec.given(eventsInStream(whistleStreamId(WHISTLE), raised, signedOff, dispatched)).then([
      {
        id: WHISTLE,
        department: '水利局',
        co_departments: ['自然资源局'],
        status: 'dispatched',
        overdue: false,
        next_deadline: stamp(3),
        raised_at: stamp(1),
        township_id: TOWNSHIP,
        version: 3,
        deadlines: { acceptBy: instant(3), arriveBy: null, resolveBy: null },
        overdueSteps: [],
      },
    ]);
  });

  it('flags an overdue step until it is done, and moves the next deadline to the step after', async () => {
    const overdue = {
      type: 'WhistleStepOverdue',
      data: { step: 'accept', deadline: instant(3), department: '水利局', recordedAt: instant(4) },
      metadata: at(4),
    };
    const accepted = {
      type: 'WhistleAccepted',
      data: { department: '水利局', acceptedBy: 'water', acceptedAt: instant(5), onTime: false, arriveBy: instant(9) },
      metadata: at(5),
    };
    const rows = await spec.given(eventsInStream(whistleStreamId(WHISTLE), raised, signedOff, dispatched, overdue)).thenRows((rows) => {
      expect(rows.map((row) => [row.status, row.overdue, row.overdueSteps])).toEqual([['dispatched', true, ['accept']]]);
    });
    expect(rows).toHaveLength(1);
    await spec.given(eventsInStream(whistleStreamId(WHISTLE), raised, signedOff, dispatched, overdue, accepted)).thenRows((after) => {
      expect(after.map((row) => [row.status, row.overdue, row.next_deadline, row.version])).toEqual([['accepted', false, stamp(9), 5]]);
    });
  });

  it('keeps an objected whistle awaiting dispatch, with no lead department and no deadline running', async () => {
    const objected = {
      type: 'WhistleObjected',
      data: { department: '水利局', objectedBy: 'water', objectedAt: instant(2), reason: '不属于本部门职责' },
      metadata: at(2),
    };
    await spec.given(eventsInStream(whistleStreamId(WHISTLE), raised, signedOff, dispatched, objected)).thenRows((rows) => {
      expect(rows.map((row) => [row.status, row.department, row.next_deadline])).toEqual([['awaiting-dispatch', null, null]]);
    });
  });
});
