import type { Client } from 'pg';
import { EventStore, EventStoreUnavailableError } from '@fangquan/event-store';
import type { ConformanceContext } from './conformance.context';
import { eventually, metadata, streamName } from './fixtures';

const batch = Array.from({ length: 50 }, (_, i) => ({ type: 'Queued', data: { i } }));

async function backendWaitingOnLock(killer: Client): Promise<number> {
  let pid: number | undefined;
  await eventually(
    async () => {
      const result = await killer.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO events%'`,
      );
      pid = result.rows[0]?.pid;
      return pid !== undefined;
    },
    10_000,
    'the append to wait on the table lock',
  );
  return pid ?? -1;
}

/** Runs last: on PGlite it destroys the file's only DataSource. */
export function availabilityConformance(ctx: ConformanceContext): void {
  describe('when the database goes away', () => {
    if (ctx.backend.kind === 'postgres') {
      it('turns a backend terminated mid-append into EventStoreUnavailableError, with nothing of the append written', async () => {
        const rawClient = ctx.backend.rawClient;
        if (!rawClient) throw new Error('the postgres backend must offer rawClient()');
        const stream = streamName('terminated');
        const blocker = await rawClient();
        const killer = await rawClient();
        let failure: unknown;
        try {
          // Hold the append inside its INSERT (it waits for the table lock), then kill its backend.
          await blocker.query('BEGIN');
          await blocker.query('LOCK TABLE events IN EXCLUSIVE MODE');
          const append = ctx.store.append(stream, 'no-stream', batch, metadata()).then(
            () => undefined,
            (error: unknown) => error,
          );
          const pid = await backendWaitingOnLock(killer);
          await killer.query('SELECT pg_terminate_backend($1)', [pid]);
          failure = await append;
        } finally {
          await blocker.query('ROLLBACK');
          await blocker.end();
          await killer.end();
        }
        expect(failure).toBeInstanceOf(EventStoreUnavailableError);
        expect((failure as EventStoreUnavailableError).operation).toBe('append');
        expect((failure as Error).cause).toBeDefined();
        expect(await ctx.store.readStream(stream)).toEqual([]);
        // The pool drops the dead connection; the next append works and starts at version 1.
        expect(await ctx.store.append(stream, 'no-stream', batch, metadata())).toMatchObject({ nextVersion: 50 });
      });

      it("leaves nothing when the connection dies inside a caller's transaction before COMMIT", async () => {
        const rawClient = ctx.backend.rawClient;
        if (!rawClient) throw new Error('the postgres backend must offer rawClient()');
        const stream = streamName('tx-terminated');
        const killer = await rawClient();
        const runner = ctx.dataSource.createQueryRunner();
        try {
          await runner.startTransaction();
          await ctx.store.append(stream, 'no-stream', batch, metadata(), { transaction: runner });
          const [{ pid }] = (await runner.query('SELECT pg_backend_pid() AS pid')) as [{ pid: number }];
          await killer.query('SELECT pg_terminate_backend($1)', [pid]);
          await expect(runner.commitTransaction()).rejects.toThrow();
        } finally {
          await killer.end();
          await runner.release().catch(() => undefined);
        }
        expect(await ctx.store.readStream(stream)).toEqual([]);
      });

      it('reports a closed pool as EventStoreUnavailableError', async () => {
        const openPeer = ctx.backend.openPeer;
        if (!openPeer) throw new Error('the postgres backend must offer openPeer()');
        const peer = await openPeer();
        const store = new EventStore(peer);
        const stream = streamName('closed');
        await store.append(stream, 'no-stream', [{ type: 'Before', data: {} }], metadata());
        await peer.destroy();
        await expect(store.append(stream, 1, batch, metadata())).rejects.toBeInstanceOf(EventStoreUnavailableError);
        await expect(store.readStream(stream)).rejects.toBeInstanceOf(EventStoreUnavailableError);
        expect(await ctx.store.streamVersion(stream)).toBe(1);
      });
    } else {
      it('reports a closed embedded database as EventStoreUnavailableError', async () => {
        const stream = streamName('closed');
        await ctx.store.append(stream, 'no-stream', [{ type: 'Before', data: {} }], metadata());
        await ctx.dataSource.destroy();
        await expect(ctx.store.append(stream, 1, batch, metadata())).rejects.toBeInstanceOf(EventStoreUnavailableError);
        await expect(ctx.store.readStream(stream)).rejects.toBeInstanceOf(EventStoreUnavailableError);
      });
    }
  });
}
