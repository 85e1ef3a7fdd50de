import type { Response } from 'supertest';
import { SAMPLE_CATALOGUE } from '../../apps/api/src/demo/sample-catalogue';
import { startTestApp, TEST_ADMIN, type AuthorizedClient, type TestApp } from '../support/test-app';

/**
 * What a department may do with handovers, over HTTP: it hands over only its own powers (the county
 * office hands over any), and its handover list shows its own department's handovers (the county
 * office and the auditor see the whole county).
 */

interface Handover {
  id: string;
  powerCode: string;
  department: string;
  version: number;
}

interface HandoverList {
  items: Handover[];
  total: number;
}

const URBAN_POWER = SAMPLE_CATALOGUE.find((item) => item.department === '综合执法局')!;
const MARKET_POWER = SAMPLE_CATALOGUE.find((item) => item.department === '市场监管局')!;
const URBAN = URBAN_POWER.department;
const MARKET = MARKET_POWER.department;
const FUTURE = '2099-07-01';

function expectStatus(response: Response, status: number): void {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${response.text}`);
}

describe('handovers by department (e2e)', () => {
  let t: TestApp;
  let countyAdmin: AuthorizedClient;
  let urban: AuthorizedClient;
  let market: AuthorizedClient;
  let auditor: AuthorizedClient;
  let teamId: string;

  const body = (powerCode: string, instrument: string): Record<string, unknown> => ({
    powerCode,
    teamId,
    mode: 'transfer',
    instrument,
    effectiveOn: FUTURE,
  });

  const handoverCount = async (): Promise<number> =>
    Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM events WHERE type = 'HandoverRecorded'`))[0].n);

  async function list(client: AuthorizedClient): Promise<HandoverList> {
    const response = await client.get('/api/v1/handovers?pageSize=100');
    expectStatus(response, 200);
    return response.body as HandoverList;
  }

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.loginAs(TEST_ADMIN.username, TEST_ADMIN.password);
    const county = (await admin.post('/api/v1/counties').send({ name: '沾益区' })).body as { id: string };
    const township = await admin.post(`/api/v1/counties/${county.id}/townships`).send({ name: '西平街道' });
    expectStatus(township, 201);
    teamId = (township.body as { teamId: string }).teamId;
    const password = 'department-password-1';
    const user = async (fields: Record<string, unknown>): Promise<AuthorizedClient> => {
      expectStatus(await admin.post('/api/v1/users').send({ password, countyId: county.id, ...fields }), 201);
      return t.loginAs(String(fields.username), password);
    };
    countyAdmin = await user({ username: 'zy.admin', role: 'county_admin' });
    urban = await user({ username: 'zy.cg', role: 'department', department: URBAN });
    market = await user({ username: 'zy.sc', role: 'department', department: MARKET });
    auditor = await user({ username: 'zy.audit', role: 'auditor' });
    for (const power of [URBAN_POWER, MARKET_POWER]) expectStatus(await countyAdmin.post('/api/v1/powers').send({ ...power }), 201);
  });

  afterAll(async () => {
    await t?.close();
  });

  it("refuses a department recording a handover of another department's power with 403, writing nothing", async () => {
    const before = await handoverCount();
    const response = await market.post('/api/v1/handovers').send(body(URBAN_POWER.code, '沾市监〔2025〕1号'));
    expectStatus(response, 403);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ type: '/problems/not-own-department', status: 403, detail: expect.stringContaining(URBAN) });
    expect(await handoverCount()).toBe(before);
  });

  it('lets a department hand over its own power, and the county office any power in the power’s department', async () => {
    const own = await market.post('/api/v1/handovers').send(body(MARKET_POWER.code, '沾市监〔2025〕2号'));
    expectStatus(own, 201);
    expect(own.body).toMatchObject({ powerCode: MARKET_POWER.code, department: MARKET });
    const byCounty = await countyAdmin.post('/api/v1/handovers').send(body(URBAN_POWER.code, '沾政发〔2025〕3号'));
    expectStatus(byCounty, 201);
    expect(byCounty.body).toMatchObject({ powerCode: URBAN_POWER.code, department: URBAN });
    // The power's own department amends what the county office recorded for it.
    const amended = await urban
      .put(`/api/v1/handovers/${(byCounty.body as Handover).id}/committed`)
      .send({ committed: { equipment: [{ kind: 'camera', quantity: 1 }] } });
    expectStatus(amended, 200);
  });

  it("shows a department its own department's handovers only; the county office and the auditor see them all", async () => {
    const all = await list(countyAdmin);
    expect(all.items.map((item) => item.department).sort()).toEqual([MARKET, URBAN].sort());
    expect(await list(auditor)).toEqual(all);
    const marketList = await list(market);
    expect(marketList.total).toBe(1);
    expect(marketList.items.map((item) => item.department)).toEqual([MARKET]);
    const urbanList = await list(urban);
    expect(urbanList.total).toBe(1);
    expect(urbanList.items.map((item) => item.department)).toEqual([URBAN]);
  });
});
