import type { Response } from 'supertest';
import { waitFor } from '@fangquan/platform';
import { SAMPLE_CATALOGUE } from '../../apps/api/src/demo/sample-catalogue';
import { startTestApp, TEST_ADMIN, type AuthorizedClient, type TestApp } from '../support/test-app';

/**
 * Reminders about requests the county office decides, over HTTP on PostgreSQL and Redis with the real
 * clock and second-scale delays: an undecided recall request reaches the county office's inbox when its
 * decision falls due and again every REMINDER_REPEAT, never after it is decided; the decision reaches
 * the requester once (the township for a recall, the filing department for a task admission).
 */

interface InboxItem {
  id: string;
  handoverId: string | null;
  kind: string;
  step: number;
  subject?: { type: string; id: string; title?: string };
  outcome?: string;
  createdAt: string;
  readAt: string | null;
}

function expectStatus(response: Response, status: number): void {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${response.text}`);
}

const POWER = SAMPLE_CATALOGUE[0]!;
const DUE_MS = 2000;
const REPEAT_MS = 4000;
const FUTURE = '2099-07-01';

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

describe('reminders about requests awaiting a decision (e2e)', () => {
  let t: TestApp;
  let admin: AuthorizedClient;
  let countyAdmin: AuthorizedClient;
  let secondAdmin: AuthorizedClient;
  let xipingUser: AuthorizedClient;
  let baishuiUser: AuthorizedClient;
  let agriculture: AuthorizedClient;
  let xiping: { id: string; teamId: string };
  let baishui: { id: string; teamId: string };

  async function createUser(body: Record<string, unknown>): Promise<AuthorizedClient> {
    expectStatus(await admin.post('/api/v1/users').send(body), 201);
    return t.loginAs(String(body.username), String(body.password));
  }

  async function township(countyId: string, name: string): Promise<{ id: string; teamId: string }> {
    const response = await admin.post(`/api/v1/counties/${countyId}/townships`).send({ name });
    expectStatus(response, 201);
    return response.body as { id: string; teamId: string };
  }

  /** The user's inbox items about `subjectId`, newest first. */
  async function itemsAbout(client: AuthorizedClient, subjectId: string): Promise<InboxItem[]> {
    const response = await client.get('/api/v1/inbox');
    expectStatus(response, 200);
    return (response.body as InboxItem[]).filter((item) => item.subject?.id === subjectId);
  }

  async function remindersAbout(subjectId: string): Promise<Array<{ id: string; kind: string; step: number }>> {
    return (await t.dataSource.query(`SELECT id, kind, step FROM reminders WHERE subject_id = $1 ORDER BY created_at`, [
      subjectId,
    ])) as Array<{
      id: string;
      kind: string;
      step: number;
    }>;
  }

  beforeAll(async () => {
    t = await startTestApp({ env: { DECISION_REMINDER_DAYS: `${DUE_MS / 1000}s`, REMINDER_REPEAT: `${REPEAT_MS / 1000}s` } });
    admin = await t.loginAs(TEST_ADMIN.username, TEST_ADMIN.password);
    const county = ((await admin.post('/api/v1/counties').send({ name: '沾益区' })).body as { id: string }).id;
    xiping = await township(county, '西平街道');
    baishui = await township(county, '白水镇');
    const password = 'request-reminders-1';
    countyAdmin = await createUser({ username: 'zy.admin', password, role: 'county_admin', countyId: county, head: true });
    secondAdmin = await createUser({ username: 'zy.office', password, role: 'county_admin', countyId: county });
    xipingUser = await createUser({ username: 'xp.li', password, role: 'township', countyId: county, townshipId: xiping.id });
    baishuiUser = await createUser({ username: 'bs.wang', password, role: 'township', countyId: county, townshipId: baishui.id });
    agriculture = await createUser({ username: 'zy.ny', password, role: 'department', countyId: county, department: '农业农村局' });
    expectStatus(await countyAdmin.post('/api/v1/powers').send({ ...POWER }), 201);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('an undecided recall request reminds the county office when due and every REMINDER_REPEAT; the decision reaches the township once', async () => {
    const recorded = await countyAdmin
      .post('/api/v1/handovers')
      .send({ powerCode: POWER.code, teamId: xiping.teamId, mode: 'transfer', instrument: '沾政发〔2026〕12号', effectiveOn: FUTURE });
    expectStatus(recorded, 201);
    const handoverId = (recorded.body as { id: string }).id;
    expectStatus(
      await xipingUser.post(`/api/v1/handovers/${handoverId}/acceptance`).send({ conditional: true, reason: '装备两周内到位' }),
      200,
    );
    const filed = await xipingUser.post('/api/v1/recall-requests').send({ townshipId: xiping.id, handoverId, reason: '街道无持证人员' });
    expectStatus(filed, 201);
    const request = filed.body as { id: string; filedAt: string; decisionDueAt: string };
    expect(Date.parse(request.decisionDueAt) - Date.parse(request.filedAt)).toBe(DUE_MS);

    // Due: one reminder (step 0) to every county_admin user of the county, none before the due instant.
    await waitFor('the first decision-due reminder', async () => (await itemsAbout(countyAdmin, request.id)).length > 0, 20_000);
    const [first, ...others] = await itemsAbout(countyAdmin, request.id);
    expect(others).toEqual([]);
    expect(first).toMatchObject({
      kind: 'decision-due',
      handoverId: null,
      step: 0,
      subject: { type: 'recall-request', id: request.id, title: '街道无持证人员' },
      readAt: null,
    });
    expect(Date.parse(first!.createdAt)).toBeGreaterThanOrEqual(Date.parse(request.decisionDueAt));
    expect((await itemsAbout(secondAdmin, request.id)).map((item) => [item.kind, item.step])).toEqual([['decision-due', 0]]);
    // Not to the township or the department while it waits.
    expect(await itemsAbout(xipingUser, request.id)).toEqual([]);
    expect(await itemsAbout(agriculture, request.id)).toEqual([]);

    // Still undecided after REMINDER_REPEAT: step 1, the earlier item counted read (one unread item per subject).
    await waitFor('the second decision-due reminder', async () => (await itemsAbout(countyAdmin, request.id)).length > 1, 20_000);
    const repeated = await itemsAbout(countyAdmin, request.id);
    expect(repeated.map((item) => [item.kind, item.step])).toEqual([
      ['decision-due', 1],
      ['decision-due', 0],
    ]);
    expect(repeated[0]!.readAt).toBeNull();
    expect(repeated[1]!.readAt).not.toBeNull();

    // Decided: the township hears it once, with the outcome; the county office hears no more.
    expectStatus(
      await countyAdmin.post(`/api/v1/recall-requests/${request.id}/decision`).send({ approved: false, reason: '暂不收回' }),
      200,
    );
    await waitFor('the decision-made notice', async () => (await itemsAbout(xipingUser, request.id)).length > 0, 20_000);
    await sleep(REPEAT_MS + 2000);
    expect(await itemsAbout(xipingUser, request.id)).toEqual([
      expect.objectContaining({
        kind: 'decision-made',
        outcome: 'rejected',
        handoverId: null,
        step: 0,
        subject: expect.objectContaining({ id: request.id }),
      }),
    ]);
    expect(await itemsAbout(baishuiUser, request.id)).toEqual([]);
    const afterDecision = await remindersAbout(request.id);
    expect(afterDecision.map((row) => row.id)).toEqual([`decision.${request.id}.0`, `decision.${request.id}.1`, `decided.${request.id}`]);
    expect((await itemsAbout(countyAdmin, request.id)).length).toBe(2);
  });

  it('a task admission decided before it falls due brings no decision-due reminder, and the filing department hears the decision once', async () => {
    const filed = await agriculture.post('/api/v1/task-admissions').send({
      title: '草地贪夜蛾监测防控',
      description: '在玉米种植区布设监测点，每周巡查一次并上报虫情',
      townshipIds: [xiping.id],
      means: { staff: 2, equipment: [], training: [] },
      startsOn: '2026-12-07',
    });
    expectStatus(filed, 201);
    const id = (filed.body as { id: string }).id;
    expectStatus(
      await countyAdmin.post(`/api/v1/task-admissions/${id}/decision`).send({ admitted: true, reason: '经费人员随事项下沉' }),
      200,
    );
    await waitFor('the decision-made notice', async () => (await itemsAbout(agriculture, id)).length > 0, 20_000);
    // Past the instant it would have fallen due.
    await sleep(DUE_MS + 2000);
    expect(await itemsAbout(agriculture, id)).toEqual([
      expect.objectContaining({
        kind: 'decision-made',
        outcome: 'admitted',
        handoverId: null,
        subject: { type: 'task-admission', id, title: '草地贪夜蛾监测防控' },
      }),
    ]);
    expect(await itemsAbout(countyAdmin, id)).toEqual([]);
    expect(await itemsAbout(xipingUser, id)).toEqual([]);
    expect((await remindersAbout(id)).map((row) => row.id)).toEqual([`decided.${id}`]);
  });
});
