import { startTestApp, TEST_ADMIN, type AuthorizedClient, type TestApp } from '../support/test-app';

/** Requests that never reach a controller still get problem+json naming what is wrong, never a 500. */
describe('malformed requests', () => {
  let testApp: TestApp;
  let admin: AuthorizedClient;

  beforeAll(async () => {
    testApp = await startTestApp({ withWorker: false });
    admin = await testApp.loginAs(TEST_ADMIN.username, TEST_ADMIN.password);
  });
  afterAll(() => testApp.close());

  it.each([
    ['truncated JSON', '{"name":'],
    ['a JSON null', 'null'],
    ['a JSON string', '"示范县"'],
  ])('answers %s with 400 naming the body', async (_what, raw) => {
    const response = await admin.post('/api/v1/counties').set('Content-Type', 'application/json').send(raw);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({ type: '/problems/malformed-json', status: 400, errors: [{ field: 'body' }] });
  });

  it('answers a path with a broken %-escape with 400 naming the path', async () => {
    const response = await admin.get('/api/v1/powers/%E0%A4%A');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ status: 400, errors: [{ field: 'path' }] });
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await admin.get('/api/v1/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
