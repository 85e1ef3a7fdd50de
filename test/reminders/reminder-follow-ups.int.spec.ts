import type { Job } from 'bullmq';
import { ManualClock } from '@fangquan/platform';
import { applicationSchema } from '@fangquan/read-models';
import { ChainFollowUps1764800000000, FOLLOW_UP_LEAD_MS, FollowUpRelay, ReminderQueues } from '@fangquan/reminders';
import { startTestApp, type TestApp } from '../support/test-app';
import { withScratchDatabase } from './support/scratch-database';
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

const HOUR = 3_600_000;

/**
 * The step after a first reminder that a process manager's batch delivered is written on the chain
 * with it (follow_up_due_at) and queued by the follow-up relay only as its due time nears
 * (FOLLOW_UP_LEAD_MS before): as a delayed job with the chain's deterministic id, at once when the
 * relay comes late. Gaps that close first take it with them; a relay that queues it twice queues one
 * job. REMINDER_STEPS is 1 h and the clock is moved by hand; the relay's own loop is stopped here, the
 * test runs its rounds.
 */
describe('reminders: follow-ups left on the chain, queued by the relay (PostgreSQL + Redis)', () => {
  const start = new Date('2026-03-01T02:00:00.000Z');
  const clock = new ManualClock(start);
  let t: TestApp;
  let relay: FollowUpRelay;
  let queues: ReminderQueues;

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { REMINDER_STEPS: '1h', REMINDER_REPEAT: '1h' } });
    relay = t.app.get(FollowUpRelay);
    queues = t.app.get(ReminderQueues);
    await relay.stop();
  });

  afterAll(() => t?.close());

  /** A county whose team lacks the drone its power requires, and a handover of it with its first reminder in. */
  async function remindedHandover(label: string): Promise<{ world: World; id: string }> {
    const world = await createWorld(t, label);
    await registerPower(world, { code: `XC-${label}`, certifiedOfficers: 0, equipment: [{ kind: 'drone', quantity: 1 }] });
    const { id } = await recordHandover(world, `XC-${label}`);
    await eventually(
      'the first reminder',
      async () => ((await remindersAbout(world.office, id, 'gap')).length === 1 ? true : undefined),
      5000,
    );
    return { world, id };
  }

  async function chainOf(id: string): Promise<{ next_step: number; follow_up_due_at: Date | null }> {
    const [row] = (await t.dataSource.query('SELECT next_step, follow_up_due_at FROM reminder_chains WHERE handover_id = $1', [id])) as {
      next_step: number;
      follow_up_due_at: Date | null;
    }[];
    if (row === undefined) throw new Error(`no chain for ${id}`);
    return row;
  }

  async function jobsOf(id: string): Promise<Job[]> {
    const jobs = await queues.reminders.getJobs(['delayed', 'waiting', 'active', 'completed', 'failed']);
    return jobs.filter((job) => job.data.handoverId === id);
  }

  it('keeps a follow-up on the chain until it is due within the lead, then queues it delayed until its time, once', async () => {
    clock.set(start);
    const { id } = await remindedHandover('FU-LEAD');
    expect(await chainOf(id)).toEqual({ next_step: 1, follow_up_due_at: new Date(start.getTime() + HOUR) });

    await relay.relayDue();
    expect(await jobsOf(id)).toEqual([]);
    expect((await chainOf(id)).follow_up_due_at).toEqual(new Date(start.getTime() + HOUR));

    clock.set(new Date(start.getTime() + HOUR - FOLLOW_UP_LEAD_MS / 2));
    await relay.relayDue();
    const [job, ...more] = await jobsOf(id);
    expect(more).toEqual([]);
    expect(job?.data).toEqual(expect.objectContaining({ kind: 'gap', step: 1 }));
    expect(job?.opts.delay).toBe(FOLLOW_UP_LEAD_MS / 2);
    expect(await job?.getState()).toBe('delayed');
    expect((await chainOf(id)).follow_up_due_at).toBeNull();

    await relay.relayDue();
    expect((await jobsOf(id)).map((queued) => queued.id)).toEqual([job?.id]);
    await job?.remove();
  });

  it('queues a follow-up the relay comes late for at once; queued twice (a relay that died before clearing it), it is delivered once', async () => {
    clock.set(start);
    const { world, id } = await remindedHandover('FU-LATE');
    const due = (await chainOf(id)).follow_up_due_at;
    clock.set(new Date(start.getTime() + 2 * HOUR));
    // No worker takes the job yet: the round queues it, and — as if it had died before its commit —
    // the chain holds the follow-up again for the next round, which queues the same job id.
    await queues.reminders.pause();
    try {
      await relay.relayDue();
      await t.dataSource.query('UPDATE reminder_chains SET follow_up_due_at = $2 WHERE handover_id = $1', [id, due]);
      await relay.relayDue();
      const jobs = await jobsOf(id);
      expect(jobs).toHaveLength(1);
      expect(jobs[0]?.opts.delay ?? 0).toBe(0);
      expect(await chainOf(id)).toEqual({ next_step: 1, follow_up_due_at: null });
    } finally {
      await queues.reminders.resume();
    }
    await eventually('the follow-up', async () => ((await remindersAbout(world.office, id, 'gap')).length === 2 ? true : undefined), 5000);
    // Delivered by its job: the chain waits for step 2, which that job queued; nothing is left for the relay.
    expect(await chainOf(id)).toEqual({ next_step: 2, follow_up_due_at: null });
    await relay.relayDue();
    await sleep(1000);
    const gapSteps = (await historyOf(world, id)).filter((entry) => entry.type === 'ReminderSent' && entry.data.kind === 'gap');
    expect(gapSteps.map((entry) => entry.data.step)).toEqual([0, 1]);
    expect(await remindersAbout(world.office, id, 'gap')).toHaveLength(2);
    expect((await jobsOf(id)).filter((job) => job.data.step === 2).map((job) => job.opts.delay)).toEqual([HOUR]);
  });

  it('drops the follow-up when the gaps close before it is queued: nothing is queued, the gaps-closed notice goes', async () => {
    clock.set(start);
    const { world, id } = await remindedHandover('FU-CLOSED');
    expectStatus(await world.township.client.post(`/api/v1/teams/${world.teamId}/equipment`).send({ kind: 'drone', quantity: 1 }), 200);
    await eventually(
      'the gaps-closed notice',
      async () => ((await remindersAbout(world.office, id, 'gaps-closed')).length === 1 ? true : undefined),
      5000,
    );
    expect((await chainOf(id)).follow_up_due_at).toBeNull();

    clock.set(new Date(start.getTime() + 2 * HOUR));
    await relay.relayDue();
    expect((await jobsOf(id)).filter((job) => job.data.kind === 'gap')).toEqual([]);
    expect(await remindersAbout(world.office, id, 'gap')).toHaveLength(1);
  });

  it('adds the follow-up column and its partial index (migration), and takes them away again', async () => {
    await withScratchDatabase(t.databaseUrl, applicationSchema.migrations, async (runner) => {
      const shape = async (): Promise<{ column: boolean; index: string | null }> => {
        const [row] = (await runner.query(
          `SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'reminder_chains' AND column_name = 'follow_up_due_at') AS column,
                  (SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_reminder_chains_follow_up') AS index`,
        )) as { column: boolean; index: string | null }[];
        return row ?? { column: false, index: null };
      };
      const migrated = { column: true, index: expect.stringContaining('WHERE (follow_up_due_at IS NOT NULL)') };
      expect(await shape()).toEqual(migrated);
      await new ChainFollowUps1764800000000().down(runner);
      expect(await shape()).toEqual({ column: false, index: null });
      await new ChainFollowUps1764800000000().up(runner);
      expect(await shape()).toEqual(migrated);
    });
  });
});
