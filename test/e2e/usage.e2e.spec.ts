import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { ManualClock } from '@fangquan/platform';
import { SAMPLE_CATALOGUE } from '../../apps/api/src/demo/sample-catalogue';
import { expectProblem, expectStatus } from '../support/problem-expectations';
import { startTestApp, TEST_ADMIN, type AuthorizedClient, type TestApp } from '../support/test-app';

/**
 * Usage (办件量) over HTTP on PostgreSQL and Redis: a month's cases recorded on the handover's stream
 * (the same figure again writes nothing, another one stands and the history keeps both), the months a
 * handover was held in, the township's reach, and the sheet: import all or none, export that imports back.
 */

const POWER = SAMPLE_CATALOGUE[0]!;
/** 2026-12-30 10:00 in Beijing: the handovers are recorded in December 2026. */
const START = '2026-12-30T02:00:00.000Z';
/** 2027-01-02 10:00 in Beijing. */
const IN_JANUARY = '2027-01-02T02:00:00.000Z';
const HEADERS = ['下放事项编号', '月份', '办件量'];

interface Usage {
  handoverId: string;
  month: string;
  cases: number;
  version: number;
}

async function workbook(rows: ReadonlyArray<ReadonlyArray<string | number>>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('办件量');
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function download(client: AuthorizedClient, path: string): Promise<{ bytes: Buffer; rows: string[][] }> {
  const response = await client
    .get(path)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  expectStatus(response, 200);
  expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const bytes = response.body as Buffer;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = book.worksheets[0] as ExcelJS.Worksheet;
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((value) => String(value ?? ''))));
  return { bytes, rows };
}

