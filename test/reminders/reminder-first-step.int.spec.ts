import { EventStore, StreamVersionConflictError } from '@fangquan/event-store';
import { handoverStreamId } from '@fangquan/domain';
import type { Job } from 'bullmq';
import { FollowUpRelay, gapReminderId, partitionOf, ReminderDispatch, ReminderQueues, ReminderSubscriptions } from '@fangquan/reminders';
import { startTestApp, type TestApp } from '../support/test-app';
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
 * The first reminder of a chain is written by the process manager, in the batch that opens the chain:
 * no BullMQ job carries it, and the next step is written on the chain with it, for the follow-up relay
 * to queue. When it cannot be written
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

  /** The gap reminders on the handover's record (the township's notice of the new handover is written beside them). */
  async function sentReminderIds(handoverId: string): Promise<string[]> {
    return (await historyOf(world, handoverId))
      .filter((entry) => entry.type === 'ReminderSent' && entry.data.kind === 'gap')
      .map((entry) => String(entry.data.reminderId));
  }

  it('writes the first reminder with no job for it and leaves the next step on the chain, which the relay queues, delayed until it is due', async () => {
    const relay = t.app.get(FollowUpRelay);
    await relay.stop();
    try {
      const handover = await recordHandover(world, 'XC-FS-0001');
      const [first] = await eventually(
        'the first reminder',
        async () => {
          const ids = await sentReminderIds(handover.id);
          return ids.length > 0 ? ids : undefined;
        },
        5000,
      );
      expect(await remindersAbout(world.office, handover.id, 'gap')).toHaveLength(1);
      expect(await queues.reminders.getJob(first as string)).toBeUndefined();
      // Written with the reminder: step 1, due REMINDER_STEPS' first delay (2 s) after it; nothing queued yet.
      const [chain] = (await t.dataSource.query(
        `SELECT c.next_step, extract(epoch FROM c.follow_up_due_at - r.created_at) * 1000 AS due_after_ms
         FROM reminder_chains c JOIN reminders r ON r.id = $2 WHERE c.handover_id = $1`,
        [handover.id, first],
      )) as { next_step: number; due_after_ms: string | null }[];
      expect(chain?.next_step).toBe(1);
      expect(Number(chain?.due_after_ms)).toBeGreaterThan(1000);
      expect(Number(chain?.due_after_ms)).toBeLessThanOrEqual(2050);
      const pending = async (): Promise<Job[]> =>
        [...(await queues.reminders.getDelayed()), ...(await queues.reminders.getWaiting())].filter(
          (job) => job.data.handoverId === handover.id,
        );
      expect(await pending()).toEqual([]);

      expect(await relay.relayDue()).toBeGreaterThanOrEqual(1);
      const [next] = await pending();
      expect(next?.data).toEqual(expect.objectContaining({ kind: 'gap', step: 1 }));
      expect(next?.opts.delay).toBeGreaterThan(0);
      expect(next?.opts.delay).toBeLessThanOrEqual(2000);
      const [after] = (await t.dataSource.query('SELECT follow_up_due_at FROM reminder_chains WHERE handover_id = $1', [handover.id])) as {
        follow_up_due_at: Date | null;
      }[];
      expect(after?.follow_up_due_at).toBeNull();
      // Nothing left for the next round: the job stays the one.
      await relay.relayDue();
      expect(await pending()).toHaveLength(1);
    } finally {
      relay.start();
    }
  });

  it('retries a gap job that finds its chain a step behind instead of dropping it (the step before may not have committed yet)', async () => {
    const handover = await recordHandover(world, 'XC-FS-0001');
    await eventually('the first reminder', async () => ((await sentReminderIds(handover.id)).length > 0 ? true : undefined), 5000);
    const [chain] = (await t.dataSource.query(
      'SELECT episode, revision, fingerprint, next_step FROM reminder_chains WHERE handover_id = $1',
      [handover.id],
    )) as {
      episode: number;
      revision: number;
      fingerprint: string;
      next_step: number;
    }[];
    expect(chain?.next_step).toBe(1);
    // A job for the step after the one the chain waits for (REMINDER_STEPS=2s: step 1 is 2 s away).
    const ahead = {
      kind: 'gap' as const,
      handoverId: handover.id,
      episode: chain!.episode,
      revision: chain!.revision,
      fingerprint: chain!.fingerprint,
      step: 2,
    };
    const id = gapReminderId(ahead);
    await queues.reminders.add('gap', ahead, { jobId: id, attempts: 2, backoff: { type: 'fixed', delay: 50 } });
    // The state first, then the job: a job read before its last attempt would show one attempt.
    const job = await eventually(
      'the early job to use up its attempts',
      async () => ((await queues.reminders.getJobState(id)) === 'failed' ? queues.reminders.getJob(id) : undefined),
      1500,
      50,
    );
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
      const [first] = await eventually(
        'the first reminder',
        async () => {
          const ids = await sentReminderIds(handover.id);
          return ids.length > 0 ? ids : undefined;
        },
        8000,
      );
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

  it('keeps the handover’s log in order when the township answers while the batch is open, and still writes the batch’s other reminders', async () => {
    const store = t.app.get(EventStore);
    const dispatcher = t.app.get(ReminderDispatch);
    const subscriptions = t.app.get(ReminderSubscriptions);
    const original = dispatcher.dispatch.bind(dispatcher);
    let answered: Promise<{ status: number; body: unknown }> | undefined;
    let contested: { id: string } | undefined;
    // The batch holding both handovers holds the older transaction id (as a batch that has locked
    // existing chains does) when the township contests one: the contest commits before the batch
    // reads the heads and appends.
    const dispatch = vi.spyOn(dispatcher, 'dispatch').mockImplementation(async (tx, changes, now) => {
      if (answered === undefined && contested !== undefined && changes.add.some((step) => step.job.handoverId === contested?.id)) {
        const id = contested.id;
        await tx.query('SELECT pg_current_xact_id()');
        answered = Promise.resolve(world.township.client.post(`/api/v1/handovers/${id}/contest`).send({ reason: '缺少无人机' }));
        await eventually(
          'the contest to commit',
          async () => ((await store.streamVersion(handoverStreamId(id))) === 2 ? true : undefined),
          3000,
          10,
        );
      }
      return original(tx, changes, now);
    });
    await subscriptions.stop();
    try {
      contested = await recordHandover(world, 'XC-FS-0001');
      // One batch holds both: the other handover is of the same partition of the chains.
      let other = await recordHandover(world, 'XC-FS-0001');
      while (partitionOf(other.id) !== partitionOf(contested.id)) other = await recordHandover(world, 'XC-FS-0001');
      subscriptions.start();
      for (const handover of [contested, other]) {
        await eventually('the first reminders', async () => ((await sentReminderIds(handover.id)).length > 0 ? true : undefined), 8000);
      }
      const contest = await answered;
      expect(contest?.status).toBe(200);
      expect(contest?.body).toMatchObject({ status: 'contested' });
      // The contested handover's reminder comes after the contest in the log as in the stream (the
      // worker wrote it, in a transaction of its own), so readers have both.
      expect((await historyOf(world, contested.id)).map((entry) => entry.type)).toEqual([
        'HandoverRecorded',
        'HandoverContested',
        'ReminderSent',
      ]);
      const [late] = await sentReminderIds(contested.id);
      expect(await (await queues.reminders.getJob(late as string))?.getState()).toBe('completed');
      const view = await eventually(
        'the read model at the reminder',
        async () => {
          const response = await world.office.client.get(`/api/v1/handovers/${contested?.id}`);
          expectStatus(response, 200);
          const body = response.body as { status: string; version: number };
          return body.version === 3 ? body : undefined;
        },
        5000,
      );
      expect(view.status).toBe('contested');
      // The other handover's reminder was still written in the batch: no job carried it.
      const [inBatch] = await sentReminderIds(other.id);
      expect(await queues.reminders.getJob(inBatch as string)).toBeUndefined();
      await sleep(300);
      for (const handover of [contested, other]) expect(await remindersAbout(world.office, handover.id, 'gap')).toHaveLength(1);
    } finally {
      dispatch.mockRestore();
      subscriptions.start();
    }
  });
});
