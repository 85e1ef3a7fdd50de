import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handoverStreamId } from '@fangquan/domain';
import { launchRedisServer, type LaunchedRedis } from '@fangquan/platform';
import { FollowUpRelay } from '@fangquan/reminders';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  createWorld,
  eventually,
  expectStatus,
  registerPower,
  remindersAbout,
  sleep,
  type Gap,
  type World,
} from './support/reminder-world';

/**
 * Redis stops for 30 s (a private redis-server, stopped and started again on the same port and data
 * directory) while handovers keep being recorded through the API: the API keeps answering 201 with
 * the readiness, since commands never touch Redis. The first reminders need no job: the process
 * managers still deliver them meanwhile, their follow-ups left on the chains; a round of the
 * follow-up relay fails and leaves a due follow-up where it was. Once Redis is back every due
 * reminder arrives, exactly once.
 */
const OUTAGE_MS = 30_000;

describe('reminders: a Redis outage (PostgreSQL + a private Redis)', () => {
  let redis: LaunchedRedis | undefined;
  let t: TestApp;
  let world: World;
  const dataDir = mkdtempSync(join(tmpdir(), 'fangquan-outage-redis-'));
  const sharedRedisUrl = process.env.TEST_REDIS_URL;

  beforeAll(async () => {
    redis = await launchRedisServer({ dataDir });
    // startTestApp hands the app TEST_REDIS_URL: this file (its own process) points it at the private Redis.
    process.env.TEST_REDIS_URL = redis.url;
    t = await startTestApp({ env: { REMINDER_STEPS: '1h', REMINDER_REPEAT: '1h' } });
    world = await createWorld(t, 'outage');
    await registerPower(world, { code: 'XC-OUTAGE', certifiedOfficers: 0, equipment: [{ kind: 'drone', quantity: 1 }] });
  });

  afterAll(async () => {
    process.env.TEST_REDIS_URL = sharedRedisUrl;
    await t?.close();
    await redis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function record(label: string): Promise<{ id: string; ms: number }> {
    const started = Date.now();
    const response = await world.office.client
      .post('/api/v1/handovers')
      .send({ powerCode: 'XC-OUTAGE', teamId: world.teamId, mode: 'transfer', instrument: label, effectiveOn: '2026-01-01' });
    expectStatus(response, 201);
    const body = response.body as { id: string; readiness: { ready: boolean; gaps: Gap[] } };
    expect(body.readiness).toEqual({ ready: false, gaps: [expect.objectContaining({ resource: 'equipment', item: 'drone', missing: 1 })] });
    return { id: body.id, ms: Date.now() - started };
  }

  it('keeps accepting commands while Redis is away, and delivers every due reminder once it is back', async () => {
    const before = await record('before');
    // Its follow-up comes due during the outage (set so by hand: REMINDER_STEPS is 1 h here).
    const late = await record('late');
    for (const handover of [before, late]) {
      await eventually(
        'a reminder before the outage',
        async () => ((await remindersAbout(world.office, handover.id, 'gap')).length === 1 ? true : undefined),
        5000,
      );
    }
    const relay = t.app.get(FollowUpRelay);
    await relay.stop();

    const port = redis?.port;
    await redis?.stop();
    const during: { id: string; ms: number }[] = [];
    const until = Date.now() + OUTAGE_MS;
    while (Date.now() < until) {
      during.push(await record(`during-${during.length}`));
      await sleep(1000);
    }
    // The first reminders of the handovers recorded meanwhile are in, with their follow-ups on the chains.
    await eventually(
      'the first reminders during the outage',
      async () => {
        const [row] = (await t.dataSource.query(`SELECT count(*)::int AS n FROM reminders WHERE kind = 'gap' AND handover_id = ANY($1)`, [
          during.map((r) => r.id),
        ])) as { n: number }[];
        return row?.n === during.length ? true : undefined;
      },
      5000,
      250,
    );
    const [waiting] = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM reminder_chains WHERE follow_up_due_at IS NOT NULL AND handover_id = ANY($1)`,
      [during.map((r) => r.id)],
    )) as { n: number }[];
    expect(waiting?.n).toBe(during.length);
    await t.dataSource.query(`UPDATE reminder_chains SET follow_up_due_at = now() WHERE handover_id = $1`, [late.id]);
    await expect(relay.relayDue()).rejects.toThrow();
    const [kept] = (await t.dataSource.query(`SELECT follow_up_due_at IS NOT NULL AS kept FROM reminder_chains WHERE handover_id = $1`, [
      late.id,
    ])) as { kept: boolean }[];
    expect(kept?.kept).toBe(true);
    relay.start();
    redis = await launchRedisServer({ dataDir, port });
    expect(during.length).toBeGreaterThanOrEqual(20);
    expect(Math.max(...during.map((r) => r.ms))).toBeLessThan(5000);

    const ids = [before.id, ...during.map((r) => r.id)];
    await eventually(
      'every due reminder after the outage',
      async () => {
        const [row] = (await t.dataSource.query(
          `SELECT count(DISTINCT handover_id)::int AS n FROM reminders WHERE kind = 'gap' AND handover_id = ANY($1)`,
          [ids],
        )) as { n: number }[];
        return row?.n === ids.length ? true : undefined;
      },
      25_000,
      250,
    );
    const inbox = (await t.dataSource.query(
      `SELECT recipient_user_id::text AS id, count(*)::int AS n FROM inbox WHERE handover_id = ANY($1) AND kind = 'gap' GROUP BY 1 ORDER BY 1`,
      [ids],
    )) as { id: string; n: number }[];
    // The county office, and the township as a notice.
    expect(inbox).toEqual([world.office.id, world.officeHead.id, world.township.id].sort().map((id) => ({ id, n: ids.length })));
    // Each stream: its first gap reminder and the township's notice of the new handover, once each.
    const sent = (await t.dataSource.query(
      `SELECT stream_id, count(*) FILTER (WHERE data->>'kind' = 'gap')::int AS n, count(*) FILTER (WHERE data->>'kind' = 'unanswered' AND data->>'reminderId' LIKE 'unanswered.%.recorded')::int AS notices
       FROM events WHERE type = 'ReminderSent' AND stream_id = ANY($1) GROUP BY 1`,
      [ids.map(handoverStreamId)],
    )) as { n: number; notices: number }[];
    expect(sent).toHaveLength(ids.length);
    expect(sent.every((row) => row.n === 1 && row.notices === 1)).toBe(true);
    // The follow-up the failed round left: queued once Redis is back, delivered once.
    await eventually(
      'the follow-up left during the outage',
      async () => ((await remindersAbout(world.office, late.id, 'gap')).length === 2 ? true : undefined),
      10_000,
    );
    await sleep(1500);
    const [lateSent] = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM events WHERE type = 'ReminderSent' AND data->>'kind' = 'gap' AND stream_id = $1`,
      [handoverStreamId(late.id)],
    )) as { n: number }[];
    expect(lateSent?.n).toBe(2);
  }, 90_000);
});
