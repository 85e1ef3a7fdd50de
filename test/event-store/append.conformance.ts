import {
  InvalidEventError,
  InvalidMetadataError,
  LOG_START,
  LogOrderConflictError,
  StaleReadError,
  StreamVersionConflictError,
  checkpointAfter,
  type RecordedEvent,
} from '@fangquan/event-store';
import type { ConformanceContext } from './conformance.context';
import { logSettled, metadata, sleep, streamName } from './fixtures';

export function appendConformance(ctx: ConformanceContext): void {
  describe('append and read', () => {
    it('round-trips events with their metadata, versions, positions and county', async () => {
      const stream = streamName('handover');
      const meta = metadata({ countyId: 'county-330110' });
      const result = await ctx.store.append(
        stream,
        'no-stream',
        [
          { type: 'HandoverProposed', data: { powerCode: 'A-17', township: 'Xianlin' } },
          { type: 'RequirementAdded', data: { kind: 'officers', count: 3 } },
        ],
        meta,
      );
      expect(result.nextVersion).toBe(2);
      const events = await ctx.store.readStream(stream);
      expect(events.map((e) => [e.streamVersion, e.type, e.schemaVersion])).toEqual([
        [1, 'HandoverProposed', 1],
        [2, 'RequirementAdded', 1],
      ]);
      expect(events[0]?.data).toEqual({ powerCode: 'A-17', township: 'Xianlin' });
      for (const event of events) {
        expect(event.metadata).toEqual(meta);
        expect(event.streamId).toBe(stream);
        expect(event.globalPosition).toMatch(/^\d+$/);
        expect(event.transactionId).toMatch(/^\d+$/);
        expect(Number.isNaN(Date.parse(event.recordedAt))).toBe(false);
      }
      expect(BigInt(events[1]?.globalPosition ?? 0)).toBeGreaterThan(BigInt(events[0]?.globalPosition ?? 0));
      expect(result.lastGlobalPosition).toBe(events[1]?.globalPosition);
      expect(events[0]?.transactionId).toBe(events[1]?.transactionId); // one statement, one transaction
      const county: unknown = await ctx.dataSource.query('SELECT DISTINCT county_id FROM events WHERE stream_id = $1', [stream]);
      expect(county).toEqual([{ county_id: 'county-330110' }]);
      expect(await ctx.store.readStream(stream, 2)).toHaveLength(1);
      expect(await ctx.store.readStream(streamName('nothing'))).toEqual([]);
    });

    it("finds a county's streams by a field of their events, and replays several streams, or a county's events of some types, in log order", async () => {
      const [a, b, other] = [streamName('handover'), streamName('handover'), streamName('handover')];
      const inCounty = metadata({ countyId: 'county-330110' });
      await ctx.store.append(a, 'no-stream', [{ type: 'HandoverRecorded', data: { townshipId: 'xianlin' } }], inCounty);
      await ctx.store.append(other, 'no-stream', [{ type: 'HandoverRecorded', data: { townshipId: 'qiaosi' } }], inCounty);
      await ctx.store.append(b, 'no-stream', [{ type: 'HandoverRecorded', data: { townshipId: 'xianlin' } }], inCounty);
      await ctx.store.append(a, 1, [{ type: 'HandoverAccepted', data: {} }], inCounty);
      await ctx.store.append(
        streamName('handover'),
        'no-stream',
        [{ type: 'HandoverRecorded', data: { townshipId: 'xianlin' } }],
        metadata(),
      );

      expect(await ctx.store.findCountyStreams('county-330110', ['HandoverRecorded'], 'townshipId', 'xianlin')).toEqual([a, b].sort());
      expect(await ctx.store.findCountyStreams('county-330110', ['HandoverAccepted'], 'townshipId', 'xianlin')).toEqual([]);
      const merged = await ctx.store.replayStreams([a, b]);
      expect(merged.map((event) => [event.streamId, event.type])).toEqual([
        [a, 'HandoverRecorded'],
        [b, 'HandoverRecorded'],
        [a, 'HandoverAccepted'],
      ]);
      expect(merged[0]).toEqual({
        streamId: a,
        globalPosition: expect.stringMatching(/^\d+$/),
        type: 'HandoverRecorded',
        data: { townshipId: 'xianlin' },
        countyId: 'county-330110',
        occurredAt: inCounty.occurredAt,
      });
      expect(await ctx.store.replayStreams([])).toEqual([]);
      const county = await ctx.store.replayCountyEvents('county-330110', ['HandoverAccepted', 'HandoverRecorded']);
      expect(county.map((event) => event.streamId)).toEqual([a, other, b, a]);
    });

    it("checks the expected version: 'no-stream', exact and 'any'; a conflict writes nothing", async () => {
      const stream = streamName('team');
      const one = [{ type: 'OfficerAssigned', data: { officer: 'o-1' } }];
      expect(await ctx.store.append(stream, 0, one, metadata())).toMatchObject({ nextVersion: 1 }); // 0 == 'no-stream'
      await expect(ctx.store.append(stream, 'no-stream', one, metadata())).rejects.toMatchObject({
        name: 'StreamVersionConflictError',
        streamId: stream,
        expected: 'no-stream',
        actual: 1,
      });
      expect(await ctx.store.append(stream, 1, [...one, ...one], metadata())).toMatchObject({ nextVersion: 3 });
      const stale = ctx.store.append(stream, 1, one, metadata());
      await expect(stale).rejects.toBeInstanceOf(StreamVersionConflictError);
      await expect(stale).rejects.toMatchObject({ expected: 1, actual: 3 });
      await expect(ctx.store.append(stream, 7, one, metadata())).rejects.toMatchObject({ expected: 7, actual: 3 });
      expect(await ctx.store.append(stream, 'any', one, metadata())).toMatchObject({ nextVersion: 4 });
      expect(await ctx.store.append(streamName('fresh'), 'any', one, metadata())).toMatchObject({ nextVersion: 1 });
      expect((await ctx.store.readStream(stream)).map((e) => e.streamVersion)).toEqual([1, 2, 3, 4]);
      expect(await ctx.store.streamVersion(stream)).toBe(4);
    });

    it('appends only while the streams the decision read are at the versions it read; otherwise writes nothing and names the moved one', async () => {
      const [team, power, absent] = [streamName('team'), streamName('power'), streamName('power')];
      await ctx.store.append(
        team,
        'no-stream',
        [
          { type: 'OfficerAssigned', data: { officer: 'o-1' } },
          { type: 'OfficerAssigned', data: { officer: 'o-2' } },
        ],
        metadata(),
      );
      await ctx.store.append(power, 'no-stream', [{ type: 'PowerRegistered', data: {} }], metadata());
      const recorded = [{ type: 'HandoverRecorded', data: { team } }];
      const reads = (teamVersion: number) => [
        { streamId: team, version: teamVersion },
        { streamId: power, version: 1 },
        { streamId: absent, version: 0 },
      ];

      const first = streamName('handover');
      expect(await ctx.store.append(first, 'no-stream', recorded, metadata(), { unchanged: reads(2) })).toMatchObject({ nextVersion: 1 });
      // Several events at once take the same check.
      expect(await ctx.store.append(first, 1, [...recorded, ...recorded], metadata(), { unchanged: reads(2) })).toMatchObject({
        nextVersion: 3,
      });

      await ctx.store.append(team, 2, [{ type: 'OfficerLeft', data: { officer: 'o-1' } }], metadata());
      const second = streamName('handover');
      const stale = ctx.store.append(second, 'no-stream', recorded, metadata(), { unchanged: reads(2) });
      await expect(stale).rejects.toBeInstanceOf(StaleReadError);
      await expect(stale).rejects.toMatchObject({ name: 'StaleReadError', streamId: team, expected: 2, actual: 3 });
      await expect(ctx.store.append(first, 3, recorded, metadata(), { unchanged: reads(2) })).rejects.toMatchObject({
        name: 'StaleReadError',
        streamId: team,
      });
      // With no expected version for the written stream, the reads are checked all the same.
      await expect(ctx.store.append(first, 'any', recorded, metadata(), { unchanged: reads(2) })).rejects.toMatchObject({
        name: 'StaleReadError',
        streamId: team,
      });
      await expect(ctx.store.append(first, 'any', [...recorded, ...recorded], metadata(), { unchanged: reads(2) })).rejects.toMatchObject({
        name: 'StaleReadError',
        streamId: team,
      });
      expect(await ctx.store.readStream(second)).toEqual([]);
      expect(await ctx.store.streamVersion(first)).toBe(3);
      // A stream that has since come into being has moved from 0 too.
      await ctx.store.append(absent, 'no-stream', [{ type: 'PowerRegistered', data: {} }], metadata());
      await expect(ctx.store.append(second, 'no-stream', recorded, metadata(), { unchanged: reads(3) })).rejects.toMatchObject({
        name: 'StaleReadError',
        streamId: absent,
        expected: 0,
        actual: 1,
      });

      // The written stream's own check comes first: a plain conflict, not a stale read.
      const own = ctx.store.append(first, 1, recorded, metadata(), { unchanged: reads(2) });
      await expect(own).rejects.toBeInstanceOf(StreamVersionConflictError);
      await expect(own).rejects.not.toBeInstanceOf(StaleReadError);
      await expect(own).rejects.toMatchObject({ streamId: first, expected: 1, actual: 3 });

      await expect(
        ctx.store.append(second, 'no-stream', recorded, metadata(), { unchanged: [{ streamId: second, version: 0 }] }),
      ).rejects.toThrow(RangeError);
      await expect(
        ctx.store.append(second, 'no-stream', recorded, metadata(), {
          unchanged: [
            { streamId: team, version: 3 },
            { streamId: team, version: 3 },
          ],
        }),
      ).rejects.toThrow(RangeError);
      await expect(
        ctx.store.append(second, 'no-stream', recorded, metadata(), { unchanged: [{ streamId: team, version: -1 }] }),
      ).rejects.toThrow(RangeError);
      expect(
        await ctx.store.append(second, 'no-stream', recorded, metadata(), {
          unchanged: [
            { streamId: team, version: 3 },
            { streamId: absent, version: 1 },
          ],
        }),
      ).toMatchObject({ nextVersion: 1 });
    });

    it('appends one event on each of several streams in one statement, all or nothing', async () => {
      const [a, b, fresh] = [streamName('handover'), streamName('handover'), streamName('handover')];
      await ctx.store.append(a, 'no-stream', [{ type: 'HandoverProposed', data: { n: 1 } }], metadata());
      await ctx.store.append(
        b,
        'no-stream',
        [
          { type: 'HandoverProposed', data: { n: 1 } },
          { type: 'HandoverProposed', data: { n: 2 } },
        ],
        metadata(),
      );
      const sent = (stream: string, expectedVersion: number) => ({
        streamId: stream,
        expectedVersion,
        event: { type: 'ReminderSent', data: { stream } },
        metadata: metadata(),
      });

      const results = await ctx.store.appendOneEach([sent(b, 2), sent(a, 1), sent(fresh, 0)]);
      expect(results.map((result) => result.nextVersion)).toEqual([3, 2, 1]);
      const positions = results.map((result) => BigInt(result.lastGlobalPosition));
      expect(positions[0]! < positions[1]! && positions[1]! < positions[2]!).toBe(true);
      expect((await ctx.store.readStream(a)).at(-1)).toMatchObject({ streamVersion: 2, type: 'ReminderSent', data: { stream: a } });
      // Payloads and metadata go to the server as the JSON they are: quotes, backslashes, line breaks and CJK come back unchanged.
      const tricky = streamName('handover');
      const data = { note: '缺少"无人机"\\ 第二行\n\u2028末', list: [1, 'x"y', { nested: '\\"' }] };
      const withMetadata = { ...metadata(), actor: '县"办"\\公室' };
      await ctx.store.appendOneEach([
        { streamId: tricky, expectedVersion: 0, event: { type: 'ReminderSent', data }, metadata: withMetadata },
      ]);
      expect(await ctx.store.readStream(tricky)).toMatchObject([{ streamVersion: 1, data, metadata: { actor: withMetadata.actor } }]);

      // b has moved on since (it is at 3, not 2): nothing is written on a either.
      await expect(ctx.store.appendOneEach([sent(a, 2), sent(b, 2)])).rejects.toMatchObject({
        name: 'StreamVersionConflictError',
        streamId: b,
        expected: 2,
        actual: 3,
      });
      expect(await ctx.store.streamVersion(a)).toBe(2);
      await expect(ctx.store.appendOneEach([sent(a, 2), sent(a, 2)])).rejects.toThrow(RangeError);
      expect(await ctx.store.appendOneEach([])).toEqual([]);
    });

    it('refuses invalid events and metadata with typed errors and writes nothing', async () => {
      const stream = streamName('invalid');
      class HandoverProposed {
        readonly type = 'HandoverProposed';
        readonly data = {};
      }
      await expect(ctx.store.append(stream, 'any', [{ type: '', data: {} }], metadata())).rejects.toBeInstanceOf(InvalidEventError);
      await expect(ctx.store.append(stream, 'any', [new HandoverProposed()], metadata())).rejects.toBeInstanceOf(InvalidEventError);
      await expect(ctx.store.append(stream, 'any', [], metadata())).rejects.toBeInstanceOf(InvalidEventError);
      const { correlationId: _dropped, ...withoutCorrelation } = metadata();
      await expect(ctx.store.append(stream, 'any', [{ type: 'A', data: {} }], withoutCorrelation as never)).rejects.toMatchObject({
        name: 'InvalidMetadataError',
        field: 'correlationId',
      });
      await expect(ctx.store.append(stream, 'any', [{ type: 'A', data: {} }], metadata({ occurredAt: 'now' }))).rejects.toBeInstanceOf(
        InvalidMetadataError,
      );
      expect(await ctx.store.readStream(stream)).toEqual([]);
    });

    it('gives exactly one winner per version when 20 appenders race on one stream', async () => {
      const stream = streamName('race');
      await ctx.store.append(stream, 'no-stream', [{ type: 'Seeded', data: {} }], metadata());
      for (let round = 0; round < 4; round += 1) {
        const expected = await ctx.store.streamVersion(stream);
        const results = await Promise.allSettled(
          Array.from({ length: 20 }, (_, racer) =>
            ctx.store.append(
              stream,
              expected,
              [
                { type: 'Raced', data: { round, racer } },
                { type: 'RacedAgain', data: { round, racer } },
              ],
              metadata(),
            ),
          ),
        );
        const winners = results.filter((r) => r.status === 'fulfilled');
        const losers = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(winners).toHaveLength(1);
        expect(losers).toHaveLength(19);
        for (const loser of losers) expect(loser.reason).toBeInstanceOf(StreamVersionConflictError);
      }
      const events = await ctx.store.readStream(stream);
      expect(events.map((e) => e.streamVersion)).toEqual(Array.from({ length: 9 }, (_, i) => i + 1));
      // Each winner wrote both of its events, losers nothing: pairs come from the same racer.
      for (let i = 1; i < 9; i += 2) expect(events[i]?.data).toEqual(events[i + 1]?.data);
    });

    it("retries an 'any' append that loses a race, so concurrent 'any' appends all land", async () => {
      const stream = streamName('any-race');
      // Up to 10 attempts each: 8 racers always get through even if every round has a single winner.
      await Promise.all(Array.from({ length: 8 }, (_, i) => ctx.store.append(stream, 'any', [{ type: 'Noted', data: { i } }], metadata())));
      expect((await ctx.store.readStream(stream)).map((e) => e.streamVersion)).toEqual(Array.from({ length: 8 }, (_, i) => i + 1));
    });

    it("appends inside a caller's transaction, atomically with the caller's other writes", async () => {
      const kept = streamName('tx-commit');
      const dropped = streamName('tx-rollback');
      await ctx.dataSource.transaction(async (tx) => {
        await ctx.store.append(kept, 'no-stream', [{ type: 'TeamFormed', data: {} }], metadata(), { transaction: tx });
        await tx.query(
          `INSERT INTO conformance_handled (subscription, global_position, stream_id, stream_version) VALUES ('tx-test', 1, $1, 1)`,
          [kept],
        );
      });
      await expect(
        ctx.dataSource.transaction(async (tx) => {
          await ctx.store.append(dropped, 'no-stream', [{ type: 'TeamFormed', data: {} }], metadata(), { transaction: tx });
          await tx.query(
            `INSERT INTO conformance_handled (subscription, global_position, stream_id, stream_version) VALUES ('tx-test', 2, $1, 1)`,
            [dropped],
          );
          throw new Error('the other write failed');
        }),
      ).rejects.toThrow('the other write failed');
      expect(await ctx.store.readStream(kept)).toHaveLength(1);
      expect(await ctx.store.readStream(dropped)).toEqual([]);
      expect(await ctx.dataSource.query(`SELECT stream_id FROM conformance_handled WHERE subscription = 'tx-test'`)).toEqual([
        { stream_id: kept },
      ]);
      // A version conflict inside the caller's transaction is the same typed error.
      const conflict = ctx.dataSource.transaction((tx) =>
        ctx.store.append(kept, 'no-stream', [{ type: 'TeamFormed', data: {} }], metadata(), { transaction: tx }),
      );
      await expect(conflict).rejects.toBeInstanceOf(StreamVersionConflictError);
      await expect(conflict).rejects.toMatchObject({ expected: 'no-stream', actual: 1 });
    });

    it('reads the whole log in (transaction, position) order from a checkpoint, in pages', async () => {
      const streams = [streamName('a'), streamName('b'), streamName('c')];
      for (let i = 0; i < 7; i += 1) {
        const stream = streams[i % 3] ?? '';
        await ctx.store.append(
          stream,
          'any',
          [
            { type: 'Step', data: { i } },
            { type: 'Step', data: { i, second: true } },
          ],
          metadata(),
        );
      }
      await logSettled(ctx.dataSource);
      const read: RecordedEvent[] = [];
      let from = LOG_START;
      for (;;) {
        const page = await ctx.store.readAll(from, 3);
        const last = page[page.length - 1];
        if (!last) break;
        read.push(...page);
        from = checkpointAfter(last);
      }
      expect(read).toHaveLength(14);
      const keys = read.map((e) => [BigInt(e.transactionId), BigInt(e.globalPosition)] as const);
      const sorted = [...keys].sort((x, y) => (x[0] === y[0] ? (x[1] < y[1] ? -1 : 1) : x[0] < y[0] ? -1 : 1));
      expect(keys).toEqual(sorted);
      expect(read.map((e) => e.data.i)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6]);
    });

    if (ctx.backend.kind === 'postgres') {
      it('does not hand out events of a later transaction while an earlier one is still open (the xmin rule)', async () => {
        const early = streamName('early');
        const late = streamName('late');
        const runner = ctx.dataSource.createQueryRunner();
        await runner.startTransaction();
        try {
          // The open transaction takes an xid and a lower position first ...
          await ctx.store.append(early, 'no-stream', [{ type: 'Slow', data: {} }], metadata(), { transaction: runner });
          // ... a later transaction takes a higher position and commits first.
          await ctx.store.append(late, 'no-stream', [{ type: 'Fast', data: {} }], metadata());
          await sleep(20);
          const whileOpen = await ctx.store.readAll(LOG_START, 100);
          expect(whileOpen.filter((e) => e.streamId === late || e.streamId === early)).toEqual([]);
          expect(await ctx.store.hasEventsAfter(LOG_START)).toBe(true);
          await runner.commitTransaction();
        } finally {
          if (runner.isTransactionActive) await runner.rollbackTransaction();
          await runner.release();
        }
        await logSettled(ctx.dataSource);
        const after = (await ctx.store.readAll(LOG_START, 100)).filter((e) => e.streamId === late || e.streamId === early);
        expect(after.map((e) => e.streamId)).toEqual([early, late]);
      });

      it("keeps a stream's events in log order: a transaction older than the stream's last writer cannot append after it", async () => {
        // The log is read in (transaction id, position) order, so an event appended by a transaction
        // that took its id before the stream's last event was written would come BEFORE that event
        // there: subscribers would see version 3 ahead of version 2 and skip 2 as old.
        const stream = streamName('order');
        const other = streamName('order-other');
        const untouched = streamName('order-new');
        await ctx.store.append(stream, 'no-stream', [{ type: 'HandoverRecorded', data: {} }], metadata());
        const runner = ctx.dataSource.createQueryRunner();
        await runner.startTransaction();
        try {
          // The open transaction writes first, so it holds the older transaction id ...
          await ctx.store.append(other, 'no-stream', [{ type: 'Noted', data: {} }], metadata(), { transaction: runner });
          // ... then a newer transaction appends to the stream and commits.
          await ctx.store.append(stream, 1, [{ type: 'HandoverContested', data: {} }], metadata());
          // Appending after it from the older transaction is refused, whichever way the append is asked for.
          const refusal = { name: 'LogOrderConflictError', streamId: stream, actual: 2 };
          await expect(
            ctx.store.append(stream, 2, [{ type: 'ReminderSent', data: {} }], metadata(), { transaction: runner }),
          ).rejects.toMatchObject({ ...refusal, expected: 2 });
          await expect(
            ctx.store.append(
              stream,
              'any',
              [
                { type: 'ReminderSent', data: {} },
                { type: 'ReminderSent', data: {} },
              ],
              metadata(),
              { transaction: runner },
            ),
          ).rejects.toMatchObject({
            ...refusal,
            expected: 'any',
          });
          await expect(
            ctx.store.append(stream, 2, [{ type: 'ReminderSent', data: {} }], metadata(), {
              transaction: runner,
              unchanged: [{ streamId: other, version: 1 }],
            }),
          ).rejects.toBeInstanceOf(LogOrderConflictError);
          const sent = (streamId: string, expectedVersion: number) => ({
            streamId,
            expectedVersion,
            event: { type: 'ReminderSent', data: {} },
            metadata: metadata(),
          });
          await expect(ctx.store.appendOneEach([sent(untouched, 0), sent(stream, 2)], { transaction: runner })).rejects.toMatchObject({
            ...refusal,
            expected: 2,
          });
          // A conflict like any other (nothing written), and the transaction is still usable.
          await expect(
            ctx.store.append(stream, 2, [{ type: 'ReminderSent', data: {} }], metadata(), { transaction: runner }),
          ).rejects.toBeInstanceOf(StreamVersionConflictError);
          // Its own stream, and streams no newer transaction wrote, it still appends to.
          expect(await ctx.store.append(other, 1, [{ type: 'Noted', data: {} }], metadata(), { transaction: runner })).toMatchObject({
            nextVersion: 2,
          });
          expect(await ctx.store.appendOneEach([sent(untouched, 0)], { transaction: runner })).toMatchObject([{ nextVersion: 1 }]);
          await runner.commitTransaction();
        } finally {
          if (runner.isTransactionActive) await runner.rollbackTransaction();
          await runner.release();
        }
        // A new transaction appends after it as usual.
        expect(
          await ctx.dataSource.transaction((tx) =>
            ctx.store.append(stream, 2, [{ type: 'ReminderSent', data: {} }], metadata(), { transaction: tx }),
          ),
        ).toMatchObject({ nextVersion: 3 });
        await logSettled(ctx.dataSource);
        const log: RecordedEvent[] = [];
        for (
          let page = await ctx.store.readAll(LOG_START, 1000);
          page.length > 0;
          page = await ctx.store.readAll(checkpointAfter(page.at(-1) as RecordedEvent), 1000)
        ) {
          log.push(...page.filter((e) => e.streamId === stream));
        }
        expect(log.map((e) => [e.streamVersion, e.type])).toEqual([
          [1, 'HandoverRecorded'],
          [2, 'HandoverContested'],
          [3, 'ReminderSent'],
        ]);
      });
    }
  });
}
