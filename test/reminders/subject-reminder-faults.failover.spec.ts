import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { admissionStreamId } from '@fangquan/domain';
import { launchRedisServer, type LaunchedRedis } from '@fangquan/platform';
import { decisionDueReminderId, SubjectReminderDelivery } from '@fangquan/reminders';
import { startTestApp, type TestApp } from '../support/test-app';
import { createWorld, eventually, expectStatus, sleep, type World } from './support/reminder-world';

/**
 * Reminders about requests under faults (PostgreSQL + a private Redis): a request filed while Redis is
 * away is still reminded once Redis is back (the process manager's batch rolls back and is retried, its
 * checkpoint kept); a delivery run again, or twice at once — a worker killed after its commit, a job
 * queued twice — writes the reminder once.
 */
describe('reminders about requests: faults', () => {
  let redis: LaunchedRedis | undefined;
  let t: TestApp;
  let world: World;
  const dataDir = mkdtempSync(join(tmpdir(), 'fangquan-request-redis-'));
  const sharedRedisUrl = process.env.TEST_REDIS_URL;

  beforeAll(async () => {
    redis = await launchRedisServer({ dataDir });
    process.env.TEST_REDIS_URL = redis.url;
    t = await startTestApp({ env: { DECISION_REMINDER_DAYS: '1s', REMINDER_REPEAT: '1h' } });
    world = await createWorld(t, 'requests');
  });

  afterAll(async () => {
    process.env.TEST_REDIS_URL = sharedRedisUrl;
    await t?.close();
    await redis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function fileAdmission(title: string): Promise<string> {
    const filed = await world.urban.client.post('/api/v1/task-admissions').send({
      title,
      description: '夜间巡查并上报',
      townshipIds: [world.townshipId],
      means: { staff: 1, equipment: [], training: [] },
      startsOn: '2026-12-07',
    });
    expectStatus(filed, 201);
    return (filed.body as { id: string }).id;
  }

  async function remindersOf(subjectId: string): Promise<{ id: string; recipients: number; inbox: number }[]> {
    return (await t.dataSource.query(
      `SELECT r.id, jsonb_array_length(r.recipients)::int AS recipients, (SELECT count(*)::int FROM inbox i WHERE i.reminder_id = r.id) AS inbox
       FROM reminders r WHERE r.subject_id = $1 ORDER BY r.created_at`,
      [subjectId],
    )) as { id: string; recipients: number; inbox: number }[];
  }

  it('a request filed while Redis is away is reminded once Redis is back, exactly once', async () => {
    const port = redis?.port;
    await redis?.stop();
    const id = await fileAdmission('停电期间提交的申请');
    await sleep(3000);
    expect(await remindersOf(id)).toEqual([]);
    redis = await launchRedisServer({ dataDir, port });
    const [reminder] = await eventually(
      'the decision-due reminder after the outage',
      async () => {
        const rows = await remindersOf(id);
        return rows.length > 0 ? rows : undefined;
      },
      30_000,
      250,
    );
    // Both county_admin users of the county.
    expect(reminder).toEqual({ id: decisionDueReminderId(id, 0), recipients: 2, inbox: 2 });
    await sleep(2000);
    expect(await remindersOf(id)).toHaveLength(1);
  });

  it('a delivery run twice at once and again afterwards writes the reminder once', async () => {
    const id = await fileAdmission('重复投递的申请');
    const delivery = t.app.get(SubjectReminderDelivery);
    const job = {
      kind: 'decision-due' as const,
      subjectType: 'task-admission' as const,
      subjectId: id,
      streamId: admissionStreamId(id),
      step: 0,
    };
    const reminderId = decisionDueReminderId(id, 0);
    const runs = await Promise.all([delivery.deliver(reminderId, job), delivery.deliver(reminderId, job)]);
    expect(runs.map((run) => run.status).sort()).toEqual(['already-delivered', 'delivered']);
    expect((await delivery.deliver(reminderId, job)).status).toBe('already-delivered');
    // Every run queues the same next step (one job id).
    expect(new Set(runs.map((run) => run.next?.id))).toEqual(new Set([decisionDueReminderId(id, 1)]));
    // The process manager's own job comes due after the runs: it finds the reminder written.
    await sleep(2500);
    expect(await remindersOf(id)).toEqual([{ id: reminderId, recipients: 2, inbox: 2 }]);
  });
});
