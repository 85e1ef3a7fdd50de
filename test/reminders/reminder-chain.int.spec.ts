import { ReminderQueues } from '@fangquan/reminders';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  createWorld,
  eventually,
  expectStatus,
  handoverReminders,
  historyOf,
  inboxOf,
  recordHandover,
  recordingNoticeId,
  registerPower,
  remindersAbout,
  sleep,
  URBAN,
  type World,
} from './support/reminder-world';

/**
 * The whole chain with REMINDER_STEPS=2s,4s and REMINDER_REPEAT=4s: a handover recorded without the
 * cameras the department committed → the department is reminded at once, again after 2 s and after
 * 4 s more, then every 4 s with the county office head added; the township receives the cameras →
 * the pending job is removed, those reminded hear that the gaps are closed, and nothing more comes.
 * The township is told of the new handover, and of each step as a notice.
 */
describe('reminders: the whole chain (PostgreSQL + Redis)', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t, 'chain');
    await registerPower(world, { code: 'XC-CG-0101', certifiedOfficers: 0, equipment: [{ kind: 'body-camera', quantity: 2 }] });
  });

  afterAll(() => t?.close());

  it('reminds at once, follows up at each step, escalates, and stops with a gaps-closed notice once the township is equipped', async () => {
    const recordedAt = Date.now();
    const handover = await recordHandover(world, 'XC-CG-0101', { committed: { equipment: [{ kind: 'body-camera', quantity: 2 }] } });
    expect(handover.gaps).toEqual([
      { resource: 'equipment', item: 'body-camera', required: 2, available: 0, missing: 2, responsible: URBAN },
    ]);

    const [first] = await eventually(
      'the first reminder',
      async () => {
        const items = await remindersAbout(world.urban, handover.id, 'gap');
        return items.length > 0 ? items : undefined;
      },
      5000,
    );
    expect(Date.now() - recordedAt).toBeLessThan(5000);
    expect(first).toMatchObject({ kind: 'gap', step: 0, readAt: null, gaps: handover.gaps });
    // The department alone is responsible: the county office is not reminded (yet).
    expect(await remindersAbout(world.office, handover.id)).toEqual([]);

    const escalated = await eventually(
      'the escalated step 3',
      async () => {
        const items = await remindersAbout(world.officeHead, handover.id, 'gap');
        return items.length > 0 ? items : undefined;
      },
      16_000,
    );
    expect(escalated.map((item) => item.step)).toEqual([3]);
    const urbanSteps = (await remindersAbout(world.urban, handover.id, 'gap')).map((item) => item.step);
    expect(urbanSteps).toEqual([0, 1, 2, 3]);
    expect(await remindersAbout(world.office, handover.id)).toEqual([]);

    // The township equips itself: the chain stops.
    expectStatus(
      await world.township.client.post(`/api/v1/teams/${world.teamId}/equipment`).send({ kind: 'body-camera', quantity: 2 }),
      200,
    );
    for (const person of [world.urban, world.officeHead]) {
      await eventually(
        `the gaps-closed notice to ${person.username}`,
        async () => {
          const closed = await remindersAbout(person, handover.id, 'gaps-closed');
          return closed.length === 1 ? closed : undefined;
        },
        5000,
      );
    }
    const queues = t.app.get(ReminderQueues);
    const pending = [...(await queues.reminders.getDelayed()), ...(await queues.reminders.getWaiting())].filter(
      (job) => job.data.handoverId === handover.id,
    );
    expect(pending).toEqual([]);

    await sleep(8000);
    const after = await remindersAbout(world.urban, handover.id);
    expect(after.map((item) => `${item.kind}:${item.step}`)).toEqual(['gap:0', 'gap:1', 'gap:2', 'gap:3', 'gaps-closed:3']);
    expect(await remindersAbout(world.office, handover.id)).toEqual([]);

    // Every reminder is on the handover's record once, and shows its inbox deliveries.
    // The first step and the township's notice of the new handover, then the chain's steps (the township told of each).
    const sent = (await historyOf(world, handover.id)).filter((entry) => entry.type === 'ReminderSent');
    expect(sent.map((entry) => `${String(entry.data.kind)}:${String(entry.data.step)}`)).toEqual([
      'gap:0',
      'unanswered:0',
      'gap:1',
      'gap:2',
      'gap:3',
      'gaps-closed:3',
    ]);
    expect(new Set(sent.map((entry) => entry.data.reminderId)).size).toBe(6);
    expect(sent[1]?.data).toMatchObject({ reminderId: recordingNoticeId(handover.id), recipients: [world.township.username] });
    expect(sent[4]?.data.recipients).toEqual([world.officeHead.username, world.urban.username, world.township.username].sort());
    const listed = await handoverReminders(world.township, handover.id);
    expect(listed.map((r) => [r.kind, r.step, r.escalated])).toEqual([
      ['gap', 0, false],
      ['unanswered', 0, false],
      ['gap', 1, false],
      ['gap', 2, false],
      ['gap', 3, true],
      ['gaps-closed', 3, false],
    ]);
    expect(listed[1]?.id).toBe(recordingNoticeId(handover.id));
    expect(listed[4]?.deliveries).toEqual(
      [world.officeHead.username, world.urban.username, world.township.username]
        .sort()
        .map((recipient) => expect.objectContaining({ channel: 'inbox', recipient, status: 'delivered', attempts: 1 })),
    );
  });

  it('marks the caller’s own reminder read, and answers 400/404 otherwise', async () => {
    const [own] = await inboxOf(world.urban);
    if (own === undefined) throw new Error('the first test left no reminder');
    const read = await world.urban.client.post(`/api/v1/inbox/${own.id}/read`);
    expectStatus(read, 200);
    expect(read.body).toMatchObject({ id: own.id, readAt: expect.any(String) });
    const again = await world.urban.client.post(`/api/v1/inbox/${own.id}/read`);
    expect(again.body).toMatchObject({ readAt: (read.body as { readAt: string }).readAt });
    const unread = await world.urban.client.get('/api/v1/inbox?unread=true');
    expect((unread.body as { id: string }[]).map((entry) => entry.id)).not.toContain(own.id);

    const foreign = await world.office.client.post(`/api/v1/inbox/${own.id}/read`);
    expectStatus(foreign, 404);
    expect(foreign.headers['content-type']).toMatch(/^application\/problem\+json/);
    const unknown = await world.urban.client.post('/api/v1/inbox/00000000-0000-4000-8000-000000000000/read');
    expectStatus(unknown, 404);
    const malformed = await world.urban.client.post('/api/v1/inbox/not-a-uuid/read');
    expectStatus(malformed, 400);
    expect(malformed.body).toMatchObject({ status: 400, errors: [{ field: 'id' }] });
    expectStatus(await world.urban.client.get('/api/v1/inbox?limit=0'), 400);
  });
});
