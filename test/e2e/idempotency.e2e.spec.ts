import { startTestApp, TEST_ADMIN, type AuthorizedClient, type TestApp } from '../support/test-app';

describe('Idempotency-Key on POST', () => {
  let testApp: TestApp;
  let admin: AuthorizedClient;

  beforeAll(async () => {
    testApp = await startTestApp();
    admin = await testApp.loginAs(TEST_ADMIN.username, TEST_ADMIN.password);
  });
  afterAll(() => testApp.close());

  const countyCount = async (): Promise<number> => Number((await testApp.dataSource.query('SELECT count(*)::int AS n FROM counties'))[0].n);

  it('returns the first response to a repeat with the same key and body, and writes nothing', async () => {
    const before = await countyCount();
    const first = await admin.post('/api/v1/counties').set('Idempotency-Key', 'county-create-1').send({ name: '示范县' });
    expect(first.status).toBe(201);
    const repeat = await admin.post('/api/v1/counties').set('Idempotency-Key', 'county-create-1').send({ name: '示范县' });
    expect(repeat.status).toBe(201);
    expect(repeat.body).toEqual(first.body);
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    expect(await countyCount()).toBe(before + 1);
  });

  it('treats the same body in another key order as the same request', async () => {
    const first = await admin.post('/api/v1/counties').set('Idempotency-Key', 'order-1').send({ name: '东县' });
    const again = await admin.post('/api/v1/counties').set('Idempotency-Key', 'order-1').send(JSON.parse('{"name":"东县"}'));
    expect(again.body.id).toBe(first.body.id);
  });

  it('refuses the same key with a different body (422, naming the header), writing nothing', async () => {
    await admin.post('/api/v1/counties').set('Idempotency-Key', 'reuse-1').send({ name: '西县' }).expect(201);
    const before = await countyCount();
    const reuse = await admin.post('/api/v1/counties').set('Idempotency-Key', 'reuse-1').send({ name: '北县' });
    expect(reuse.status).toBe(422);
    expect(reuse.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(reuse.body.errors).toEqual([{ field: 'Idempotency-Key', code: 'key-reused', message: expect.any(String) }]);
    expect(await countyCount()).toBe(before);
  });

  it('replays a refused request as refused, without running it again', async () => {
    const bad = await admin.post('/api/v1/counties').set('Idempotency-Key', 'bad-1').send({ name: '' });
    expect(bad.status).toBe(400);
    const again = await admin.post('/api/v1/counties').set('Idempotency-Key', 'bad-1').send({ name: '' });
    expect(again.status).toBe(400);
    expect(again.body).toEqual(bad.body);
    expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('lets only one of two concurrent repeats run', async () => {
    const before = await countyCount();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => admin.post('/api/v1/counties').set('Idempotency-Key', 'race-1').send({ name: '南县' })),
    );
    expect(results.every((r) => [201, 409].includes(r.status))).toBe(true);
    expect(new Set(results.filter((r) => r.status === 201).map((r) => r.body.id)).size).toBe(1);
    expect(await countyCount()).toBe(before + 1);
  });

  it('names a malformed key', async () => {
    const response = await admin.post('/api/v1/counties').set('Idempotency-Key', 'x'.repeat(300)).send({ name: '中县' });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('Idempotency-Key');
  });
});
