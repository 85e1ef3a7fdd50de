import fc from 'fast-check';
import request from 'supertest';
import { startTestApp, TEST_ADMIN, type TestApp } from '../support/test-app';

/**
 * Property-based fuzzing of the whole HTTP API: for every operation of the OpenAPI document the app
 * publishes, generated path values, query strings and bodies (well-typed, mistyped, hostile: NUL,
 * lone surrogates, huge strings, deep nesting, prototype keys, nulls, forms) are sent as the system
 * admin, a county_admin or nobody. Whatever comes in: never a 5xx, every 4xx is problem+json (a 401
 * names Bearer), and a refused request writes nothing (the event log's last position and the users
 * table are unchanged). Seeded and bounded: RUNS_PER_OPERATION requests per operation.
 */
const SEED = 20_261_206;
const RUNS_PER_OPERATION = 24;

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
const METHODS: readonly Method[] = ['get', 'post', 'put', 'patch', 'delete'];

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
  oneOf?: Schema[];
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

interface OpenApiDocument {
  paths: Record<string, Partial<Record<Method, Operation>>>;
  components: { schemas: Record<string, Schema> };
}

/** Strings that have broken servers: NUL, lone surrogates, escapes, prototype names, huge. */
const HOSTILE_TEXT = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\ud83d\ude00',
  '__proto__',
  'constructor',
  '../../etc/passwd',
  '%00',
  '%',
  "'; DROP TABLE users; --",
  '\u202e\u200b',
  '-1',
  '1e309',
  'null',
];
const HUGE_TEXT = 'x'.repeat(200_000);

/** Percent-encodes a string for a URL, lone surrogates too (as the three bytes UTF-8 would give them, which no decoder accepts). */
function encodeComponent(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff)
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    else out += encodeURIComponent(char);
  }
  return out;
}

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 20 }),
);

