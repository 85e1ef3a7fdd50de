import type { Job } from 'bullmq';
import { ManualClock } from '@fangquan/platform';
import { FollowUpRelay, ReminderQueues } from '@fangquan/reminders';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  createWorld,
  eventually,
  expectStatus,
  type Gap,
  handoverReminders,
  inboxOf,
  type InboxItem,
  type Person,
  recordHandover,
  recordingNoticeId,
  registerPower,
  remindersAbout,
  sleep,
  URBAN,
  type World,
} from './support/reminder-world';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const COURSE = '市容环卫执法实务';

/**
 * The journey a township lives: a handover recorded lacking officers, cameras and training; the
 * township adds an officer, then the cameras, then the training, minutes apart on the clock. The
 * township hears of the handover and of its gaps; the county hears of the gaps once, and then once per
 * step of REMINDER_STEPS (1 h, 1 h; REMINDER_REPEAT 1 h) as the clock reaches it — never because the
 * township changed something — and the escalation comes at its time only. The clock is moved by hand;
 * a delayed step job is promoted once the clock has reached its due time (BullMQ's delays run on real
 * time).
 */
describe('reminders: a township improving its team, step by step (PostgreSQL + Redis)', () => {
  const start = new Date('2026-03-02T01:00:00.000Z');
  const clock = new ManualClock(start);
  let t: TestApp;
  let world: World;
  let relay: FollowUpRelay;
  let queues: ReminderQueues;

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { REMINDER_STEPS: '1h,1h', REMINDER_REPEAT: '1h', REMINDER_COALESCE: '10m' } });
    relay = t.app.get(FollowUpRelay);
    queues = t.app.get(ReminderQueues);
    world = await createWorld(t, 'journey');
    await registerPower(world, {
      code: 'XC-JOURNEY',
      certifiedOfficers: 2,
      equipment: [{ kind: 'body-camera', quantity: 2 }],
      training: [{ course: COURSE, hours: 16 }],
    });
  });

  afterAll(() => t?.close());

  const at = (ms: number): void => clock.set(new Date(start.getTime() + ms));

  async function chainRevision(id: string): Promise<number> {
    const [row] = (await t.dataSource.query('SELECT revision FROM reminder_chains WHERE handover_id = $1', [id])) as { revision: number }[];
    return Number(row?.revision ?? 0);
  }

  /** Waits until the process manager has taken the change in (the chain's revision moved on). */
  async function changeTakenIn(id: string, revision: number): Promise<void> {
    await eventually(`revision ${revision} of the chain`, async () => ((await chainRevision(id)) >= revision ? true : undefined), 8000);
  }

  async function gapSteps(person: Person, id: string): Promise<number[]> {
    return (await remindersAbout(person, id, 'gap')).map((item) => item.step);
  }

  async function stepJob(id: string, step: number): Promise<Job> {
    return eventually(
      `the job of step ${step}`,
      async () =>
        (await queues.reminders.getDelayed()).find(
          (job) => job.data.handoverId === id && job.data.kind === 'gap' && job.data.step === step,
        ),
      5000,
    );
  }

  async function escalations(id: string): Promise<[number, boolean][]> {
    return (await handoverReminders(world.office, id))
      .filter((reminder) => reminder.kind === 'gap')
      .map((reminder) => [reminder.step, reminder.escalated]);
  }

  /** The handover's unanswered reminders, by id: the township's notice at recording, and no threshold's (no sweep runs here). */
  async function unansweredIds(id: string): Promise<string[]> {
    return (await handoverReminders(world.township, id))
      .filter((reminder) => reminder.kind === 'unanswered')
      .map((reminder) => reminder.id);
  }

  it('tells the township at once, reminds the county once per step of REMINDER_STEPS, and escalates only at its time', async () => {
    // 02:00 — recorded lacking two officers, two cameras and the training; the department committed the cameras and the training.
    const handover = await recordHandover(world, 'XC-JOURNEY', {
      committed: {
        equipment: [{ kind: 'body-camera', quantity: 2 }],
        training: [{ course: COURSE, hours: 16, scheduledOn: '2026-03-20' }],
      },
    });
    expect(handover.gaps.map((gap) => [gap.resource, gap.missing, gap.responsible])).toEqual([
      ['officers', 2, 'county-office'],
      ['training', 2, URBAN],
      ['equipment', 2, URBAN],
    ]);
    const { id } = handover;
    await eventually('the first reminders', async () => ((await gapSteps(world.office, id)).length === 1 ? true : undefined), 5000);
    const notice = await eventually(
      'the township’s notice of the handover',
      async () => (await remindersAbout(world.township, id, 'unanswered'))[0],
      5000,
    );
    expect(notice).toMatchObject({ kind: 'unanswered', step: 0, readAt: null });
    expect(await unansweredIds(id)).toEqual([recordingNoticeId(id)]);
    const [told] = await remindersAbout(world.township, id, 'gap');
    expect(told).toMatchObject({ step: 0, gaps: handover.gaps });
    const revision = await chainRevision(id);

    // 02:03, 02:06, 02:09 — an officer, the cameras, the training: each leaves less missing.
    at(3 * MINUTE);
    const officer = await world.township.client
      .post(`/api/v1/teams/${world.teamId}/officers`)
      .send({ name: '王强', certificateNumber: 'C-JOURNEY-1', certificateExpiresOn: '2030-12-31' });
    expectStatus(officer, 201);
    await changeTakenIn(id, revision + 1);
    at(6 * MINUTE);
    expectStatus(
      await world.township.client.post(`/api/v1/teams/${world.teamId}/equipment`).send({ kind: 'body-camera', quantity: 2 }),
      200,
    );
    await changeTakenIn(id, revision + 2);
    at(9 * MINUTE);
    expectStatus(
      await world.township.client.post(`/api/v1/teams/${world.teamId}/training`).send({
        officerId: (officer.body as { officerId: string }).officerId,
        course: COURSE,
        hours: 16,
        completedOn: '2026-03-01',
      }),
      201,
    );
    await changeTakenIn(id, revision + 3);
    await sleep(1000);

    // Three changes, no new reminder: the chain holds what is left for its next step.
    const left: Gap[] = [
      { resource: 'officers', item: 'certified-officer', required: 2, available: 1, missing: 1, responsible: 'county-office' },
      { resource: 'training', item: COURSE, required: 2, available: 1, missing: 1, responsible: URBAN },
    ];
    const [chain] = (await t.dataSource.query('SELECT next_step, gaps FROM reminder_chains WHERE handover_id = $1', [id])) as {
      next_step: number;
      gaps: Gap[];
    }[];
    expect(chain).toEqual({ next_step: 1, gaps: left });
    for (const person of [world.office, world.officeHead, world.urban, world.township]) expect(await gapSteps(person, id)).toEqual([0]);
    // The township: the notice of the handover and the notice of its gaps, one of them unread — one unread item per handover.
    const townshipItems = (await inboxOf(world.township)).filter((item) => item.handoverId === id);
    expect(townshipItems.map((item) => item.kind).sort()).toEqual(['gap', 'unanswered']);
    expect(townshipItems.filter((item: InboxItem) => item.readAt === null).map((item) => item.kind)).toEqual(['unanswered']);

    // 03:00 — step 1, by time, of what is left.
    at(HOUR + 1000);
    await relay.relayDue();
    await eventually('step 1', async () => ((await gapSteps(world.office, id)).length === 2 ? true : undefined), 8000);
    expect((await remindersAbout(world.office, id, 'gap'))[1]).toMatchObject({ step: 1, gaps: left });
    // The township's gap notice of step 1 supersedes its earlier unread item.
    const unread = (await inboxOf(world.township)).filter((item) => item.handoverId === id && item.readAt === null);
    expect(unread.map((item) => [item.kind, item.step])).toEqual([['gap', 1]]);

    // 04:00 — step 2, REMINDER_STEPS' second delay after step 1.
    const second = await stepJob(id, 2);
    expect(second.opts.delay).toBe(HOUR);
    expect(await escalations(id)).toEqual([
      [0, false],
      [1, false],
    ]);
    at(2 * HOUR + 1000);
    await second.promote();
    await eventually('step 2', async () => ((await gapSteps(world.office, id)).length === 3 ? true : undefined), 8000);

    // 05:00 — step 3, REMINDER_REPEAT after step 2: past the last REMINDER_STEPS delay, escalated.
    const third = await stepJob(id, 3);
    expect(third.opts.delay).toBe(HOUR);
    expect(await escalations(id)).toEqual([
      [0, false],
      [1, false],
      [2, false],
    ]);
    at(3 * HOUR + 1000);
    await third.promote();
    await eventually('step 3', async () => ((await gapSteps(world.office, id)).length === 4 ? true : undefined), 8000);
    expect(await escalations(id)).toEqual([
      [0, false],
      [1, false],
      [2, false],
      [3, true],
    ]);
    // Exactly one reminder per step for the county, the township told of each.
    for (const person of [world.office, world.urban, world.township]) expect(await gapSteps(person, id)).toEqual([0, 1, 2, 3]);
    expect(await remindersAbout(world.township, id, 'unanswered')).toHaveLength(1);
    expect(await unansweredIds(id)).toEqual([recordingNoticeId(id)]);
    await (await stepJob(id, 4)).remove();
  });
});

