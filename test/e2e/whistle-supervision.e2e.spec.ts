import { resolve } from 'node:path';
import type { Response } from 'supertest';
import { waitFor } from '@fangquan/platform';
import { expectStatus } from '../support/problem-expectations';
import { startTestApp, TEST_ADMIN, type AuthorizedClient, type TestApp } from '../support/test-app';

/**
 * Supervision (督办) of whistles over HTTP on PostgreSQL and Redis, with the real clock and second-scale
 * limits: a step not done by its deadline is recorded overdue on the whistle and its lead department's
 * heads and the county office are reminded, once per round, every REMINDER_REPEAT until the step is done.
 */

interface Whistle {
  id: string;
  status: string;
  deadlines: { acceptBy: string | null; arriveBy: string | null; resolveBy: string | null };
  overdue: string[];
  onTime: { accept: boolean | null };
}

interface InboxItem {
  kind: string;
  handoverId: string | null;
  step: number;
  subject?: { type: string; id: string; title?: string };
  createdAt: string;
}

function ok(response: Response, status = 200): Whistle {
  expectStatus(response, status);
  return response.body as Whistle;
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

const WATER = '水利局';
const ACCEPT_WITHIN_MS = 2_000;
const REPEAT_MS = 5_000;

describe('whistle supervision (e2e)', () => {
  let t: TestApp;
  let admin: AuthorizedClient;
  let county: AuthorizedClient;
  let head: AuthorizedClient;
  let waterHead: AuthorizedClient;
  let waterClerk: AuthorizedClient;
  let xiping: string;
  const password = 'supervision-password-1';

  async function user(body: Record<string, unknown>): Promise<AuthorizedClient> {
    expectStatus(await admin.post('/api/v1/users').send({ password, ...body }), 201);
    return t.loginAs(String(body.username), password);
  }

  async function supervisionOf(client: AuthorizedClient, whistleId: string): Promise<InboxItem[]> {
    const response = await client.get('/api/v1/inbox');
    expectStatus(response, 200);
    return (response.body as InboxItem[]).filter((item) => item.kind === 'supervision' && item.subject?.id === whistleId);
  }

  async function overdueEvents(whistleId: string): Promise<Array<{ step: string; deadline: string }>> {
    const rows = (await t.dataSource.query(
      `SELECT data FROM events WHERE stream_id = $1 AND type = 'WhistleStepOverdue' ORDER BY stream_version`,
      [`whistle-${whistleId}`],
    )) as Array<{ data: { step: string; deadline: string } }>;
    return rows.map((row) => ({ step: row.data.step, deadline: row.data.deadline }));
  }

  const raise = async (): Promise<Whistle> =>
    ok(
      await head
        .post('/api/v1/whistles')
        .send({ townshipId: xiping, title: '河道夜间非法采砂', description: '有船只在村段河道采砂', dutyCode: 'SL-003' }),
      201,
    );

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        WORK_CALENDAR: resolve(__dirname, '../support/every-day-working.calendar.json'),
        WORK_HOURS: '00:00-24:00',
        WHISTLE_ACCEPT_WITHIN: `${ACCEPT_WITHIN_MS / 1000}s`,
        WHISTLE_ARRIVE_WITHIN: '600s',
        WHISTLE_RESOLVE_WITHIN: '600s',
        REMINDER_REPEAT: `${REPEAT_MS / 1000}s`,
      },
    });
    admin = await t.loginAs(TEST_ADMIN.username, TEST_ADMIN.password);
    const countyId = ((await admin.post('/api/v1/counties').send({ name: '沾益区' })).body as { id: string }).id;
    const township = await admin.post(`/api/v1/counties/${countyId}/townships`).send({ name: '西平街道' });
    expectStatus(township, 201);
    xiping = (township.body as { id: string }).id;
    county = await user({ username: 'zy.office', role: 'county_admin', countyId, head: true });
    head = await user({ username: 'xp.head', role: 'township', countyId, townshipId: xiping, head: true });
    waterHead = await user({ username: 'sl.head', role: 'department', countyId, department: WATER, head: true });
    waterClerk = await user({ username: 'sl.clerk', role: 'department', countyId, department: WATER });
    const duty = { code: 'SL-003', name: '河道采砂监管', domain: '生态环保', defaultCategory: 'assisting', leadDepartment: WATER };
    expectStatus(await county.post('/api/v1/duties').send(duty), 201);
    expectStatus(
      await county
        .put(`/api/v1/townships/${xiping}/duty-list/items/SL-003`)
        .send({ category: 'assisting', cooperation: '巡查发现、及时报告', leadDepartment: WATER }),
      200,
    );
  });

  afterAll(async () => {
    await t?.close();
  });

  it('a whistle accepted late: accept recorded overdue, one supervision reminder to the head users and the county office', async () => {
    const raised = await raise();
    const acceptBy = raised.deadlines.acceptBy ?? '';
    await waitFor('the supervision reminder', async () => (await supervisionOf(county, raised.id)).length > 0, 20_000);
    const [reminder, ...more] = await supervisionOf(waterHead, raised.id);
    expect(more).toEqual([]);
    expect(reminder).toMatchObject({
      kind: 'supervision',
      handoverId: null,
      step: 0,
      subject: { type: 'whistle', id: raised.id, title: '河道夜间非法采砂' },
    });
    expect(Date.parse(reminder!.createdAt)).toBeGreaterThan(Date.parse(acceptBy));
    expect((await supervisionOf(county, raised.id)).length).toBe(1);
    // The department's head users, not every user of the department; not the township.
    expect(await supervisionOf(waterClerk, raised.id)).toEqual([]);
    expect(await supervisionOf(head, raised.id)).toEqual([]);
    expect(ok(await county.get(`/api/v1/whistles/${raised.id}`)).overdue).toEqual(['accept']);
    expect(await overdueEvents(raised.id)).toEqual([{ step: 'accept', deadline: acceptBy }]);

    const accepted = ok(await waterHead.post(`/api/v1/whistles/${raised.id}/acceptance`).send({}));
    expect(accepted).toMatchObject({ status: 'accepted', overdue: [], onTime: { accept: false } });
    await sleep(REPEAT_MS + 2000);
    expect((await supervisionOf(waterHead, raised.id)).length).toBe(1);
    expect((await supervisionOf(county, raised.id)).length).toBe(1);
    expect(await overdueEvents(raised.id)).toHaveLength(1);
  });

  it('repeats every REMINDER_REPEAT while the step is undone, and stops once it is done', async () => {
    const raised = await raise();
    await waitFor('the second supervision round', async () => (await supervisionOf(county, raised.id)).length > 1, 30_000);
    expect((await supervisionOf(waterHead, raised.id)).map((item) => item.step)).toEqual([1, 0]);
    // Recorded overdue once per step and deadline, whatever the rounds.
    expect(await overdueEvents(raised.id)).toHaveLength(1);
    ok(await waterHead.post(`/api/v1/whistles/${raised.id}/acceptance`).send({}));
    await sleep(REPEAT_MS + 2000);
    expect((await supervisionOf(county, raised.id)).map((item) => item.step)).toEqual([1, 0]);
    const ids = (await t.dataSource.query(`SELECT id FROM reminders WHERE subject_id = $1 ORDER BY created_at`, [raised.id])) as Array<{
      id: string;
    }>;
    const deadlineMs = Date.parse(raised.deadlines.acceptBy ?? '');
    expect(ids.map((row) => row.id)).toEqual([
      `supervision.${raised.id}.accept.${deadlineMs}.0`,
      `supervision.${raised.id}.accept.${deadlineMs}.1`,
    ]);
  });
});
