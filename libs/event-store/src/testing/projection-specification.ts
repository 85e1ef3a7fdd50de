import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { expect } from 'vitest';
import { EventStore } from '../event-store';
import type { EventMetadata } from '../event-metadata';
import type { GatedSubscriptionHandler } from '../subscriptions/gated-batch';
import { SubscriptionRunner } from '../subscriptions/subscription-runner';
import type { SubscriptionHandler } from '../subscriptions/transactional-batch';

/**
 * given(events).then(rows) for the projections, in the style of the deciders' DeciderSpecification
 * (and of emmett's PostgreSQLProjectionSpec), against a real database: the given events are appended
 * to the event store's log as they would be in production, a SubscriptionRunner hands them to the
 * projection, and the rows it wrote are compared with the expected ones. Every `then` also checks
 * that the projection is idempotent: the checkpoint is moved back to the log's start and the same
 * events are handed over again — one at a time this time, so batching cannot matter either — and
 * the rows must come out the same.
 *
 * Each `given` starts from an empty log and empty tables (the projection's own, and the
 * checkpoints): specs of one specification run one after the other on their database.
 */

/** An event of the log to be, on its stream; metadata fields not given get fixed defaults. */
export interface GivenEvent {
  readonly streamId: string;
  readonly type: string;
  readonly data: object;
  readonly metadata?: Partial<EventMetadata>;
}

/** `events` on `streamId`, in order. */
export function eventsInStream(
  streamId: string,
  ...events: readonly { readonly type: string; readonly data: object; readonly metadata?: Partial<EventMetadata> }[]
): GivenEvent[] {
  return events.map((event) => ({ streamId, ...event }));
}

export interface ProjectionSpecificationOptions<Rows> {
  /** A database with the event store's schema and the projection's tables. */
  readonly dataSource: DataSource;
  /** A fresh projection for each pass over the log. */
  readonly projection: () => SubscriptionHandler | GatedSubscriptionHandler;
  /** The tables the projection writes: emptied before each `given`. */
  readonly tables: readonly string[];
  /** What the projection produced, as the spec compares it (say, each table's rows in key order). */
  readonly rows: (dataSource: DataSource) => Promise<Rows>;
}

export interface ProjectionThen<Rows> {
  /** The projection of the given events gives exactly `expected`, and the same again when it sees them twice. */
  then(expected: Rows): Promise<Rows>;
  /** As `then`, with the rows checked by `assert` (for rows partly unknown in advance, such as generated times). */
  thenRows(assert: (rows: Rows) => void): Promise<Rows>;
}

const DEFAULT_METADATA: EventMetadata = {
  actor: 'user:projection-spec',
  countyId: null,
  correlationId: '00000000-0000-4000-8000-000000000000',
  causationId: null,
  occurredAt: '2025-06-01T02:00:00.000Z',
};

export const ProjectionSpecification = {
  for<Rows>(options: ProjectionSpecificationOptions<Rows>): { given(events: readonly GivenEvent[]): ProjectionThen<Rows> } {
    const { dataSource } = options;
    const quiet = { warn: () => undefined, error: () => undefined };

    const project = async (events: readonly GivenEvent[]): Promise<{ once: Rows; twice: Rows }> => {
      await dataSource.query(`TRUNCATE events, subscription_checkpoints, snapshots, ${options.tables.join(', ')}`);
      const store = new EventStore(dataSource);
      for (const event of events)
        await store.append(event.streamId, 'any', [{ type: event.type, data: event.data }], {
          ...DEFAULT_METADATA,
          correlationId: randomUUID(),
          ...event.metadata,
        });
      await new SubscriptionRunner(store, options.projection(), { logger: quiet, batchSize: Math.max(1, events.length) }).catchUp();
      const once = await options.rows(dataSource);
      const again = new SubscriptionRunner(store, options.projection(), { logger: quiet, batchSize: 1 });
      await again.reset();
      await again.catchUp();
      return { once, twice: await options.rows(dataSource) };
    };

    return {
      given(events) {
        const settle = async (assert: (rows: Rows) => void): Promise<Rows> => {
          const { once, twice } = await project(events);
          assert(once);
          expect(twice, 'the same events projected twice give other rows: the projection is not idempotent').toEqual(once);
          return once;
        };
        return {
          then: (expected) => settle((rows) => expect(rows).toEqual(expected)),
          thenRows: (assert) => settle(assert),
        };
      },
    };
  },
};