/**
 * Gaps that grow between two steps (REMINDER_STEPS 1 h, REMINDER_COALESCE 5 s, real time): the first
 * growth after a quiet window is told at once, at the level the chain has reached; two more within the
 * window come as one reminder at its end, with the gaps as they are then; the chain's step never moves.
 */
describe('reminders: gaps that grow between steps (PostgreSQL + Redis)', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await startTestApp({ env: { REMINDER_STEPS: '1h', REMINDER_REPEAT: '1h', REMINDER_COALESCE: '5s' } });
    world = await createWorld(t, 'growth');
    await registerPower(world, { code: 'XC-GROW', certifiedOfficers: 2, equipment: [{ kind: 'body-camera', quantity: 2 }] });
  });

  afterAll(() => t?.close());

  async function officerJoins(number: string): Promise<string> {
    const officer = await world.township.client
      .post(`/api/v1/teams/${world.teamId}/officers`)
      .send({ name: '赵敏', certificateNumber: number, certificateExpiresOn: '2030-12-31' });
    expectStatus(officer, 201);
    return (officer.body as { officerId: string }).officerId;
  }

  async function gapsTold(id: string): Promise<InboxItem[]> {
    return remindersAbout(world.office, id, 'gap');
  }

  it('tells a larger gap at once, coalesces growth within the window into one reminder, and never moves the step', async () => {
    const first = await officerJoins('C-GROW-1');
    const second = await officerJoins('C-GROW-2');
    expectStatus(
      await world.township.client.post(`/api/v1/teams/${world.teamId}/equipment`).send({ kind: 'body-camera', quantity: 1 }),
      200,
    );
    const { id } = await recordHandover(world, 'XC-GROW');
    await eventually('step 0', async () => ((await gapsTold(id)).length === 1 ? true : undefined), 5000);
    await sleep(5500);

    // A quiet window since step 0: the camera written off is told at once.
    expectStatus(
      await world.township.client
        .post(`/api/v1/teams/${world.teamId}/equipment/write-offs`)
        .send({ kind: 'body-camera', quantity: 1, reason: '损坏报废' }),
      200,
    );
    const update = await eventually('the update', async () => (await gapsTold(id))[1], 3000, 100);
    expect(update).toMatchObject({ step: 0, gaps: [expect.objectContaining({ resource: 'equipment', missing: 2 })] });

    // Two officers leave within the window: one reminder at its end, with both.
    expectStatus(await world.township.client.delete(`/api/v1/teams/${world.teamId}/officers/${first}`), 200);
    expectStatus(await world.township.client.delete(`/api/v1/teams/${world.teamId}/officers/${second}`), 200);
    await sleep(1000);
    expect(await gapsTold(id)).toHaveLength(2);
    const coalesced = await eventually('the coalesced reminder', async () => (await gapsTold(id))[2], 8000, 100);
    expect(coalesced.step).toBe(0);
    expect(coalesced.gaps?.map((gap) => [gap.resource, gap.missing])).toEqual([
      ['officers', 2],
      ['equipment', 2],
    ]);
    await sleep(5500);
    expect((await gapsTold(id)).map((item) => item.step)).toEqual([0, 0, 0]);
    const [chain] = (await t.dataSource.query('SELECT next_step FROM reminder_chains WHERE handover_id = $1', [id])) as {
      next_step: number;
    }[];
    expect(chain?.next_step).toBe(1);
    // The township was told each time, and has one unread item for the handover.
    expect(await remindersAbout(world.township, id, 'gap')).toHaveLength(3);
    const unread = (await inboxOf(world.township)).filter((item) => item.handoverId === id && item.readAt === null);
    expect(unread).toHaveLength(1);
  });
});
