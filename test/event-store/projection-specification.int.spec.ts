import type { DataSource, EntityManager } from 'typeorm';
import type { RecordedEvent, SubscriptionHandler } from '@fangquan/event-store';
import { eventsInStream, ProjectionSpecification } from '../../libs/event-store/src/testing/projection-specification';
import { createTestDatabase, type TestDatabase } from '../read-models/support/test-database';

/**
 * ProjectionSpecification itself: it passes a projection whose rows follow from the events, and fails
 * one whose rows are wrong or that counts an event twice when it sees it twice.
 */
type Tally = { stream_id: string; events: number; version: number };

/** Counts each stream's events; `guarded` skips an event its row already includes (by stream version). */
function tallies(guarded: boolean): SubscriptionHandler {
  return {
    name: 'tallies',
    async handle(events: RecordedEvent[], tx: EntityManager): Promise<void> {
      for (const event of events)
        await tx.query(
          `INSERT INTO spec_tallies (stream_id, events, version) VALUES ($1, 1, $2)
           ON CONFLICT (stream_id) DO UPDATE SET events = spec_tallies.events + 1, version = EXCLUDED.version
           WHERE NOT $3 OR spec_tallies.version < EXCLUDED.version`,
          [event.streamId, event.streamVersion, guarded],
        );
    },
  };
}

const rows = async (dataSource: DataSource): Promise<Tally[]> =>
  (await dataSource.query(`SELECT stream_id, events, version FROM spec_tallies ORDER BY stream_id`)) as Tally[];

const given = [
  ...eventsInStream('tally-a', { type: 'Counted', data: {} }, { type: 'Counted', data: {} }),
  ...eventsInStream('tally-b', { type: 'Counted', data: {} }),
];

describe('ProjectionSpecification (PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await database.open(2);
    await dataSource.query(`CREATE TABLE spec_tallies (stream_id text PRIMARY KEY, events int NOT NULL, version int NOT NULL)`);
  });

  afterAll(async () => {
    await database?.drop();
  });

  const spec = (guarded: boolean) =>
    ProjectionSpecification.for({ dataSource, projection: () => tallies(guarded), tables: ['spec_tallies'], rows });
  const expected: Tally[] = [
    { stream_id: 'tally-a', events: 2, version: 2 },
    { stream_id: 'tally-b', events: 1, version: 1 },
  ];

  it('passes an idempotent projection whose rows are the expected ones', async () => {
    expect(await spec(true).given(given).then(expected)).toEqual(expected);
    await spec(true).given([]).then([]);
  });

  it('fails on rows other than the expected ones', async () => {
    await expect(
      spec(true)
        .given(given)
        .then([{ stream_id: 'tally-a', events: 2, version: 2 }]),
    ).rejects.toThrow();
  });

  it('fails a projection that counts the same events again when it sees them twice', async () => {
    await expect(spec(false).given(given).then(expected)).rejects.toThrow(/not idempotent/);
  });
});