describe('API fuzzing (OpenAPI-driven)', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  const tokens: Record<'admin' | 'county' | 'none', string | undefined> = { admin: undefined, county: undefined, none: undefined };
  const known: Record<string, string[]> = {};
  const figures = { requests: 0, operations: 0, serverErrors: 0, refusals: 0, byStatus: new Map<number, number>() };

  const lastPosition = async (): Promise<string> => {
    const [row] = (await t.dataSource.query('SELECT coalesce(max(global_position), 0)::text AS p FROM events')) as [{ p: string }];
    return row.p;
  };
  const usersDigest = async (): Promise<string> => {
    const [row] = (await t.dataSource.query(
      `SELECT coalesce(md5(string_agg(concat_ws('|', id, username, password_hash, role, county_id, township_id, department, head,
         disabled_at, token_version), ',' ORDER BY id)), '') AS d FROM users`,
    )) as [{ d: string }];
    return row.d;
  };

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false, loginRateLimit: { limit: 100_000, windowMs: 60_000, perAddressLimit: 100_000 } });
    const admin = await t.loginAs(TEST_ADMIN.username, TEST_ADMIN.password);
    tokens.admin = await t.login(TEST_ADMIN.username, TEST_ADMIN.password);
    const county = (await admin.post('/api/v1/counties').send({ name: '模糊县' })).body as { id: string };
    const township = (await admin.post(`/api/v1/counties/${county.id}/townships`).send({ name: '模糊镇' })).body as {
      id: string;
      teamId: string;
    };
    await admin
      .post('/api/v1/users')
      .send({ username: 'fuzz.county', password: 'fuzz-county-pass', role: 'county_admin', countyId: county.id });
    const target = (
      await admin
        .post('/api/v1/users')
        .send({ username: 'fuzz.target', password: 'fuzz-target-pass', role: 'township', countyId: county.id, townshipId: township.id })
    ).body as { id: string };
    tokens.county = await t.login('fuzz.county', 'fuzz-county-pass');
    const countyAdmin = t.as(tokens.county);
    const power = await countyAdmin.post('/api/v1/powers').send({
      code: 'FZ-001',
      name: '模糊检查',
      category: 'inspection',
      legalBasis: '《条例》第一条',
      department: '市场监管局',
      requirements: { certifiedOfficers: 1, equipment: [{ kind: 'body-camera', quantity: 1 }], training: [] },
    });
    expect(power.status).toBe(201);
    const officer = (
      await countyAdmin
        .post(`/api/v1/teams/${township.teamId}/officers`)
        .send({ name: '张三', certificateNumber: 'ZF-1', certificateExpiresOn: '2030-01-01' })
    ).body as { officerId?: string };
    Object.assign(known, {
      countyId: [county.id],
      townshipId: [township.id],
      teamId: [township.teamId],
      userId: [target.id],
      code: ['FZ-001'],
      officerId: officer.officerId ? [officer.officerId] : [],
      id: [],
    });
    document = (await request(t.baseUrl).get('/api/docs-json')).body as OpenApiDocument;
  });

  afterAll(async () => {
    const statuses = [...figures.byStatus.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
    console.info(
      `API fuzzing: ${figures.requests} requests over ${figures.operations} operations (seed ${SEED}), ` +
        `${figures.serverErrors} × 5xx, ${figures.refusals} refusals; statuses ${statuses.join(' ')}`,
    );
    await t?.close();
  });

  const resolve = (schema: Schema): Schema => {
    if (schema.$ref) return document.components.schemas[schema.$ref.split('/').pop() ?? ''] ?? {};
    if (schema.allOf?.[0]) return resolve(schema.allOf[0]);
    return schema;
  };

  /** A value of the schema's type most of the time, something hostile otherwise. */
  const valueOf = (raw: Schema, depth: number, name = ''): fc.Arbitrary<unknown> => {
    const schema = resolve(raw);
    const hostile = fc.oneof(hostileString, fc.constant(null), fc.integer(), fc.boolean(), fc.constant([]), fc.constant({}));
    let typed: fc.Arbitrary<unknown>;
    if (schema.enum) typed = fc.constantFrom(...schema.enum);
    else if (schema.type === 'string' && schema.format === 'uuid')
      typed = known[name]?.length ? fc.oneof(fc.constantFrom(...(known[name] ?? [])), fc.uuid()) : fc.uuid();
    else if (schema.type === 'string' && schema.format === 'date')
      typed = fc.oneof(
        fc.constantFrom('2026-12-01', '2027-02-29', '2026-13-01'),
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      );
    else if (schema.type === 'string')
      typed = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('FZ-001', 'body-camera', '市场监管局'));
    else if (schema.type === 'integer' || schema.type === 'number') typed = fc.oneof(fc.integer({ min: -3, max: 50 }), fc.double());
    else if (schema.type === 'boolean') typed = fc.boolean();
    else if (schema.type === 'array' && schema.items && depth < 4)
      typed = fc.array(valueOf(schema.items, depth + 1, name), { maxLength: 3 });
    else if (schema.properties && depth < 4) {
      const entries = Object.entries(schema.properties).map(([key, property]) => [key, valueOf(property, depth + 1, key)] as const);
      typed = fc.record(Object.fromEntries(entries), { requiredKeys: [] });
    } else typed = fc.jsonValue({ maxDepth: 2 });
    return fc.oneof({ weight: 6, arbitrary: typed }, { weight: 1, arbitrary: hostile });
  };

  /** A body: typed from the schema (sometimes with an extra or prototype key), any JSON, or raw text nobody should parse. */
  const bodyOf = (schema: Schema | undefined): fc.Arbitrary<{ raw: string; type: string }> => {
    const json = (value: unknown): { raw: string; type: string } => ({ raw: JSON.stringify(value) ?? 'null', type: 'application/json' });
    const typed = schema ? valueOf(schema, 0) : fc.jsonValue({ maxDepth: 2 });
    const withKey = fc
      .tuple(typed, fc.constantFrom('__proto__', 'constructor', 'extra', 'prototype'), fc.jsonValue({ maxDepth: 1 }))
      .map(([value, key, extra]) =>
        value !== null && typeof value === 'object' && !Array.isArray(value)
          ? {
              raw: `${JSON.stringify(value).slice(0, -1)}${Object.keys(value).length ? ',' : ''}${JSON.stringify(key)}:${JSON.stringify(extra)}}`,
              type: 'application/json',
            }
          : json(value),
      );
    return fc.oneof(
      { weight: 8, arbitrary: typed.map(json) },
      { weight: 2, arbitrary: withKey },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map(json) },
      {
        weight: 1,
        arbitrary: fc
          .integer({ min: 30, max: 3000 })
          .map((n) => ({ raw: `{"a":${'['.repeat(n)}${']'.repeat(n)}}`, type: 'application/json' })),
      },
      { weight: 1, arbitrary: fc.constant({ raw: JSON.stringify({ name: HUGE_TEXT, code: HUGE_TEXT }), type: 'application/json' }) },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom('{"name":', 'null', '"x"', '{"a":"\\ud800"}', '{"a":"\\u0000"}')
          .map((raw) => ({ raw, type: 'application/json' })),
      },
      { weight: 1, arbitrary: fc.constant({ raw: 'name=x&code=y', type: 'application/x-www-form-urlencoded' }) },
      { weight: 1, arbitrary: fc.constant({ raw: '<a/>', type: 'text/xml' }) },
    );
  };

  const operations = (): Array<[string, Method, Operation]> =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.flatMap((method) => (item[method] ? [[path, method, item[method]] as [string, Method, Operation]] : [])),
    );

  it('never answers a 5xx, answers every 4xx with problem+json, and writes nothing on a refusal', async () => {
    const all = operations();
    expect(all.length).toBeGreaterThan(20);
    figures.operations = all.length;
    for (const [path, method, operation] of all) {
      const pathParams = (operation.parameters ?? []).filter((p) => p.in === 'path');
      const queryParams = (operation.parameters ?? []).filter((p) => p.in === 'query');
      const bodySchema = operation.requestBody?.content['application/json']?.schema;
      const pathValue = (name: string): fc.Arbitrary<string> =>
        fc.oneof(
          { weight: 3, arbitrary: known[name]?.length ? fc.constantFrom(...(known[name] ?? [])) : fc.uuid() },
          { weight: 2, arbitrary: fc.uuid() },
          { weight: 3, arbitrary: hostileString.filter((s) => s.length > 0) },
        );
      const queryValue = fc.oneof(fc.constantFrom('recorded', 'true', '1', '0', '-1', '99999999999'), fc.uuid(), hostileString);
      const request$ = fc.record({
        caller: fc.constantFrom('admin', 'county', 'county', 'none'),
        pathValues: fc.tuple(...pathParams.map((p) => pathValue(p.name))),
        query: fc.array(
          fc.tuple(
            fc.oneof(fc.constantFrom(...(queryParams.length ? queryParams.map((p) => p.name) : ['page'])), hostileString),
            queryValue,
          ),
          { maxLength: 3 },
        ),
        body: method === 'get' || method === 'delete' ? fc.constant(undefined) : bodyOf(bodySchema),
      });
      await fc.assert(
        fc.asyncProperty(request$, async ({ caller, pathValues, query, body }) => {
          let url = path;
          pathParams.forEach((p, i) => (url = url.replace(`{${p.name}}`, encodeComponent(pathValues[i] ?? ''))));
          if (query.length > 0) url += `?${query.map(([k, v]) => `${encodeComponent(k)}=${encodeComponent(v)}`).join('&')}`;
          const positionBefore = await lastPosition();
          const usersBefore = await usersDigest();
          let call = request(t.baseUrl)[method](url);
          const token = tokens[caller as keyof typeof tokens];
          if (token) call = call.set('Authorization', `Bearer ${token}`);
          if (body) call = call.set('Content-Type', body.type).send(body.raw);
          const response = await call;
          figures.requests += 1;
          figures.byStatus.set(response.status, (figures.byStatus.get(response.status) ?? 0) + 1);
          const what = `${method.toUpperCase()} ${url.slice(0, 200)} as ${caller} → ${response.status} ${(response.text ?? `<${String(response.headers['content-type'])}>`).slice(0, 300)}`;
          if (response.status >= 500) figures.serverErrors += 1;
          expect(response.status, what).toBeLessThan(500);
          if (response.status >= 400) {
            figures.refusals += 1;
            expect(response.headers['content-type'], what).toMatch(/^application\/problem\+json/);
            expect(response.body, what).toMatchObject({ type: expect.stringMatching(/^\/problems\/[a-z0-9-]+$/), status: response.status });
            if (response.status === 401) expect(response.headers['www-authenticate'], what).toBe('Bearer');
            expect(await lastPosition(), what).toBe(positionBefore);
            expect(await usersDigest(), what).toBe(usersBefore);
          }
        }),
        { numRuns: RUNS_PER_OPERATION, seed: SEED, endOnFailure: true },
      );
    }
    expect(figures.serverErrors).toBe(0);
  }, 240_000);
});
