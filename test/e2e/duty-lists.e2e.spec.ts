import type { Response } from 'supertest';
import { startTestApp, TEST_ADMIN, type AuthorizedClient, type TestApp } from '../support/test-app';

/**
 * The duty catalogue and the townships' duty lists over HTTP, on PostgreSQL and Redis: compile a
 * list from the catalogue, adjust it, publish version 1, change it and publish version 2 with exactly
 * its changes; a handed power on the list as basic, then as returned once revoked; who may read and
 * write which list; and every bad input refused naming its field, nothing written.
 */

interface ProblemBody {
  status: number;
  detail: string;
  code?: string;
  errors?: Array<{ field: string; message: string }>;
}

interface ListedDuty {
  dutyCode?: string;
  powerCode?: string;
  handoverId?: string;
  name: string;
  domain: string;
  category: 'basic' | 'assisting' | 'returned';
  cooperation?: string;
  leadDepartment?: string;
  contact?: string;
  source: string;
}

interface DutyList {
  townshipId: string;
  published: { version: number; publishedAt: string; decisionRef: string } | null;
  items: ListedDuty[];
  counts: { basic: number; assisting: number; returned: number };
  version: number;
}

interface Changes {
  added: Array<{ dutyCode?: string; powerCode?: string; category: string }>;
  removed: Array<{ dutyCode?: string; powerCode?: string; category: string }>;
  recategorized: Array<{ dutyCode?: string; powerCode?: string; from: string; to: string }>;
  revised: Array<{ dutyCode?: string; powerCode?: string }>;
}

