import { EventStore } from '@fangquan/event-store';
import { aggregateConformance } from './aggregate.conformance';
import { appendConformance } from './append.conformance';
import { availabilityConformance } from './availability.conformance';
import type { ConformanceBackend, ConformanceContext } from './conformance.context';
import { HANDLED_TABLE_SQL } from './fixtures';
import { subscriptionConformance } from './subscription.conformance';
import { upcastingConformance } from './upcasting.conformance';

/**
 * The event store's conformance suite: the same tests against every backend (PostgreSQL server and
 * embedded PGlite), so one implementation is proven on both. Each test starts from an empty log.
 */
export function describeEventStoreConformance(backend: ConformanceBackend): void {
  const ctx = { backend, runners: [] } as unknown as ConformanceContext;

  describe(`event store conformance on ${backend.kind}`, () => {
    beforeAll(async () => {
      ctx.dataSource = await backend.open();
      ctx.store = new EventStore(ctx.dataSource);
      await ctx.dataSource.query(HANDLED_TABLE_SQL);
    });

    beforeEach(async () => {
      if (ctx.dataSource.isInitialized)
        await ctx.dataSource.query('TRUNCATE events, subscription_checkpoints, snapshots, conformance_handled RESTART IDENTITY');
    });

    afterEach(async () => {
      await Promise.all(ctx.runners.splice(0).map((runner) => runner.stop()));
    });

    afterAll(async () => {
      await backend.close();
    });

    appendConformance(ctx);
    upcastingConformance(ctx);
    aggregateConformance(ctx);
    subscriptionConformance(ctx);
    availabilityConformance(ctx);
  });
}
