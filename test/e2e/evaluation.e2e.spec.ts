import type { Response } from 'supertest';
import { ManualClock } from '@fangquan/platform';
import { rebuildReadModels } from '@fangquan/read-models';
import { SAMPLE_CATALOGUE } from '../../apps/api/src/demo/sample-catalogue';
import { startTestApp, TEST_ADMIN, type AuthorizedClient, type TestApp } from '../support/test-app';
import { downloadWorkbook } from '../support/workbook-download';

/**
 * Evaluation and as-of evidence over HTTP on PostgreSQL and Redis, with a clock the test moves: a
 * handover recorded on day 1 lacking an officer its department promised, ready from day 11.
 */

interface ProblemBody {
  status: number;
  errors?: Array<{ field: string; code?: string }>;
}

interface Gap {
  resource: string;
  missing: number;
  responsible: string;
}

interface HandoverEvaluation {
  handoverId: string;
  townshipId: string;
  powerCode: string;
  readyShare: number | null;
  daysToFirstReady: number | null;
  days: number;
  readyDays: number;
  cases: number;
  remindersSent: number;
  committedDelivered: { promised: number; delivered: number; lateDays: number };
  flags: string[];
}

interface Evaluation {
  from: string;
  to: string;
  handovers: HandoverEvaluation[];
  totals: {
    townships: Array<{ townshipId: string; handovers: number; readyShare: number | null; zeroUse: number }>;
    departments: Array<{ department: string; promised: number; delivered: number; lateDays: number; gapDays: number }>;
  };
  series: Array<{ townshipId: string; month: string }>;
}

interface AsOf {
  date: string;
  townshipName: string | null;
  handovers: Array<{ handoverId: string; status: string; ready: boolean; gaps: Gap[] }>;
  team: { certifiedOfficers: number };
  dutyList: unknown;
  reminders: unknown[];
  lastEvent: { position: string; occurredAt: string } | null;
}