function expectStatus(response: Response, status: number): void {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${response.text}`);
}

function expectProblem(response: Response, status: number): ProblemBody {
  expectStatus(response, status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  return response.body as ProblemBody;
}

function fieldsOf(response: Response): string[] {
  return [...new Set((expectProblem(response, 400).errors ?? []).map((error) => error.field))];
}

const URBAN = '城市管理局';
const CATALOGUE = [
  { code: 'DJ-001', name: '基层党组织建设', domain: '党的建设', defaultCategory: 'basic', contact: '0874-3010001 党政办' },
  {
    code: 'MS-001',
    name: '城乡居民医保参保登记',
    domain: '民生服务',
    defaultCategory: 'assisting',
    leadDepartment: '医保局',
    description: '入户宣传、收集材料',
  },
  { code: 'ST-001', name: '生活垃圾分类日常监督', domain: '生态环保', defaultCategory: 'basic', leadDepartment: URBAN },
  { code: 'ZF-009', name: '动物检疫', domain: '综合执法', defaultCategory: 'returned', leadDepartment: '农业农村局' },
];
/** A power any team can carry at once (an inspection needing nothing), so that its handover turns active on acceptance. */
const POWER = {
  code: 'JC-CG-0001',
  name: '对户外广告设施设置的检查',
  category: 'inspection',
  legalBasis: '《城市市容和环境卫生管理条例》第十一条',
  department: URBAN,
  requirements: { certifiedOfficers: 0, equipment: [], training: [] },
};

describe('duty lists (e2e)', () => {
  let t: TestApp;
  let admin: AuthorizedClient;
  let countyAdmin: AuthorizedClient;
  let countyAdminB: AuthorizedClient;
  let auditor: AuthorizedClient;
  let xipingUser: AuthorizedClient;
  let xiping: { id: string; teamId: string };
  let baishui: { id: string; teamId: string };
  let handoverId: string;
  let countyA: string;

  const listPath = (townshipId: string): string => `/api/v1/townships/${townshipId}/duty-list`;

  async function township(countyId: string, name: string): Promise<{ id: string; teamId: string }> {
    const response = await admin.post(`/api/v1/counties/${countyId}/townships`).send({ name });
    expectStatus(response, 201);
    return response.body as { id: string; teamId: string };
  }

  async function user(body: Record<string, unknown>): Promise<AuthorizedClient> {
    expectStatus(await admin.post('/api/v1/users').send(body), 201);
    return t.loginAs(String(body.username), String(body.password));
  }

  async function list(client: AuthorizedClient, townshipId: string): Promise<DutyList> {
    const response = await client.get(listPath(townshipId));
    expectStatus(response, 200);
    return response.body as DutyList;
  }

  async function streamLength(streamId: string): Promise<number> {
    const [row] = (await t.dataSource.query('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [streamId])) as Array<{
      n: number;
    }>;
    return row?.n ?? 0;
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.loginAs(TEST_ADMIN.username, TEST_ADMIN.password);
    countyA = ((await admin.post('/api/v1/counties').send({ name: '沾益区' })).body as { id: string }).id;
    const countyB = ((await admin.post('/api/v1/counties').send({ name: '柯桥区' })).body as { id: string }).id;
    xiping = await township(countyA, '西平街道');
    baishui = await township(countyA, '白水镇');
    const password = 'duty-password-1';
    countyAdmin = await user({ username: 'zy.admin', password, role: 'county_admin', countyId: countyA });
    countyAdminB = await user({ username: 'kq.admin', password, role: 'county_admin', countyId: countyB });
    auditor = await user({ username: 'zy.audit', password, role: 'auditor', countyId: countyA });
    xipingUser = await user({ username: 'xp.li', password, role: 'township', countyId: countyA, townshipId: xiping.id });
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('the catalogue', () => {
    it('registers duty items with version 1, and a power item linked by its code', async () => {
      expectStatus(await countyAdmin.post('/api/v1/powers').send(POWER), 201);
      for (const duty of CATALOGUE) {
        const response = await countyAdmin.post('/api/v1/duties').send(duty);
        expectStatus(response, 201);
        expect(response.body).toEqual({ ...duty, version: 1 });
      }
      const linked = { code: 'ZF-101', name: '户外广告设施检查', domain: '综合执法', defaultCategory: 'basic', powerCode: POWER.code };
      expectStatus(await countyAdmin.post('/api/v1/duties').send(linked), 201);
      const one = await xipingUser.get('/api/v1/duties/ZF-101');
      expectStatus(one, 200);
      expect(one.body).toEqual({ ...linked, version: 1 });
    });

    it('refuses a repeated code with 409 and a power code outside the power catalogue naming powerCode', async () => {
      expect(expectProblem(await countyAdmin.post('/api/v1/duties').send(CATALOGUE[0]), 409).code).toBe('duty-already-registered');
      const unknown = { code: 'ZF-102', name: '某项检查', domain: '综合执法', defaultCategory: 'basic', powerCode: 'NO-SUCH-POWER' };
      expect(fieldsOf(await countyAdmin.post('/api/v1/duties').send(unknown))).toEqual(['powerCode']);
      expectProblem(await countyAdmin.get('/api/v1/duties/ZF-102'), 404);
    });

    it('names every bad field of a duty item', async () => {
      const fields = fieldsOf(
        await countyAdmin
          .post('/api/v1/duties')
          .send({ code: 'a b', name: '', domain: '环保', defaultCategory: ['basic', 'returned'], contact: 5 }),
      );
      expect(fields).toEqual(expect.arrayContaining(['code', 'name', 'domain', 'defaultCategory', 'contact']));
    });

    it('revises an item; the same fields again write nothing', async () => {
      const { code: _code, ...fields } = CATALOGUE[2]!;
      const revised = await countyAdmin
        .put('/api/v1/duties/ST-001')
        .set('If-Match', '"1"')
        .send({ ...fields, contact: '0874-3012345' });
      expectStatus(revised, 200);
      expect(revised.body).toMatchObject({ code: 'ST-001', contact: '0874-3012345', version: 2 });
      const again = await countyAdmin.put('/api/v1/duties/ST-001').send({ ...fields, contact: '0874-3012345' });
      expectStatus(again, 200);
      expect((again.body as { version: number }).version).toBe(2);
      expectProblem(await countyAdmin.put('/api/v1/duties/ST-001').set('If-Match', '"1"').send(fields), 409);
      expectProblem(await countyAdmin.put('/api/v1/duties/NO-SUCH').send(fields), 404);
      expectProblem(await xipingUser.put('/api/v1/duties/ST-001').send(fields), 403);
    });

    it('lists the catalogue by domain and by a part of the name or code, paged', async () => {
      const all = await auditor.get('/api/v1/duties?pageSize=2&page=2');
      expectStatus(all, 200);
      expect(all.body).toMatchObject({ total: 5, items: [{ code: 'ST-001' }, { code: 'ZF-009' }] });
      const byDomain = await auditor.get(`/api/v1/duties?domain=${encodeURIComponent('综合执法')}`);
      expect((byDomain.body as { items: Array<{ code: string }> }).items.map((duty) => duty.code)).toEqual(['ZF-009', 'ZF-101']);
      const byName = await auditor.get(`/api/v1/duties?q=${encodeURIComponent('医保')}`);
      expect(byName.body).toMatchObject({ total: 1, items: [{ code: 'MS-001' }] });
      const byCode = await auditor.get('/api/v1/duties?q=dj-');
      expect(byCode.body).toMatchObject({ total: 1, items: [{ code: 'DJ-001' }] });
      expect(fieldsOf(await auditor.get('/api/v1/duties?pageSize=500&domain=x'))).toEqual(expect.arrayContaining(['pageSize', 'domain']));
    });
  });

  describe("a township's list", () => {
    it('starts empty and unpublished', async () => {
      expect(await list(xipingUser, xiping.id)).toEqual({
        townshipId: xiping.id,
        published: null,
        items: [],
        counts: { basic: 0, assisting: 0, returned: 0 },
        version: 0,
      });
    });

    it('compiles from the catalogue defaults (200); compiling again adds nothing', async () => {
      const response = await countyAdmin.post(`${listPath(xiping.id)}/compile`).send({});
      expectStatus(response, 200);
      const compiled = response.body as DutyList;
      expect(compiled.counts).toEqual({ basic: 3, assisting: 1, returned: 1 });
      expect(compiled.items.find((item) => item.dutyCode === 'MS-001')).toEqual({
        dutyCode: 'MS-001',
        name: '城乡居民医保参保登记',
        domain: '民生服务',
        category: 'assisting',
        cooperation: '入户宣传、收集材料',
        leadDepartment: '医保局',
        source: 'list',
      });
      expect(compiled.items.find((item) => item.dutyCode === 'DJ-001')).toMatchObject({ contact: '0874-3010001 党政办' });
      const again = await countyAdmin.post(`${listPath(xiping.id)}/compile`).send({});
      expectStatus(again, 200);
      expect((again.body as DutyList).version).toBe(compiled.version);
    });

    it('adjusts an item, then publishes version 1 (201) that the list and its history show', async () => {
      const set = await countyAdmin
        .put(`${listPath(xiping.id)}/items/ST-001`)
        .send({ category: 'assisting', cooperation: '日常巡查、劝导', leadDepartment: URBAN });
      expectStatus(set, 200);
      expect((set.body as DutyList).counts).toEqual({ basic: 2, assisting: 2, returned: 1 });

      const published = await countyAdmin.post(`${listPath(xiping.id)}/publications`).send({ decisionRef: '沾政办发〔2025〕12号' });
      expectStatus(published, 201);
      expect(published.body).toMatchObject({
        version: 1,
        decisionRef: '沾政办发〔2025〕12号',
        changes: { removed: [], recategorized: [] },
      });
      expect((published.body as { changes: Changes }).changes.added).toHaveLength(5);

      const seen = await list(xipingUser, xiping.id);
      expect(seen.published).toEqual({
        version: 1,
        publishedAt: (published.body as { publishedAt: string }).publishedAt,
        decisionRef: '沾政办发〔2025〕12号',
      });
      const history = await auditor.get(`${listPath(xiping.id)}/publications`);
      expectStatus(history, 200);
      expect((history.body as Array<{ version: number; counts: unknown }>).map(({ version, counts }) => ({ version, counts }))).toEqual([
        { version: 1, counts: { basic: 2, assisting: 2, returned: 1 } },
      ]);
    });

    it('refuses to publish an unchanged draft (409), writing nothing', async () => {
      const before = await streamLength(`duty-list-${xiping.id}`);
      expect(
        expectProblem(await countyAdmin.post(`${listPath(xiping.id)}/publications`).send({ decisionRef: '沾政办发〔2025〕13号' }), 409)
          .code,
      ).toBe('duty-list-unchanged');
      expect(await streamLength(`duty-list-${xiping.id}`)).toBe(before);
    });

    it('publishes version 2 with exactly what changed since version 1', async () => {
      expectStatus(
        await countyAdmin.put(`${listPath(xiping.id)}/items/DJ-001`).send({ category: 'returned', leadDepartment: '组织部' }),
        200,
      );
      expectStatus(await countyAdmin.delete(`${listPath(xiping.id)}/items/ZF-009`), 200);
      expectStatus(
        await countyAdmin
          .put(`${listPath(xiping.id)}/items/MS-001`)
          .send({ category: 'assisting', cooperation: '入户宣传', leadDepartment: '医保局' }),
        200,
      );
      const draft = await list(countyAdmin, xiping.id);
      expect(draft.published?.version).toBe(1);

      const published = await countyAdmin
        .post(`${listPath(xiping.id)}/publications`)
        .send({ decisionRef: '沾政办发〔2025〕30号', note: '动态调整' });
      expectStatus(published, 201);
      const changes = (published.body as { version: number; changes: Changes }).changes;
      expect((published.body as { version: number }).version).toBe(2);
      expect(changes).toEqual({
        added: [],
        removed: [{ dutyCode: 'ZF-009', name: '动物检疫', category: 'returned' }],
        recategorized: [{ dutyCode: 'DJ-001', name: '基层党组织建设', from: 'basic', to: 'returned' }],
        revised: [{ dutyCode: 'MS-001', name: '城乡居民医保参保登记', category: 'assisting' }],
      });
      const history = (await auditor.get(`${listPath(xiping.id)}/publications`)).body as Array<{
        version: number;
        note?: string;
        changes: Changes;
      }>;
      expect(history.map((version) => [version.version, version.note])).toEqual([
        [1, undefined],
        [2, '动态调整'],
      ]);
      expect(history[1]!.changes).toEqual(changes);
    });

    it('shows an active handover as a basic item of 综合执法, and as returned once revoked', async () => {
      const recorded = await countyAdmin.post('/api/v1/handovers').send({
        powerCode: POWER.code,
        teamId: xiping.teamId,
        mode: 'transfer',
        instrument: '沾政发〔2025〕5号',
        effectiveOn: '2025-01-01',
      });
      expectStatus(recorded, 201);
      handoverId = (recorded.body as { id: string }).id;
      // The catalogue's duty for this power is taken off the draft: the handover alone puts the power on the list.
      expectStatus(await countyAdmin.delete(`${listPath(xiping.id)}/items/ZF-101`), 200);
      expect((await list(countyAdmin, xiping.id)).items.some((item) => item.powerCode === POWER.code)).toBe(false);

      const accepted = await xipingUser.post(`/api/v1/handovers/${handoverId}/acceptance`).send({});
      expectStatus(accepted, 200);
      expect((accepted.body as { status: string }).status).toBe('active');
      const active = await list(xipingUser, xiping.id);
      expect(active.items.filter((item) => item.powerCode === POWER.code)).toEqual([
        {
          powerCode: POWER.code,
          handoverId,
          name: POWER.name,
          domain: '综合执法',
          category: 'basic',
          leadDepartment: URBAN,
          source: 'handover',
        },
      ]);

      expectStatus(await countyAdmin.post(`/api/v1/handovers/${handoverId}/revocation`).send({ reason: '乡镇承接能力不足，收回' }), 200);
      const revoked = await list(xipingUser, xiping.id);
      expect(revoked.items.filter((item) => item.powerCode === POWER.code)).toEqual([
        {
          powerCode: POWER.code,
          handoverId,
          name: POWER.name,
          domain: '综合执法',
          category: 'returned',
          leadDepartment: URBAN,
          source: 'handover',
        },
      ]);
    });

    it('keeps a duty standing for a power held by an active handover basic, and lists that power once', async () => {
      const baishuiUser = await user({
        username: 'bs.wang',
        password: 'duty-password-1',
        role: 'township',
        countyId: countyA,
        townshipId: baishui.id,
      });
      const recorded = await countyAdmin.post('/api/v1/handovers').send({
        powerCode: POWER.code,
        teamId: baishui.teamId,
        mode: 'transfer',
        instrument: '沾政发〔2025〕6号',
        effectiveOn: '2025-01-01',
      });
      expectStatus(recorded, 201);
      const id = (recorded.body as { id: string }).id;
      expectStatus(await baishuiUser.post(`/api/v1/handovers/${id}/acceptance`).send({}), 200);
      expectStatus(await countyAdmin.post(`${listPath(baishui.id)}/compile`).send({}), 200);
      const compiled = await list(baishuiUser, baishui.id);
      expect(compiled.items.filter((item) => item.powerCode === POWER.code)).toEqual([
        {
          dutyCode: 'ZF-101',
          powerCode: POWER.code,
          handoverId: id,
          name: '户外广告设施检查',
          domain: '综合执法',
          category: 'basic',
          leadDepartment: URBAN,
          source: 'handover',
        },
      ]);
      const before = await streamLength(`duty-list-${baishui.id}`);
      const held = expectProblem(
        await countyAdmin.put(`${listPath(baishui.id)}/items/ZF-101`).send({ category: 'returned', leadDepartment: URBAN }),
        409,
      );
      expect(held.code).toBe('duty-held-by-handover');
      expect(await streamLength(`duty-list-${baishui.id}`)).toBe(before);
    });
  });

  describe('who reads and writes a list', () => {
    it('lets a township user read its own list only, and write none (403)', async () => {
      expectProblem(await xipingUser.get(listPath(baishui.id)), 403);
      expectProblem(await xipingUser.get(`${listPath(baishui.id)}/publications`), 403);
      expectProblem(await xipingUser.put(`${listPath(xiping.id)}/items/DJ-001`).send({ category: 'basic' }), 403);
      expectProblem(await xipingUser.post(`${listPath(xiping.id)}/compile`).send({}), 403);
      expectProblem(await xipingUser.post(`${listPath(xiping.id)}/publications`).send({ decisionRef: '自拟' }), 403);
      expectProblem(await xipingUser.delete(`${listPath(xiping.id)}/items/DJ-001`), 403);
    });

    it('lets the county roles read every list of their county, never another county, and only the county_admin write', async () => {
      expect((await list(auditor, baishui.id)).townshipId).toBe(baishui.id);
      expectProblem(await countyAdminB.get(listPath(xiping.id)), 403);
      expectProblem(await countyAdminB.post(`${listPath(xiping.id)}/compile`).send({}), 403);
      expectProblem(await auditor.post(`${listPath(xiping.id)}/compile`).send({}), 403);
      expectProblem(await countyAdmin.get(listPath('00000000-0000-4000-8000-000000000000')), 404);
      expect(fieldsOf(await countyAdmin.get(listPath('not-a-uuid')))).toEqual(['townshipId']);
    });
  });

  describe('bad input, nothing written', () => {
    it('refuses each bad item naming its field, an unknown duty code with 404 and a stale If-Match with 409', async () => {
      const path = `${listPath(xiping.id)}/items`;
      const before = await streamLength(`duty-list-${xiping.id}`);
      expect(fieldsOf(await countyAdmin.put(`${path}/MS-001`).send({ category: 'assisting', leadDepartment: '医保局' }))).toEqual([
        'cooperation',
      ]);
      expect(fieldsOf(await countyAdmin.put(`${path}/MS-001`).send({ category: 'assisting' }))).toEqual(['cooperation', 'leadDepartment']);
      expect(fieldsOf(await countyAdmin.put(`${path}/ZF-009`).send({ category: 'returned' }))).toEqual(['leadDepartment']);
      expect(fieldsOf(await countyAdmin.put(`${path}/MS-001`).send({ category: 'core' }))).toEqual(['category']);
      expect(fieldsOf(await countyAdmin.put(`${path}/MS-001`).send({ category: ['basic', 'returned'] }))).toEqual(['category']);
      expect(fieldsOf(await countyAdmin.put(`${path}/MS-001`).send({}))).toEqual(['category']);
      const unknown = expectProblem(await countyAdmin.put(`${path}/NO-SUCH`).send({ category: 'basic' }), 404);
      expect(unknown.detail).toContain('NO-SUCH');
      expectProblem(await countyAdmin.delete(`${path}/NO-SUCH`), 404);
      expectProblem(await countyAdmin.put(`${path}/MS-001`).set('If-Match', '"1"').send({ category: 'basic' }), 409);
      expect(fieldsOf(await countyAdmin.post(`${listPath(xiping.id)}/publications`).send({ decisionRef: ' ' }))).toEqual(['decisionRef']);
      expect(fieldsOf(await countyAdmin.post(`${listPath(xiping.id)}/publications`).send({}))).toEqual(['decisionRef']);
      expect(await streamLength(`duty-list-${xiping.id}`)).toBe(before);
    });

    it('answers a repeated publication with the same Idempotency-Key with the first answer, writing once', async () => {
      expectStatus(await countyAdmin.put(`${listPath(xiping.id)}/items/DJ-001`).send({ category: 'basic' }), 200);
      const send = () =>
        countyAdmin
          .post(`${listPath(xiping.id)}/publications`)
          .set('Idempotency-Key', 'publish-v3')
          .send({ decisionRef: '沾政办发〔2025〕41号' });
      const first = await send();
      expectStatus(first, 201);
      const length = await streamLength(`duty-list-${xiping.id}`);
      const second = await send();
      expectStatus(second, 201);
      expect(second.body).toEqual(first.body);
      expect(await streamLength(`duty-list-${xiping.id}`)).toBe(length);
    });
  });
});
