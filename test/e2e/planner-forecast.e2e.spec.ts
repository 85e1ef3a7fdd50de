import ExcelJS from 'exceljs';
import type { Response, Test } from 'supertest';
import { ManualClock } from '@fangquan/platform';
import { SAMPLE_CATALOGUE } from '../../apps/api/src/demo/sample-catalogue';
import { startTestApp, TEST_ADMIN, type AuthorizedClient, type TestApp } from '../support/test-app';

/**
 * The batch planner (成熟一批、赋予一批) and the gap forecast over HTTP on PostgreSQL and Redis: the
 * planner's totals are the sum of its pairs' gaps and it writes nothing; a certificate expiring in month 7
 * opens an officer gap in month 7 for every handover of the team that needs the officer.
 */

interface Gap {
  resource: 'officers' | 'training' | 'equipment';
  item: string;
  required: number;
  available: number;
  missing: number;
  responsible: string;
}

interface Shortfall {
  officers: number;
  equipment: Array<{ kind: string; quantity: number }>;
  training: Array<{ course: string; officers: number; hours: number }>;
}

interface Plan {
  effectiveOn: string;
  ready: Array<{ townshipId: string; powerCode: string }>;
  notReady: Array<{ townshipId: string; powerCode: string; gaps: Gap[] }>;
  missing: Shortfall;
  byTownship: Array<Shortfall & { townshipId: string }>;
}

interface Opening {
  reason: 'certificate-expiry' | 'entrustment-end';
  on: string;
  townshipId: string;
  handoverId: string;
  powerCode: string;
  officer?: { officerId: string; name: string; certificateExpiresOn: string };
  gap?: Gap;
}

interface Forecast {
  from: string;
  months: Array<{ month: string; opens: Opening[]; closes: Array<{ reason: string; on: string; handoverId: string; course: string }> }>;
}