function expectStatus(response: Response, status: number): void {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${response.text}`);
}

function problemFields(response: Response, status = 400): Array<{ field: string; code?: string }> {
  expectStatus(response, status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  return ((response.body as ProblemBody).errors ?? []).map(({ field, code }) => ({ field, code }));
}

const POWER = { ...SAMPLE_CATALOGUE[0]!, requirements: { certifiedOfficers: 2, equipment: [], training: [] } };
const PROMISED = { name: '李娜', certificateNumber: '53030021000102', certificateExpiresOn: '2031-12-31' };
/** Day 1: 2027-03-01, 10:00 in Beijing. */
const DAY = (n: number): string => new Date(Date.UTC(2027, 2, n, 2)).toISOString();
const DATE = (n: number): string => DAY(n).slice(0, 10);

describe('evaluation and as-of evidence (e2e)', () => {
  const clock = new ManualClock(new Date(DAY(1)));
  let t: TestApp;
  let admin: AuthorizedClient;
  let countyAdmin: AuthorizedClient;
  let xipingUser: AuthorizedClient;
  let xiping: { id: string; teamId: string };
  let baishui: { id: string; teamId: string };
  let handoverId: string;

  async function evaluation(client: AuthorizedClient, query: string): Promise<Evaluation> {
    const response = await client.get(`/api/v1/evaluations?${query}`);
    expectStatus(response, 200);
    return response.body as Evaluation;
  }

  async function asOf(day: number): Promise<AsOf> {
    const response = await countyAdmin.get(`/api/v1/townships/${xiping.id}/as-of?date=${DATE(day)}`);
    expectStatus(response, 200);
    return response.body as AsOf;
  }

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await t.loginAs(TEST_ADMIN.username, TEST_ADMIN.password);
    const county = ((await admin.post('/api/v1/counties').send({ name: '沾益区' })).body as { id: string }).id;
    const township = async (name: string): Promise<{ id: string; teamId: string }> => {
      const response = await admin.post(`/api/v1/counties/${county}/townships`).send({ name });
      expectStatus(response, 201);
      return response.body as { id: string; teamId: string };
    };
    xiping = await township('西平街道');
    baishui = await township('白水镇');
    const password = 'evaluation-password-1';
    for (const user of [
      { username: 'ev.admin', password, role: 'county_admin', countyId: county, head: true },
      { username: 'ev.xp', password, role: 'township', countyId: county, townshipId: xiping.id },
    ])
      expectStatus(await admin.post('/api/v1/users').send(user), 201);
    countyAdmin = await t.loginAs('ev.admin', password);
    xipingUser = await t.loginAs('ev.xp', password);
    expectStatus(await countyAdmin.post('/api/v1/powers').send(POWER), 201);
    expectStatus(
      await countyAdmin
        .post(`/api/v1/teams/${xiping.teamId}/officers`)
        .send({ name: '张伟', certificateNumber: '53030021000101', certificateExpiresOn: '2031-12-31' }),
      201,
    );

    // Day 1: recorded, lacking the second officer the department promised.
    const recorded = await countyAdmin.post('/api/v1/handovers').send({
      powerCode: POWER.code,
      teamId: xiping.teamId,
      mode: 'transfer',
      instrument: '沾政发〔2027〕3号',
      effectiveOn: DATE(1),
      committed: { officers: [PROMISED] },
    });
    expectStatus(recorded, 201);
    handoverId = (recorded.body as { id: string }).id;

    // Day 11: the promised officer joins; the handover is ready.
    clock.set(DAY(11));
    expectStatus(await countyAdmin.post(`/api/v1/teams/${xiping.teamId}/officers`).send(PROMISED), 201);
    clock.set(DAY(31));
  });

  afterAll(async () => {
    await t?.close();
  });

  it('evaluates days 1–30: ready 20 of 30 days, 10 days to first ready, the officer delivered 10 days late', async () => {
    const { handovers, totals, from, to } = await evaluation(countyAdmin, `from=${DATE(1)}&to=${DATE(30)}`);
    expect({ from, to }).toEqual({ from: DATE(1), to: DATE(30) });
    expect(handovers).toHaveLength(1);
    const [handover] = handovers;
    expect(handover).toMatchObject({
      handoverId,
      townshipId: xiping.id,
      powerCode: POWER.code,
      days: 30,
      readyDays: 20,
      daysToFirstReady: 10,
      committedDelivered: { promised: 1, delivered: 1, lateDays: 10 },
    });
    expect(handover!.readyShare).toBeCloseTo(20 / 30, 10);
    // No cases were recorded: zero use, a candidate for the next adjustment.
    expect(handover!.flags).toEqual(['zero-use']);
    expect(totals.townships).toEqual([expect.objectContaining({ townshipId: xiping.id, handovers: 1, zeroUse: 1 })]);
    expect(totals.departments).toEqual([
      expect.objectContaining({ department: POWER.department, promised: 1, delivered: 1, lateDays: 10, gapDays: 10 }),
    ]);
  });

  it('shows as of day 5 the gap and the department responsible, as of day 12 the handover ready', async () => {
    const day5 = await asOf(5);
    expect(day5).toMatchObject({ date: DATE(5), townshipName: '西平街道', team: { certifiedOfficers: 1 }, dutyList: null });
    expect(day5.handovers).toEqual([
      expect.objectContaining({
        handoverId,
        status: 'recorded',
        ready: false,
        gaps: [expect.objectContaining({ resource: 'officers', missing: 1, responsible: POWER.department })],
      }),
    ]);
    const day12 = await asOf(12);
    expect(day12.handovers).toEqual([expect.objectContaining({ handoverId, ready: true, gaps: [] })]);
    expect(day12.team.certifiedOfficers).toBe(2);
    expect(Number(day12.lastEvent?.position)).toBeGreaterThan(Number(day5.lastEvent?.position));
  });

  it('gives the same answers after the read models are rebuilt and after more events are appended', async () => {
    const before = { day5: await asOf(5), day12: await asOf(12), period: await evaluation(countyAdmin, `from=${DATE(1)}&to=${DATE(30)}`) };

    // What `npm run projections:rebuild` runs: the read tables emptied and the log replayed.
    await rebuildReadModels(t.dataSource, clock, t.config.timeZone);
    expect({ day5: await asOf(5), day12: await asOf(12), period: await evaluation(countyAdmin, `from=${DATE(1)}&to=${DATE(30)}`) }).toEqual(
      before,
    );

    // Day 31 onwards: the officer leaves, equipment arrives; nothing of it reaches back.
    const team = (await countyAdmin.get(`/api/v1/teams/${xiping.teamId}`)).body as {
      officers: Array<{ officerId: string; certificateNumber: string }>;
    };
    const promised = team.officers.find((officer) => officer.certificateNumber === PROMISED.certificateNumber)!;
    expectStatus(await countyAdmin.delete(`/api/v1/teams/${xiping.teamId}/officers/${promised.officerId}`), 200);
    expectStatus(await countyAdmin.post(`/api/v1/teams/${xiping.teamId}/equipment`).send({ kind: 'body-camera', quantity: 2 }), 200);
    expect({ day5: await asOf(5), day12: await asOf(12), period: await evaluation(countyAdmin, `from=${DATE(1)}&to=${DATE(30)}`) }).toEqual(
      before,
    );

    // Today (day 31) the handover lacks its officer again.
    const today = await countyAdmin.get(`/api/v1/townships/${xiping.id}/as-of?date=${DATE(31)}`);
    expect((today.body as AsOf).handovers[0]).toMatchObject({ ready: false });
  });

  it('counts the cases the township records after the month, and no longer flags zero use', async () => {
    expectStatus(await xipingUser.post(`/api/v1/handovers/${handoverId}/usage`).send({ month: '2027-03', cases: 7 }), 200);
    const [handover] = (await evaluation(countyAdmin, `from=${DATE(1)}&to=${DATE(30)}`)).handovers;
    expect(handover).toMatchObject({ handoverId, cases: 7, flags: [] });
    // The as-of evidence is about readiness: the figure changes nothing there.
    expect((await asOf(12)).handovers).toEqual([expect.objectContaining({ handoverId, ready: true })]);
  });

  it('shows a township user its own township only', async () => {
    const own = await evaluation(xipingUser, `from=${DATE(1)}&to=${DATE(30)}`);
    expect(own.handovers.map((handover) => handover.townshipId)).toEqual([xiping.id]);
    expectStatus(await xipingUser.get(`/api/v1/evaluations?townshipId=${baishui.id}`), 403);
    expectStatus(await xipingUser.get(`/api/v1/townships/${baishui.id}/as-of?date=${DATE(5)}`), 403);
    expectStatus(await xipingUser.get(`/api/v1/townships/${xiping.id}/as-of?date=${DATE(5)}`), 200);
  });

  it('exports the evaluation and the evidence as workbooks', async () => {
    const { book: workbook } = await downloadWorkbook(countyAdmin, `/api/v1/evaluations/export.xlsx?from=${DATE(1)}&to=${DATE(30)}`);
    const rows = workbook.getWorksheet('逐项评估')!.getSheetValues();
    // 乡镇, 编码, …, 具备率, 首次具备用时, 办件量 (7 since the township recorded March).
    expect(rows[2]).toEqual(expect.arrayContaining(['西平街道', POWER.code, '66.7%', 10, 7]));
    expect(workbook.getWorksheet('零办件事项')!.rowCount).toBe(1);

    const { book: evidence } = await downloadWorkbook(countyAdmin, `/api/v1/townships/${xiping.id}/as-of/export.xlsx?date=${DATE(5)}`);
    expect(String(evidence.getWorksheet('事项')!.getRow(2).getCell(6).value)).toContain(`责任：${POWER.department}`);
  });

  it('names the bad field of every bad request', async () => {
    expect(problemFields(await countyAdmin.get(`/api/v1/evaluations?from=${DATE(10)}&to=${DATE(9)}`))).toEqual([
      { field: 'to', code: 'too-early' },
    ]);
    expect(problemFields(await countyAdmin.get('/api/v1/evaluations?from=2021-01-01&to=2026-12-31'))).toEqual([
      { field: 'from', code: 'period-too-long' },
    ]);
    expect(problemFields(await countyAdmin.get('/api/v1/evaluations?from=2099-01-01'))).toEqual([{ field: 'from', code: 'in-the-future' }]);
    expect(problemFields(await countyAdmin.get('/api/v1/evaluations?from=2027-02-30'))).toEqual([{ field: 'from', code: 'not-a-date' }]);
    expect(problemFields(await countyAdmin.get('/api/v1/evaluations?townshipId=no-such-township&powerCode=XX-0000'))).toEqual([
      { field: 'townshipId', code: 'unknown-township' },
      { field: 'powerCode', code: 'unknown-power' },
    ]);
    expect(problemFields(await countyAdmin.get(`/api/v1/townships/${xiping.id}/as-of?date=2099-01-01`))).toEqual([
      { field: 'date', code: 'in-the-future' },
    ]);
    expect(problemFields(await countyAdmin.get(`/api/v1/townships/${xiping.id}/as-of`))).toEqual([
      expect.objectContaining({ field: 'date' }),
    ]);
    expectStatus(await countyAdmin.get(`/api/v1/townships/00000000-0000-4000-8000-000000000000/as-of?date=${DATE(5)}`), 404);
  });
});
