import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { VocabularyBootstrap } from '../../apps/api/src/vocabularies/vocabulary-bootstrap.service';
import { startTestApp, TEST_ADMIN, type AuthorizedClient, type TestApp } from '../support/test-app';

interface ProblemBody {
  type: string;
  status: number;
  code: string;
  detail: string;
  errors?: Array<{ field: string; code: string; message: string }>;
}
interface VocabularyBody {
  vocabulary: string;
  terms: Array<{ code: string; name: string }>;
  version: number;
}

function expectStatus(response: Response, status: number): void {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${response.text}`);
}

/** A refusal: problem+json whose `code` is the slug of its `type`. */
function expectProblem(response: Response, status: number): ProblemBody {
  expectStatus(response, status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.body as ProblemBody;
  expect(body.type).toBe(`/problems/${body.code}`);
  return body;
}

function fieldCodes(response: Response): Array<[string, string]> {
  return (expectProblem(response, 400).errors ?? []).map((error) => [error.field, error.code]);
}

const requirements = (kind: string, course: string) => ({
  certifiedOfficers: 2,
  equipment: [
    { kind: 'body-camera', quantity: 2 },
    { kind, quantity: 1 },
  ],
  training: [{ course, hours: 4 }],
});
const power = (code: string, kind: string, course: string) => ({
  code,
  name: '对随地吐痰、乱扔果皮纸屑烟头等废弃物的处罚',
  category: 'penalty',
  legalBasis: '《城市市容和环境卫生管理条例》第三十四条',
  department: '综合执法局',
  requirements: requirements(kind, course),
});

describe('county vocabularies of equipment kinds and training courses (e2e)', () => {
  let t: TestApp;
  let admin: AuthorizedClient;
  let countyId: string;
  let teamId: string;
  let office: AuthorizedClient;
  let township: AuthorizedClient;
  let otherOffice: AuthorizedClient;

  async function user(body: Record<string, unknown>): Promise<AuthorizedClient> {
    expectStatus(await admin.post('/api/v1/users').send({ password: 'vocabulary-password-1', ...body }), 201);
    return t.loginAs(String(body.username), 'vocabulary-password-1');
  }

  async function vocabulary(client: AuthorizedClient, name: string): Promise<VocabularyBody> {
    const response = await client.get(`/api/v1/vocabularies/${name}`);
    expectStatus(response, 200);
    return response.body as VocabularyBody;
  }

  async function teamVersion(): Promise<number> {
    return ((await township.get(`/api/v1/teams/${teamId}`)).body as { version: number }).version;
  }

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false });
    admin = await t.loginAs(TEST_ADMIN.username, TEST_ADMIN.password);
    countyId = ((await admin.post('/api/v1/counties').send({ name: '词表县' })).body as { id: string }).id;
    const otherCounty = ((await admin.post('/api/v1/counties').send({ name: '邻县' })).body as { id: string }).id;
    const created = await admin.post(`/api/v1/counties/${countyId}/townships`).send({ name: '城关镇' });
    expectStatus(created, 201);
    const { id: townshipId, teamId: team } = created.body as { id: string; teamId: string };
    teamId = team;
    office = await user({ username: 'vocab.office', role: 'county_admin', countyId });
    township = await user({ username: 'vocab.township', role: 'township', countyId, townshipId });
    otherOffice = await user({ username: 'vocab.other', role: 'county_admin', countyId: otherCounty });
  });
  afterAll(() => t?.close());

  it('gives every new county the default kinds and courses, which everyone in the county reads', async () => {
    const kinds = await vocabulary(township, 'equipment-kinds');
    expect(kinds).toMatchObject({ vocabulary: 'equipment-kinds', version: 1 });
    expect(kinds.terms).toEqual(
      expect.arrayContaining([
        { code: 'body-camera', name: '执法记录仪' },
        { code: 'vehicle', name: '执法车辆' },
      ]),
    );
    const courses = await vocabulary(township, 'training-courses');
    expect(courses.terms).toContainEqual({ code: '市容环卫执法实务', name: '市容环卫执法实务' });
    const both = await office.get('/api/v1/vocabularies');
    expectStatus(both, 200);
    expect(both.body).toEqual({ 'equipment-kinds': kinds, 'training-courses': courses });
    // The system admin names the county.
    expect((await admin.get(`/api/v1/vocabularies/equipment-kinds?countyId=${countyId}`)).body).toEqual(kinds);
    expectProblem(await township.get('/api/v1/vocabularies/uniform-colours'), 404);
  });

  it('lets the county office add and rename terms, each county its own', async () => {
    const added = await office.post('/api/v1/vocabularies/equipment-kinds').send({ code: 'breathalyzer', name: '酒精检测仪' });
    expectStatus(added, 201);
    expect((added.body as VocabularyBody).terms.at(-1)).toEqual({ code: 'breathalyzer', name: '酒精检测仪' });
    expect((added.body as VocabularyBody).version).toBe(2);
    // The same term again changes nothing.
    const again = await office.post('/api/v1/vocabularies/equipment-kinds').send({ code: 'breathalyzer', name: '酒精检测仪' });
    expectStatus(again, 201);
    expect((again.body as VocabularyBody).version).toBe(2);

    const renamed = await office
      .put(`/api/v1/vocabularies/training-courses/${encodeURIComponent('市容环卫执法实务')}`)
      .send({ name: '市容环境卫生执法实务' });
    expectStatus(renamed, 200);
    expect((renamed.body as VocabularyBody).terms).toContainEqual({ code: '市容环卫执法实务', name: '市容环境卫生执法实务' });

    expect((await vocabulary(otherOffice, 'equipment-kinds')).terms.map((term) => term.code)).not.toContain('breathalyzer');
  });

  it('refuses bad terms with stable codes, and writers other than the county office', async () => {
    const kinds = '/api/v1/vocabularies/equipment-kinds';
    expect(expectProblem(await office.post(kinds).send({ code: 'dashcam', name: '执法记录仪' }), 409).code).toBe('term-name-in-use');
    expect(expectProblem(await office.post(kinds).send({ code: 'vehicle', name: '公务用车' }), 409).code).toBe(
      'term-already-in-vocabulary',
    );
    expect(fieldCodes(await office.post(kinds).send({ code: 'no spaces', name: '', extra: 1 }))).toEqual(
      expect.arrayContaining([
        ['code', 'bad-format'],
        ['name', 'required'],
        ['extra', 'unknown-field'],
      ]),
    );
    expect(expectProblem(await office.put(`${kinds}/no-such-kind`).send({ name: '新名称' }), 404).code).toBe('not-found');
    expect(expectProblem(await township.post(kinds).send({ code: 'kayak', name: '皮划艇' }), 403).code).toBe('forbidden');
    const stale = expectProblem(await office.put(`${kinds}/vehicle`).set('If-Match', '"1"').send({ name: '执法执勤车辆' }), 409);
    expect(stale.code).toBe('version-conflict');
    expect((await vocabulary(office, 'equipment-kinds')).terms).toContainEqual({ code: 'vehicle', name: '执法车辆' });
  });

  it('refuses an unknown kind or course in power requirements with 400 naming the field, and writes nothing', async () => {
    const typo = await office.post('/api/v1/powers').send(power('CF-VOC-0001', 'bodycam', '市容环卫执法'));
    expect(fieldCodes(typo)).toEqual([
      ['requirements.equipment[1].kind', 'unknown-equipment-kind'],
      ['requirements.training[0].course', 'unknown-training-course'],
    ]);
    expectProblem(await office.get('/api/v1/powers/CF-VOC-0001'), 404);

    const registered = await office.post('/api/v1/powers').send(power('CF-VOC-0001', 'breathalyzer', '市容环卫执法实务'));
    expectStatus(registered, 201);
    const revised = await office.put('/api/v1/powers/CF-VOC-0001/requirements').send({ requirements: requirements('vehicle', '行政处罚') });
    expect(fieldCodes(revised)).toEqual([['requirements.training[0].course', 'unknown-training-course']]);
    expect(((await office.get('/api/v1/powers/CF-VOC-0001')).body as { version: number }).version).toBe(1);
    // Registering it again is still refused by its rule, with that rule's code.
    expect(expectProblem(await office.post('/api/v1/powers').send(power('CF-VOC-0001', 'vehicle', '行政处罚法')), 409).code).toBe(
      'power-already-registered',
    );
  });

  it('refuses an unknown kind or course on the team, and takes a term the office has just added', async () => {
    const before = await teamVersion();
    expect(fieldCodes(await township.post(`/api/v1/teams/${teamId}/equipment`).send({ kind: 'body camera', quantity: 2 }))).toEqual([
      ['kind', 'unknown-equipment-kind'],
    ]);
    expect(
      fieldCodes(
        await township.post(`/api/v1/teams/${teamId}/equipment/write-offs`).send({ kind: 'bodycam', quantity: 1, reason: '损坏' }),
      ),
    ).toEqual([['kind', 'unknown-equipment-kind']]);
    const officer = await township
      .post(`/api/v1/teams/${teamId}/officers`)
      .send({ name: '王建国', certificateNumber: '330100202100123', certificateExpiresOn: '2030-12-31' });
    expectStatus(officer, 201);
    const { officerId } = officer.body as { officerId: string };
    expect(
      fieldCodes(
        await township
          .post(`/api/v1/teams/${teamId}/training`)
          .send({ officerId, course: '市容执法', hours: 4, completedOn: '2025-01-15' }),
      ),
    ).toEqual([['course', 'unknown-training-course']]);
    expect(await teamVersion()).toBe(before + 1);

    expectStatus(await office.post('/api/v1/vocabularies/equipment-kinds').send({ code: 'megaphone', name: '扩音器' }), 201);
    expectStatus(await township.post(`/api/v1/teams/${teamId}/equipment`).send({ kind: 'megaphone', quantity: 1 }), 200);
    expectStatus(
      await township
        .post(`/api/v1/teams/${teamId}/training`)
        .send({ officerId, course: '市容环卫执法实务', hours: 4, completedOn: '2025-01-15' }),
      201,
    );
  });

  it('refuses an unknown kind or course in a handover’s commitments, recorded or amended', async () => {
    const body = {
      powerCode: 'CF-VOC-0001',
      teamId,
      mode: 'transfer',
      instrument: '词政发〔2026〕1号',
      effectiveOn: '2026-12-01',
      committed: {
        equipment: [{ kind: 'drones', quantity: 1 }],
        training: [{ course: '行政处罚法', hours: 4, scheduledOn: '2026-11-01' }],
      },
    };
    expect(fieldCodes(await office.post('/api/v1/handovers').send(body))).toEqual([
      ['committed.equipment[0].kind', 'unknown-equipment-kind'],
    ]);
    expect(((await office.get('/api/v1/handovers')).body as { total: number }).total).toBe(0);

    const recorded = await office.post('/api/v1/handovers').send({ ...body, committed: { equipment: [{ kind: 'drone', quantity: 1 }] } });
    expectStatus(recorded, 201);
    const { id, version } = recorded.body as { id: string; version: number };
    const amended = await office
      .put(`/api/v1/handovers/${id}/committed`)
      .send({ committed: { training: [{ course: '无人机驾驶', hours: 8, scheduledOn: '2026-11-01' }] } });
    expect(fieldCodes(amended)).toEqual([['committed.training[0].course', 'unknown-training-course']]);
    expect(((await office.get(`/api/v1/handovers/${id}`)).body as { version: number }).version).toBe(version);
  });

  it('gives a county made before the vocabularies the defaults when the API starts', async () => {
    const older = randomUUID();
    await t.dataSource.query(`INSERT INTO counties (id, name, created_at) VALUES ($1, '旧县', now())`, [older]);
    expect((await vocabulary(admin, `equipment-kinds?countyId=${older}`)).terms).toEqual([]);
    await t.app.get(VocabularyBootstrap).onApplicationBootstrap();
    await t.app.get(VocabularyBootstrap).onApplicationBootstrap();
    const kinds = await vocabulary(admin, `equipment-kinds?countyId=${older}`);
    expect(kinds.version).toBe(1);
    expect(kinds.terms).toContainEqual({ code: 'body-camera', name: '执法记录仪' });
    // Counties that have them keep theirs.
    expect((await vocabulary(office, 'equipment-kinds')).terms).toContainEqual({ code: 'megaphone', name: '扩音器' });
  });

  it('publishes the vocabulary endpoints and the coded error shape in the OpenAPI document', async () => {
    const docs = await t.http.get('/api/docs-json');
    expectStatus(docs, 200);
    const document = docs.body as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties?: Record<string, unknown>; enum?: string[] }> };
    };
    const paths = Object.keys(document.paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/v1/vocabularies', '/api/v1/vocabularies/{vocabulary}', '/api/v1/vocabularies/{vocabulary}/{code}']),
    );
    // The error shape with its codes, for the web's generated types.
    expect(document.components.schemas.ProblemDetailsDto?.properties).toHaveProperty('code');
    expect(document.components.schemas.FieldErrorCode?.enum).toEqual(
      expect.arrayContaining(['unknown-equipment-kind', 'unknown-training-course']),
    );
    expect(document.components.schemas.ProblemCode?.enum).toEqual(expect.arrayContaining(['term-name-in-use', 'validation-failed']));
  });
});