function expectStatus(response: Response, status: number): void {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${response.text}`);
}

/** The answer's bytes as a Buffer. */
function binary(request: Test): Promise<Response> {
  return request.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

function fieldsOf(response: Response): string[] {
  expectStatus(response, 400);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  return [...new Set(((response.body as { errors?: Array<{ field: string }> }).errors ?? []).map((error) => error.field))];
}

/** 2026-12-07 10:00 in Beijing: month 1 is 2026-12, month 7 is 2027-06. */
const START = '2026-12-07T02:00:00.000Z';
const TODAY = '2026-12-07';
const [BASE_THREE, BASE_TWO] = [SAMPLE_CATALOGUE[0]!, SAMPLE_CATALOGUE[1]!];
/** Needs three certified officers and nothing else. */
const THREE_OFFICERS = { ...BASE_THREE, requirements: { certifiedOfficers: 3, equipment: [], training: [] } };
/** Needs two certified officers trained on its course. */
const TWO_OFFICERS = { ...BASE_TWO, requirements: { certifiedOfficers: 2, equipment: [], training: BASE_TWO.requirements.training } };
const COURSE = BASE_TWO.requirements.training[0]!;

describe('batch planner and forecast (e2e)', () => {
  const clock = new ManualClock(new Date(START));
  let t: TestApp;
  let admin: AuthorizedClient;
  let countyAdmin: AuthorizedClient;
  let auditor: AuthorizedClient;
  let xipingUser: AuthorizedClient;
  let xiping: { id: string; teamId: string };
  let baishui: { id: string; teamId: string };
  let longtan: { id: string; teamId: string };
  let stranger: { id: string; teamId: string };
  let countyId: string;
  const handovers: Record<string, string> = {};

  async function township(countyId: string, name: string): Promise<{ id: string; teamId: string }> {
    const response = await admin.post(`/api/v1/counties/${countyId}/townships`).send({ name });
    expectStatus(response, 201);
    return response.body as { id: string; teamId: string };
  }

  async function officer(teamId: string, name: string, certificateNumber: string, certificateExpiresOn: string): Promise<void> {
    expectStatus(await countyAdmin.post(`/api/v1/teams/${teamId}/officers`).send({ name, certificateNumber, certificateExpiresOn }), 201);
  }

  async function record(body: Record<string, unknown>): Promise<string> {
    const response = await countyAdmin.post('/api/v1/handovers').send({ instrument: '沾政发〔2026〕12号', effectiveOn: TODAY, ...body });
    expectStatus(response, 201);
    return (response.body as { id: string }).id;
  }

  const lastPosition = async (): Promise<string> => {
    const [row] = (await t.dataSource.query('SELECT coalesce(max(global_position), 0)::text AS p FROM events')) as [{ p: string }];
    return row.p;
  };

  beforeAll(async () => {
    t = await startTestApp({ clock, withWorker: false });
    admin = await t.loginAs(TEST_ADMIN.username, TEST_ADMIN.password);
    const county = ((await admin.post('/api/v1/counties').send({ name: '沾益区' })).body as { id: string }).id;
    countyId = county;
    const countyB = ((await admin.post('/api/v1/counties').send({ name: '柯桥区' })).body as { id: string }).id;
    xiping = await township(county, '西平街道');
    baishui = await township(county, '白水镇');
    longtan = await township(county, '龙潭街道');
    stranger = await township(countyB, '安昌街道');
    const password = 'planner-password-1';
    expectStatus(await admin.post('/api/v1/users').send({ username: 'zy.admin', password, role: 'county_admin', countyId: county }), 201);
    expectStatus(await admin.post('/api/v1/users').send({ username: 'zy.audit', password, role: 'auditor', countyId: county }), 201);
    expectStatus(
      await admin.post('/api/v1/users').send({ username: 'xp.li', password, role: 'township', countyId: county, townshipId: xiping.id }),
      201,
    );
    countyAdmin = await t.loginAs('zy.admin', password);
    auditor = await t.loginAs('zy.audit', password);
    xipingUser = await t.loginAs('xp.li', password);
    for (const power of [THREE_OFFICERS, TWO_OFFICERS]) expectStatus(await countyAdmin.post('/api/v1/powers').send({ ...power }), 201);

    // Xiping: three officers, the third one's certificate expiring in month 7; Baishui: one officer; Longtan: none.
    await officer(xiping.teamId, '李明', '53030020230001', '2030-06-30');
    await officer(xiping.teamId, '张华', '53030020230002', '2030-06-30');
    await officer(xiping.teamId, '王强', '53030020230003', '2027-06-15');
    await officer(baishui.teamId, '赵敏', '53030020230004', '2030-06-30');

    handovers.xipingThree = await record({ powerCode: THREE_OFFICERS.code, teamId: xiping.teamId, mode: 'transfer' });
    handovers.xipingTwo = await record({ powerCode: TWO_OFFICERS.code, teamId: xiping.teamId, mode: 'transfer' });
    handovers.baishuiEntrusted = await record({
      powerCode: TWO_OFFICERS.code,
      teamId: baishui.teamId,
      mode: 'entrustment',
      endsOn: '2027-03-31',
      committed: { training: [{ course: COURSE.course, hours: COURSE.hours, scheduledOn: '2027-02-10' }] },
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('the batch planner', () => {
    const body = () => ({
      powerCodes: [THREE_OFFICERS.code, TWO_OFFICERS.code],
      townshipIds: [xiping.id, baishui.id, longtan.id],
      effectiveOn: '2027-01-01',
    });

    it('judges every pair; the totals are the sum of the pairs’ gaps; nothing is written', async () => {
      const before = await lastPosition();
      const response = await countyAdmin.post('/api/v1/plans/handover-batch').send(body());
      expectStatus(response, 200);
      const plan = response.body as Plan;
      expect(plan.effectiveOn).toBe('2027-01-01');
      expect(plan.ready).toEqual([{ townshipId: xiping.id, powerCode: THREE_OFFICERS.code }]);
      expect(plan.notReady.map((pair) => [pair.townshipId, pair.powerCode])).toEqual([
        [xiping.id, TWO_OFFICERS.code],
        [baishui.id, THREE_OFFICERS.code],
        [baishui.id, TWO_OFFICERS.code],
        [longtan.id, THREE_OFFICERS.code],
        [longtan.id, TWO_OFFICERS.code],
      ]);

      const gaps = plan.notReady.flatMap((pair) => pair.gaps);
      const sum = (resource: Gap['resource'], item?: string) =>
        gaps
          .filter((gap) => gap.resource === resource && (item === undefined || gap.item === item))
          .reduce((total, gap) => total + gap.missing, 0);
      expect(plan.missing.officers).toBe(sum('officers'));
      expect(plan.missing.officers).toBe(0 + 2 + 1 + 3 + 2);
      expect(plan.missing.equipment).toEqual([]);
      expect(plan.missing.training).toEqual([
        { course: COURSE.course, officers: sum('training', COURSE.course), hours: sum('training', COURSE.course) * COURSE.hours },
      ]);
      expect(plan.missing.training[0]?.officers).toBe(2 + 2 + 2);
      expect(plan.byTownship).toEqual([
        { townshipId: xiping.id, officers: 0, equipment: [], training: [{ course: COURSE.course, officers: 2, hours: 2 * COURSE.hours }] },
        { townshipId: baishui.id, officers: 2, equipment: [], training: [{ course: COURSE.course, officers: 2, hours: 2 * COURSE.hours }] },
        { townshipId: longtan.id, officers: 3, equipment: [], training: [{ course: COURSE.course, officers: 2, hours: 2 * COURSE.hours }] },
      ]);

      const exported = await binary(countyAdmin.post('/api/v1/plans/handover-batch/export.xlsx').send(body()));
      expectStatus(exported, 200);
      expect(exported.headers['content-type']).toMatch(/spreadsheetml/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(exported.body as unknown as ExcelJS.Buffer);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['可赋予', '暂不具备', '缺口合计']);
      expect(workbook.getWorksheet('暂不具备')?.getRow(2).getCell(4).text).toMatch(/缺/);

      expect(await lastPosition()).toBe(before);
    });

    it('is the county office’s: a township user or an auditor is 403', async () => {
      expectStatus(await xipingUser.post('/api/v1/plans/handover-batch').send(body()), 403);
      expectStatus(await auditor.post('/api/v1/plans/handover-batch').send(body()), 403);
    });

    it('names every bad field', async () => {
      const plan = (patch: Record<string, unknown>) => countyAdmin.post('/api/v1/plans/handover-batch').send({ ...body(), ...patch });
      expect(fieldsOf(await plan({ powerCodes: [] }))).toEqual(['powerCodes']);
      expect(fieldsOf(await plan({ powerCodes: [TWO_OFFICERS.code, 'XX-0000'] }))).toEqual(['powerCodes[1]']);
      expect(fieldsOf(await plan({ powerCodes: [TWO_OFFICERS.code, TWO_OFFICERS.code] }))).toEqual(['powerCodes[1]']);
      expect(fieldsOf(await plan({ powerCodes: Array.from({ length: 201 }, (_, index) => `P-${index}`) }))).toEqual(['powerCodes']);
      expect(fieldsOf(await plan({ powerCodes: 'CF-CG-0001' }))).toEqual(['powerCodes']);
      expect(fieldsOf(await plan({ townshipIds: [] }))).toEqual(['townshipIds']);
      expect(fieldsOf(await plan({ townshipIds: [xiping.id, stranger.id] }))).toEqual(['townshipIds[1]']);
      expect(fieldsOf(await plan({ townshipIds: [xiping.id, xiping.id] }))).toEqual(['townshipIds[1]']);
      expect(fieldsOf(await plan({ effectiveOn: '2026-12-06' }))).toEqual(['effectiveOn']);
      expect(fieldsOf(await plan({ effectiveOn: '2027-02-30' }))).toEqual(['effectiveOn']);
      expect(fieldsOf(await plan({ effectiveOn: undefined }))).toEqual(['effectiveOn']);
      expectStatus(await plan({ effectiveOn: TODAY }), 200);
    });
  });

  describe('the forecast', () => {
    it('a certificate expiring in month 7 opens an officer gap in month 7 for every handover of the team that needs the officer', async () => {
      const response = await auditor.get('/api/v1/forecast?months=12');
      expectStatus(response, 200);
      const forecast = response.body as Forecast;
      expect(forecast.from).toBe('2026-12');
      expect(forecast.months.map((month) => month.month)).toHaveLength(12);
      expect(forecast.months[0]?.month).toBe('2026-12');
      const month7 = forecast.months[6]!;
      expect(month7.month).toBe('2027-06');
      // The three-officer power loses its third officer; the two-officer one keeps two.
      expect(month7.opens).toEqual([
        {
          reason: 'certificate-expiry',
          on: '2027-06-15',
          townshipId: xiping.id,
          teamId: xiping.teamId,
          handoverId: handovers.xipingThree,
          powerCode: THREE_OFFICERS.code,
          officer: { officerId: expect.any(String), name: '王强', certificateExpiresOn: '2027-06-15' },
          gap: { resource: 'officers', item: 'certified-officer', required: 3, available: 2, missing: 1, responsible: 'county-office' },
        },
      ]);
      // The entrustment ends in month 4; the training its department scheduled closes its gap in month 3.
      expect(forecast.months[3]?.opens).toEqual([
        {
          reason: 'entrustment-end',
          on: '2027-03-31',
          townshipId: baishui.id,
          handoverId: handovers.baishuiEntrusted,
          powerCode: TWO_OFFICERS.code,
        },
      ]);
      expect(forecast.months[2]?.closes).toEqual([
        expect.objectContaining({
          reason: 'scheduled-training',
          on: '2027-02-10',
          handoverId: handovers.baishuiEntrusted,
          course: COURSE.course,
        }),
      ]);
      expect(forecast.months.flatMap((month) => month.opens)).toHaveLength(2);

      expect(((await countyAdmin.get('/api/v1/forecast')).body as Forecast).months).toHaveLength(12);
      expect(((await countyAdmin.get('/api/v1/forecast?months=24')).body as Forecast).months).toHaveLength(24);
      const exported = await binary(countyAdmin.get('/api/v1/forecast/export.xlsx?months=12'));
      expectStatus(exported, 200);
      expect(exported.headers['content-type']).toMatch(/spreadsheetml/);
    });

    it('a department sees its own handovers; months outside 1..24 or not a number is 400 naming months', async () => {
      // A department sees its own handovers' months only: none of these is the market regulator's.
      const market = await admin
        .post('/api/v1/users')
        .send({ username: 'zy.sc', password: 'planner-password-1', role: 'department', countyId, department: '市场监管局' });
      expectStatus(market, 201);
      const marketForecast = await (await t.loginAs('zy.sc', 'planner-password-1')).get('/api/v1/forecast');
      expectStatus(marketForecast, 200);
      expect((marketForecast.body as Forecast).months.flatMap((month) => [...month.opens, ...month.closes])).toEqual([]);
      for (const months of ['0', '25', 'abc', '1.5', '-1'])
        expect(fieldsOf(await countyAdmin.get(`/api/v1/forecast?months=${months}`))).toEqual(['months']);
      expectStatus(await xipingUser.get('/api/v1/forecast'), 403);
    });
  });
});
