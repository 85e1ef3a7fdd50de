import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { expectProblem, expectStatus, fieldsOf } from '../support/problem-expectations';
import { startTestApp, TEST_ADMIN, type AuthorizedClient, type TestApp } from '../support/test-app';

/**
 * Whistles (吹哨报到) over HTTP on PostgreSQL and Redis, on a calendar where every day and every hour is
 * working time, with limits of seconds: a head's whistle about an assisting item goes to the lead
 * department the township's list names, and on through accept, arrive, resolve and evaluate to closed;
 * a clerk's draft waits for the head; a whistle the list does not settle awaits the county office, and
 * an objection sends it back there; an extension granted moves the deadline; an unsatisfied township
 * reopens once; an accept deadline passed shows as overdue; who may act and see is enforced; bad input
 * is refused naming its fields; the departments' assessment gives the documented numbers.
 */

interface Whistle {
  id: string;
  status: string;
  department: string | null;
  coDepartments: string[];
  routedBy: string | null;
  dutyCategory?: string;
  deadlines: { acceptBy: string | null; arriveBy: string | null; resolveBy: string | null };
  overdue: string[];
  due: { step: string; by: string; workingMsLeft: number; workingMsAllowed: number } | null;
  onTime: { accept: boolean | null; arrive: boolean | null; resolve: boolean | null };
  result: string | null;
  evaluation: { score: number; satisfied: boolean } | null;
  version: number;
}

