import { startTestApp, TEST_ADMIN, type TestApp } from '../support/test-app';

/** GET /config: the county's settings the web app shows instead of copies of them; POST /inbox/read. */
describe('county settings and the inbox read-all (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { TZ_COUNTY: 'Asia/Urumqi', CERTIFICATE_NOTICE_DAYS: '90', UNANSWERED_NOTICE_DAYS: '10,2' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves the configured time zone, notice periods and text limits to a signed-in user', async () => {
    const admin = await t.loginAs(TEST_ADMIN.username, TEST_ADMIN.password);
    const response = await admin.get('/api/v1/config');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      timeZone: 'Asia/Urumqi',
      certificateNoticeDays: 90,
      unansweredNoticeDays: [10, 2],
      limits: { text: 500, label: 100, list: 200 },
    });
  });

  it('refuses an anonymous caller with 401 problem+json', async () => {
    const response = await t.http.get('/api/v1/config');
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('marks every unread reminder read and says how many (none for a user without reminders)', async () => {
    const admin = await t.loginAs(TEST_ADMIN.username, TEST_ADMIN.password);
    const response = await admin.post('/api/v1/inbox/read');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ read: 0 });
  });
});
