import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { startTestApp, TEST_ADMIN, type AuthorizedClient, type TestApp } from '../support/test-app';

const PUBLIC_BASE_URL = 'https://gongshi.example.gov.cn';
const RATE_LIMIT = 40;

/** Reads the QR code of a PNG image (jsQR wants RGBA pixels). */
export function decodeQrPng(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

const DUTIES = [
  {
    code: 'MS-001',
    name: '城乡居民基本养老保险参保登记',
    domain: '民生服务',
    defaultCategory: 'basic',
    leadDepartment: '县人社局',
    contact: '0874-3101233',
  },
  {
    code: 'ST-004',
    name: '林长制和森林资源保护',
    domain: '生态环保',
    defaultCategory: 'assisting',
    leadDepartment: '县林业和草原局',
    description: '组织护林员日常巡山，发现毁林的制止并报告',
  },
  { code: 'QT-005', name: '婚姻登记', domain: '其他', defaultCategory: 'returned', leadDepartment: '县民政局' },
] as const;

describe('public duty list: 公示 without a token (e2e)', () => {
  let t: TestApp;
  let townshipId: string;
  let otherTownshipId: string;
  let office: AuthorizedClient;

  beforeAll(async () => {
    t = await startTestApp({
      env: { PUBLIC_BASE_URL: `${PUBLIC_BASE_URL}/`, PUBLIC_RATE_LIMIT: String(RATE_LIMIT), PUBLIC_CACHE_TTL: '500ms' },
    });
    const admin = await t.loginAs(TEST_ADMIN.username, TEST_ADMIN.password);
    const county = await admin.post('/api/v1/counties').send({ name: '示范县' });
    const township = await admin.post(`/api/v1/counties/${county.body.id}/townships`).send({ name: '城关镇' });
    const other = await admin.post(`/api/v1/counties/${county.body.id}/townships`).send({ name: '河口乡' });
    townshipId = township.body.id as string;
    otherTownshipId = other.body.id as string;
    await admin
      .post('/api/v1/users')
      .send({ username: 'office', password: 'office-password-1', role: 'county_admin', countyId: county.body.id })
      .expect(201);
    office = await t.loginAs('office', 'office-password-1');
  });

  /** The county office's calls, each with the status it must answer. */
  async function expectStatus(call: Promise<{ status: number; body: unknown }>, status: number): Promise<void> {
    const response = await call;
    if (response.status !== status) throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
  }
  const list = (): string => `/api/v1/townships/${townshipId}/duty-list`;
  const publish = (decisionRef: string) => expectStatus(office.post(`${list()}/publications`).send({ decisionRef }), 201);
  const publicList = () => t.http.get(`/api/v1/public/townships/${townshipId}/duty-list`);
  /** The public answer once the process's cache has looked again (PUBLIC_CACHE_TTL). */
  async function publicVersion(version: number): Promise<Awaited<ReturnType<typeof publicList>>> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const response = await publicList();
      if ((response.status === 200 && response.body.version === version) || Date.now() > deadline) return response;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  afterAll(async () => {
    await t?.close();
  });

  const pageUrl = (id: string): string => `${PUBLIC_BASE_URL}/public/townships/${id}`;

  it('draws a PNG QR code of the public page at PUBLIC_BASE_URL, with no token', async () => {
    const response = await t.http.get(`/api/v1/public/townships/${townshipId}/duty-list/qr.png`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(decodeQrPng(response.body as Buffer)).toBe(pageUrl(townshipId));
  });

  it('draws the same address as SVG, and answers a held copy with 304', async () => {
    const response = await t.http.get(`/api/v1/public/townships/${otherTownshipId}/duty-list/qr.svg`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^image\/svg\+xml/);
    const svg = Buffer.isBuffer(response.body) ? response.body.toString('utf8') : response.text;
    expect(svg).toMatch(/^<svg[^>]*viewBox/);
    const etag = response.headers.etag as string;
    const again = await t.http.get(`/api/v1/public/townships/${otherTownshipId}/duty-list/qr.svg`).set('If-None-Match', etag);
    expect(again.status).toBe(304);
  });

  it('answers an unknown township with 404 and a malformed id with 400, both problem+json', async () => {
    const unknown = await t.http.get('/api/v1/public/townships/00000000-0000-4000-8000-000000000000/duty-list/qr.svg');
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    const unknownList = await t.http.get('/api/v1/public/townships/00000000-0000-4000-8000-000000000000/duty-list');
    expect(unknownList.status).toBe(404);
    const malformed = await t.http.get('/api/v1/public/townships/not-a-uuid/duty-list/qr.png');
    expect(malformed.status).toBe(400);
    expect(malformed.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'townshipId' })]);
  });

  it('answers 404 while the township has published nothing', async () => {
    const response = await t.http.get(`/api/v1/public/townships/${townshipId}/duty-list`);
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('publishes nothing of a draft: compiled, the list stays 404 until version 1 is published', async () => {
    for (const duty of DUTIES) await expectStatus(office.post('/api/v1/duties').send(duty), 201);
    await expectStatus(office.post(`${list()}/compile`).send({}), 200);
    expect((await publicList()).status).toBe(404);

    await publish('示政办〔2025〕1号');
    const response = await publicVersion(1);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toEqual({
      townshipId,
      townshipName: '城关镇',
      countyName: '示范县',
      version: 1,
      publishedAt: expect.any(String),
      decisionRef: '示政办〔2025〕1号',
      items: [
        {
          name: '城乡居民基本养老保险参保登记',
          domain: '民生服务',
          category: 'basic',
          leadDepartment: '县人社局',
          contact: '0874-3101233',
          dutyCode: 'MS-001',
        },
        {
          name: '林长制和森林资源保护',
          domain: '生态环保',
          category: 'assisting',
          cooperation: '组织护林员日常巡山，发现毁林的制止并报告',
          leadDepartment: '县林业和草原局',
          dutyCode: 'ST-004',
        },
        { name: '婚姻登记', domain: '其他', category: 'returned', leadDepartment: '县民政局', dutyCode: 'QT-005' },
      ],
      counts: { basic: 1, assisting: 1, returned: 1 },
    });
    // The other township has published nothing.
    const other = await t.http.get(`/api/v1/public/townships/${otherTownshipId}/duty-list`);
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('duty-list-unpublished');
  });

  it('keeps a change made after version 1 out of the public list until version 2 is published', async () => {
    await expectStatus(
      office.put(`${list()}/items/QT-005`).send({ category: 'assisting', cooperation: '代收婚姻登记预约材料', leadDepartment: '县民政局' }),
      200,
    );
    // The draft holds it.
    const draft = await office.get(list());
    expect(draft.body.items.find((item: { dutyCode?: string }) => item.dutyCode === 'QT-005')).toMatchObject({ category: 'assisting' });
    // Longer than PUBLIC_CACHE_TTL: the cache has looked again and still finds version 1.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const before = await publicList();
    expect(before.body.version).toBe(1);
    expect(before.body.items.find((item: { dutyCode?: string }) => item.dutyCode === 'QT-005').category).toBe('returned');
    expect(JSON.stringify(before.body)).not.toContain('代收婚姻登记预约材料');

    await publish('示政办〔2025〕2号');
    const after = await publicVersion(2);
    expect(after.body.version).toBe(2);
    expect(after.body.decisionRef).toBe('示政办〔2025〕2号');
    expect(after.body.items.find((item: { dutyCode?: string }) => item.dutyCode === 'QT-005')).toMatchObject({
      category: 'assisting',
      cooperation: '代收婚姻登记预约材料',
    });
    expect(after.body.counts).toEqual({ basic: 1, assisting: 2, returned: 0 });
  });

  it('answers If-None-Match with 304, gzips for clients that ask, and lets phones keep the answer a while', async () => {
    const first = await publicList();
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toMatch(/public, max-age=\d+/);
    const again = await publicList().set('If-None-Match', etag);
    expect(again.status).toBe(304);
    expect(again.text ?? '').toBe('');
    const gzipped = await publicList().set('Accept-Encoding', 'gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.body.version).toBe(2);
    expect((await publicList().set('If-None-Match', gzipped.headers.etag as string)).status).toBe(304);
    expect((await publicList().set('If-None-Match', '"something-else"')).status).toBe(200);
  });

  // Last: it uses up this address's allowance for the minute.
  it('refuses an address past PUBLIC_RATE_LIMIT a minute with 429 problem+json and Retry-After', async () => {
    let refused: Awaited<ReturnType<TestApp['http']['get']>> | undefined;
    // Twice the limit and one: a minute may turn over while the requests run.
    for (let i = 0; i <= 2 * RATE_LIMIT && refused === undefined; i += 1) {
      const response = await t.http.get(`/api/v1/public/townships/${townshipId}/duty-list/qr.svg`);
      if (response.status === 429) refused = response;
      else expect(response.status).toBe(200);
    }
    expect(refused?.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused?.body.code).toBe('too-many-requests');
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // The list too, held in memory or not: the address's allowance is one for every public endpoint.
    const list = await publicList();
    expect(list.status).toBe(429);
    expect(list.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
