import { resolve } from 'node:path';
import { Whistles } from '@fangquan/ledger';
import { startTestApp, type TestApp } from '../support/test-app';
import { createWorld, eventually, expectStatus, PASSWORD, type World } from './support/reminder-world';
import { type AppProcess, startWorkerProcess, workerEnvOf } from './support/app-processes';

/**
 * Supervision (督办) exactly once across a worker killed with SIGKILL: 200 whistles whose accept deadline
 * passes within the same seconds, the worker (the production WorkerModule, a separate OS process) killed
 * while their supervision is under way and started again. Every whistle then has its accept step
 * recorded overdue once, and its supervision reminder in the department head's and the county office's
 * inboxes once.
 */
const BURST = 200;
const WATER = '水利局';

describe('supervision: a worker killed mid-burst (separate process, PostgreSQL + Redis)', () => {
  let t: TestApp;
  let world: World;
  let worker: AppProcess | undefined;
  let env: Record<string, string>;
  let waterHeadId: string;

  beforeAll(async () => {
    const settings = {
      REMINDER_REPEAT: '1h',
      WORK_CALENDAR: resolve(__dirname, '../support/every-day-working.calendar.json'),
      WORK_HOURS: '00:00-24:00',
      WHISTLE_ACCEPT_WITHIN: '6s',
    };
    t = await startTestApp({ withWorker: false, env: settings });
    world = await createWorld(t, 'supervision');
    const created = await world.admin
      .post('/api/v1/users')
      .send({ username: 'water-head', password: PASSWORD, countyId: world.countyId, role: 'department', department: WATER, head: true });
    expectStatus(created, 201);
    waterHeadId = (created.body as { id: string }).id;
    const duty = { code: 'SL-003', name: '河道采砂监管', domain: '生态环保', defaultCategory: 'assisting', leadDepartment: WATER };
    expectStatus(await world.office.client.post('/api/v1/duties').send(duty), 201);
    expectStatus(
      await world.office.client
        .put(`/api/v1/townships/${world.townshipId}/duty-list/items/SL-003`)
        .send({ category: 'assisting', cooperation: '巡查发现、及时报告', leadDepartment: WATER }),
      200,
    );
    env = workerEnvOf(t, settings);
  });

  afterAll(async () => {
    await worker?.kill('SIGTERM');
    await t?.close();
  });

  async function count(sql: string, parameters: unknown[] = []): Promise<number> {
    const [row] = (await t.dataSource.query(sql, parameters)) as { n: string }[];
    return Number(row?.n ?? 0);
  }

  it('records each overdue step and delivers each supervision reminder exactly once across a SIGKILL and a restart', async () => {
    worker = await startWorkerProcess(env);
    const whistles = t.app.get(Whistles);
    const head = {
      username: world.township.username,
      countyId: world.countyId,
      reach: { kind: 'township' as const, townshipId: world.townshipId },
      head: true,
    };
    for (let i = 0; i < BURST; i += 20) {
      const raised = await Promise.all(
        Array.from({ length: 20 }, (_, k) =>
          whistles.raise(
            head,
            { townshipId: world.townshipId, title: `河道采砂-${i + k}`, description: '夜间采砂', dutyCode: 'SL-003' },
            {
              correlationId: `whistle-${i + k}`,
            },
          ),
        ),
      );
      expect(raised.every((result) => result.ok)).toBe(true);
    }

    await eventually(
      'the supervision burst to be under way',
      async () => ((await count(`SELECT count(*)::text AS n FROM reminders WHERE kind = 'supervision'`)) >= 10 ? true : undefined),
      30_000,
      20,
    );
    await worker.kill('SIGKILL');
    expect(await count(`SELECT count(*)::text AS n FROM reminders WHERE kind = 'supervision'`)).toBeLessThanOrEqual(BURST);

    worker = await startWorkerProcess(env);
    await eventually(
      'every supervision reminder of the burst',
      async () => ((await count(`SELECT count(*)::text AS n FROM reminders WHERE kind = 'supervision'`)) === BURST ? true : undefined),
      60_000,
      250,
    );
    // The county office's two users and the department's head, each with every reminder once.
    const perRecipient = (await t.dataSource.query(
      `SELECT recipient_user_id::text AS id, count(*)::int AS n, count(DISTINCT reminder_id)::int AS distinct_n FROM inbox WHERE kind = 'supervision' GROUP BY 1 ORDER BY 1`,
    )) as { id: string; n: number; distinct_n: number }[];
    expect(perRecipient).toEqual(
      [world.office.id, world.officeHead.id, waterHeadId].sort().map((id) => ({ id, n: BURST, distinct_n: BURST })),
    );
    expect(await count(`SELECT count(*)::text AS n FROM events WHERE type = 'WhistleStepOverdue'`)).toBe(BURST);
    expect(await count(`SELECT count(DISTINCT stream_id)::text AS n FROM events WHERE type = 'WhistleStepOverdue'`)).toBe(BURST);
    expect(
      await count(`SELECT count(*)::text AS n FROM reminders WHERE kind = 'supervision' AND id NOT LIKE 'supervision.%.accept.%.0'`),
    ).toBe(0);
  });
});
