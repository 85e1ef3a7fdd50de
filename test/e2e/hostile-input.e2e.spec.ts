import type { Response } from 'supertest';
import { startTestApp, TEST_ADMIN, type AuthorizedClient, type TestApp } from '../support/test-app';

interface ProblemBody {
  type: string;
  status: number;
  errors?: Array<{ field: string; message: string }>;
}

function problemOf(response: Response, status: number): ProblemBody {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  return response.body as ProblemBody;
}

function fieldsOf(response: Response): string[] {
  return (problemOf(response, 400).errors ?? []).map((e) => e.field);
}

/** Input an attacker would send: each is refused with a 4xx problem naming what is wrong, before anything is stored. */
describe('hostile input (e2e)', () => {
  let t: TestApp;
  let admin: AuthorizedClient;
  let countyId: string;
  let county: AuthorizedClient;

  const userCount = async (): Promise<number> => {
    const [row] = (await t.dataSource.query('SELECT count(*)::int AS n FROM users')) as [{ n: number }];
    return row.n;
  };
  const lastPosition = async (): Promise<string> => {
    const [row] = (await t.dataSource.query('SELECT coalesce(max(global_position), 0)::text AS p FROM events')) as [{ p: string }];
    return row.p;
  };

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false });
    admin = await t.loginAs(TEST_ADMIN.username, TEST_ADMIN.password);
    countyId = ((await admin.post('/api/v1/counties').send({ name: '示范县' })).body as { id: string }).id;
    await admin.post('/api/v1/users').send({ username: 'county', password: 'county-password', role: 'county_admin', countyId });
    county = await t.loginAs('county', 'county-password');
  });
  afterAll(() => t?.close());

  describe('NUL and lone surrogates', () => {
    it.each([
      ['a NUL', 'ad\u0000min'],
      ['a lone high surrogate', 'ad\ud800min'],
      ['a lone low surrogate', '\udc00admin'],
    ])('refuses %s in the login username with 400 naming it, before authentication', async (_what, username) => {
      const body = problemOf(await t.http.post('/api/v1/auth/login').send({ username, password: 'whatever-1' }), 400);
      expect(body.type).toBe('/problems/invalid-text');
      expect(body.errors?.map((e) => e.field)).toEqual(['username']);
    });

    it('refuses them in nested body fields, naming the path, and stores nothing', async () => {
      const before = await lastPosition();
      const response = await county.post('/api/v1/powers').send({
        code: 'XK-001',
        name: '检查\u0000',
        category: 'inspection',
        legalBasis: '《条例》',
        department: '市场监管局',
        requirements: { certifiedOfficers: 1, equipment: [{ kind: 'camera\ud83d', quantity: 1 }], training: [] },
      });
      expect(fieldsOf(response).sort()).toEqual(['name', 'requirements.equipment[0].kind']);
      expect(await lastPosition()).toBe(before);
    });

    it('refuses a lone surrogate in a body field instead of storing U+FFFD', async () => {
      const before = await userCount();
      const response = await admin.post('/api/v1/users').send({
        username: 'dept.one',
        password: 'dept-password',
        role: 'department',
        countyId,
        department: '市场\udfff监管局',
      });
      expect(fieldsOf(response)).toEqual(['department']);
      expect(await userCount()).toBe(before);
    });

    it('refuses them in a path parameter, naming it', async () => {
      expect(fieldsOf(await county.get('/api/v1/powers/XK%00001'))).toEqual(['code']);
      expect(fieldsOf(await county.get(`/api/v1/counties/${countyId.slice(0, -1)}%00`))).toEqual(['countyId']);
    });

    it('refuses them, or a broken %-escape, in a query value, naming the parameter', async () => {
      const nul = await county.get('/api/v1/handovers?status=recorded%00');
      expect(fieldsOf(nul)).toEqual(['status']);
      expect((nul.body as ProblemBody).type).toBe('/problems/invalid-text');
      // %ED%A0%80 is a UTF-16 surrogate written as UTF-8: not text, and never decoded to U+FFFD.
      const surrogate = await county.get('/api/v1/handovers?teamId=%ED%A0%80');
      expect(fieldsOf(surrogate)).toEqual(['teamId']);
      expect((surrogate.body as ProblemBody).type).toBe('/problems/invalid-text');
    });

    it('refuses a body that is not valid UTF-8', async () => {
      const raw = Buffer.concat([Buffer.from('{"username":"adm'), Buffer.from([0xff, 0xfe]), Buffer.from('in","password":"x"}')]);
      const response = await fetch(`${t.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: raw,
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(((await response.json()) as ProblemBody).type).toBe('/problems/malformed-encoding');
    });
  });

  describe('deep nesting', () => {
    const deep = (levels: number): string => `{"username":${'['.repeat(levels)}${']'.repeat(levels)},"password":"x"}`;

    it.each([
      ['login', (): AuthorizedClient['post'] => (path) => t.http.post(path), '/api/v1/auth/login'],
      ['a write', (): AuthorizedClient['post'] => county.post, '/api/v1/powers'],
    ])('refuses JSON nested 2,500 levels on %s with 400 before any transform', async (_what, client, path) => {
      const response = await client()(path).set('Content-Type', 'application/json').send(deep(2500));
      const body = problemOf(response, 400);
      expect(body.type).toBe('/problems/json-too-deep');
      expect(body.errors?.map((e) => e.field)).toEqual(['body']);
    });

    it('still reads brackets inside strings as text', async () => {
      const response = await t.http
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ username: '['.repeat(60), password: 'x' }));
      expect(problemOf(response, 401).type).toBe('/problems/unauthenticated');
    });
  });

  describe('null for optional fields', () => {
    it.each(['department', 'countyId', 'townshipId'])('refuses %s: null in POST /users with 400 naming it', async (field) => {
      const before = await userCount();
      const response = await admin
        .post('/api/v1/users')
        .send({ username: `null.${field.toLowerCase()}`, password: 'some-password', role: 'auditor', countyId, [field]: null });
      const body = problemOf(response, 400);
      expect(body.type).toBe('/problems/null-field');
      expect(body.errors?.map((e) => e.field)).toEqual([field]);
      expect(await userCount()).toBe(before);
    });

    it('refuses null in nested optional fields too', async () => {
      const response = await county.post('/api/v1/powers').send({
        code: 'XK-002',
        name: '检查',
        category: 'inspection',
        legalBasis: '《条例》',
        department: '市场监管局',
        requirements: { certifiedOfficers: 1, equipment: [null], training: [] },
      });
      expect(fieldsOf(response)).toEqual(['requirements.equipment[0]']);
      expect((response.body as ProblemBody).type).toBe('/problems/null-field');
    });
  });

  describe('prototype keys and other media types', () => {
    it.each(['__proto__', 'constructor'])('refuses a %s key like any unknown field', async (key) => {
      const before = await userCount();
      const raw = `{"username":"proto.user","password":"some-password","role":"auditor","countyId":"${countyId}","${key}":{"role":"admin"}}`;
      const response = await admin.post('/api/v1/users').set('Content-Type', 'application/json').send(raw);
      expect(fieldsOf(response)).toEqual([key]);
      expect(await userCount()).toBe(before);
    });

    it('refuses a form-encoded body on a JSON route with 415', async () => {
      const before = await userCount();
      const response = await admin
        .post('/api/v1/users')
        .type('form')
        .send({ username: 'form.user', password: 'some-password', role: 'auditor', countyId });
      expect(problemOf(response, 415).type).toBe('/problems/unsupported-media-type');
      expect(problemOf(await t.http.post('/api/v1/auth/login').type('form').send({ username: 'admin', password: 'x' }), 415)).toBeDefined();
      expect(await userCount()).toBe(before);
    });

    it('takes JSON with a charset and bodiless POSTs as before', async () => {
      const login = await t.http
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/json; charset=utf-8')
        .send(JSON.stringify(TEST_ADMIN));
      expect(login.status).toBe(200);
    });
  });
});