describe('usage (办件量) of handovers (e2e)', () => {
  const clock = new ManualClock(new Date(START));
  let t: TestApp;
  let admin: AuthorizedClient;
  let office: AuthorizedClient;
  let xiping: AuthorizedClient;
  let baishui: AuthorizedClient;
  let department: AuthorizedClient;
  const password = 'usage-password-1';
  let first: string;
  let second: string;
  let baishuiHandover: string;
  /** Revoked in December 2026. */
  let revoked: string;

  async function createUser(body: Record<string, unknown>): Promise<void> {
    expectStatus(await admin.post('/api/v1/users').send({ ...body, password }), 201);
  }

  async function handover(teamId: string): Promise<string> {
    const recorded = await office
      .post('/api/v1/handovers')
      .send({ powerCode: POWER.code, teamId, mode: 'transfer', instrument: '沾政发〔2026〕30号', effectiveOn: '2027-03-01' });
    expectStatus(recorded, 201);
    return (recorded.body as { id: string }).id;
  }

  /** The handover's usage events, oldest first (reminders are appended meanwhile, and left out). */
  async function usageEvents(handoverId: string): Promise<Array<{ month: string; cases: number; previousCases: number | null }>> {
    const response = await office.get(`/api/v1/handovers/${handoverId}/history`);
    expectStatus(response, 200);
    return (response.body as Array<{ type: string; data: { month: string; cases: number; previousCases: number | null } }>)
      .filter((entry) => entry.type === 'HandoverUsageRecorded')
      .map((entry) => entry.data);
  }

  async function months(client: AuthorizedClient, handoverId: string): Promise<Array<{ month: string; cases: number }>> {
    const response = await client.get(`/api/v1/handovers/${handoverId}/usage`);
    expectStatus(response, 200);
    expect(response.body).toMatchObject({ handoverId });
    return (response.body as { months: Array<{ month: string; cases: number }> }).months;
  }

  const record = (client: AuthorizedClient, handoverId: string, body: Record<string, unknown>): Promise<Response> =>
    client.post(`/api/v1/handovers/${handoverId}/usage`).send(body);

  function refusedOn(response: Response, field: string, code?: string): void {
    const problem = expectProblem(response, 400);
    expect(problem.errors?.map((error) => error.field)).toEqual([field]);
    if (code !== undefined) expect(problem.errors?.[0]?.code).toBe(code);
  }

  async function loginAll(): Promise<void> {
    office = await t.loginAs('zy.office', password);
    xiping = await t.loginAs('xp.usage', password);
    baishui = await t.loginAs('bs.usage', password);
    department = await t.loginAs('zy.market', password);
  }

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await t.loginAs(TEST_ADMIN.username, TEST_ADMIN.password);
    const county = ((await admin.post('/api/v1/counties').send({ name: '沾益区' })).body as { id: string }).id;
    const township = async (name: string): Promise<{ id: string; teamId: string }> =>
      (await admin.post(`/api/v1/counties/${county}/townships`).send({ name })).body as { id: string; teamId: string };
    const xp = await township('西平街道');
    const bs = await township('白水镇');
    await createUser({ username: 'zy.office', role: 'county_admin', countyId: county });
    await createUser({ username: 'xp.usage', role: 'township', countyId: county, townshipId: xp.id });
    await createUser({ username: 'bs.usage', role: 'township', countyId: county, townshipId: bs.id });
    await createUser({ username: 'zy.market', role: 'department', countyId: county, department: POWER.department });
    await loginAll();
    expectStatus(await office.post('/api/v1/powers').send({ ...POWER }), 201);
    first = await handover(xp.teamId);
    second = await handover(xp.teamId);
    baishuiHandover = await handover(bs.teamId);
    revoked = await handover(xp.teamId);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('records a month’s cases; the same figure again writes nothing; another one stands and the history keeps both', async () => {
    const recorded = await record(xiping, first, { month: '2026-12', cases: 12 });
    expectStatus(recorded, 200);
    const usage = recorded.body as Usage;
    expect(usage).toMatchObject({ handoverId: first, month: '2026-12', cases: 12 });
    expect(await months(xiping, first)).toEqual([{ month: '2026-12', cases: 12 }]);

    const again = await record(xiping, first, { month: '2026-12', cases: 12 });
    expectStatus(again, 200);
    expect((again.body as Usage).cases).toBe(12);
    expect(await usageEvents(first)).toEqual([{ month: '2026-12', cases: 12, previousCases: null }]);

    expectStatus(await record(office, first, { month: '2026-12', cases: 15 }), 200);
    expect(await usageEvents(first)).toEqual([
      { month: '2026-12', cases: 12, previousCases: null },
      { month: '2026-12', cases: 15, previousCases: 12 },
    ]);
    expect(await months(office, first)).toEqual([{ month: '2026-12', cases: 15 }]);
    // The handover row's version follows; nothing else of it changes.
    const row = await office.get(`/api/v1/handovers/${first}`);
    expect(row.body).toMatchObject({ status: 'recorded' });
    expect((row.body as { version: number }).version).toBeGreaterThanOrEqual(3);
  });

  it('lets a township record only its own handovers, and only the township and the county office record', async () => {
    expectProblem(await record(baishui, first, { month: '2026-12', cases: 1 }), 403);
    expectProblem(await record(department, first, { month: '2026-12', cases: 1 }), 403);
    expectProblem(await baishui.get(`/api/v1/handovers/${first}/usage`), 403);
    expectStatus(await record(baishui, baishuiHandover, { month: '2026-12', cases: 2 }), 200);
    expect(await months(office, first)).toEqual([{ month: '2026-12', cases: 15 }]);
  });

  it('refuses a month before the recording, a month in the future and negative cases, naming the field and writing nothing', async () => {
    refusedOn(await record(xiping, first, { month: '2026-11', cases: 1 }), 'month', 'usage-month-out-of-range');
    refusedOn(await record(xiping, first, { month: '2027-01', cases: 1 }), 'month', 'usage-month-out-of-range');
    refusedOn(await record(xiping, first, { month: '2026-13', cases: 1 }), 'month');
    refusedOn(await record(xiping, first, { month: '2026-12', cases: -1 }), 'cases');
    refusedOn(await record(xiping, first, { month: '2026-12', cases: 2.5 }), 'cases');
    expect(await usageEvents(first)).toHaveLength(2);
    expectStatus(await office.post(`/api/v1/handovers/${revoked}/revocation`).send({ reason: '街道无持证人员' }), 200);
  });

  it('imports a sheet all or none, naming each bad row, and exports what imports back unchanged', async () => {
    clock.set(IN_JANUARY);
    await loginAll();
    const importUsage = (client: AuthorizedClient, bytes: Buffer, query = ''): Promise<Response> =>
      client.post(`/api/v1/usage/import${query}`).attach('file', bytes, 'usage.xlsx');

    const template = await download(office, '/api/v1/usage/import-template.xlsx');
    expect(template.rows[0]).toEqual(['下放事项编号', '权力事项编码', '月份', '办件量']);

    // Another township's handover, a month to come and negative cases: nothing is written.
    const bad = await importUsage(
      xiping,
      await workbook([
        [first, '2027-01', 3],
        [baishuiHandover, '2027-01', 5],
        [second, '2027-02', 1],
        [second, '2026-12', -2],
      ]),
    );
    expect(expectProblem(bad, 400).errors?.map((error) => error.field)).toEqual(['rows[3].handoverId', 'rows[4].month', 'rows[5].cases']);
    expect(await months(office, first)).toEqual([{ month: '2026-12', cases: 15 }]);

    const good = await workbook([
      [first, '2026-12', 15],
      [first, '2027-01', 3],
      [second, '2026-12', 7],
      [second, '2027-01', 0],
    ]);
    const dryRun = await importUsage(xiping, good, '?dryRun=true');
    expectStatus(dryRun, 200);
    expect(dryRun.body).toEqual({ created: 3, updated: 0, unchanged: 1, errors: [] });
    expect(await months(office, second)).toEqual([]);

    const imported = await importUsage(xiping, good);
    expectStatus(imported, 200);
    expect(imported.body).toEqual({ created: 3, updated: 0, unchanged: 1, errors: [] });
    expect(await months(office, first)).toEqual([
      { month: '2026-12', cases: 15 },
      { month: '2027-01', cases: 3 },
    ]);
    expect(await months(xiping, second)).toEqual([
      { month: '2026-12', cases: 7 },
      { month: '2027-01', cases: 0 },
    ]);

    // The county's export holds every township's figures; the township's only its own.
    const county = await download(office, '/api/v1/usage/export.xlsx?from=2026-12&to=2027-01');
    expect(county.rows.slice(1).map((row) => [row[0], row[2], row[3]])).toEqual(
      expect.arrayContaining([
        [first, '2026-12', '15'],
        [first, '2027-01', '3'],
        [second, '2026-12', '7'],
        [second, '2027-01', '0'],
        [baishuiHandover, '2026-12', '2'],
      ]),
    );
    expect(county.rows).toHaveLength(6);
    const january = await download(office, '/api/v1/usage/export.xlsx?from=2027-01&to=2027-01');
    expect(january.rows).toHaveLength(3);
    const own = await download(xiping, '/api/v1/usage/export.xlsx');
    expect(own.rows.slice(1).every((row) => row[0] === first || row[0] === second)).toBe(true);
    expect(own.rows).toHaveLength(5);

    const roundTrip = await importUsage(office, county.bytes);
    expectStatus(roundTrip, 200);
    expect(roundTrip.body).toEqual({ created: 0, updated: 0, unchanged: 5, errors: [] });

    refusedOn(await office.get('/api/v1/usage/export.xlsx?from=2027-02&to=2027-01'), 'from');
    refusedOn(await office.get('/api/v1/usage/export.xlsx?from=2027-13'), 'from');
    expectProblem(await department.post('/api/v1/usage/import').attach('file', good, 'usage.xlsx'), 403);
  });

  it('takes a revoked handover’s figures up to the month of its revocation', async () => {
    refusedOn(await record(xiping, revoked, { month: '2027-01', cases: 1 }), 'month', 'usage-month-out-of-range');
    expectStatus(await record(xiping, revoked, { month: '2026-12', cases: 1 }), 200);
    expect(await months(xiping, revoked)).toEqual([{ month: '2026-12', cases: 1 }]);
  });
});
