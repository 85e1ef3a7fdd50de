import { ManualClock } from '@fangquan/platform';
import { ReminderQueues, ReminderSweeps } from '@fangquan/reminders';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  createWorld,
  eventually,
  expectStatus,
  recordHandover,
  recordingNoticeId,
  registerPower,
  remindersAbout,
  sleep,
  type InboxItem,
  type Person,
  type World,
} from './support/reminder-world';

/**
 * Every way a gap appears brings a reminder, and every fix cancels it: an officer leaves, equipment
 * is written off, a requirement is revised upward, a certificate lapses (a clock moved by hand and
 * the readiness sweep). The time-driven notices: certificates before they expire, handovers not
 * answered as the effective date nears, and the `active` transition.
 */
describe('reminders: triggers, fixes and sweeps (PostgreSQL + Redis)', () => {
  const clock = new ManualClock(new Date('2026-03-01T02:00:00.000Z'));
  let t: TestApp;
  let sweeps: ReminderSweeps;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    sweeps = t.app.get(ReminderSweeps);
  });

  afterAll(() => t?.close());

  /** A county whose team is ready for power `code` (one certified officer, one body camera). */
  async function readyWorld(
    label: string,
    certificateExpiresOn = '2030-12-31',
  ): Promise<{ world: World; officerId: string; handoverId: string }> {
    const world = await createWorld(t, label);
    await registerPower(world, { code: `XC-${label}`, certifiedOfficers: 1, equipment: [{ kind: 'body-camera', quantity: 1 }] });
    const officer = await world.township.client
      .post(`/api/v1/teams/${world.teamId}/officers`)
      .send({ name: '李明', certificateNumber: `C-${label}-1`, certificateExpiresOn });
    expectStatus(officer, 201);
    expectStatus(
      await world.township.client.post(`/api/v1/teams/${world.teamId}/equipment`).send({ kind: 'body-camera', quantity: 1 }),
      200,
    );
    const handover = await recordHandover(world, `XC-${label}`);
    expect(handover.gaps).toEqual([]);
    return { world, officerId: (officer.body as { officerId: string }).officerId, handoverId: handover.id };
  }

  async function waitFor(person: Person, handoverId: string, kind: InboxItem['kind'], count = 1): Promise<InboxItem[]> {
    return eventually(
      `${count} ${kind} reminder(s) for ${person.username}`,
      async () => {
        const items = await remindersAbout(person, handoverId, kind);
        return items.length >= count ? items : undefined;
      },
      6000,
    );
  }

  async function addOfficer(world: World, number: string, expiresOn = '2030-12-31'): Promise<void> {
    expectStatus(
      await world.township.client
        .post(`/api/v1/teams/${world.teamId}/officers`)
        .send({ name: '张华', certificateNumber: number, certificateExpiresOn: expiresOn }),
      201,
    );
  }

  it('an officer who leaves brings a reminder to the county office; a new officer closes it', async () => {
    const { world, officerId, handoverId } = await readyWorld('leave');
    await sleep(600);
    expect(await remindersAbout(world.office, handoverId)).toEqual([]);
    expectStatus(await world.township.client.delete(`/api/v1/teams/${world.teamId}/officers/${officerId}`), 200);
    const [gap] = await waitFor(world.office, handoverId, 'gap');
    expect(gap?.gaps).toEqual([
      { resource: 'officers', item: 'certified-officer', required: 1, available: 0, missing: 1, responsible: 'county-office' },
    ]);
    await addOfficer(world, 'C-leave-2');
    await waitFor(world.office, handoverId, 'gaps-closed');
  });

  it('equipment written off brings a reminder; equipment received closes it', async () => {
    const { world, handoverId } = await readyWorld('writeoff');
    expectStatus(
      await world.township.client
        .post(`/api/v1/teams/${world.teamId}/equipment/write-offs`)
        .send({ kind: 'body-camera', quantity: 1, reason: '损坏报废' }),
      200,
    );
    const [gap] = await waitFor(world.office, handoverId, 'gap');
    expect(gap?.gaps?.map((g) => [g.resource, g.item, g.missing])).toEqual([['equipment', 'body-camera', 1]]);
    expectStatus(
      await world.township.client.post(`/api/v1/teams/${world.teamId}/equipment`).send({ kind: 'body-camera', quantity: 1 }),
      200,
    );
    await waitFor(world.office, handoverId, 'gaps-closed');
  });

  it('requirements revised upward bring a reminder; meeting them closes it', async () => {
    const { world, handoverId } = await readyWorld('revise');
    const revised = await world.office.client
      .put('/api/v1/powers/XC-revise/requirements')
      .send({ requirements: { certifiedOfficers: 1, equipment: [{ kind: 'body-camera', quantity: 3 }], training: [] } });
    expectStatus(revised, 200);
    const [gap] = await waitFor(world.office, handoverId, 'gap');
    expect(gap?.gaps?.map((g) => [g.item, g.required, g.missing])).toEqual([['body-camera', 3, 2]]);
    expectStatus(
      await world.township.client.post(`/api/v1/teams/${world.teamId}/equipment`).send({ kind: 'body-camera', quantity: 2 }),
      200,
    );
    await waitFor(world.office, handoverId, 'gaps-closed');
  });

  it('tells the township 180 and 30 days before a certificate expires, reminds of the gap once it lapses, and stops when a new officer joins', async () => {
    clock.set('2026-03-01T02:00:00.000Z');
    const { world, handoverId } = await readyWorld('lapse', '2026-06-30');
    await sweeps.run('certificate-expiry');
    await sweeps.run('certificate-expiry');
    const [notice] = await waitFor(world.township, handoverId, 'certificate-expiry');
    await sleep(500);
    expect(await remindersAbout(world.township, handoverId, 'certificate-expiry')).toHaveLength(1);
    expect(notice).toMatchObject({ step: 0 });

    clock.set('2026-06-05T02:00:00.000Z');
    await sweeps.run('certificate-expiry');
    await waitFor(world.township, handoverId, 'certificate-expiry', 2);

    clock.set('2026-07-01T02:00:00.000Z');
    await sweeps.run('readiness');
    const [gap] = await waitFor(world.office, handoverId, 'gap');
    expect(gap?.gaps?.map((g) => [g.resource, g.missing])).toEqual([['officers', 1]]);
    const handover = await world.office.client.get(`/api/v1/handovers/${handoverId}`);
    expect(handover.body).toMatchObject({ readiness: { ready: false } });
    await addOfficer(world, 'C-lapse-2');
    await waitFor(world.office, handoverId, 'gaps-closed');
  });

  it('tells a township of a handover at once, then reminds it as the effective date nears, once per threshold', async () => {
    clock.set('2026-03-01T02:00:00.000Z');
    const world = await createWorld(t, 'unanswered');
    await registerPower(world, { code: 'XC-unanswered', certifiedOfficers: 0, equipment: [] });
    const handover = await recordHandover(world, 'XC-unanswered', { effectiveOn: '2026-03-20' });
    const unanswered = async (): Promise<{ id: string; detail: unknown }[]> =>
      (await t.dataSource.query(`SELECT id, detail FROM reminders WHERE handover_id = $1 AND kind = 'unanswered' ORDER BY created_at, id`, [
        handover.id,
      ])) as { id: string; detail: unknown }[];
    const notice = {
      id: recordingNoticeId(handover.id),
      detail: { type: 'unanswered', effectiveOn: '2026-03-20', daysBefore: 19, atRecording: true },
    };
    const threshold = (days: number): { id: string; detail: unknown } => ({
      id: `unanswered.${handover.id}.${days}`,
      detail: { type: 'unanswered', effectiveOn: '2026-03-20', daysBefore: days },
    });

    // Recorded: the township's notice, one unanswered item at once; 19 days before, no threshold is reached.
    await waitFor(world.township, handover.id, 'unanswered');
    await sweeps.run('unanswered');
    await sleep(400);
    expect(await remindersAbout(world.township, handover.id, 'unanswered')).toHaveLength(1);
    expect(await unanswered()).toEqual([notice]);

    // 10 days before: the 14-day threshold, once however often the sweep runs.
    clock.set('2026-03-10T02:00:00.000Z');
    await sweeps.run('unanswered');
    await sweeps.run('unanswered');
    await waitFor(world.township, handover.id, 'unanswered', 2);
    await sleep(400);
    expect(await remindersAbout(world.township, handover.id, 'unanswered')).toHaveLength(2);
    expect(await unanswered()).toEqual([notice, threshold(14)]);

    // 2 days before: the 3-day threshold, once.
    clock.set('2026-03-18T02:00:00.000Z');
    await sweeps.run('unanswered');
    await waitFor(world.township, handover.id, 'unanswered', 3);
    await sleep(400);
    expect(await remindersAbout(world.township, handover.id, 'unanswered')).toHaveLength(3);
    expect(await unanswered()).toEqual([notice, threshold(14), threshold(3)]);
  });

  it('activates an accepted handover once its effective date has come', async () => {
    clock.set('2026-03-01T02:00:00.000Z');
    const world = await createWorld(t, 'activate');
    await registerPower(world, { code: 'XC-activate', certifiedOfficers: 0, equipment: [] });
    const handover = await recordHandover(world, 'XC-activate', { effectiveOn: '2026-04-01' });
    const accepted = await world.township.client.post(`/api/v1/handovers/${handover.id}/acceptance`).send({});
    expectStatus(accepted, 200);
    expect(accepted.body).toMatchObject({ status: 'accepted' });
    await sleep(300);
    await sweeps.run('activation');
    expect((await world.office.client.get(`/api/v1/handovers/${handover.id}`)).body).toMatchObject({ status: 'accepted' });
    clock.set('2026-04-01T02:00:00.000Z');
    await sweeps.run('activation');
    const active = await eventually(
      'the handover to be active',
      async () => {
        const response = await world.office.client.get(`/api/v1/handovers/${handover.id}`);
        return (response.body as { status: string }).status === 'active' ? response.body : undefined;
      },
      5000,
    );
    expect(active).toMatchObject({ status: 'active' });
  });

  it('upserts one job scheduler per sweep', async () => {
    const schedulers = await eventually(
      'the sweep schedulers',
      async () => {
        const found = await t.app.get(ReminderQueues).sweeps.getJobSchedulers();
        return found.length === 4 ? found : undefined;
      },
      5000,
    );
    expect(schedulers.map((s) => s.key).sort()).toEqual(['activation', 'certificate-expiry', 'readiness', 'unanswered']);
    expect(schedulers[0]).toMatchObject({ pattern: t.config.sweepCron, tz: t.config.timeZone });
  });
});
