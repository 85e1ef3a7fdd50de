import { Handovers } from '@fangquan/ledger';
import { startTestApp, type TestApp } from '../support/test-app';
import { createWorld, eventually, registerPower, type World } from './support/reminder-world';
import { type AppProcess, startWorkerProcess, workerEnvOf } from './support/app-processes';

/**
 * No reminder lost, none twice: the worker runs as a separate OS process (the production
 * WorkerModule), is killed with SIGKILL in the middle of a burst of 500 reminders and started again.
 * Every reminder is then in every recipient's inbox exactly once, and on its handover's record once.
 */
const BURST = 500;

describe('reminders: a worker killed mid-burst (separate process, PostgreSQL + Redis)', () => {
  let t: TestApp;
  let world: World;
  let worker: AppProcess | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    const steps = { REMINDER_STEPS: '1h', REMINDER_REPEAT: '1h' };
    t = await startTestApp({ withWorker: false, env: steps });
    world = await createWorld(t, 'crash');
    await registerPower(world, { code: 'XC-BURST', certifiedOfficers: 0, equipment: [{ kind: 'drone', quantity: 1 }] });
    env = workerEnvOf(t, steps);
  });

  afterAll(async () => {
    await worker?.kill('SIGTERM');
    await t?.close();
  });

  async function count(sql: string, parameters: unknown[] = []): Promise<number> {
    const [row] = (await t.dataSource.query(sql, parameters)) as { n: string }[];
    return Number(row?.n ?? 0);
  }

  it('delivers every reminder of the burst exactly once across a SIGKILL and a restart', async () => {
    worker = await startWorkerProcess(env);
    const handovers = t.app.get(Handovers);
    const actor = { username: world.office.username, countyId: world.countyId };
    const recording = (async () => {
      for (let i = 0; i < BURST; i += 10) {
        await Promise.all(
          Array.from({ length: 10 }, (_, k) =>
            handovers.record(
              actor,
              { powerCode: 'XC-BURST', teamId: world.teamId, mode: 'transfer', instrument: `burst-${i + k}`, effectiveOn: '2026-01-01' },
              { correlationId: `burst-${i + k}` },
            ),
          ),
        );
      }
    })();

    await eventually(
      'the burst to be under way',
      async () => ((await count('SELECT count(*)::text AS n FROM inbox')) >= 100 ? true : undefined),
      30_000,
      20,
    );
    await worker.kill('SIGKILL');
    const atKill = await count(`SELECT count(*)::text AS n FROM inbox WHERE kind = 'gap'`);
    expect(atKill).toBeLessThan(BURST * 3);
    await recording;

    worker = await startWorkerProcess(env);
    await eventually(
      'every reminder of the burst',
      async () =>
        (await count(`SELECT count(*)::text AS n FROM reminders WHERE kind = 'gap'`)) === BURST &&
        (await count(`SELECT count(*)::text AS n FROM reminders WHERE kind = 'unanswered' AND id LIKE 'unanswered.%.recorded'`)) === BURST
          ? true
          : undefined,
      40_000,
      250,
    );
    // Three recipients of each gap reminder (the county office's users, and the township as a notice), each with every reminder once.
    expect(await count(`SELECT count(*)::text AS n FROM inbox WHERE kind = 'gap'`)).toBe(BURST * 3);
    const perRecipient = (await t.dataSource.query(
      `SELECT recipient_user_id::text AS id, count(*)::int AS n, count(DISTINCT reminder_id)::int AS distinct_n FROM inbox WHERE kind = 'gap' GROUP BY 1 ORDER BY 1`,
    )) as { id: string; n: number; distinct_n: number }[];
    expect(perRecipient).toEqual(
      [world.office.id, world.officeHead.id, world.township.id].sort().map((id) => ({ id, n: BURST, distinct_n: BURST })),
    );
    // The township's notice of each new handover, once each.
    const notices = (await t.dataSource.query(
      `SELECT recipient_user_id::text AS id, count(*)::int AS n, count(DISTINCT reminder_id)::int AS distinct_n FROM inbox WHERE kind = 'unanswered' AND reminder_id LIKE 'unanswered.%.recorded' GROUP BY 1`,
    )) as { id: string; n: number; distinct_n: number }[];
    expect(notices).toEqual([{ id: world.township.id, n: BURST, distinct_n: BURST }]);
    expect(await count(`SELECT count(*)::text AS n FROM events WHERE type = 'ReminderSent'`)).toBe(BURST * 2);
    expect(await count(`SELECT count(DISTINCT data->>'reminderId')::text AS n FROM events WHERE type = 'ReminderSent'`)).toBe(BURST * 2);
    expect(await count(`SELECT count(DISTINCT stream_id)::text AS n FROM events WHERE type = 'ReminderSent'`)).toBe(BURST);
  });
});
