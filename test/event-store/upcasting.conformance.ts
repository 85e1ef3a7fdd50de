import {
  CorruptEventError,
  EventStore,
  LOG_START,
  SubscriptionRunner,
  UnknownUpcasterChainError,
  UpcasterRegistry,
} from '@fangquan/event-store';
import type { JsonObject } from '@fangquan/event-store';
import type { ConformanceContext } from './conformance.context';
import { logSettled, metadata, recordingHandler, streamName } from './fixtures';

const splitName = {
  type: 'OfficerRegistered',
  fromVersion: 1,
  toVersion: 2,
  upcast: (data: JsonObject): JsonObject => {
    const [familyName = '', givenName = ''] = String(data.name ?? '').split(' ');
    return { familyName, givenName };
  },
};

export function upcastingConformance(ctx: ConformanceContext): void {
  describe('upcasting and corrupt events', () => {
    it('reads a stored v1 event as v2 through the upcaster; new events are written as v2', async () => {
      const stream = streamName('officer');
      await ctx.store.append(stream, 'no-stream', [{ type: 'OfficerRegistered', data: { name: 'Wang Fang' } }], metadata()); // no upcasters: v1
      const upcasting = new EventStore(ctx.dataSource, { upcasters: new UpcasterRegistry([splitName]) });
      await upcasting.append(stream, 1, [{ type: 'OfficerRegistered', data: { familyName: 'Li', givenName: 'Na' } }], metadata());
      const events = await upcasting.readStream(stream);
      expect(events.map((e) => [e.schemaVersion, e.data])).toEqual([
        [2, { familyName: 'Wang', givenName: 'Fang' }],
        [2, { familyName: 'Li', givenName: 'Na' }],
      ]);
      expect(
        await ctx.dataSource.query('SELECT schema_version FROM events WHERE stream_id = $1 ORDER BY stream_version', [stream]),
      ).toEqual([{ schema_version: 1 }, { schema_version: 2 }]);
      // Subscriptions get upcasted events too.
      await logSettled(ctx.dataSource);
      const fromLog = (await upcasting.readAll(LOG_START, 100)).filter((e) => e.streamId === stream);
      expect(fromLog[0]?.data).toEqual({ familyName: 'Wang', givenName: 'Fang' });
    });

    it('throws UnknownUpcasterChainError for a gap in the chain or a version newer than known', async () => {
      const stream = streamName('officer');
      await ctx.store.append(stream, 'no-stream', [{ type: 'OfficerRegistered', data: { name: 'Wang Fang' } }], metadata());
      const gap = new EventStore(ctx.dataSource, {
        upcasters: new UpcasterRegistry([{ type: 'OfficerRegistered', fromVersion: 2, toVersion: 3, upcast: (d) => d }]),
      });
      await expect(gap.readStream(stream)).rejects.toBeInstanceOf(UnknownUpcasterChainError);
      await expect(gap.readStream(stream)).rejects.toMatchObject({
        eventType: 'OfficerRegistered',
        storedVersion: 1,
        currentVersion: 3,
        missingFrom: 1,
        at: { streamId: stream },
      });

      const future = streamName('officer');
      await ctx.store.append(future, 'no-stream', [{ type: 'OfficerRegistered', data: {}, schemaVersion: 4 }], metadata());
      await expect(ctx.store.readStream(future)).rejects.toMatchObject({
        name: 'UnknownUpcasterChainError',
        storedVersion: 4,
        currentVersion: 1,
        missingFrom: null,
      });
    });

    it('reports a payload that is not a JSON object as CorruptEventError — readers and subscriptions stop, nothing is skipped', async () => {
      const stream = streamName('corrupt');
      await ctx.store.append(stream, 'no-stream', [{ type: 'Fine', data: { ok: true } }], metadata());
      const inserted: unknown = await ctx.dataSource.query(
        `INSERT INTO events (stream_id, stream_version, type, data, metadata) VALUES ($1, 2, 'Broken', '"oops"'::jsonb, $2::jsonb) RETURNING global_position::text AS p`,
        [stream, JSON.stringify(metadata())],
      );
      const position = (inserted as Array<{ p: string }>)[0]?.p;
      await ctx.store.append(stream, 2, [{ type: 'Fine', data: { ok: true } }], metadata());

      await expect(ctx.store.readStream(stream)).rejects.toBeInstanceOf(CorruptEventError);
      await expect(ctx.store.readStream(stream)).rejects.toMatchObject({
        globalPosition: position,
        streamId: stream,
        reason: 'payload is a JSON string, not an object',
      });
      await logSettled(ctx.dataSource);
      await expect(ctx.store.readAll(LOG_START, 100)).rejects.toBeInstanceOf(CorruptEventError);

      const handler = recordingHandler(`corrupt-${stream}`);
      const runner = new SubscriptionRunner(ctx.store, handler, { batchSize: 100 });
      await expect(runner.catchUp()).rejects.toBeInstanceOf(CorruptEventError);
      expect(await runner.position()).toEqual(LOG_START);
      expect(handler.seen).toEqual([]);
      // Batch by batch it still stops right before the corrupt event, never past it.
      const careful = new SubscriptionRunner(ctx.store, recordingHandler(`careful-${stream}`), { batchSize: 1 });
      await expect(careful.catchUp()).rejects.toBeInstanceOf(CorruptEventError);
      const stoppedAt = await careful.position();
      expect(BigInt(stoppedAt.globalPosition)).toBeLessThan(BigInt(position ?? 0));
    });
  });
}
