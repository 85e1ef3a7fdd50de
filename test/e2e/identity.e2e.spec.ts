import { randomUUID } from 'node:crypto';
import type { Response, Test } from 'supertest';
import { EventStore } from '@fangquan/event-store';
import { UserDirectory } from '@fangquan/identity';
import { startTestApp, TEST_ADMIN, type AuthorizedClient, type TestApp } from '../support/test-app';

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: Array<{ field: string; message: string }>;
}

describe('identity and auth (e2e)', () => {
  let t: TestApp;
  let admin: AuthorizedClient;
  /** Every response body seen, to check that no password or hash ever leaves the server. */
  const bodies: string[] = [];
  const passwords = [TEST_ADMIN.password, 'county-a-password', 'township-password', 'dept-password'];

  async function call(test: Test): Promise<Response> {
    const response = await test;
    bodies.push(response.text);
    return response;
  }

  function expectProblem(response: Response, status: number): ProblemBody {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.body as ProblemBody;
    expect(body).toEqual(
      expect.objectContaining({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) }),
    );
    return body;
  }

  function fieldsOf(response: Response): string[] {
    return (expectProblem(response, 400).errors ?? []).map((e) => e.field);
  }

  let countyA: string;
  let countyB: string;
  let townshipA: { id: string; teamId: string };
  let countyAdminA: AuthorizedClient;

  beforeAll(async () => {
    t = await startTestApp({ loginRateLimit: { limit: 5, windowMs: 60_000 } });
    admin = await t.loginAs(TEST_ADMIN.username, TEST_ADMIN.password);
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('login', () => {
    it('logs in the bootstrap admin', async () => {
      const response = await call(t.http.post('/api/v1/auth/login').send({ username: 'ADMIN', password: TEST_ADMIN.password }));
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ accessToken: expect.any(String), user: { username: 'admin', role: 'admin', head: false } });
    });

    it('answers a wrong password and an unknown user alike with 401 problem+json', async () => {
      const wrong = expectProblem(
        await call(t.http.post('/api/v1/auth/login').send({ username: 'admin', password: 'not-the-password' })),
        401,
      );
      const unknown = expectProblem(await call(t.http.post('/api/v1/auth/login').send({ username: 'nobody', password: 'whatever1' })), 401);
      expect(wrong.detail).toEqual(unknown.detail);
      expect(wrong.title).toEqual(unknown.title);
    });

    it('refuses a malformed login body naming the fields', async () => {
      expect(fieldsOf(await call(t.http.post('/api/v1/auth/login').send({ username: 7 })))).toEqual(
        expect.arrayContaining(['username', 'password']),
      );
    });

    it('rate-limits attempts per IP and username with 429 problem+json', async () => {
      for (let i = 0; i < 5; i += 1) {
        expectProblem(await call(t.http.post('/api/v1/auth/login').send({ username: 'Hammered', password: `guess-${i}-xx` })), 401);
      }
      expectProblem(await call(t.http.post('/api/v1/auth/login').send({ username: 'hammered', password: 'guess-5-xx' })), 429);
      // Another username from the same address is not affected.
      expectProblem(await call(t.http.post('/api/v1/auth/login').send({ username: 'someone-else', password: 'guess-0-xx' })), 401);
    });
  });

  describe('the token guard', () => {
    it('needs a bearer token everywhere else', async () => {
      const missing = await call(t.http.get('/api/v1/counties'));
      expectProblem(missing, 401);
      expect(missing.headers['www-authenticate']).toBe('Bearer');
      expectProblem(await call(t.http.get('/api/v1/me').set('Authorization', 'Bearer not.a.token')), 401);
      expectProblem(await call(t.http.get('/api/v1/me').set('Authorization', 'Basic YWRtaW46eA==')), 401);
    });

    it('leaves health and the API docs open', async () => {
      expect((await t.http.get('/health/live')).status).toBe(200);
      const docs = await t.http.get('/api/docs-json');
      expect(docs.status).toBe(200);
      const document = docs.body as {
        paths: Record<string, unknown>;
        components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
      };
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users', '/api/v1/counties/{countyId}/townships']),
      );
      expect(Object.keys(document.components.schemas.CreateUserDto?.properties ?? {})).toEqual(
        expect.arrayContaining(['username', 'password', 'role', 'countyId', 'townshipId', 'department', 'head']),
      );
    });

    it('answers GET /me', async () => {
      const response = await call(admin.get('/api/v1/me'));
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        id: expect.any(String),
        username: 'admin',
        role: 'admin',
        countyId: null,
        townshipId: null,
        department: null,
        head: false,
        disabled: false,
      });
    });
  });

  describe('counties and townships', () => {
    it('lets the admin create counties', async () => {
      const a = await call(admin.post('/api/v1/counties').send({ name: ' 柯桥区 ' }));
      expect(a.status).toBe(201);
      expect(a.body).toEqual({ id: expect.any(String), name: '柯桥区' });
      countyA = (a.body as { id: string }).id;
      const b = await call(admin.post('/api/v1/counties').send({ name: '沾益区' }));
      expect(b.status).toBe(201);
      countyB = (b.body as { id: string }).id;
      const list = await call(admin.get('/api/v1/counties'));
      expect(list.body).toEqual(
        expect.arrayContaining([
          { id: countyA, name: '柯桥区' },
          { id: countyB, name: '沾益区' },
        ]),
      );
    });

    it('refuses a bad county body naming the field', async () => {
      expect(fieldsOf(await call(admin.post('/api/v1/counties').send({ name: '   ' })))).toEqual(['name']);
      expect(fieldsOf(await call(admin.post('/api/v1/counties').send({ name: 'x', extra: 1 })))).toEqual(['extra']);
    });

    it('creates a township with its team, whose TeamFormed event is in the event store', async () => {
      const response = await call(
        admin.post(`/api/v1/counties/${countyA}/townships`).set('X-Request-Id', 'req-township-1').send({ name: '安昌街道' }),
      );
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ id: expect.any(String), name: '安昌街道', countyId: countyA, teamId: expect.any(String) });
      townshipA = response.body as { id: string; teamId: string };
      const events = await new EventStore(t.dataSource).readStream(`team-${townshipA.teamId}`);
      expect(events).toHaveLength(1);
      expect(events[0]).toEqual(
        expect.objectContaining({
          streamVersion: 1,
          type: 'TeamFormed',
          data: { teamId: townshipA.teamId, countyId: countyA, townshipId: townshipA.id, townshipName: '安昌街道' },
          metadata: {
            actor: 'admin',
            countyId: countyA,
            correlationId: 'req-township-1',
            causationId: null,
            occurredAt: expect.any(String),
          },
        }),
      );
      const list = await call(admin.get(`/api/v1/counties/${countyA}/townships`));
      expect(list.body).toEqual([{ id: townshipA.id, name: '安昌街道', countyId: countyA, teamId: townshipA.teamId }]);
    });

    it('refuses a duplicate township name in a county with 409, and writes no second team', async () => {
      const before = await t.dataSource.query<Array<{ n: string }>>("SELECT count(*) AS n FROM events WHERE type = 'TeamFormed'");
      expectProblem(await call(admin.post(`/api/v1/counties/${countyA}/townships`).send({ name: '安昌街道' })), 409);
      const after = await t.dataSource.query<Array<{ n: string }>>("SELECT count(*) AS n FROM events WHERE type = 'TeamFormed'");
      expect(after[0]?.n).toEqual(before[0]?.n);
      // The same name in another county is fine.
      expect((await call(admin.post(`/api/v1/counties/${countyB}/townships`).send({ name: '安昌街道' }))).status).toBe(201);
    });

    it('answers 404 for an unknown county and 400 for a malformed id', async () => {
      expectProblem(await call(admin.post(`/api/v1/counties/${randomUUID()}/townships`).send({ name: '某镇' })), 404);
      expectProblem(await call(admin.get(`/api/v1/counties/${randomUUID()}/townships`)), 404);
      expect(fieldsOf(await call(admin.get('/api/v1/counties/not-a-uuid/townships')))).toEqual(['countyId']);
    });
  });

  describe('users', () => {
    it('lets the admin create a county_admin, who logs in with its county', async () => {
      const created = await call(
        admin
          .post('/api/v1/users')
          .send({ username: 'KQ.Admin', password: 'county-a-password', role: 'county_admin', countyId: countyA, head: true }),
      );
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        username: 'kq.admin',
        role: 'county_admin',
        countyId: countyA,
        townshipId: null,
        department: null,
        head: true,
        disabled: false,
      });
      const login = await call(t.http.post('/api/v1/auth/login').send({ username: 'kq.admin', password: 'county-a-password' }));
      expect(login.status).toBe(200);
      expect(login.body).toEqual({
        accessToken: expect.any(String),
        user: { username: 'kq.admin', role: 'county_admin', countyId: countyA, head: true },
      });
      countyAdminA = t.as((login.body as { accessToken: string }).accessToken);
    });

    it('keeps a county_admin inside its county', async () => {
      expect((await call(countyAdminA.post(`/api/v1/counties/${countyA}/townships`).send({ name: '华舍街道' }))).status).toBe(201);
      expectProblem(await call(countyAdminA.post(`/api/v1/counties/${countyB}/townships`).send({ name: '某镇' })), 403);
      expectProblem(
        await call(countyAdminA.post('/api/v1/users').send({ username: 'sneaky', password: 'password-1', role: 'admin' })),
        403,
      );
      expectProblem(
        await call(
          countyAdminA.post('/api/v1/users').send({ username: 'sneaky', password: 'password-1', role: 'auditor', countyId: countyB }),
        ),
        403,
      );
      expectProblem(await call(countyAdminA.post('/api/v1/counties').send({ name: '某县' })), 403);
      expectProblem(await call(countyAdminA.get(`/api/v1/counties/${countyB}`)), 403);
      const counties = await call(countyAdminA.get('/api/v1/counties'));
      expect(counties.body).toEqual([{ id: countyA, name: '柯桥区' }]);
    });

    it('lets a county_admin create its users, its own county by default', async () => {
      const township = await call(
        countyAdminA
          .post('/api/v1/users')
          .send({ username: 'anchang', password: 'township-password', role: 'township', townshipId: townshipA.id }),
      );
      expect(township.status).toBe(201);
      expect(township.body).toEqual(
        expect.objectContaining({ username: 'anchang', role: 'township', countyId: countyA, townshipId: townshipA.id, head: false }),
      );
      const department = await call(
        countyAdminA
          .post('/api/v1/users')
          .send({ username: 'scjgj', password: 'dept-password', role: 'department', department: '市场监管局' }),
      );
      expect(department.status).toBe(201);
      expect(department.body).toEqual(expect.objectContaining({ countyId: countyA, department: '市场监管局' }));
      const users = await call(countyAdminA.get('/api/v1/users'));
      expect((users.body as Array<{ username: string }>).map((u) => u.username)).toEqual(['anchang', 'kq.admin', 'scjgj']);
      const all = await call(admin.get('/api/v1/users'));
      expect((all.body as Array<{ username: string }>).map((u) => u.username)).toEqual(['admin', 'anchang', 'kq.admin', 'scjgj']);
    });

    it('names every bad field with 400', async () => {
      const fields = fieldsOf(
        await call(
          admin
            .post('/api/v1/users')
            .send({ username: 'A!', password: 'short', role: 'boss', countyId: 'nope', townshipId: 5, department: '', head: 'yes' }),
        ),
      );
      expect(new Set(fields)).toEqual(new Set(['username', 'password', 'role', 'countyId', 'townshipId', 'department', 'head']));
      expect(fieldsOf(await call(admin.post('/api/v1/users').send({})))).toEqual(expect.arrayContaining(['username', 'password', 'role']));
      const base = { password: 'password-1' };
      expect(
        fieldsOf(await call(admin.post('/api/v1/users').send({ ...base, username: 'x'.repeat(65), role: 'auditor', countyId: countyA }))),
      ).toEqual(['username']);
      expect(fieldsOf(await call(admin.post('/api/v1/users').send({ ...base, username: 'noCounty', role: 'auditor' })))).toEqual([
        'countyId',
      ]);
      expect(
        fieldsOf(await call(admin.post('/api/v1/users').send({ ...base, username: 'admin2', role: 'admin', countyId: countyA }))),
      ).toEqual(['countyId']);
      expect(
        fieldsOf(await call(admin.post('/api/v1/users').send({ ...base, username: 'twp', role: 'township', countyId: countyA }))),
      ).toEqual(['townshipId']);
      expect(
        fieldsOf(
          await call(
            admin.post('/api/v1/users').send({ ...base, username: 'twp', role: 'township', countyId: countyB, townshipId: townshipA.id }),
          ),
        ),
      ).toEqual(['townshipId']);
      expect(
        fieldsOf(await call(admin.post('/api/v1/users').send({ ...base, username: 'dept', role: 'department', countyId: countyA }))),
      ).toEqual(['department']);
      expect(
        fieldsOf(await call(admin.post('/api/v1/users').send({ ...base, username: 'ghost', role: 'auditor', countyId: randomUUID() }))),
      ).toEqual(['countyId']);
    });

    it('refuses a taken username, whatever its case, with 409', async () => {
      const response = await call(
        admin.post('/api/v1/users').send({ username: 'AnChang', password: 'password-2', role: 'auditor', countyId: countyA }),
      );
      expectProblem(response, 409);
    });

    it('keeps township users out of the admin endpoints', async () => {
      const township = await t.loginAs('anchang', 'township-password');
      expectProblem(await call(township.get('/api/v1/users')), 403);
      expectProblem(await call(township.post(`/api/v1/counties/${countyA}/townships`).send({ name: '某镇' })), 403);
      const me = await call(township.get('/api/v1/me'));
      expect(me.body).toEqual(
        expect.objectContaining({ username: 'anchang', role: 'township', countyId: countyA, townshipId: townshipA.id }),
      );
    });
  });

  it('finds reminder recipients through the UserDirectory', async () => {
    const directory = t.app.get(UserDirectory, { strict: false });
    const names = (users: Array<{ username: string }>) => users.map((u) => u.username);
    expect(names(await directory.usersOfCounty(countyA, 'county_admin'))).toEqual(['kq.admin']);
    expect(names(await directory.departmentUsers(countyA, '市场监管局'))).toEqual(['scjgj']);
    expect(names(await directory.townshipUsers(townshipA.id))).toEqual(['anchang']);
    expect(names(await directory.countyOfficeHeads(countyA))).toEqual(['kq.admin']);
    expect(await directory.heads(countyB)).toEqual([]);
    expect((await directory.findTownshipByTeam(townshipA.teamId))?.id).toBe(townshipA.id);
    expect(JSON.stringify(await directory.townshipUsers(townshipA.id))).not.toMatch(/scrypt|passwordHash/);
  });

  it('never answers with a password or its hash', () => {
    expect(bodies.length).toBeGreaterThan(30);
    for (const body of bodies) {
      expect(body).not.toMatch(/scrypt\$/);
      expect(body).not.toMatch(/passwordHash|password_hash/i);
      for (const password of passwords) expect(body).not.toContain(password);
    }
  });
});