function ok(response: Response, status = 200): Whistle {
  expectStatus(response, status);
  return response.body as Whistle;
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

const WATER = '水利局';
const LAND = '自然资源局';
const URBAN = '城市管理局';
const ACCEPT_WITHIN_MS = 4_000;
/** Weights of the test app: the townships' rating weighs 60%. */
const WEIGHTS = { acceptedOnTime: 10, arrivedOnTime: 10, resolvedOnTime: 10, resolution: 10, rating: 40, satisfaction: 20 };

describe('whistles (e2e)', () => {
  let t: TestApp;
  let admin: AuthorizedClient;
  let county: AuthorizedClient;
  let auditor: AuthorizedClient;
  let head: AuthorizedClient;
  let clerk: AuthorizedClient;
  let otherTownship: AuthorizedClient;
  let water: AuthorizedClient;
  let land: AuthorizedClient;
  let urban: AuthorizedClient;
  let xiping: string;
  let countyId: string;
  const password = 'whistle-password-1';

  async function township(id: string, name: string): Promise<string> {
    const response = await admin.post(`/api/v1/counties/${id}/townships`).send({ name });
    expectStatus(response, 201);
    return (response.body as { id: string }).id;
  }

  async function user(body: Record<string, unknown>): Promise<AuthorizedClient> {
    expectStatus(await admin.post('/api/v1/users').send({ password, ...body }), 201);
    return t.loginAs(String(body.username), password);
  }

  async function streamLength(id: string): Promise<number> {
    const [row] = (await t.dataSource.query('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [`whistle-${id}`])) as Array<{
      n: number;
    }>;
    return row?.n ?? 0;
  }

  const raise = (client: AuthorizedClient, body: Record<string, unknown>): Promise<Response> =>
    client.post('/api/v1/whistles').send({ townshipId: xiping, title: '河道夜间非法采砂', description: '有船只在村段河道采砂', ...body });
  const act = (client: AuthorizedClient, id: string, action: string, body: Record<string, unknown> = {}): Promise<Response> =>
    client.post(`/api/v1/whistles/${id}/${action}`).send(body);

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        WORK_CALENDAR: resolve(__dirname, '../support/every-day-working.calendar.json'),
        WORK_HOURS: '00:00-24:00',
        WHISTLE_ACCEPT_WITHIN: `${ACCEPT_WITHIN_MS / 1000}s`,
        WHISTLE_ARRIVE_WITHIN: '120s',
        WHISTLE_RESOLVE_WITHIN: '120s',
        ASSESSMENT_WEIGHTS: JSON.stringify(WEIGHTS),
      },
    });
    admin = await t.loginAs(TEST_ADMIN.username, TEST_ADMIN.password);
    countyId = ((await admin.post('/api/v1/counties').send({ name: '沾益区' })).body as { id: string }).id;
    xiping = await township(countyId, '西平街道');
    const baishui = await township(countyId, '白水镇');
    county = await user({ username: 'zy.office', role: 'county_admin', countyId, head: true });
    auditor = await user({ username: 'zy.audit', role: 'auditor', countyId });
    head = await user({ username: 'xp.head', role: 'township', countyId, townshipId: xiping, head: true });
    clerk = await user({ username: 'xp.clerk', role: 'township', countyId, townshipId: xiping });
    otherTownship = await user({ username: 'bs.li', role: 'township', countyId, townshipId: baishui, head: true });
    water = await user({ username: 'sl.wang', role: 'department', countyId, department: WATER });
    land = await user({ username: 'zr.zhao', role: 'department', countyId, department: LAND });
    urban = await user({ username: 'cg.chen', role: 'department', countyId, department: URBAN });

    const duties = [
      {
        code: 'SL-003',
        name: '河道采砂监管',
        domain: '生态环保',
        defaultCategory: 'assisting',
        leadDepartment: WATER,
        description: '巡查发现、及时报告',
      },
      { code: 'ST-001', name: '生活垃圾分类日常监督', domain: '生态环保', defaultCategory: 'basic' },
      { code: 'ZF-020', name: '违法占地查处', domain: '综合执法', defaultCategory: 'returned', leadDepartment: LAND },
    ];
    for (const duty of duties) expectStatus(await county.post('/api/v1/duties').send(duty), 201);
    const item = (code: string): string => `/api/v1/townships/${xiping}/duty-list/items/${code}`;
    expectStatus(
      await county.put(item('SL-003')).send({ category: 'assisting', cooperation: '巡查发现、及时报告', leadDepartment: WATER }),
      200,
    );
    expectStatus(await county.put(item('ST-001')).send({ category: 'basic' }), 200);
  });

  afterAll(async () => {
    await t?.close();
  });

  it("routes a head's whistle about an assisting item to the list's lead department, and runs it to closed", async () => {
    const raised = ok(await raise(head, { dutyCode: 'SL-003', urgency: 'urgent', location: '某村河段' }), 201);
    expect(raised).toMatchObject({ status: 'dispatched', department: WATER, routedBy: 'list', dutyCategory: 'assisting', overdue: [] });
    expect(Date.parse(raised.deadlines.acceptBy ?? '')).toBeGreaterThan(Date.now());
    expect(raised.deadlines).toMatchObject({ arriveBy: null, resolveBy: null });
    // What is due, with the working time left to it (the calendar here: every hour of every day works).
    expect(raised.due).toMatchObject({ step: 'accept', by: raised.deadlines.acceptBy, workingMsAllowed: ACCEPT_WITHIN_MS });
    expect(raised.due?.workingMsLeft).toBeGreaterThan(0);
    expect(raised.due?.workingMsLeft).toBeLessThanOrEqual(ACCEPT_WITHIN_MS);

    // The department sees it in its queue; the township sees it; another township does not.
    const queue = await water.get('/api/v1/whistles?status=dispatched');
    expectStatus(queue, 200);
    expect((queue.body as { items: Whistle[] }).items.map((w) => w.id)).toContain(raised.id);
    expect(((await otherTownship.get('/api/v1/whistles')).body as { total: number }).total).toBe(0);
    expectProblem(await otherTownship.get(`/api/v1/whistles/${raised.id}`), 404);

    // Another department may not act, nor may the township act for it.
    expect(expectProblem(await act(urban, raised.id, 'acceptance'), 403).code).toBe('not-lead-department');
    expectProblem(await act(head, raised.id, 'acceptance'), 403);

    const accepted = ok(await act(water, raised.id, 'acceptance'));
    expect(accepted).toMatchObject({ status: 'accepted', onTime: { accept: true, arrive: null, resolve: null } });
    expect(accepted.deadlines.arriveBy).not.toBeNull();
    const arrived = ok(await act(water, raised.id, 'arrival'));
    expect(arrived.status).toBe('arrived');
    expect(arrived.deadlines.resolveBy).not.toBeNull();
    expect(fieldsOf(await act(water, raised.id, 'resolution', {}))).toEqual(['result']);
    const resolved = ok(await act(water, raised.id, 'resolution', { result: '联合执法查扣采砂船两艘' }));
    expect(resolved).toMatchObject({ status: 'resolved', result: '联合执法查扣采砂船两艘' });

    expect(fieldsOf(await act(head, raised.id, 'evaluation', { score: 6, satisfied: 'yes' }))).toEqual(['satisfied', 'score']);
    expectProblem(await act(otherTownship, raised.id, 'evaluation', { score: 5, satisfied: true }), 403);
    const closed = ok(await act(head, raised.id, 'evaluation', { score: 5, satisfied: true, comment: '响应及时' }));
    expect(closed).toMatchObject({ status: 'closed', evaluation: { score: 5, satisfied: true }, due: null });
    expect(expectProblem(await act(water, raised.id, 'resolution', { result: '再次办结' }), 409).code).toBe('whistle-closed');
    expect(expectProblem(await act(head, raised.id, 'reopen', { reason: '再看看' }), 409).code).toBe('whistle-evaluated-satisfied');

    const history = await head.get(`/api/v1/whistles/${raised.id}/history`);
    expectStatus(history, 200);
    expect((history.body as Array<{ type: string; actor: string }>).map((entry) => entry.type)).toEqual([
      'WhistleRaised',
      'WhistleSignedOff',
      'WhistleDispatched',
      'WhistleAccepted',
      'WhistleArrived',
      'WhistleResolved',
      'WhistleEvaluated',
    ]);
  });

  it("keeps a clerk's whistle a draft until the township head signs it off", async () => {
    const draft = ok(await raise(clerk, { dutyCode: 'SL-003' }), 201);
    expect(draft).toMatchObject({ status: 'draft', department: null });
    expect(expectProblem(await act(clerk, draft.id, 'sign-off'), 403).code).toBe('not-township-head');
    expectProblem(await act(otherTownship, draft.id, 'sign-off'), 403);
    const signed = ok(await act(head, draft.id, 'sign-off'));
    expect(signed).toMatchObject({ status: 'dispatched', department: WATER });
  });

  it('refuses a whistle about a basic duty (409) and one about an item not on the list (400 on dutyCode)', async () => {
    expect(expectProblem(await raise(head, { dutyCode: 'ST-001' }), 409).code).toBe('whistle-within-township-duties');
    const notListed = expectProblem(await raise(head, { dutyCode: 'ZF-020' }), 400);
    expect(notListed.errors).toEqual([expect.objectContaining({ field: 'dutyCode', code: 'not-on-duty-list' })]);
  });

  it('names every bad field of a raise, and writes nothing', async () => {
    const before = await t.dataSource.query("SELECT count(*)::int AS n FROM events WHERE stream_id LIKE 'whistle-%'");
    const response = await head.post('/api/v1/whistles').send({ townshipId: 'nope', title: '', description: 7, urgency: 'very' });
    expect(fieldsOf(response)).toEqual(['description', 'title', 'townshipId', 'urgency']);
    expect(await t.dataSource.query("SELECT count(*)::int AS n FROM events WHERE stream_id LIKE 'whistle-%'")).toEqual(before);
    expectProblem(await raise(head, { townshipId: (await t.dataSource.query('SELECT gen_random_uuid() AS id'))[0].id }), 403);
  });

  it('sends a whistle the list does not settle to the county office, which dispatches it; an objection sends it back', async () => {
    const waiting = ok(await raise(head, {}), 201);
    expect(waiting).toMatchObject({ status: 'awaiting-dispatch', department: null });
    expect(waiting.deadlines.acceptBy).toBeNull();
    const board = await county.get('/api/v1/whistles?status=awaiting-dispatch');
    expect((board.body as { items: Whistle[] }).items.map((w) => w.id)).toContain(waiting.id);

    expectProblem(await act(water, waiting.id, 'dispatch', { department: URBAN }), 403);
    const unknown = expectProblem(await act(county, waiting.id, 'dispatch', { department: '不存在局', coDepartments: [LAND] }), 400);
    expect(unknown.errors).toEqual([expect.objectContaining({ field: 'department', code: 'unknown-department' })]);
    const versionBefore = await streamLength(waiting.id);

    const dispatched = ok(await act(county, waiting.id, 'dispatch', { department: URBAN, coDepartments: [LAND] }));
    expect(dispatched).toMatchObject({ status: 'dispatched', department: URBAN, coDepartments: [LAND], routedBy: 'county-office' });
    expect(await streamLength(waiting.id)).toBe(versionBefore + 1);

    // The co-handler sees it and may not act on it.
    expectStatus(await land.get(`/api/v1/whistles/${waiting.id}`), 200);
    expect((((await land.get('/api/v1/whistles')).body as { items: Whistle[] }).items ?? []).map((w) => w.id)).toContain(waiting.id);
    expect(expectProblem(await act(land, waiting.id, 'acceptance'), 403).code).toBe('not-lead-department');
    expectProblem(await water.get(`/api/v1/whistles/${waiting.id}`), 404);

    expect(fieldsOf(await act(urban, waiting.id, 'objection', {}))).toEqual(['reason']);
    const objected = ok(await act(urban, waiting.id, 'objection', { reason: '河道事务不属于本局职责' }));
    expect(objected).toMatchObject({ status: 'awaiting-dispatch', department: null });
    const redispatched = ok(await act(county, waiting.id, 'dispatch', { department: WATER }));
    expect(redispatched).toMatchObject({ status: 'dispatched', department: WATER });
    expect(ok(await act(water, waiting.id, 'acceptance')).status).toBe('accepted');
  });

  it('moves the deadline when the county office grants an extension', async () => {
    const raised = ok(await raise(head, { dutyCode: 'SL-003' }), 201);
    const accepted = ok(await act(water, raised.id, 'acceptance'));
    const arriveBy = accepted.deadlines.arriveBy ?? '';
    const later = new Date(Date.parse(arriveBy) + 3_600_000).toISOString();

    const early = expectProblem(await act(water, raised.id, 'extension', { until: arriveBy, reason: '雨天无法进场' }), 400);
    expect(early.errors).toEqual([expect.objectContaining({ field: 'until' })]);
    expect(fieldsOf(await act(water, raised.id, 'extension', { until: 'tomorrow' }))).toEqual(['reason', 'until']);
    expectProblem(await act(water, raised.id, 'extension/decision', { granted: true, reason: '同意' }), 403);
    expect(expectProblem(await act(county, raised.id, 'extension/decision', { granted: true, reason: '同意' }), 409).code).toBe(
      'no-extension-requested',
    );

    ok(await act(water, raised.id, 'extension', { until: later, reason: '雨天无法进场' }));
    const granted = ok(await act(county, raised.id, 'extension/decision', { granted: true, reason: '同意延期' }));
    expect(Date.parse(granted.deadlines.arriveBy ?? '')).toBe(Date.parse(later));
    const got = ok(await head.get(`/api/v1/whistles/${raised.id}`));
    expect(Date.parse(got.deadlines.arriveBy ?? '')).toBe(Date.parse(later));
  });

  it('lets an unsatisfied township reopen once; a second reopening is refused', async () => {
    const raised = ok(await raise(head, { dutyCode: 'SL-003' }), 201);
    for (const action of ['acceptance', 'arrival']) ok(await act(water, raised.id, action));
    ok(await act(water, raised.id, 'resolution', { result: '已劝离' }));
    ok(await act(head, raised.id, 'evaluation', { score: 2, satisfied: false, comment: '夜间仍有采砂' }));
    expect(fieldsOf(await act(head, raised.id, 'reopen', {}))).toEqual(['reason']);
    const reopened = ok(await act(head, raised.id, 'reopen', { reason: '夜间仍有采砂' }));
    expect(reopened).toMatchObject({ status: 'reopened', department: WATER });
    expect(reopened.deadlines.resolveBy).not.toBeNull();
    ok(await act(water, raised.id, 'resolution', { result: '设卡值守，已杜绝' }));
    ok(await act(head, raised.id, 'evaluation', { score: 3, satisfied: false }));
    expect(expectProblem(await act(head, raised.id, 'reopen', { reason: '还是不满意' }), 409).code).toBe('whistle-already-reopened');
  });

  it('shows the accept step overdue once its deadline has passed, until the department accepts (late)', async () => {
    const raised = ok(await raise(head, { dutyCode: 'SL-003' }), 201);
    await sleep(Date.parse(raised.deadlines.acceptBy ?? '') - Date.now() + 300);
    const late = ok(await water.get(`/api/v1/whistles/${raised.id}`));
    expect(late.overdue).toEqual(['accept']);
    expect(late.due?.workingMsLeft).toBeLessThan(0);
    const overdueList = (await county.get('/api/v1/whistles?overdue=true')).body as { items: Whistle[] };
    expect(overdueList.items.map((w) => w.id)).toContain(raised.id);
    const accepted = ok(await act(water, raised.id, 'acceptance'));
    expect(accepted).toMatchObject({ overdue: [], onTime: { accept: false } });
    const notOverdue = (await county.get('/api/v1/whistles?overdue=false&pageSize=100')).body as { items: Whistle[] };
    expect(notOverdue.items.map((w) => w.id)).toContain(raised.id);
  });

  it('refuses bad list queries naming the field', async () => {
    expect(fieldsOf(await county.get('/api/v1/whistles?status=lost&overdue=maybe&pageSize=0'))).toEqual(['overdue', 'pageSize', 'status']);
    expect(fieldsOf(await county.get('/api/v1/assessments/departments?from=2026-02-30'))).toEqual(['from']);
    expectProblem(await head.get('/api/v1/assessments/departments'), 403);
  });

  describe('the departments’ assessment', () => {
    it('gives the documented numbers for two whistles of one department, with the configured weights', async () => {
      // A county of its own, so that only this scenario counts.
      const otherCounty = ((await admin.post('/api/v1/counties').send({ name: '富源县' })).body as { id: string }).id;
      const town = await township(otherCounty, '中安街道');
      const office = await user({ username: 'fy.office', role: 'county_admin', countyId: otherCounty });
      const townHead = await user({ username: 'za.head', role: 'township', countyId: otherCounty, townshipId: town, head: true });
      const dept = await user({ username: 'fy.water', role: 'department', countyId: otherCounty, department: WATER });
      const whistle = async (): Promise<string> => {
        const body = { townshipId: town, title: '山塘渗漏', description: '山塘坝体渗水' };
        const raised = ok(await townHead.post('/api/v1/whistles').send(body), 201);
        return ok(await act(office, raised.id, 'dispatch', { department: WATER })).id;
      };
      const finish = async (id: string, score: number, satisfied: boolean): Promise<void> => {
        ok(await act(dept, id, 'arrival'));
        ok(await act(dept, id, 'resolution', { result: '已排险' }));
        ok(await act(townHead, id, 'evaluation', { score, satisfied }));
      };
      const first = await whistle();
      ok(await act(dept, first, 'acceptance'));
      await finish(first, 4, true);
      const second = await whistle();
      await sleep(ACCEPT_WITHIN_MS + 300);
      expect(ok(await act(dept, second, 'acceptance')).onTime.accept).toBe(false);
      await finish(second, 2, false);

      const response = await office.get('/api/v1/assessments/departments');
      expectStatus(response, 200);
      // docs/assessment.md: accept (1+½)/(2+1) = 0.5; arrive, resolve, resolution (2+½)/3 each; rating ((6−2)/4+½)/3 = 0.5;
      // satisfaction (1+½)/3 = 0.5 → 100 × (10×0.5 + 3×10×⅚ + 40×0.5 + 20×0.5) / 100 = 60.
      expect(response.body).toEqual([
        {
          department: WATER,
          whistles: 2,
          acceptedOnTime: 1,
          arrivedOnTime: 2,
          resolvedOnTime: 2,
          resolved: 2,
          satisfied: 1,
          meanScore: 3,
          score: 60,
        },
      ]);
      const lastYear = await office.get('/api/v1/assessments/departments?from=2020-01-01&to=2020-12-31');
      expect(lastYear.body).toEqual([]);

      const xlsx = await office
        .get('/api/v1/assessments/departments/export.xlsx')
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expectStatus(xlsx, 200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.body as Parameters<typeof workbook.xlsx.load>[0]);
      const row = workbook.worksheets[0]?.getRow(2).values as unknown[];
      expect(row.slice(1)).toEqual([WATER, 2, 1, 2, 2, 2, 1, 3, 60]);
      expectStatus(await auditor.get('/api/v1/assessments/departments'), 200);
    });
  });
});
