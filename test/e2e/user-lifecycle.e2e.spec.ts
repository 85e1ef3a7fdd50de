import { JwtService } from '@nestjs/jwt';
import type { Response } from 'supertest';
import { startTestApp, TEST_ADMIN, type AuthorizedClient, type TestApp } from '../support/test-app';

interface ProblemBody {
  type: string;
  status: number;
  errors?: Array<{ field: string; message: string }>;
}

interface UserBody {
  id: string;
  username: string;
  role: string;
  disabled: boolean;
}

function problemOf(response: Response, status: number): ProblemBody {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  if (status === 401) expect(response.headers['www-authenticate']).toBe('Bearer');
  return response.body as ProblemBody;
}

/** Users are disabled, re-roled and given new passwords, and their tokens follow at once. */
describe('user lifecycle (e2e)', () => {
  let t: TestApp;
  let admin: AuthorizedClient;
  let countyA: string;
  let countyB: string;
  let townshipA: string;
  let countyAdminA: AuthorizedClient;
  const ids: Record<string, string> = {};

  const login = (username: string, password: string) => t.http.post('/api/v1/auth/login').send({ username, password });
  const tokenOf = async (username: string, password: string): Promise<AuthorizedClient> => {
    const response = await login(username, password);
    expect(response.status).toBe(200);
    return t.as((response.body as { accessToken: string }).accessToken);
  };
  const createUser = async (body: Record<string, unknown>): Promise<string> => {
    const response = await admin.post('/api/v1/users').send(body);
    expect(response.status).toBe(201);
    return (response.body as UserBody).id;
  };

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false, loginRateLimit: { limit: 20, windowMs: 60_000, perAddressLimit: 40 } });
    admin = await t.loginAs(TEST_ADMIN.username, TEST_ADMIN.password);
    countyA = ((await admin.post('/api/v1/counties').send({ name: '甲县' })).body as { id: string }).id;
    countyB = ((await admin.post('/api/v1/counties').send({ name: '乙县' })).body as { id: string }).id;
    townshipA = ((await admin.post(`/api/v1/counties/${countyA}/townships`).send({ name: '甲镇' })).body as { id: string }).id;
    ids.countyA = await createUser({ username: 'county.a', password: 'county-a-pass', role: 'county_admin', countyId: countyA });
    ids.officer = await createUser({
      username: 'officer',
      password: 'officer-pass',
      role: 'township',
      countyId: countyA,
      townshipId: townshipA,
    });
    ids.clerk = await createUser({ username: 'clerk', password: 'clerk-pass1', role: 'auditor', countyId: countyA });
    ids.other = await createUser({ username: 'other.county', password: 'other-pass1', role: 'auditor', countyId: countyB });
    countyAdminA = await tokenOf('county.a', 'county-a-pass');
  });
  afterAll(() => t?.close());

  it('does not honour a validly signed token of a user that does not exist', async () => {
    const forged = await new JwtService({ secret: 'test-secret' }).signAsync(
      {
        sub: '0f8e4c1a-2b6d-4e8f-9a1b-3c5d7e9f1a2b',
        username: 'ghost',
        role: 'admin',
        countyId: null,
        townshipId: null,
        department: null,
        head: false,
        ver: 1,
      },
      { expiresIn: 3600 },
    );
    problemOf(await t.as(forged).get('/api/v1/counties'), 401);
  });

  it('lists users by county: the admin any, a county_admin its own only', async () => {
    const own = await countyAdminA.get('/api/v1/users');
    expect((own.body as UserBody[]).map((u) => u.username).sort()).toEqual(['clerk', 'county.a', 'officer']);
    expect((own.body as UserBody[]).every((u) => u.disabled === false)).toBe(true);
    problemOf(await countyAdminA.get(`/api/v1/users?countyId=${countyB}`), 403);
    const b = await admin.get(`/api/v1/users?countyId=${countyB}`);
    expect((b.body as UserBody[]).map((u) => u.username)).toEqual(['other.county']);
  });

  it('disables a departed officer: its token stops at once, it cannot log in, and enabling restores the login', async () => {
    const officer = await tokenOf('officer', 'officer-pass');
    expect((await officer.get('/api/v1/me')).status).toBe(200);
    const disabled = await countyAdminA.post(`/api/v1/users/${ids.officer}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ username: 'officer', disabled: true });
    problemOf(await officer.get('/api/v1/me'), 401);
    expect(problemOf(await login('officer', 'officer-pass'), 401).type).toBe('/problems/account-disabled');
    // A wrong password says nothing about the account.
    expect(problemOf(await login('officer', 'wrong-pass1'), 401).type).toBe('/problems/unauthenticated');
    expect((await countyAdminA.post(`/api/v1/users/${ids.officer}/enable`)).body).toMatchObject({ disabled: false });
    problemOf(await officer.get('/api/v1/me'), 401);
    expect((await (await tokenOf('officer', 'officer-pass')).get('/api/v1/me')).status).toBe(200);
  });

  it('changes a role: the old token stops, the new login acts in the new role', async () => {
    const clerk = await tokenOf('clerk', 'clerk-pass1');
    const changed = await countyAdminA.put(`/api/v1/users/${ids.clerk}/role`).send({ role: 'department', department: '市场监管局' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ role: 'department', department: '市场监管局' });
    problemOf(await clerk.get('/api/v1/me'), 401);
    expect((await (await tokenOf('clerk', 'clerk-pass1')).get('/api/v1/me')).body).toMatchObject({ role: 'department' });
  });

  it('refuses a role without what it needs, the admin role, and one’s own role', async () => {
    const missing = problemOf(await countyAdminA.put(`/api/v1/users/${ids.clerk}/role`).send({ role: 'township' }), 400);
    expect(missing.errors?.map((e) => e.field)).toEqual(['townshipId']);
    const adminRole = problemOf(await countyAdminA.put(`/api/v1/users/${ids.clerk}/role`).send({ role: 'admin' }), 400);
    expect(adminRole.errors?.map((e) => e.field)).toEqual(['role']);
    expect(problemOf(await countyAdminA.put(`/api/v1/users/${ids.countyA}/role`).send({ role: 'auditor' }), 409).type).toBe(
      '/problems/own-account',
    );
    expect(problemOf(await countyAdminA.post(`/api/v1/users/${ids.countyA}/disable`), 409).type).toBe('/problems/own-account');
  });

  it('keeps a county_admin to its own county', async () => {
    problemOf(await countyAdminA.post(`/api/v1/users/${ids.other}/disable`), 404);
    problemOf(await countyAdminA.post(`/api/v1/users/${ids.other}/password-reset`).send({ password: 'new-pass-123' }), 404);
    const officer = await tokenOf('officer', 'officer-pass');
    problemOf(await officer.post(`/api/v1/users/${ids.clerk}/disable`), 403);
    // The admin acts everywhere.
    expect((await admin.post(`/api/v1/users/${ids.other}/disable`)).status).toBe(200);
    expect((await admin.post(`/api/v1/users/${ids.other}/enable`)).status).toBe(200);
  });

  it('resets a forgotten password: the old one and the old tokens stop working', async () => {
    const officer = await tokenOf('officer', 'officer-pass');
    const reset = await countyAdminA.post(`/api/v1/users/${ids.officer}/password-reset`).send({ password: 'fresh-pass-1' });
    expect(reset.status).toBe(204);
    problemOf(await officer.get('/api/v1/me'), 401);
    problemOf(await login('officer', 'officer-pass'), 401);
    expect((await login('officer', 'fresh-pass-1')).status).toBe(200);
  });

  it('lets a user change its own password with the current one, and hands it a new token', async () => {
    const officer = await tokenOf('officer', 'fresh-pass-1');
    const wrong = problemOf(
      await officer.post('/api/v1/users/me/password').send({ currentPassword: 'not-it-at-all', newPassword: 'my-own-pass-2' }),
      400,
    );
    expect(wrong).toMatchObject({ type: '/problems/wrong-password', errors: [{ field: 'currentPassword' }] });
    const changed = await officer.post('/api/v1/users/me/password').send({ currentPassword: 'fresh-pass-1', newPassword: 'my-own-pass-2' });
    expect(changed.status).toBe(200);
    problemOf(await officer.get('/api/v1/me'), 401);
    expect((await t.as((changed.body as { accessToken: string }).accessToken).get('/api/v1/me')).body).toMatchObject({
      username: 'officer',
    });
    expect((await login('officer', 'my-own-pass-2')).status).toBe(200);
  });

  describe('login throttling', () => {
    it('limits one address however many usernames it tries, says when to retry, and ignores X-Forwarded-For', async () => {
      let throttled: Response | undefined;
      for (let i = 0; i < 60 && throttled === undefined; i += 1) {
        const response = await t.http
          .post('/api/v1/auth/login')
          .set('X-Forwarded-For', `203.0.113.${i}`)
          .send({ username: `sprayed-${i}`, password: 'Summer2026!' });
        if (response.status === 429) throttled = response;
        else problemOf(response, 401);
      }
      expect(throttled).toBeDefined();
      const problem = problemOf(throttled as Response, 429);
      expect(problem.type).toBe('/problems/too-many-requests');
      const retryAfter = Number((throttled as Response).headers['retry-after']);
      expect(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 60).toBe(true);
    });
  });
});
