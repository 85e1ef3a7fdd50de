import { EventStore, StreamVersionConflictError } from '@fangquan/event-store';
import { handoverStreamId } from '@fangquan/domain';
import { gapReminderId, ReminderProcessManager, ReminderQueues } from '@fangquan/reminders';
import { startTestApp, type TestApp } from '../support/test-app';
import { createWorld, eventually, expectStatus, historyOf, recordHandover, registerPower, remindersAbout, sleep, type World } from './support/reminder-world';

/**
 * The first reminder of a chain is written by the process manager, in the batch that opens the chain:
 * no BullMQ job carries it, and the next step is queued with the batch. When it cannot be written
 * there, the delivery worker takes it as a job — still once.
 */
describe('reminders: the first step, in the process manager’s batch (PostgreSQL + Redis)', () => {
  let t: TestApp;
  let world: World;
  let queues: ReminderQueues;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t, 'first');
    queues = t.app.get(ReminderQueues);
    await registerPower(world, { code: 'XC-FS-0001', certifiedOfficers: 0, equipment: [{ kind: 'drone', quantity: 1 }] });
  });

  afterAll(() => t?.close());

  async function sentReminderIds(handoverId: string): Promise<string[]> {
    return (await historyOf(world, handoverId)).filter((entry) => entry.type === 'ReminderSent').map((entry) => String(entry.data.reminderId));
  }

  it('writes the first reminder with no job for it, and queues the next step', async () => {
    const handover = await recordHandover(world, 'XC-FS-0001');
    const [first] = await eventually('the first reminder', async () => {
      const ids = await sentReminderIds(handover.id);
      return ids.length > 0 ? ids : undefined;
    }, 5000);
    expect(await remindersAbout(world.office, handover.id, 'gap')).toHaveLength(1);
    expect(await queues.reminders.getJob(first as string)).toBeUndefined();
    const next = (await queues.reminders.getDelayed()).filter((job) => job.data.handoverId === handover.id);
    expect(next.map((job) => job.data)).toEqual([expect.objectContaining({ kind: 'gap', step: 1 })]);
  });

  it('retries a gap job that finds its chain a step behind instead of dropping it (the step before may not have committed yet)', async () => {
    const handover = await recordHandover(world, 'XC-FS-0001');
    await eventually('the first reminder', async () => ((await sentReminderIds(handover.id)).length > 0 ? true : undefined), 5000);
    const [chain] = (await t.dataSource.query('SELECT episode, revision, fingerprint, next_step FROM reminder_chains WHERE handover_id = $1', [handover.id])) as {
      episode: number;
      revision: number;
      fingerprint: string;
      next_step: number;
    }[];
    expect(chain?.next_step).toBe(1);
    // A job for the step after the one the chain waits for (REMINDER_STEPS=2s: step 1 is 2 s away).
    const ahead = { kind: 'gap' as const, handoverId: handover.id, episode: chain!.episode, revision: chain!.revision, fingerprint: chain!.fingerprint, step: 2 };
    const id = gapReminderId(ahead);
    await queues.reminders.add('gap', ahead, { jobId: id, attempts: 2, backoff: { type: 'fixed', delay: 50 } });
    const job = await eventually('the early job to use up its attempts', async () => {
      const found = await queues.reminders.getJob(id);
      return found !== undefined && (await found.getState()) === 'failed' ? found : undefined;
    }, 1500, 50);
    expect(job.attemptsMade).toBe(2);
    expect(job.failedReason).toMatch(/waits for step 1, the job is step 2/);
    expect(await sentReminderIds(handover.id)).toHaveLength(1);
  });

  it('hands the first step to the delivery worker when the batch cannot write it, which delivers it once', async () => {
    const store = t.app.get(EventStore);
    const original = store.appendOneEach.bind(store);
    let refused = 0;
    // The batch's ReminderSent append loses a race once (another append took the head it read).
    const appendOneEach = vi.spyOn(store, 'appendOneEach').mockImplementation(async (appends, options) => {
      if (refused === 0) {
        refused += 1;
        throw new StreamVersionConflictError(appends[0]?.streamId ?? '?', 1, 2);
      }
      return original(appends, options);
    });
    try {
      const handover = await recordHandover(world, 'XC-FS-0001');
      const [first] = await eventually('the first reminder', async () => {
        const ids = await sentReminderIds(handover.id);
        return ids.length > 0 ? ids : undefined;
      }, 8000);
      expect(refused).toBe(1);
      const job = await queues.reminders.getJob(first as string);
      expect(await job?.getState()).toBe('completed');
      await sleep(500);
      expect(await sentReminderIds(handover.id)).toEqual([first]);
      expect(await remindersAbout(world.office, handover.id, 'gap')).toHaveLength(1);
      const rows = (await t.dataSource.query('SELECT count(*)::int AS n FROM reminders WHERE id = $1', [first])) as { n: number }[];
      expect(rows[0]?.n).toBe(1);
    } finally {
      appendOneEach.mockRestore();
    }
  });

  it('keeps the handover’s log in order when the township answers while the batch is open: the answer is not lost to readers', async () => {
    const store = t.app.get(EventStore);
    const manager = t.app.get(ReminderProcessManager);
    const original = manager.dispatch.bind(manager);
    let answered: Promise<{ status: number; body: unknown }> | undefined;
    // The batch has saved its chains, so its transaction holds the older id, when the township
    // contests: the contest commits before the batch reads the handover's head to append its reminder.
    const dispatch = vi.spyOn(manager, 'dispatch').mockImplementation(async (tx, changes) => {
      const handoverId = changes.add[0]?.job.handoverId;
      if (answered === undefined && handoverId !== undefined) {
        answered = Promise.resolve(world.township.client.post(`/api/v1/handovers/${handoverId}/contest`).send({ reason: '缺少无人机' }));
        await eventually('the contest to commit', async () => ((await store.streamVersion(handoverStreamId(handoverId))) === 2 ? true : undefined), 3000, 10);
      }
      return original(tx, changes);
    });
    try {
      const handover = await recordHandover(world, 'XC-FS-0001');
      await eventually('the first reminder', async () => ((await sentReminderIds(handover.id)).length > 0 ? true : undefined), 8000);
      const contest = await answered;
      expect(contest?.status).toBe(200);
      expect(contest?.body).toMatchObject({ status: 'contested' });
      // The reminder comes after the contest in the log as in the stream, so readers have both.
      expect((await historyOf(world, handover.id)).map((entry) => entry.type)).toEqual(['HandoverRecorded', 'HandoverContested', 'ReminderSent']);
      const view = await eventually('the read model at the reminder', async () => {
        const response = await world.office.client.get(`/api/v1/handovers/${handover.id}`);
        expectStatus(response, 200);
        const body = response.body as { status: string; version: number };
        return body.version === 3 ? body : undefined;
      }, 5000);
      expect(view.status).toBe('contested');
      await sleep(300);
      expect(await remindersAbout(world.office, handover.id, 'gap')).toHaveLength(1);
    } finally {
      dispatch.mockRestore();
    }
  });
});
