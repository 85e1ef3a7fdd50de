import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { startTestApp, TEST_ADMIN, type TestApp } from '../support/test-app';

const PUBLIC_BASE_URL = 'https://gongshi.example.gov.cn';
const RATE_LIMIT = 40;

/** Reads the QR code of a PNG image (jsQR wants RGBA pixels). */
export function decodeQrPng(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

describe('public duty list: 公示 without a token (e2e)', () => {
  let t: TestApp;
  let townshipId: string;
  let otherTownshipId: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_BASE_URL: `${PUBLIC_BASE_URL}/`, PUBLIC_RATE_LIMIT: String(RATE_LIMIT) } });
    const admin = await t.loginAs(TEST_ADMIN.username, TEST_ADMIN.password);
    const county = await admin.post('/api/v1/counties').send({ name: '示范县' });
    const township = await admin.post(`/api/v1/counties/${county.body.id}/townships`).send({ name: '城关镇' });
    const other = await admin.post(`/api/v1/counties/${county.body.id}/townships`).send({ name: '河口乡' });
    townshipId = township.body.id as string;
    otherTownshipId = other.body.id as string;
  });
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
  });
});
