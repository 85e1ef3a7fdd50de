import { Queue } from 'bullmq';
import { redisClient } from '@fangquan/platform';
import { Client } from 'pg';
import { REMINDER_QUEUE } from '@fangquan/reminders';
import { startTestApp, TEST_ADMIN, type TestApp } from '../support/test-app';
import {
  createWorld,
  eventually,
  expectStatus,
  historyOf,
  recordHandover,
  registerPower,
  remindersAbout,
  sleep,
  type World,
} from './support/reminder-world';

/**
 * Bad input and faults: a handover revoked while its reminder job is running (nothing is delivered
 * after the revocation), malformed job data in Redis (failed at once with the reason; the worker
 * goes on), and the queue dashboard for the system admin only.
 */
describe('reminders: faults (PostgreSQL + Redis)', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t, 'faults');
    await registerPower(world, { code: 'XC-FAULT', certifiedOfficers: 0, equipment: [{ kind: 'drone', quantity: 1 }] });
  });

  afterAll(() => t?.close());

  it('delivers nothing when the handover is revoked while its reminder job runs', async () => {
    const blocker = new Client({ connectionString: t.databaseUrl });
    await blocker.connect();
    try {
      // The delivery's transaction will wait on its inbox insert, after it has checked the chain.
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE inbox IN SHARE ROW EXCLUSIVE MODE');
      const handover = await recordHandover(world, 'XC-FAULT');
      await eventually(
        'the delivery to wait on the inbox',
        async () => {
          const { rows } = await blocker.query<{ n: string }>(
            `SELECT count(*)::text AS n FROM pg_locks WHERE relation = 'inbox'::regclass AND NOT granted`,
          );
          return Number(rows[0]?.n) > 0 ? true : undefined;
        },
        10_000,
      );
      const revoked = await world.office.client.post(`/api/v1/handovers/${handover.id}/revocation`).send({ reason: '收回' });
      expectStatus(revoked, 200);
      await blocker.query('COMMIT');

      // The job ends as obsolete (its effects roll back); the process manager then stops the chain.
      await eventually(
        'the chain to stop',
        async () => {
          const rows = (await t.dataSource.query(
            `SELECT fingerprint FROM reminder_chains WHERE handover_id = $1 AND handover_status = 'revoked'`,
            [handover.id],
          )) as { fingerprint: string | null }[];
          return rows.length === 1 && rows[0]?.fingerprint === null ? true : undefined;
        },
        8000,
      );
      await sleep(2500);
      expect(await remindersAbout(world.urban, handover.id)).toEqual([]);
      expect(await remindersAbout(world.office, handover.id)).toEqual([]);
      const history = await historyOf(world, handover.id);
      expect(history.map((entry) => entry.type)).toEqual(['HandoverRecorded', 'HandoverRevoked']);
      expect((await world.office.client.get(`/api/v1/handovers/${handover.id}/reminders`)).body).toEqual([]);
    } finally {
      await blocker.query('ROLLBACK').catch(() => undefined);
      await blocker.end();
    }
  });

  it('fails malformed job data at once with the reason, and goes on delivering', async () => {
    const connection = redisClient(t.config.redis.kind === 'external' ? t.config.redis.url : 'redis://', { maxRetriesPerRequest: null });
    const raw = new Queue(REMINDER_QUEUE, { connection, prefix: t.config.queuePrefix });
    try {
      await raw.add('gap', 'garbage', { jobId: 'gap.garbage' });
      await raw.add(
        'gap',
        { kind: 'gap', handoverId: 'h', episode: 0, revision: 1, fingerprint: 'f', step: 0 },
        { jobId: 'gap.bad-episode', attempts: 5 },
      );
      await raw.add(
        'gap',
        { kind: 'gap', handoverId: 'h', episode: 1, revision: 1, fingerprint: 'f', step: 0 },
        { jobId: 'gap.wrong-id', attempts: 5 },
      );
      const failed = await eventually(
        'the malformed jobs to fail',
        async () => {
          const jobs = await raw.getFailed();
          return jobs.length >= 3 ? jobs : undefined;
        },
        5000,
      );
      const reasons = Object.fromEntries(failed.map((job) => [job.id, [job.failedReason, job.attemptsMade]]));
      expect(reasons['gap.garbage']).toEqual([expect.stringMatching(/^malformed reminder job data: expected an object/), 1]);
      expect(reasons['gap.bad-episode']).toEqual([expect.stringMatching(/episode must be a whole number from 1/), 1]);
      expect(reasons['gap.wrong-id']).toEqual([expect.stringMatching(/is not the reminder id/), 1]);

      const handover = await recordHandover(world, 'XC-FAULT');
      await eventually(
        'a reminder after the malformed jobs',
        async () => {
          const items = await remindersAbout(world.office, handover.id, 'gap');
          return items.length > 0 ? items : undefined;
        },
        5000,
      );
    } finally {
      await raw.close();
      connection.disconnect();
    }
  });

  it('shows the queue dashboard to the system admin only', async () => {
    const anonymous = await t.http.get('/admin/queues');
    expectStatus(anonymous, 401);
    expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
    expectStatus(await t.http.get('/admin/queues').set('Authorization', 'Bearer not-a-token'), 401);
    const countyToken = await t.login(world.office.username, 'reminder-password-1');
    expectStatus(await t.http.get('/admin/queues/api/queues').set('Authorization', `Bearer ${countyToken}`), 403);

    const adminToken = await t.login(TEST_ADMIN.username, TEST_ADMIN.password);
    const page = await t.http.get('/admin/queues').set('Authorization', `Bearer ${adminToken}`);
    expectStatus(page, 200);
    expect(page.text).toContain('<html');
    const queues = await t.http.get('/admin/queues/api/queues').set('Authorization', `Bearer ${adminToken}`);
    expectStatus(queues, 200);
    const names = (queues.body as { queues: { name: string }[] }).queues.map((queue) => queue.name).sort();
    expect(names).toEqual(['deliveries', 'reminders', 'robot-dingtalk', 'robot-wecom', 'sweeps']);
    // A browser opens it once with the token in the query: it becomes an HttpOnly cookie.
    const opened = await t.http.get(`/admin/queues?access_token=${adminToken}`).redirects(0);
    expectStatus(opened, 303);
    expect(String(opened.headers['set-cookie'])).toMatch(/fangquan_admin_token=.*HttpOnly/);
  });
});
