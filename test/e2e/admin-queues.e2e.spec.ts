import { startTestApp, TEST_ADMIN, type TestApp } from '../support/test-app';

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** The queue dashboard opened from a browser: a short-lived cookie from the web app, a page (not JSON) when refused, no outside fonts. */
describe('queue dashboard from the browser (e2e)', () => {
  let t: TestApp;
  let adminToken: string;
  let countyToken: string;

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false });
    adminToken = await t.login(TEST_ADMIN.username, TEST_ADMIN.password);
    const admin = t.as(adminToken);
    const county = await admin.post('/api/v1/counties').send({ name: '队列县' });
    const countyId = (county.body as { id: string }).id;
    expect(
      (await admin.post('/api/v1/users').send({ username: 'queues.office', password: 'queues-password-1', role: 'county_admin', countyId }))
        .status,
    ).toBe(201);
    countyToken = await t.login('queues.office', 'queues-password-1');
  });
  afterAll(() => t?.close());

  it('answers a browser without a session with a plain Chinese and English page linking back to the app', async () => {
    const page = await t.http.get('/admin/queues').set('Accept', BROWSER);
    expect(page.status).toBe(401);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['www-authenticate']).toBe('Bearer');
    expect(page.text).toContain('系统管理员');
    expect(page.text).toContain('system admin');
    expect(page.text).toContain('href="/"');
    expect(page.text).not.toMatch(/<script|https?:\/\//);
    // Scripts still get problem+json.
    const api = await t.http.get('/admin/queues/api/queues');
    expect(api.status).toBe(401);
    expect(api.body).toMatchObject({ status: 401, code: 'unauthenticated' });
    // A county user in a browser is told it is the admin's.
    const county = await t.http.get('/admin/queues').set('Accept', BROWSER).set('Authorization', `Bearer ${countyToken}`);
    expect(county.status).toBe(403);
    expect(county.text).toContain('无权访问');
  });

  it('lets the admin in with a short-lived HttpOnly cookie scoped to the dashboard, and no one else', async () => {
    expect((await t.http.post('/api/v1/admin/queues/session')).status).toBe(401);
    expect((await t.as(countyToken).post('/api/v1/admin/queues/session')).status).toBe(403);

    const opened = await t.as(adminToken).post('/api/v1/admin/queues/session');
    expect(opened.status).toBe(201);
    expect(opened.body).toEqual({ url: '/admin/queues', expiresAt: expect.any(String) });
    const expiresIn = Date.parse((opened.body as { expiresAt: string }).expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(0);
    expect(expiresIn).toBeLessThanOrEqual(10 * 60 * 1000);
    const setCookie = String(opened.headers['set-cookie']);
    expect(setCookie).toMatch(/^fangquan_admin_token=[^;]+;/);
    for (const attribute of ['HttpOnly', 'SameSite=Strict', 'Path=/admin/queues', 'Max-Age=600']) expect(setCookie).toContain(attribute);
    const cookie = setCookie.split(';')[0]!;

    const page = await t.http.get('/admin/queues').set('Accept', BROWSER).set('Cookie', cookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html');
    const queues = await t.http.get('/admin/queues/api/queues').set('Cookie', cookie);
    expect(queues.status).toBe(200);

    // The cookie opens the dashboard only: it is no access token for the API.
    const session = cookie.slice(cookie.indexOf('=') + 1);
    expect((await t.http.get('/api/v1/counties').set('Authorization', `Bearer ${session}`)).status).toBe(401);
    // A forged or expired cookie is refused.
    expect((await t.http.get('/admin/queues').set('Accept', BROWSER).set('Cookie', `fangquan_admin_token=${adminToken}`)).status).toBe(401);
  });

  it('serves the dashboard without outside fonts', async () => {
    const page = await t.http.get('/admin/queues').set('Authorization', `Bearer ${adminToken}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('static/css/');
    expect(page.text).not.toContain('fonts.googleapis.com');
    expect(page.text).not.toContain('fonts.gstatic.com');
  });
});
