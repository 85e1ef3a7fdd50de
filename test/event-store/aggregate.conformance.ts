import { AggregateStore, loadAggregates, readsOf, SnapshotStore, StaleReadError, StreamVersionConflictError } from '@fangquan/event-store';
import type { ConformanceContext } from './conformance.context';
import { type LedgerCommand, ledgerDecider, type LedgerState, metadata, recordingLogger, streamName } from './fixtures';

const ctxNow = { now: '2025-03-01T08:00:00.000Z' };

function commands(count: number): LedgerCommand[] {
  return Array.from({ length: count }, (_, i): LedgerCommand =>
    i % 4 === 3 ? { type: 'Withdraw', data: { amount: i } } : { type: 'Deposit', data: { amount: i + 10 } },
  );
}

async function snapshotRow(ctx: ConformanceContext, stream: string): Promise<unknown> {
  return ctx.dataSource.query('SELECT stream_version, state_schema FROM snapshots WHERE stream_id = $1', [stream]);
}

export function aggregateConformance(ctx: ConformanceContext): void {
  describe('aggregates, snapshots and commands', () => {
    it('rehydrates from a snapshot to exactly the state of a full replay', async () => {
      const stream = streamName('ledger');
      const withSnapshots = new AggregateStore(ctx.store, ledgerDecider, { snapshot: { schema: 'ledger-v1', every: 10 } });
      for (const command of commands(57)) expect((await withSnapshots.handle(stream, command, ctxNow, metadata())).ok).toBe(true);
      expect(await snapshotRow(ctx, stream)).toEqual([{ stream_version: 50, state_schema: 'ledger-v1' }]);

      const replayOnly = new AggregateStore(ctx.store, ledgerDecider);
      const fromSnapshot = await withSnapshots.load(stream);
      const replayed = await replayOnly.load(stream);
      expect(fromSnapshot).toEqual(replayed);
      expect(replayed.version).toBe(57);
      const folded = (await ctx.store.readStream(stream)).reduce<LedgerState>(
        (s, e) => ledgerDecider.evolve(s, { type: e.type, data: e.data } as never),
        ledgerDecider.initialState,
      );
      expect(fromSnapshot.state).toEqual(folded);
    });

    it('ignores a snapshot of another state schema and replays instead', async () => {
      const stream = streamName('ledger');
      const store = new AggregateStore(ctx.store, ledgerDecider, { snapshot: { schema: 'ledger-v2', every: 1000 } });
      for (const command of commands(9)) await store.handle(stream, command, ctxNow, metadata());
      const bogus: LedgerState = { balance: -999, entries: 9, recent: ['from an old shape'] };
      await new SnapshotStore(ctx.dataSource).save({ streamId: stream, streamVersion: 9, stateSchema: 'ledger-v1', state: { ...bogus } });
      const replay = await new AggregateStore(ctx.store, ledgerDecider).load(stream);
      expect(await store.load(stream)).toEqual(replay);
      // The snapshot is really read when its schema matches (so the test above proves the fallback).
      const oldShape = new AggregateStore(ctx.store, ledgerDecider, { snapshot: { schema: 'ledger-v1' } });
      expect(await oldShape.load(stream)).toEqual({ state: bogus, version: 9 });
    });

    it('loads several aggregates in one read, each as its own load would (snapshot or not, new stream)', async () => {
      const snapshotted = streamName('ledger');
      const plain = streamName('ledger');
      const absent = streamName('ledger');
      const withSnapshots = new AggregateStore(ctx.store, ledgerDecider, { snapshot: { schema: 'ledger-v1', every: 5 } });
      const replayOnly = new AggregateStore(ctx.store, ledgerDecider);
      for (const command of commands(13)) await withSnapshots.handle(snapshotted, command, ctxNow, metadata());
      for (const command of commands(4)) await replayOnly.handle(plain, command, ctxNow, metadata());
      expect(await snapshotRow(ctx, snapshotted)).toEqual([{ stream_version: 10, state_schema: 'ledger-v1' }]);

      const together = await loadAggregates(ctx.store, [
        replayOnly.loadRequest(plain),
        withSnapshots.loadRequest(absent),
        withSnapshots.loadRequest(snapshotted),
      ] as const);
      expect(together).toEqual([
        await replayOnly.load(plain),
        { state: ledgerDecider.initialState, version: 0 },
        await replayOnly.load(snapshotted),
      ]);
      expect(together[2].version).toBe(13);
      // The snapshot is really what the combined read starts from: a planted one of another schema shows.
      const planted: LedgerState = { balance: 7, entries: 1, recent: ['planted'] };
      await new SnapshotStore(ctx.dataSource).save({
        streamId: plain,
        streamVersion: 4,
        stateSchema: 'ledger-planted',
        state: { ...planted },
      });
      const plantedStore = new AggregateStore(ctx.store, ledgerDecider, { snapshot: { schema: 'ledger-planted' } });
      expect(await loadAggregates(ctx.store, [plantedStore.loadRequest(plain)] as const)).toEqual([{ state: planted, version: 4 }]);
    });

    it('decides and appends; a domain error appends nothing', async () => {
      const stream = streamName('ledger');
      const store = new AggregateStore(ctx.store, ledgerDecider);
      const first = await store.handle(stream, { type: 'Deposit', data: { amount: 30 } }, ctxNow, metadata());
      expect(first).toMatchObject({
        ok: true,
        nextVersion: 1,
        events: [{ type: 'Deposited', data: { amount: 30 } }],
        state: { balance: 30 },
      });
      const refused = await store.handle(stream, { type: 'Withdraw', data: { amount: 31 } }, ctxNow, metadata());
      expect(refused).toEqual({ ok: false, error: 'insufficient-funds', version: 1 });
      expect(await ctx.store.streamVersion(stream)).toBe(1);
    });

    it("honours the caller's expected version (If-Match): a stale one is a conflict and appends nothing", async () => {
      const stream = streamName('ledger');
      const store = new AggregateStore(ctx.store, ledgerDecider);
      await store.handle(stream, { type: 'Deposit', data: { amount: 5 } }, ctxNow, metadata());
      await store.handle(stream, { type: 'Deposit', data: { amount: 5 } }, ctxNow, metadata(), { expectedVersion: 1 });
      await expect(
        store.handle(stream, { type: 'Deposit', data: { amount: 5 } }, ctxNow, metadata(), { expectedVersion: 1 }),
      ).rejects.toMatchObject({
        name: 'StreamVersionConflictError',
        expected: 1,
        actual: 2,
      });
      expect(await ctx.store.streamVersion(stream)).toBe(2);
    });

    it('lets an expected version pass over concurrency-neutral events only', async () => {
      const stream = streamName('ledger');
      const plain = new AggregateStore(ctx.store, ledgerDecider);
      const store = new AggregateStore(ctx.store, ledgerDecider, { concurrencyNeutralEvents: ['Noted'] });
      await plain.handle(stream, { type: 'Deposit', data: { amount: 5 } }, ctxNow, metadata());
      await ctx.store.append(stream, 1, [{ type: 'Noted', data: { note: 'a reminder was sent' } }], metadata());
      const passed = await store.handle(stream, { type: 'Deposit', data: { amount: 5 } }, ctxNow, metadata(), { expectedVersion: 1 });
      expect(passed).toMatchObject({ ok: true, nextVersion: 3 });
      await plain.handle(stream, { type: 'Deposit', data: { amount: 1 } }, ctxNow, metadata());
      await expect(
        store.handle(stream, { type: 'Deposit', data: { amount: 5 } }, ctxNow, metadata(), { expectedVersion: 3 }),
      ).rejects.toBeInstanceOf(StreamVersionConflictError);
      await expect(
        plain.handle(stream, { type: 'Deposit', data: { amount: 5 } }, ctxNow, metadata(), { expectedVersion: 1 }),
      ).rejects.toBeInstanceOf(StreamVersionConflictError);
      expect(await ctx.store.streamVersion(stream)).toBe(4);
    });

    it('creates a new stream without loading it, and refuses newStream on a stream that exists', async () => {
      const stream = streamName('ledger');
      const store = new AggregateStore(ctx.store, ledgerDecider);
      const created = await store.handle(stream, { type: 'Deposit', data: { amount: 7 } }, ctxNow, metadata(), { newStream: true });
      expect(created).toMatchObject({ ok: true, nextVersion: 1, state: { balance: 7 } });
      await expect(
        store.handle(stream, { type: 'Deposit', data: { amount: 7 } }, ctxNow, metadata(), { newStream: true }),
      ).rejects.toBeInstanceOf(StreamVersionConflictError);
      expect(await store.load(stream)).toMatchObject({ version: 1, state: { balance: 7 } });
    });

    it('retries a conflict by reloading when the caller gave no expected version', async () => {
      const stream = streamName('ledger');
      const store = new AggregateStore(ctx.store, ledgerDecider);
      // Four racers: each round has a winner, so three retries are always enough.
      const results = await Promise.all(
        Array.from({ length: 4 }, () => store.handle(stream, { type: 'Deposit', data: { amount: 1 } }, ctxNow, metadata())),
      );
      expect(results.every((r) => r.ok)).toBe(true);
      expect(await store.load(stream)).toMatchObject({ version: 4, state: { balance: 4 } });
      const noRetries = new AggregateStore(ctx.store, ledgerDecider, { conflictRetries: 0 });
      const racing = await Promise.allSettled(
        Array.from({ length: 6 }, () => noRetries.handle(stream, { type: 'Deposit', data: { amount: 1 } }, ctxNow, metadata())),
      );
      for (const outcome of racing) if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(StreamVersionConflictError);
    });

    it('answers cached loads from the states it loaded or wrote, and a command decided on them appends only while they are current', async () => {
      const account = streamName('ledger');
      const other = streamName('ledger');
      const keeping = new AggregateStore(ctx.store, ledgerDecider, { stateCache: 10 });
      const elsewhere = new AggregateStore(ctx.store, ledgerDecider); // another process, say
      const writer = new AggregateStore(ctx.store, ledgerDecider);
      await keeping.handle(account, { type: 'Deposit', data: { amount: 10 } }, ctxNow, metadata());
      let reads = 0;
      const counting = new Proxy(ctx.store, {
        get(target, property, receiver) {
          if (property === 'readStreamsAfterSnapshots') reads += 1;
          return Reflect.get(target, property, receiver) as unknown;
        },
      });
      // What the store wrote is kept: a cached load reads nothing.
      const request = keeping.loadRequest(account, { fromCache: true });
      const [kept] = await loadAggregates(counting, [request] as const);
      expect(kept).toEqual({ state: { balance: 10, entries: 1, recent: ['Deposited:10'] }, version: 1 });
      expect(reads).toBe(0);
      // Another writer moves the stream on: the kept state is now behind, and a decision on it cannot land.
      await elsewhere.handle(account, { type: 'Deposit', data: { amount: 5 } }, ctxNow, metadata());
      const [stillKept] = await loadAggregates(counting, [keeping.loadRequest(account, { fromCache: true })] as const);
      expect(stillKept.version).toBe(1);
      const stale = writer.handle(other, { type: 'Deposit', data: { amount: 1 } }, ctxNow, metadata(), {
        unchanged: readsOf([request], [stillKept]),
      });
      await expect(stale).rejects.toBeInstanceOf(StaleReadError);
      await expect(stale).rejects.toMatchObject({ streamId: account, expected: 1, actual: 2 });
      expect(await ctx.store.streamVersion(other)).toBe(0); // no retry of a stale read inside handle
      // A fresh load reads, and is kept from then on.
      const [fresh] = await loadAggregates(counting, [keeping.loadRequest(account)] as const);
      expect(fresh.version).toBe(2);
      expect(reads).toBe(1);
      expect((await loadAggregates(counting, [keeping.loadRequest(account, { fromCache: true })] as const))[0]).toEqual(fresh);
      expect(reads).toBe(1);
      expect(
        await writer.handle(other, { type: 'Deposit', data: { amount: 1 } }, ctxNow, metadata(), {
          unchanged: readsOf([request], [fresh]),
        }),
      ).toMatchObject({ ok: true, nextVersion: 1 });
      // An older state never replaces a newer one; a stream without events is never kept; inside a transaction nothing is answered from the cache.
      request.complete({ snapshot: undefined, events: (await ctx.store.readStream(account)).slice(0, 1) }, true);
      expect((await loadAggregates(counting, [keeping.loadRequest(account, { fromCache: true })] as const))[0].version).toBe(2);
      const absent = streamName('ledger');
      await loadAggregates(counting, [keeping.loadRequest(absent, { fromCache: true })] as const);
      await loadAggregates(counting, [keeping.loadRequest(absent, { fromCache: true })] as const);
      expect(reads).toBe(3);
      await ctx.dataSource.transaction(async (transaction) => {
        await loadAggregates(counting, [keeping.loadRequest(account, { fromCache: true })] as const, { transaction });
      });
      expect(reads).toBe(4);
      // Without a cache, fromCache reads as usual.
      await loadAggregates(counting, [writer.loadRequest(account, { fromCache: true })] as const);
      expect(reads).toBe(5);
      expect(() => new AggregateStore(ctx.store, ledgerDecider, { stateCache: 0 })).toThrow(RangeError);
    });

    it('never fails a command because its snapshot could not be written', async () => {
      const stream = streamName('ledger');
      const logger = recordingLogger();
      const store = new AggregateStore(ctx.store, ledgerDecider, {
        logger,
        snapshot: {
          schema: 'ledger-v1',
          every: 2,
          toJson: () => {
            throw new Error('state not serializable');
          },
        },
      });
      for (const command of commands(4)) expect((await store.handle(stream, command, ctxNow, metadata())).ok).toBe(true);
      expect(await snapshotRow(ctx, stream)).toEqual([]);
      expect(logger.warnings.length).toBeGreaterThan(0);
      expect(logger.warnings[0]).toContain('state not serializable');
      expect((await store.load(stream)).version).toBe(4);
    });
  });
}
