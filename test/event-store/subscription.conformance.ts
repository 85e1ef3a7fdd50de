import { randomUUID } from 'node:crypto';
import {
  EventStore,
  LOG_START,
  type RecordedEvent,
  SUBSCRIPTION_NOTIFY_CHANNEL,
  SubscriptionNotifications,
  SubscriptionRunner,
  checkpointAfter,
  lockSubscription,
} from '@fangquan/event-store';
import type { ConformanceContext } from './conformance.context';
import {
  countHandledRows,
  eventually,
  expectStreamsInOrder,
  gatedRecordingHandler,
  handledRows,
  metadata,
  recordingHandler,
  recordingLogger,
  sleep,
  streamName,
} from './fixtures';

async function appendMany(ctx: ConformanceContext, streams: string[], perStream: number): Promise<string> {
  let last = '';
  for (let v = 0; v < perStream; v += 1) {
    for (const stream of streams)
      last = (await ctx.store.append(stream, v, [{ type: 'Counted', data: { v } }], metadata())).lastGlobalPosition;
  }
  return last;
}

export function subscriptionConformance(ctx: ConformanceContext): void {
  describe('subscriptions with durable checkpoints', () => {
    it('sees every event of many concurrent writers exactly once, each stream in version order', async () => {
      const { writers, eventsPerWriter } = ctx.backend;
      const handler = recordingHandler(`concurrent-${randomUUID()}`);
      const runner = new SubscriptionRunner(ctx.store, handler, { batchSize: 250, pollIntervalMs: 10, logger: recordingLogger() });
      ctx.runners.push(runner);
      runner.start();
      const streams = Array.from({ length: writers }, () => streamName('writer'));
      // On PostgreSQL every fifth append sits in a transaction that lingers before COMMIT, so
      // positions commit out of order all the time.
      const linger = ctx.backend.kind === 'postgres';
      const lastPositions = await Promise.all(
        streams.map(async (stream, w) => {
          let last = '';
          for (let v = 0; v < eventsPerWriter; v += 1) {
            const event = [{ type: 'Written', data: { w, v } }];
            if (linger && v % 5 === 4) {
              last = await ctx.dataSource.transaction(async (tx) => {
                const result = await ctx.store.append(stream, v, event, metadata(), { transaction: tx });
                await sleep(Math.random() * 4);
                return result.lastGlobalPosition;
              });
            } else {
              last = (await ctx.store.append(stream, v, event, metadata())).lastGlobalPosition;
            }
            if (v % 50 === 0) runner.nudge();
          }
          return last;
        }),
      );
      for (const position of lastPositions) expect(await runner.waitUntilPast(position, 30_000)).toBe(true);
      await runner.stop();
      expect(handler.seen).toHaveLength(writers * eventsPerWriter);
      expectStreamsInOrder(handler.seen, Object.fromEntries(streams.map((s) => [s, eventsPerWriter])));
      expect(await countHandledRows(ctx.dataSource, handler.name)).toBe(writers * eventsPerWriter);
      const position = await runner.position();
      const lastSeen = handler.seen[handler.seen.length - 1];
      expect(lastSeen && position).toEqual(lastSeen && checkpointAfter(lastSeen));
    });

    it('resumes a subscription stopped mid-way from its checkpoint: no loss, no repeat', async () => {
      const streams = [streamName('s'), streamName('s'), streamName('s')];
      await appendMany(ctx, streams, 40);
      const name = `resume-${randomUUID()}`;
      const first = recordingHandler(name, { delayMs: 15 });
      const runner = new SubscriptionRunner(ctx.store, first, { batchSize: 10, pollIntervalMs: 10 });
      ctx.runners.push(runner);
      runner.start();
      await eventually(() => first.seen.length >= 30, 20_000, 'the first batches');
      await runner.stop(); // lets the batch in flight commit
      expect(first.seen.length).toBeLessThan(120);
      expect(first.seen.length % 10).toBe(0);
      const lastOfFirst = first.seen[first.seen.length - 1];
      expect(await runner.position()).toEqual(lastOfFirst && checkpointAfter(lastOfFirst));

      // A new runner (think: the process restarted) continues where the checkpoint says.
      const second = recordingHandler(name);
      const restarted = new SubscriptionRunner(ctx.store, second, { batchSize: 10 });
      expect(await restarted.catchUp()).toBe(120 - first.seen.length);
      const all = [...first.seen, ...second.seen];
      expectStreamsInOrder(all, Object.fromEntries(streams.map((s) => [s, 40])));
      expect(await countHandledRows(ctx.dataSource, name)).toBe(120);
      expect(await restarted.catchUp()).toBe(0);
    });

    it('rolls back a failing batch with its writes and checkpoint, then retries it: nothing lost or repeated', async () => {
      const stream = streamName('failing');
      await appendMany(ctx, [stream], 30);
      const name = `failing-${randomUUID()}`;
      let failures = 0;
      const handler = recordingHandler(name, { failOn: (batch) => batch === 2 && failures++ === 0 });
      const runner = new SubscriptionRunner(ctx.store, handler, { batchSize: 10 });
      await expect(runner.catchUp()).rejects.toThrow(`handler ${name} fails on batch 2`);
      // The first batch committed; the failing one left neither its rows nor a checkpoint.
      expect(await countHandledRows(ctx.dataSource, name)).toBe(10);
      const tenth = handler.seen[9];
      expect(await runner.position()).toEqual(tenth && checkpointAfter(tenth));
      expect(await runner.catchUp()).toBe(20);
      expectStreamsInOrder(handler.seen, { [stream]: 30 });
      expect(await countHandledRows(ctx.dataSource, name)).toBe(30);
    });

    it('keeps retrying a failing batch in the polling loop, with back-off and a log line per failure', async () => {
      const stream = streamName('flaky');
      const last = await appendMany(ctx, [stream], 25);
      const name = `flaky-${randomUUID()}`;
      let failures = 0;
      const handler = recordingHandler(name, { failOn: (_batch, events) => events[0]?.streamVersion === 11 && failures++ < 3 });
      const logger = recordingLogger();
      const runner = new SubscriptionRunner(ctx.store, handler, { batchSize: 10, pollIntervalMs: 5, maxBackoffMs: 40, logger });
      ctx.runners.push(runner);
      runner.start();
      expect(await runner.waitUntilPast(last, 20_000)).toBe(true);
      await runner.stop();
      expect(logger.errors).toHaveLength(3);
      expect(logger.errors[0]).toContain(`subscription "${name}" batch failed`);
      expectStreamsInOrder(handler.seen, { [stream]: 25 });
      expect(await countHandledRows(ctx.dataSource, name)).toBe(25);
    });

    it('never lets two runners of the same subscription handle the same event', async () => {
      // On PostgreSQL the second runner has its own DataSource (its own pool): another process's worth.
      const peer = ctx.backend.openPeer ? await ctx.backend.openPeer() : ctx.dataSource;
      const peerStore = peer === ctx.dataSource ? ctx.store : new EventStore(peer);
      const name = `shared-${randomUUID()}`;
      const log: Array<{ label: string; event: RecordedEvent }> = [];
      const a = new SubscriptionRunner(ctx.store, recordingHandler(name, { label: 'a', log }), { batchSize: 7, pollIntervalMs: 2 });
      const b = new SubscriptionRunner(peerStore, recordingHandler(name, { label: 'b', log }), { batchSize: 7, pollIntervalMs: 2 });
      try {
        a.start();
        b.start();
        const streams = Array.from({ length: 4 }, () => streamName('shared'));
        const perStream = ctx.backend.kind === 'postgres' ? 100 : 40;
        const lastPositions = await Promise.all(
          streams.map(async (stream) => {
            let last = '';
            for (let v = 0; v < perStream; v += 1)
              last = (await ctx.store.append(stream, v, [{ type: 'Shared', data: { v } }], metadata())).lastGlobalPosition;
            return last;
          }),
        );
        for (const position of lastPositions) expect(await a.waitUntilPast(position, 30_000)).toBe(true);
        await Promise.all([a.stop(), b.stop()]);
        const total = streams.length * perStream;
        expect(log).toHaveLength(total);
        expectStreamsInOrder(
          log.map((entry) => entry.event),
          Object.fromEntries(streams.map((s) => [s, perStream])),
        );
        expect(await countHandledRows(ctx.dataSource, name)).toBe(total);
        if (ctx.backend.kind === 'postgres') {
          // Both really ran: the lock, not luck, kept them apart.
          expect(new Set(log.map((entry) => entry.label)).size).toBe(2);
        }
      } finally {
        await Promise.all([a.stop(), b.stop()]);
        if (peer !== ctx.dataSource) await peer.destroy();
      }
    });

    if (ctx.backend.kind === 'postgres') {
      it('skips a round while another transaction holds the subscription lock, then goes on', async () => {
        const name = `locked-${randomUUID()}`;
        await appendMany(ctx, [streamName('locked')], 3);
        const runner = new SubscriptionRunner(ctx.store, recordingHandler(name));
        const holder = ctx.dataSource.createQueryRunner();
        await holder.startTransaction();
        try {
          await lockSubscription(holder, name);
          expect(await runner.runBatch()).toEqual({ kind: 'busy' });
        } finally {
          await holder.rollbackTransaction();
          await holder.release();
        }
        expect(await runner.catchUp()).toBe(3);
      });

      it('answers the waiters of a running runner from the checkpoint while another process holds the batches', async () => {
        const name = `waiters-${randomUUID()}`;
        const positions: string[] = [];
        for (let i = 0; i < 20; i += 1)
          positions.push(
            (await ctx.store.append(streamName('waited'), 'no-stream', [{ type: 'X', data: {} }], metadata())).lastGlobalPosition,
          );
        const here = new SubscriptionRunner(ctx.store, recordingHandler(name), { pollIntervalMs: 1 });
        const holder = ctx.dataSource.createQueryRunner();
        await holder.startTransaction();
        try {
          // Another process "handled" everything: its checkpoint is past the events, and it still holds
          // the lock, so this process's runner — running — never handles a batch itself.
          await lockSubscription(holder, name);
          const [last] = (await ctx.dataSource.query(
            `SELECT transaction_id::text AS t, global_position::text AS p FROM events WHERE global_position = $1::bigint`,
            [positions.at(-1)],
          )) as Array<{ t: string; p: string }>;
          await ctx.dataSource.query(
            `INSERT INTO subscription_checkpoints (subscription_id, transaction_id, global_position, updated_at) VALUES ($1, $2::xid8, $3::bigint, now())`,
            [name, last?.t, last?.p],
          );
          here.start();
          for (const position of positions) expect(await here.waitUntilPast(position, 2_000)).toBe(true);
        } finally {
          await here.stop();
          await holder.rollbackTransaction();
          await holder.release();
        }
      });

      it('skips a gated batch while another transaction holds the subscription lock (the readiness sweep, a rebuild)', async () => {
        const name = `gated-locked-${randomUUID()}`;
        await appendMany(ctx, [streamName('gated-locked')], 3);
        const runner = new SubscriptionRunner(ctx.store, gatedRecordingHandler(name));
        const holder = ctx.dataSource.createQueryRunner();
        await holder.startTransaction();
        try {
          await lockSubscription(holder, name);
          expect(await runner.runBatch()).toEqual({ kind: 'busy' });
          expect(await countHandledRows(ctx.dataSource, name)).toBe(0);
        } finally {
          await holder.rollbackTransaction();
          await holder.release();
        }
        expect(await runner.catchUp()).toBe(3);
      });

      it('never lets two runners of a gated subscription apply the same batch', async () => {
        const peer = await (ctx.backend.openPeer as () => Promise<typeof ctx.dataSource>)();
        const name = `gated-shared-${randomUUID()}`;
        const a = new SubscriptionRunner(ctx.store, gatedRecordingHandler(name), { batchSize: 7, pollIntervalMs: 2 });
        const b = new SubscriptionRunner(new EventStore(peer), gatedRecordingHandler(name), { batchSize: 7, pollIntervalMs: 2 });
        try {
          a.start();
          b.start();
          const streams = Array.from({ length: 4 }, () => streamName('gated-shared'));
          const lastPositions = await Promise.all(
            streams.map(async (stream) => {
              let last = '';
              for (let v = 0; v < 60; v += 1)
                last = (await ctx.store.append(stream, v, [{ type: 'Shared', data: { v } }], metadata())).lastGlobalPosition;
              return last;
            }),
          );
          for (const position of lastPositions) expect(await a.waitUntilPast(position, 30_000)).toBe(true);
          await Promise.all([a.stop(), b.stop()]);
          const rows = await handledRows(ctx.dataSource, name);
          expect(rows).toHaveLength(240);
          for (const stream of streams)
            expect(rows.filter(([s]) => s === stream).map(([, v]) => v)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
        } finally {
          await Promise.all([a.stop(), b.stop()]);
          await peer.destroy();
        }
      });

      it("announces each committed batch, so that another process's waiters hear of it at once (and of no rolled-back one)", async () => {
        const name = `announced-${randomUUID()}`;
        const here = new SubscriptionRunner(ctx.store, recordingHandler(name)); // this process: waits, runs no batch
        const heard: Array<readonly string[] | undefined> = [];
        const hear = here.handledElsewhere.bind(here);
        here.handledElsewhere = (positions, runner) => {
          heard.push(positions);
          hear(positions, runner);
        };
        const listener = new SubscriptionNotifications(ctx.backend.connectionString as string, recordingLogger());
        listener.register(here);
        await listener.start();
        const peer = await (ctx.backend.openPeer as () => Promise<typeof ctx.dataSource>)();
        const elsewhere = new SubscriptionRunner(new EventStore(peer), recordingHandler(name, { failOn: (batch) => batch === 1 }), {
          notifyChannel: SUBSCRIPTION_NOTIFY_CHANNEL,
          logger: recordingLogger(),
        });
        try {
          const last = await appendMany(ctx, [streamName('announced')], 3);
          const waiting = here.waitUntilPast(last, 5_000);
          await expect(elsewhere.runBatch()).rejects.toThrow(); // rolled back: announces nothing
          await elsewhere.catchUp();
          expect(await waiting).toBe(true);
          await eventually(() => heard.length === 1);
          expect(heard[0]).toContain(last);
          expect(heard[0]).toHaveLength(3);
        } finally {
          await listener.stop();
        }
      });

      it("stands by while another process's runner commits the batches and nobody here waits, then takes over when it falls silent", async () => {
        const name = `standby-${randomUUID()}`;
        const hereHandler = recordingHandler(name);
        const here = new SubscriptionRunner(ctx.store, hereHandler, { pollIntervalMs: 10, standbyMs: 1000, logger: recordingLogger() });
        ctx.runners.push(here);
        let heardPeer = false;
        const hear = here.handledElsewhere.bind(here);
        here.handledElsewhere = (positions, runner) => {
          if (runner !== undefined && runner !== here.id) heardPeer = true;
          hear(positions, runner);
        };
        const listener = new SubscriptionNotifications(ctx.backend.connectionString as string, recordingLogger());
        listener.register(here);
        await listener.start();
        const peer = await (ctx.backend.openPeer as () => Promise<typeof ctx.dataSource>)();
        const elsewhere = new SubscriptionRunner(new EventStore(peer), recordingHandler(name), {
          notifyChannel: SUBSCRIPTION_NOTIFY_CHANNEL,
          logger: recordingLogger(),
        });
        try {
          await appendMany(ctx, [streamName('standby')], 3);
          await elsewhere.catchUp();
          await eventually(() => heardPeer, 5_000, "the peer's batch");
          here.start();
          const stream = streamName('standby-later');
          await appendMany(ctx, [stream], 3);
          await sleep(300);
          expect(hereHandler.seen).toHaveLength(0); // standing by: the peer may take these
          await eventually(() => hereHandler.seen.length === 3, 5_000, 'the take-over');
          expect(hereHandler.seen.map((event) => event.streamId)).toEqual([stream, stream, stream]);
        } finally {
          await listener.stop();
        }
      });
    }

    it('commits a gated batch in one statement with its checkpoint: every event once, in order, from the log start', async () => {
      const streams = [streamName('gated'), streamName('gated')];
      await appendMany(ctx, streams, 6);
      const name = `gated-${randomUUID()}`;
      const runner = new SubscriptionRunner(ctx.store, gatedRecordingHandler(name), { batchSize: 5 });
      expect(await runner.catchUp()).toBe(12);
      expect(await runner.runBatch()).toEqual({ kind: 'idle', pending: false });
      const rows = await handledRows(ctx.dataSource, name);
      expect(rows).toHaveLength(12);
      for (const stream of streams) expect(rows.filter(([s]) => s === stream).map(([, v]) => v)).toEqual([1, 2, 3, 4, 5, 6]);
      expect((await runner.position()).globalPosition).toBe((await ctx.store.readStream(streams[1] as string)).at(-1)?.globalPosition);
    });

    it('writes nothing of a gated batch that another runner committed first, and goes on after it', async () => {
      const stream = streamName('gated-race');
      await appendMany(ctx, [stream], 4);
      const name = `gated-race-${randomUUID()}`;
      const other = new SubscriptionRunner(ctx.store, gatedRecordingHandler(name));
      let interfered = false;
      const late = new SubscriptionRunner(
        ctx.store,
        gatedRecordingHandler(name, {
          duringPlan: async () => {
            if (interfered) return;
            interfered = true;
            expect(await other.runBatch()).toMatchObject({ kind: 'handled', count: 4 }); // gets there first
          },
        }),
      );
      expect(await late.runBatch()).toEqual({ kind: 'busy' });
      expect(await handledRows(ctx.dataSource, name)).toEqual([
        [stream, 1],
        [stream, 2],
        [stream, 3],
        [stream, 4],
      ]);
      await ctx.store.append(stream, 4, [{ type: 'Counted', data: { v: 4 } }], metadata());
      expect(await late.catchUp()).toBe(1);
      expect(await countHandledRows(ctx.dataSource, name)).toBe(5);
    });

    it('hands a subscription only the events its relevance condition holds for, and moves its checkpoint past the others', async () => {
      const wanted = streamName('relevant');
      const other = streamName('irrelevant');
      for (let v = 0; v < 6; v += 1) {
        await ctx.store.append(wanted, v, [{ type: v % 2 === 0 ? 'Wanted' : 'Skipped', data: { v } }], metadata());
        await ctx.store.append(other, v, [{ type: 'Wanted', data: { v } }], metadata());
      }
      const relevant = `e.stream_id = '${wanted}' AND e.type = 'Wanted'`;
      const name = `relevant-${randomUUID()}`;
      const handler = Object.assign(recordingHandler(name), { relevant });
      const handed: number[] = [];
      const handle = handler.handle.bind(handler);
      handler.handle = async (events, tx) => {
        handed.push(events.length);
        await handle(events, tx);
      };
      const runner = new SubscriptionRunner(ctx.store, handler, { batchSize: 2 });
      await runner.catchUp();
      expect(handler.seen.map((event) => [event.streamId, event.type, event.data])).toEqual(
        [0, 2, 4].map((v) => [wanted, 'Wanted', { v }]),
      );
      // Batches of irrelevant events only were never handed over, yet the checkpoint is past the last event.
      expect(handed.every((count) => count > 0)).toBe(true);
      expect((await runner.position()).globalPosition).toBe((await ctx.store.readStream(other)).at(-1)?.globalPosition);
      expect(await runner.runBatch()).toEqual({ kind: 'idle', pending: false });

      const gatedName = `relevant-gated-${randomUUID()}`;
      const gated = new SubscriptionRunner(ctx.store, Object.assign(gatedRecordingHandler(gatedName), { relevant }), { batchSize: 2 });
      await gated.catchUp();
      expect(await handledRows(ctx.dataSource, gatedName)).toEqual([
        [wanted, 1],
        [wanted, 3],
        [wanted, 5],
      ]);
      expect((await gated.position()).globalPosition).toBe((await ctx.store.readStream(other)).at(-1)?.globalPosition);
    });

    it('reset() moves the checkpoint back to the start for a rebuild', async () => {
      await appendMany(ctx, [streamName('rebuild')], 5);
      const name = `rebuild-${randomUUID()}`;
      const seen: string[] = [];
      const runner = new SubscriptionRunner(ctx.store, {
        name,
        handle: async (events) => void seen.push(...events.map((e) => e.globalPosition)),
      });
      expect(await runner.catchUp()).toBe(5);
      await runner.reset();
      expect(await runner.position()).toEqual(LOG_START);
      expect(await runner.catchUp()).toBe(5);
      expect(seen.slice(0, 5)).toEqual(seen.slice(5));
    });

    it('waitUntilPast reports false when the event is not handled in time', async () => {
      const { lastGlobalPosition } = await ctx.store.append(streamName('unwatched'), 'no-stream', [{ type: 'X', data: {} }], metadata());
      const idle = new SubscriptionRunner(ctx.store, recordingHandler(`idle-${randomUUID()}`));
      expect(await idle.waitUntilPast(lastGlobalPosition, 150)).toBe(false);
      await idle.catchUp();
      expect(await idle.waitUntilPast(lastGlobalPosition, 150)).toBe(true);
    });
  });
}
