import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { SAMPLE_CATALOGUE, type SampleCatalogueItem } from '../../apps/api/src/demo/sample-catalogue';
import { startTestApp, TEST_ADMIN, type AuthorizedClient, type TestApp } from '../support/test-app';

/**
 * The ledger over HTTP, end to end on PostgreSQL and Redis: the catalogue, the teams and the
 * handovers — the whole story from a handover recorded without resources to its acceptance, and
 * every refusal on the way (403 across townships and counties, auditors, stale If-Match, gaps,
 * coercion entrusted, bad fields, unknown ids, oversized bodies, racing acceptances).
 */

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code?: string;
  errors?: Array<{ field: string; message: string }>;
  gaps?: Gap[];
}

interface Gap {
  resource: 'officers' | 'training' | 'equipment';
  item: string;
  required: number;
  available: number;
  missing: number;
  responsible: string;
}

interface Handover {
  id: string;
  countyId: string;
  powerCode: string;
  powerName: string | null;
  teamId: string;
  townshipId: string;
  department: string;
  status: string;
  mode: string;
  effectiveOn: string;
  endsOn: string | null;
  committed: { officers: unknown[]; equipment: Array<{ kind: string; quantity: number }>; training: unknown[]; budgetYuan?: number };
  readiness: { ready: boolean; gaps: Gap[] };
  version: number;
}

interface Team {
  id: string;
  countyId: string;
  townshipId: string;
  officers: Array<{ officerId: string; name: string; certificateNumber: string; certificateExpiresOn: string; secondedFrom?: string }>;
  equipment: Array<{ kind: string; quantity: number }>;
  training: Array<{ trainingId: string; officerId: string; course: string; hours: number; completedOn: string }>;
  version: number;
}

interface HistoryEntry {
  type: string;
  version: number;
  occurredAt: string;
  actor: string;
  data: Record<string, unknown>;
}

const URBAN = SAMPLE_CATALOGUE[0]!.department;
const MARKET = '市场监管局';
const LITTERING_COURSE = '市容环卫执法实务';
const PAST = '2025-01-01';
const FUTURE = '2099-07-01';
/** After today (2026 when written), before the certificates expire (2030). */
const SOON = '2029-07-01';

/** The sample catalogue of DOMAIN-NOTES.md §7, as the demo county has it. */
const CATALOGUE = SAMPLE_CATALOGUE;

function powerBody(item: SampleCatalogueItem): Record<string, unknown> {
  return { ...item };
}

function expectProblem(response: Response, status: number): ProblemBody {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${response.text}`);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.body as ProblemBody;
  expect(body).toEqual(
    expect.objectContaining({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) }),
  );
  return body;
}

function expectStatus(response: Response, status: number): void {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${response.text}`);
}

function fieldsOf(response: Response): string[] {
  // One entry per broken rule: a field may be named more than once.
  return [...new Set((expectProblem(response, 400).errors ?? []).map((error) => error.field))];
}

describe('ledger: catalogue, teams and handovers (e2e)', () => {
  let t: TestApp;
  let admin: AuthorizedClient;
  let countyA: string;
  let countyB: string;
  let xiping: { id: string; teamId: string };
  let baishui: { id: string; teamId: string };
  let otherCounty: { id: string; teamId: string };
  let countyAdmin: AuthorizedClient;
  let urban: AuthorizedClient;
  let market: AuthorizedClient;
  let xipingUser: AuthorizedClient;
  let baishuiUser: AuthorizedClient;
  let auditor: AuthorizedClient;
  let countyAdminB: AuthorizedClient;

  async function createUser(body: Record<string, unknown>): Promise<AuthorizedClient> {
    const response = await admin.post('/api/v1/users').send(body);
    expectStatus(response, 201);
    return t.loginAs(String(body.username), String(body.password));
  }

  async function township(countyId: string, name: string): Promise<{ id: string; teamId: string }> {
    const response = await admin.post(`/api/v1/counties/${countyId}/townships`).send({ name });
    expectStatus(response, 201);
    return response.body as { id: string; teamId: string };
  }

  async function getHandover(client: AuthorizedClient, id: string): Promise<Handover> {
    const response = await client.get(`/api/v1/handovers/${id}`);
    expectStatus(response, 200);
    return response.body as Handover;
  }

  async function getTeam(client: AuthorizedClient, teamId: string): Promise<Team> {
    const response = await client.get(`/api/v1/teams/${teamId}`);
    expectStatus(response, 200);
    return response.body as Team;
  }

  async function record(client: AuthorizedClient, body: Record<string, unknown>): Promise<Handover> {
    const response = await client.post('/api/v1/handovers').send(body);
    expectStatus(response, 201);
    return response.body as Handover;
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.loginAs(TEST_ADMIN.username, TEST_ADMIN.password);
    countyA = ((await admin.post('/api/v1/counties').send({ name: '沾益区' })).body as { id: string }).id;
    countyB = ((await admin.post('/api/v1/counties').send({ name: '柯桥区' })).body as { id: string }).id;
    xiping = await township(countyA, '西平街道');
    baishui = await township(countyA, '白水镇');
    otherCounty = await township(countyB, '安昌街道');
    const password = 'ledger-password-1';
    countyAdmin = await createUser({ username: 'zy.admin', password, role: 'county_admin', countyId: countyA, head: true });
    urban = await createUser({ username: 'zy.cg', password, role: 'department', countyId: countyA, department: URBAN });
    market = await createUser({ username: 'zy.sc', password, role: 'department', countyId: countyA, department: MARKET });
    xipingUser = await createUser({ username: 'xp.li', password, role: 'township', countyId: countyA, townshipId: xiping.id });
    baishuiUser = await createUser({ username: 'bs.wang', password, role: 'township', countyId: countyA, townshipId: baishui.id });
    auditor = await createUser({ username: 'zy.audit', password, role: 'auditor', countyId: countyA });
    countyAdminB = await createUser({ username: 'kq.admin', password, role: 'county_admin', countyId: countyB });
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('the catalogue', () => {
    it('registers the 14 sample items of the county catalogue with version 1', async () => {
      for (const item of CATALOGUE) {
        const response = await countyAdmin.post('/api/v1/powers').send(powerBody(item));
        expectStatus(response, 201);
        expect(response.body).toEqual({ ...powerBody(item), version: 1 });
      }
      const list = await urban.get('/api/v1/powers');
      expectStatus(list, 200);
      expect((list.body as Array<{ code: string }>).map((power) => power.code)).toEqual(CATALOGUE.map((item) => item.code).sort());
      const one = await xipingUser.get('/api/v1/powers/QZ-SC-0005');
      expectStatus(one, 200);
      expect(one.body).toMatchObject({ code: 'QZ-SC-0005', category: 'coercion', department: MARKET, version: 1 });
    });

    it('refuses a code already in the catalogue with 409, but the same code in another county is its own', async () => {
      const again = expectProblem(await countyAdmin.post('/api/v1/powers').send(powerBody(CATALOGUE[0]!)), 409);
      expect(again.code).toBe('power-already-registered');
      expectStatus(await countyAdminB.post('/api/v1/powers').send(powerBody(CATALOGUE[0]!)), 201);
      expect((await countyAdminB.get('/api/v1/powers')).body).toHaveLength(1);
    });

    it('names every bad field of a power', async () => {
      const fields = fieldsOf(
        await countyAdmin.post('/api/v1/powers').send({
          code: 'has space',
          name: '',
          category: 'fine',
          legalBasis: 7,
          requirements: { certifiedOfficers: -1, equipment: [{ kind: 'body-camera', quantity: 0 }], training: [{ course: '', hours: 0 }] },
          extra: true,
        }),
      );
      expect(fields).toEqual(
        expect.arrayContaining([
          'code',
          'name',
          'category',
          'legalBasis',
          'department',
          'requirements.certifiedOfficers',
          'requirements.equipment[0].quantity',
          'requirements.training[0].course',
          'requirements.training[0].hours',
          'extra',
        ]),
      );
      // The domain's rule: a penalty needs at least two certified officers (Administrative Penalty Law art. 42).
      const one = {
        ...powerBody({ ...CATALOGUE[0]!, code: 'CF-X-1' }),
        requirements: { certifiedOfficers: 1, equipment: [], training: [] },
      };
      expect(fieldsOf(await countyAdmin.post('/api/v1/powers').send(one))).toEqual(['requirements.certifiedOfficers']);
      expect(fieldsOf(await countyAdmin.post('/api/v1/powers').send({ ...powerBody(CATALOGUE[0]!), requirements: undefined }))).toContain(
        'requirements',
      );
      expect(fieldsOf(await countyAdmin.get(`/api/v1/powers/${'x'.repeat(65)}`))).toEqual(['code']);
    });

    it('lets only the county_admin write the catalogue', async () => {
      for (const client of [urban, xipingUser, auditor, admin]) {
        expectProblem(await client.post('/api/v1/powers').send(powerBody({ ...CATALOGUE[0]!, code: 'CF-NEW-1' })), 403);
        expectProblem(
          await client
            .put('/api/v1/powers/CF-CG-0001/requirements')
            .send({ requirements: { certifiedOfficers: 2, equipment: [], training: [] } }),
          403,
        );
      }
    });

    it('answers 404 for a code not in the county catalogue', async () => {
      expectProblem(await countyAdmin.get('/api/v1/powers/NO-SUCH-CODE'), 404);
      expectProblem(
        await countyAdmin
          .put('/api/v1/powers/NO-SUCH-CODE/requirements')
          .send({ requirements: { certifiedOfficers: 2, equipment: [], training: [] } }),
        404,
      );
      // Another county's code is not in this county's catalogue.
      expectProblem(await countyAdminB.get('/api/v1/powers/CF-CG-0004'), 404);
    });

    it('refuses a body over 1 MB with 413', async () => {
      const response = await countyAdmin
        .post('/api/v1/powers')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ ...powerBody(CATALOGUE[0]!), name: 'x'.repeat(1_100_000) }));
      expectProblem(response, 413);
    });
  });

  describe('the story: a handover without resources, the team catches up, the township accepts', () => {
    let handover: Handover;
    let officers: string[] = [];

    it('records a handover without resources: 201, recorded, with every gap and who is responsible', async () => {
      handover = await record(countyAdmin, {
        powerCode: 'CF-CG-0001',
        teamId: xiping.teamId,
        mode: 'transfer',
        instrument: '沾政发〔2025〕12号',
        effectiveOn: PAST,
        committed: { equipment: [{ kind: 'body-camera', quantity: 2 }], budgetYuan: 20000 },
      });
      expect(handover).toMatchObject({
        id: expect.any(String),
        status: 'recorded',
        version: 1,
        powerCode: 'CF-CG-0001',
        teamId: xiping.teamId,
        townshipId: xiping.id,
        department: URBAN, // the power's source department, for a county_admin
        mode: 'transfer',
        committed: { officers: [], equipment: [{ kind: 'body-camera', quantity: 2 }], training: [], budgetYuan: 20000 },
        readiness: { ready: false },
      });
    });

    it('shows the township its gaps: officers, training and the promised cameras with the department responsible', async () => {
      const seen = await getHandover(xipingUser, handover.id);
      expect(seen.version).toBe(1);
      // The recording was answered from what it wrote; the read side shows exactly that.
      expect(seen).toEqual(handover);
      expect(seen.readiness.ready).toBe(false);
      expect(seen.readiness.gaps).toEqual(
        expect.arrayContaining([
          { resource: 'officers', item: 'certified-officer', required: 2, available: 0, missing: 2, responsible: 'county-office' },
          { resource: 'training', item: LITTERING_COURSE, required: 2, available: 0, missing: 2, responsible: 'county-office' },
          { resource: 'equipment', item: 'body-camera', required: 2, available: 0, missing: 2, responsible: URBAN },
        ]),
      );
      expect(seen.readiness.gaps).toHaveLength(3);
    });

    it('lets the township add two officers (201 with officerId and version)', async () => {
      const team = await getTeam(xipingUser, xiping.teamId);
      expect(team).toMatchObject({ id: xiping.teamId, townshipId: xiping.id, officers: [], equipment: [], training: [], version: 1 });
      const first = await xipingUser
        .post(`/api/v1/teams/${xiping.teamId}/officers`)
        .set('If-Match', '"1"')
        .send({ name: '李明', certificateNumber: '53030020230001', certificateExpiresOn: '2030-06-30' });
      expectStatus(first, 201);
      expect(first.body).toEqual({ officerId: expect.any(String), version: 2 });
      const second = await countyAdmin
        .post(`/api/v1/teams/${xiping.teamId}/officers`)
        .send({ name: '张华', certificateNumber: '53030020230002', certificateExpiresOn: '2031-03-31', secondedFrom: URBAN });
      expectStatus(second, 201);
      expect(second.body).toEqual({ officerId: expect.any(String), version: 3 });
      officers = [(first.body as { officerId: string }).officerId, (second.body as { officerId: string }).officerId];
      const after = await getTeam(xipingUser, xiping.teamId);
      expect(after.officers.map((officer) => officer.name)).toEqual(['李明', '张华']);
      expect(after.officers[1]).toMatchObject({ secondedFrom: URBAN, certificateExpiresOn: '2031-03-31' });
      expect(after.version).toBe(3);
    });

    it('refuses a certificate number already on the team with 409', async () => {
      const duplicate = expectProblem(
        await xipingUser
          .post(`/api/v1/teams/${xiping.teamId}/officers`)
          .send({ name: '王五', certificateNumber: '53030020230001', certificateExpiresOn: '2030-01-01' }),
        409,
      );
      expect(duplicate.code).toBe('certificate-number-in-use');
    });

    it('receives the cameras (200 with the team) and records both trainings (201)', async () => {
      const cameras = await xipingUser.post(`/api/v1/teams/${xiping.teamId}/equipment`).send({ kind: 'body-camera', quantity: 2 });
      expectStatus(cameras, 200);
      expect(cameras.body).toMatchObject({ id: xiping.teamId, equipment: [{ kind: 'body-camera', quantity: 2 }], version: 4 });
      for (const officerId of officers) {
        const training = await xipingUser
          .post(`/api/v1/teams/${xiping.teamId}/training`)
          .send({ officerId, course: LITTERING_COURSE, hours: 4, completedOn: '2025-01-15' });
        expectStatus(training, 201);
        expect(training.body).toEqual({ trainingId: expect.any(String), version: expect.any(Number) });
      }
      const team = await getTeam(auditor, xiping.teamId);
      expect(team.training).toHaveLength(2);
      expect(team.version).toBe(6);
    });

    it('now shows the handover ready', async () => {
      const seen = await getHandover(xipingUser, handover.id);
      expect(seen.readiness).toEqual({ ready: true, gaps: [] });
      const ready = await xipingUser.get(`/api/v1/handovers?ready=true`);
      expect((ready.body as { items: Handover[] }).items.map((item) => item.id)).toContain(handover.id);
    });

    it('lets the township accept: 200, active at once since the effective date has come', async () => {
      // Reminders may have been appended to the handover meanwhile: send the version just seen.
      const before = await getHandover(xipingUser, handover.id);
      const response = await xipingUser.post(`/api/v1/handovers/${handover.id}/acceptance`).set('If-Match', `"${before.version}"`).send({});
      expectStatus(response, 200);
      expect(response.body).toMatchObject({ id: handover.id, status: 'active', readiness: { ready: true, gaps: [] } });
      expect((response.body as Handover).version).toBeGreaterThanOrEqual(before.version + 2);
      expect((await getHandover(auditor, handover.id)).status).toBe('active');
    });

    it('keeps the whole story in the history, oldest first, each event with its actor', async () => {
      const response = await auditor.get(`/api/v1/handovers/${handover.id}/history`);
      expectStatus(response, 200);
      const history = response.body as HistoryEntry[];
      // Reminders sent while the gaps were open are on record too; the lifecycle is the rest.
      const lifecycle = history.filter((entry) => entry.type !== 'ReminderSent');
      expect(lifecycle.map(({ type, actor }) => ({ type, actor }))).toEqual([
        { type: 'HandoverRecorded', actor: 'zy.admin' },
        { type: 'HandoverAccepted', actor: 'xp.li' },
        { type: 'HandoverActivated', actor: 'xp.li' },
      ]);
      expect(history[0]?.type).toBe('HandoverRecorded');
      expect(history.map((entry) => entry.version)).toEqual(history.map((_, index) => index + 1));
      for (const entry of history) {
        expect(entry).toEqual({
          type: expect.any(String),
          version: expect.any(Number),
          occurredAt: expect.any(String),
          actor: expect.any(String),
          data: expect.any(Object),
        });
        expect(Number.isNaN(Date.parse(entry.occurredAt))).toBe(false);
      }
      expect(history[0]?.data).toMatchObject({ powerCode: 'CF-CG-0001', teamId: xiping.teamId, department: URBAN, mode: 'transfer' });
      expect(lifecycle[1]?.data).toMatchObject({ conditional: false, gaps: [] });
    });

    it('opens a gap again when an officer leaves (DELETE → 200) and closes it when one joins', async () => {
      const leave = await xipingUser.delete(`/api/v1/teams/${xiping.teamId}/officers/${officers[1]!}`);
      expectStatus(leave, 200);
      expect((leave.body as Team).officers.map((officer) => officer.officerId)).toEqual([officers[0]]);
      const seen = await getHandover(xipingUser, handover.id);
      expect(seen.readiness.ready).toBe(false);
      expect(seen.readiness.gaps.map((gap) => gap.resource).sort()).toEqual(['officers', 'training']);
      expectProblem(await xipingUser.delete(`/api/v1/teams/${xiping.teamId}/officers/${officers[1]!}`), 404);
      const back = await xipingUser
        .post(`/api/v1/teams/${xiping.teamId}/officers`)
        .send({ name: '张华', certificateNumber: '53030020230002', certificateExpiresOn: '2031-03-31' });
      expectStatus(back, 201);
      const officerId = (back.body as { officerId: string }).officerId;
      expectStatus(
        await xipingUser
          .post(`/api/v1/teams/${xiping.teamId}/training`)
          .send({ officerId, course: LITTERING_COURSE, hours: 4, completedOn: '2025-02-01' }),
        201,
      );
      officers = [officers[0]!, officerId];
      expect((await getHandover(xipingUser, handover.id)).readiness.ready).toBe(true);
    });

    it('re-evaluates the handovers of a power when its requirements are revised', async () => {
      const power = (await countyAdmin.get('/api/v1/powers/CF-CG-0001')).body as { version: number };
      const revised = await countyAdmin
        .put('/api/v1/powers/CF-CG-0001/requirements')
        .set('If-Match', `"${power.version}"`)
        .send({
          requirements: {
            certifiedOfficers: 2,
            equipment: [{ kind: 'body-camera', quantity: 3 }],
            training: [{ course: LITTERING_COURSE, hours: 4 }],
          },
        });
      expectStatus(revised, 200);
      expect(revised.body).toMatchObject({
        code: 'CF-CG-0001',
        version: power.version + 1,
        requirements: { equipment: [{ kind: 'body-camera', quantity: 3 }] },
      });
      const seen = await getHandover(xipingUser, handover.id);
      expect(seen.readiness.gaps).toEqual([
        { resource: 'equipment', item: 'body-camera', required: 3, available: 2, missing: 1, responsible: URBAN },
      ]);
      // A stale If-Match writes nothing.
      expectProblem(
        await countyAdmin
          .put('/api/v1/powers/CF-CG-0001/requirements')
          .set('If-Match', `"${power.version}"`)
          .send({ requirements: { certifiedOfficers: 2, equipment: [], training: [] } }),
        409,
      );
      expectStatus(await xipingUser.post(`/api/v1/teams/${xiping.teamId}/equipment`).send({ kind: 'body-camera', quantity: 1 }), 200);
      expect((await getHandover(xipingUser, handover.id)).readiness.ready).toBe(true);
    });
  });

  describe('refusals', () => {
    let road: Handover;

    beforeAll(async () => {
      // The road-occupation item needs a vehicle and its own course: Xiping is not ready for it.
      road = await record(urban, {
        powerCode: 'CF-CG-0004',
        teamId: xiping.teamId,
        mode: 'transfer',
        instrument: '沾政发〔2025〕13号',
        effectiveOn: FUTURE,
      });
    });

    it('records the department of a department user', () => {
      expect(road).toMatchObject({ department: URBAN, status: 'recorded', version: 1, readiness: { ready: false } });
    });

    it('refuses to accept with gaps (409 carrying the gaps); a conditional acceptance with a reason passes', async () => {
      const refused = expectProblem(await xipingUser.post(`/api/v1/handovers/${road.id}/acceptance`).send({}), 409);
      expect(refused.code).toBe('handover-not-ready');
      expect(refused.gaps).toEqual(
        expect.arrayContaining([
          { resource: 'equipment', item: 'vehicle', required: 1, available: 0, missing: 1, responsible: 'county-office' },
          { resource: 'training', item: '城市道路管理执法', required: 2, available: 0, missing: 2, responsible: 'county-office' },
        ]),
      );
      const untouched = (await xipingUser.get(`/api/v1/handovers/${road.id}/history`)).body as HistoryEntry[];
      expect(untouched.filter((entry) => entry.type !== 'ReminderSent').map((entry) => entry.type)).toEqual(['HandoverRecorded']);
      expect(fieldsOf(await xipingUser.post(`/api/v1/handovers/${road.id}/acceptance`).send({ conditional: true }))).toEqual(['reason']);
      const conditional = await xipingUser
        .post(`/api/v1/handovers/${road.id}/acceptance`)
        .send({ conditional: true, reason: '巡查车辆已列入年度采购计划' });
      expectStatus(conditional, 200);
      // Not effective before 2099: accepted, not active.
      expect(conditional.body).toMatchObject({ status: 'accepted', readiness: { ready: false } });
      const again = expectProblem(await xipingUser.post(`/api/v1/handovers/${road.id}/acceptance`).send({}), 409);
      expect(again.code).toBe('invalid-status');
    });

    it('refuses to entrust a coercive measure with 409, even without an end date', async () => {
      const withEnd = expectProblem(
        await market.post('/api/v1/handovers').send({
          powerCode: 'QZ-SC-0005',
          teamId: xiping.teamId,
          mode: 'entrustment',
          instrument: '沾市监〔2025〕3号',
          effectiveOn: FUTURE,
          endsOn: '2100-12-31',
        }),
        409,
      );
      expect(withEnd.code).toBe('coercion-cannot-be-entrusted');
      expectProblem(
        await countyAdmin.post('/api/v1/handovers').send({
          powerCode: 'QZ-SC-0005',
          teamId: xiping.teamId,
          mode: 'entrustment',
          instrument: '沾市监〔2025〕3号',
          effectiveOn: FUTURE,
        }),
        409,
      );
      // A transfer of it is fine.
      expect(
        await record(market, {
          powerCode: 'QZ-SC-0005',
          teamId: xiping.teamId,
          mode: 'transfer',
          instrument: '沾市监〔2025〕4号',
          effectiveOn: FUTURE,
        }),
      ).toMatchObject({ status: 'recorded', department: MARKET });
    });

    it('names every bad field of a handover', async () => {
      const fields = fieldsOf(
        await countyAdmin.post('/api/v1/handovers').send({
          powerCode: '',
          teamId: 'not-a-uuid',
          mode: 'gift',
          instrument: '  ',
          effectiveOn: '2025-02-30',
          endsOn: '31/12/2026',
          committed: {
            officers: [{ name: '王强', certificateNumber: 'X1', certificateExpiresOn: '2030-13-01' }],
            equipment: [{ kind: 'vehicle', quantity: 1.5 }],
            training: [{ course: 'c', hours: 0, scheduledOn: 'soon' }],
            budgetYuan: -1,
          },
          extra: 1,
        }),
      );
      expect(fields).toEqual(
        expect.arrayContaining([
          'powerCode',
          'teamId',
          'mode',
          'instrument',
          'effectiveOn',
          'endsOn',
          'committed.officers[0].certificateExpiresOn',
          'committed.equipment[0].quantity',
          'committed.training[0].hours',
          'committed.training[0].scheduledOn',
          'committed.budgetYuan',
          'extra',
        ]),
      );
      const base = { powerCode: 'CF-CG-0002', teamId: xiping.teamId, instrument: '沾政发〔2025〕20号', effectiveOn: '2026-01-01' };
      expect(fieldsOf(await countyAdmin.post('/api/v1/handovers').send({ ...base, mode: 'entrustment' }))).toEqual(['endsOn']);
      expect(fieldsOf(await countyAdmin.post('/api/v1/handovers').send({ ...base, mode: 'entrustment', endsOn: '2025-12-31' }))).toEqual([
        'endsOn',
      ]);
      expect(fieldsOf(await countyAdmin.post('/api/v1/handovers').send({ ...base, mode: 'transfer', endsOn: '2027-12-31' }))).toEqual([
        'endsOn',
      ]);
      expect(
        fieldsOf(
          await countyAdmin.post('/api/v1/handovers').send({
            ...base,
            mode: 'transfer',
            committed: {
              officers: [
                { name: 'a', certificateNumber: 'X', certificateExpiresOn: '2030-01-01' },
                { name: 'b', certificateNumber: 'X', certificateExpiresOn: '2030-01-01' },
              ],
            },
          }),
        ),
      ).toEqual(['committed.officers[1].certificateNumber']);
      expect(fieldsOf(await xipingUser.post(`/api/v1/handovers/${road.id}/contest`).send({ reason: '' }))).toEqual(['reason']);
      expect(fieldsOf(await countyAdmin.post(`/api/v1/handovers/${road.id}/revocation`).send({}))).toEqual(['reason']);
      expect(fieldsOf(await countyAdmin.put(`/api/v1/handovers/${road.id}/committed`).send({}))).toContain('committed');
      expect(fieldsOf(await countyAdmin.get('/api/v1/handovers?status=lost&ready=maybe&page=0&pageSize=1000&teamId=x'))).toEqual(
        expect.arrayContaining(['status', 'ready', 'page', 'pageSize', 'teamId']),
      );
      expect(fieldsOf(await countyAdmin.get('/api/v1/handovers/not-a-uuid'))).toEqual(['id']);
      expect(fieldsOf(await xipingUser.post(`/api/v1/handovers/${road.id}/acceptance`).set('If-Match', '"abc"').send({}))).toEqual([
        'If-Match',
      ]);
    });

    it('names every bad field of a team write', async () => {
      const team = `/api/v1/teams/${xiping.teamId}`;
      expect(
        fieldsOf(
          await xipingUser
            .post(`${team}/officers`)
            .send({ name: ' ', certificateNumber: 5, certificateExpiresOn: '2030-02-29', nickname: 'x' }),
        ),
      ).toEqual(expect.arrayContaining(['name', 'certificateNumber', 'certificateExpiresOn', 'nickname']));
      expect(fieldsOf(await xipingUser.post(`${team}/equipment`).send({ kind: '', quantity: 0 }))).toEqual(
        expect.arrayContaining(['kind', 'quantity']),
      );
      expect(fieldsOf(await xipingUser.post(`${team}/equipment`).send({ kind: 'vehicle', quantity: '2' }))).toEqual(['quantity']);
      expect(fieldsOf(await xipingUser.post(`${team}/equipment/write-offs`).send({ kind: 'vehicle', quantity: -1 }))).toEqual(
        expect.arrayContaining(['quantity', 'reason']),
      );
      expect(
        fieldsOf(await xipingUser.post(`${team}/training`).send({ officerId: 'x', course: 'c', hours: -4, completedOn: '2025-1-5' })),
      ).toEqual(expect.arrayContaining(['officerId', 'hours', 'completedOn']));
      const officerId = (await getTeam(xipingUser, xiping.teamId)).officers[0]!.officerId;
      expect(
        fieldsOf(
          await xipingUser.post(`${team}/training`).send({ officerId, course: LITTERING_COURSE, hours: 2, completedOn: '2098-01-01' }),
        ),
      ).toEqual(['completedOn']);
      const writeOff = expectProblem(
        await xipingUser.post(`${team}/equipment/write-offs`).send({ kind: 'vehicle', quantity: 1, reason: '报废' }),
        409,
      );
      expect(writeOff.code).toBe('insufficient-equipment');
    });

    it('answers 404 for unknown ids', async () => {
      const unknown = randomUUID();
      expectProblem(await countyAdmin.get(`/api/v1/handovers/${unknown}`), 404);
      expectProblem(await countyAdmin.get(`/api/v1/handovers/${unknown}/history`), 404);
      expectProblem(await xipingUser.post(`/api/v1/handovers/${unknown}/acceptance`).send({}), 404);
      expectProblem(await xipingUser.post(`/api/v1/handovers/${unknown}/contest`).send({ reason: '无' }), 404);
      expectProblem(await countyAdmin.put(`/api/v1/handovers/${unknown}/committed`).send({ committed: {} }), 404);
      expectProblem(await countyAdmin.post(`/api/v1/handovers/${unknown}/revocation`).send({ reason: '无' }), 404);
      expectProblem(await countyAdmin.get(`/api/v1/teams/${unknown}`), 404);
      expectProblem(await countyAdmin.post(`/api/v1/teams/${unknown}/equipment`).send({ kind: 'vehicle', quantity: 1 }), 404);
      expectProblem(await xipingUser.delete(`/api/v1/teams/${xiping.teamId}/officers/${unknown}`), 404);
      expectProblem(
        await xipingUser
          .post(`/api/v1/teams/${xiping.teamId}/training`)
          .send({ officerId: unknown, course: LITTERING_COURSE, hours: 4, completedOn: '2025-01-15' }),
        404,
      );
      expectProblem(
        await countyAdmin
          .post('/api/v1/handovers')
          .send({ powerCode: 'NO-SUCH-CODE', teamId: xiping.teamId, mode: 'transfer', instrument: 'x', effectiveOn: PAST }),
        404,
      );
      expectProblem(
        await countyAdmin
          .post('/api/v1/handovers')
          .send({ powerCode: 'CF-CG-0002', teamId: unknown, mode: 'transfer', instrument: 'x', effectiveOn: PAST }),
        404,
      );
    });

    it('keeps townships apart: another township reads and writes nothing of Xiping (403)', async () => {
      expectProblem(await baishuiUser.get(`/api/v1/handovers/${road.id}`), 403);
      expectProblem(await baishuiUser.get(`/api/v1/handovers/${road.id}/history`), 403);
      expectProblem(await baishuiUser.get(`/api/v1/teams/${xiping.teamId}`), 403);
      expectProblem(await baishuiUser.post(`/api/v1/teams/${xiping.teamId}/equipment`).send({ kind: 'vehicle', quantity: 1 }), 403);
      expectProblem(
        await baishuiUser
          .post(`/api/v1/teams/${xiping.teamId}/officers`)
          .send({ name: '赵六', certificateNumber: 'Z-1', certificateExpiresOn: '2030-01-01' }),
        403,
      );
      expectProblem(await baishuiUser.post(`/api/v1/handovers/${road.id}/contest`).send({ reason: '不是我们的' }), 403);
      const list = await baishuiUser.get('/api/v1/handovers');
      expectStatus(list, 200);
      expect(list.body).toEqual({ items: [], total: 0 });
      // Departments do not keep the townships' rosters; townships do not record handovers.
      expectProblem(await urban.post(`/api/v1/teams/${xiping.teamId}/equipment`).send({ kind: 'vehicle', quantity: 1 }), 403);
      expectProblem(
        await xipingUser
          .post('/api/v1/handovers')
          .send({ powerCode: 'CF-CG-0002', teamId: xiping.teamId, mode: 'transfer', instrument: 'x', effectiveOn: PAST }),
        403,
      );
      // Only the township of the team answers a handover.
      expectProblem(await countyAdmin.post(`/api/v1/handovers/${road.id}/contest`).send({ reason: 'x' }), 403);
    });

    it('keeps counties apart (403)', async () => {
      expectProblem(await countyAdminB.get(`/api/v1/handovers/${road.id}`), 403);
      expectProblem(await countyAdminB.get(`/api/v1/handovers/${road.id}/history`), 403);
      expectProblem(await countyAdminB.get(`/api/v1/teams/${xiping.teamId}`), 403);
      expectProblem(await countyAdminB.post(`/api/v1/teams/${xiping.teamId}/equipment`).send({ kind: 'vehicle', quantity: 1 }), 403);
      expectProblem(await countyAdminB.post(`/api/v1/handovers/${road.id}/revocation`).send({ reason: '越权' }), 403);
      expectProblem(await countyAdminB.put(`/api/v1/handovers/${road.id}/committed`).send({ committed: {} }), 403);
      // County B has CF-CG-0001 in its own catalogue, but Xiping's team is county A's.
      expectProblem(
        await countyAdminB
          .post('/api/v1/handovers')
          .send({ powerCode: 'CF-CG-0001', teamId: xiping.teamId, mode: 'transfer', instrument: 'x', effectiveOn: PAST }),
        403,
      );
      expectProblem(await countyAdmin.get(`/api/v1/teams/${otherCounty.teamId}`), 403);
      expectProblem(await countyAdmin.get(`/api/v1/powers?countyId=${countyB}`), 403);
      expect((await countyAdminB.get('/api/v1/handovers')).body).toEqual({ items: [], total: 0 });
      // The system admin names the county it reads.
      expectProblem(await admin.get('/api/v1/handovers'), 400);
      expect(((await admin.get(`/api/v1/handovers?countyId=${countyA}`)).body as { total: number }).total).toBeGreaterThan(0);
    });

    it('lets the auditor read everything of its county and write nothing (403)', async () => {
      expect((await getHandover(auditor, road.id)).id).toBe(road.id);
      expectStatus(await auditor.get(`/api/v1/handovers/${road.id}/history`), 200);
      expect((await getTeam(auditor, baishui.teamId)).id).toBe(baishui.teamId);
      expectStatus(await auditor.get('/api/v1/powers'), 200);
      expectProblem(
        await auditor
          .post('/api/v1/handovers')
          .send({ powerCode: 'CF-CG-0002', teamId: xiping.teamId, mode: 'transfer', instrument: 'x', effectiveOn: PAST }),
        403,
      );
      expectProblem(await auditor.post(`/api/v1/handovers/${road.id}/acceptance`).send({}), 403);
      expectProblem(await auditor.post(`/api/v1/handovers/${road.id}/contest`).send({ reason: 'x' }), 403);
      expectProblem(await auditor.put(`/api/v1/handovers/${road.id}/committed`).send({ committed: {} }), 403);
      expectProblem(await auditor.post(`/api/v1/handovers/${road.id}/revocation`).send({ reason: 'x' }), 403);
      expectProblem(
        await auditor
          .post(`/api/v1/teams/${xiping.teamId}/officers`)
          .send({ name: '赵六', certificateNumber: 'Z-1', certificateExpiresOn: '2030-01-01' }),
        403,
      );
      expectProblem(await auditor.post(`/api/v1/teams/${xiping.teamId}/equipment`).send({ kind: 'vehicle', quantity: 1 }), 403);
      expectProblem(
        await auditor.post(`/api/v1/teams/${xiping.teamId}/equipment/write-offs`).send({ kind: 'body-camera', quantity: 1, reason: 'x' }),
        403,
      );
      expectProblem(await auditor.delete(`/api/v1/teams/${xiping.teamId}/officers/${randomUUID()}`), 403);
    });

    it('refuses a stale If-Match with 409 and writes nothing', async () => {
      const before = await getTeam(xipingUser, xiping.teamId);
      const stale = expectProblem(
        await xipingUser
          .post(`/api/v1/teams/${xiping.teamId}/equipment`)
          .set('If-Match', `"${before.version - 1}"`)
          .send({ kind: 'vehicle', quantity: 1 }),
        409,
      );
      expect(stale.type).toMatch(/version-conflict$/);
      const after = await getTeam(xipingUser, xiping.teamId);
      expect(after.version).toBe(before.version);
      expect(after.equipment).toEqual(before.equipment);
      const fresh = await xipingUser
        .post(`/api/v1/teams/${xiping.teamId}/equipment`)
        .set('If-Match', `"${before.version}"`)
        .send({ kind: 'vehicle', quantity: 1 });
      expectStatus(fresh, 200);
      expect((fresh.body as Team).version).toBe(before.version + 1);
      // The same for handovers.
      const handover = await record(countyAdmin, {
        powerCode: 'CF-SC-0006',
        teamId: baishui.teamId,
        mode: 'transfer',
        instrument: '沾政发〔2025〕30号',
        effectiveOn: FUTURE,
      });
      const seen = await getHandover(countyAdmin, handover.id);
      const conflict = expectProblem(
        await countyAdmin
          .post(`/api/v1/handovers/${handover.id}/revocation`)
          .set('If-Match', `"${seen.version - 1}"`)
          .send({ reason: '调整' }),
        409,
      );
      expect(conflict.code).toBe('version-conflict');
      expect((await getHandover(countyAdmin, handover.id)).status).toBe('recorded');
    });

    it('lets two racing acceptances with the same If-Match through once: one 200, one 409', async () => {
      // Xiping is ready for CF-CG-0003 (two trained officers whose certificates hold on the effective date, cameras on hand).
      const handover = await record(countyAdmin, {
        powerCode: 'CF-CG-0003',
        teamId: xiping.teamId,
        mode: 'transfer',
        instrument: '沾政发〔2025〕31号',
        effectiveOn: SOON,
      });
      expect(handover.readiness).toEqual({ ready: true, gaps: [] });
      const responses = await Promise.all(
        [1, 2].map(() => xipingUser.post(`/api/v1/handovers/${handover.id}/acceptance`).set('If-Match', '"1"').send({})),
      );
      expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
      const winner = responses.find((response) => response.status === 200);
      expect(winner?.body).toMatchObject({ status: 'accepted', readiness: { ready: true } });
      expect(responses.find((response) => response.status === 409)?.body).toMatchObject({ code: 'version-conflict' });
      const history = (await xipingUser.get(`/api/v1/handovers/${handover.id}/history`)).body as HistoryEntry[];
      expect(history.filter((entry) => entry.type === 'HandoverAccepted')).toHaveLength(1);
    });

    it('contest → amend (back to recorded) → revoke, with the roles that may do each', async () => {
      const handover = await record(urban, {
        powerCode: 'CF-CG-0002',
        teamId: xiping.teamId,
        mode: 'entrustment',
        instrument: '沾城管〔2025〕7号',
        effectiveOn: '2026-01-01',
        endsOn: '2028-12-31',
      });
      expect(handover).toMatchObject({ mode: 'entrustment', endsOn: '2028-12-31', readiness: { ready: false } });
      const contested = await xipingUser.post(`/api/v1/handovers/${handover.id}/contest`).send({ reason: '缺少照相设备' });
      expectStatus(contested, 200);
      expect(contested.body).toMatchObject({ status: 'contested' });
      const contestedVersion = (contested.body as Handover).version;
      // Another department does not amend 城市管理局's handover.
      expectProblem(
        await market
          .put(`/api/v1/handovers/${handover.id}/committed`)
          .send({ committed: { equipment: [{ kind: 'camera', quantity: 1 }] } }),
        403,
      );
      const current = (await getHandover(urban, handover.id)).version;
      expect(current).toBeGreaterThanOrEqual(contestedVersion);
      const amended = await urban
        .put(`/api/v1/handovers/${handover.id}/committed`)
        .set('If-Match', `"${current}"`)
        .send({ committed: { equipment: [{ kind: 'camera', quantity: 1 }] } });
      expectStatus(amended, 200);
      expect(amended.body).toMatchObject({ status: 'recorded', committed: { equipment: [{ kind: 'camera', quantity: 1 }] } });
      // Reminders sent meanwhile may have raised the stream's version too (they never make If-Match stale).
      expect((amended.body as Handover).version).toBeGreaterThan(current);
      expect((amended.body as Handover).readiness.gaps).toContainEqual({
        resource: 'equipment',
        item: 'camera',
        required: 1,
        available: 0,
        missing: 1,
        responsible: URBAN,
      });
      expectProblem(await urban.post(`/api/v1/handovers/${handover.id}/revocation`).send({ reason: '收回' }), 403);
      const revoked = await countyAdmin.post(`/api/v1/handovers/${handover.id}/revocation`).send({ reason: '乡镇承接能力不足，收回' });
      expectStatus(revoked, 200);
      expect(revoked.body).toMatchObject({ status: 'revoked' });
      const again = expectProblem(await countyAdmin.post(`/api/v1/handovers/${handover.id}/revocation`).send({ reason: '再次' }), 409);
      expect(again.code).toBe('handover-revoked');
      const history = (await auditor.get(`/api/v1/handovers/${handover.id}/history`)).body as HistoryEntry[];
      expect(history.filter((entry) => entry.type !== 'ReminderSent').map(({ type, actor }) => [type, actor])).toEqual([
        ['HandoverRecorded', 'zy.cg'],
        ['HandoverContested', 'xp.li'],
        ['HandoverCommitmentsAmended', 'zy.cg'],
        ['HandoverRevoked', 'zy.admin'],
      ]);
    });
  });

  describe('Idempotency-Key', () => {
    it('records a handover once for a repeated key and body', async () => {
      const body = {
        powerCode: 'CF-HB-0007',
        teamId: xiping.teamId,
        mode: 'transfer',
        instrument: '沾政发〔2025〕40号',
        effectiveOn: SOON,
      };
      const first = await countyAdmin.post('/api/v1/handovers').set('Idempotency-Key', 'record-cf-hb-0007').send(body);
      expectStatus(first, 201);
      const again = await countyAdmin.post('/api/v1/handovers').set('Idempotency-Key', 'record-cf-hb-0007').send(body);
      expectStatus(again, 201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect((again.body as Handover).id).toBe((first.body as Handover).id);
      const listed = (await countyAdmin.get(`/api/v1/handovers?teamId=${xiping.teamId}&pageSize=100`)).body as { items: Handover[] };
      expect(listed.items.filter((item) => item.powerCode === 'CF-HB-0007')).toHaveLength(1);
    });
  });

  describe('the list', () => {
    it('filters by status, team and readiness, and pages', async () => {
      const all = (await countyAdmin.get('/api/v1/handovers?pageSize=100')).body as { items: Handover[]; total: number };
      expect(all.total).toBe(all.items.length);
      expect(all.total).toBeGreaterThanOrEqual(6);
      for (const item of all.items)
        expect(item).toEqual(
          expect.objectContaining({
            id: expect.any(String),
            status: expect.any(String),
            version: expect.any(Number),
            readiness: expect.any(Object),
          }),
        );

      const recorded = (await countyAdmin.get('/api/v1/handovers?status=recorded&pageSize=100')).body as {
        items: Handover[];
        total: number;
      };
      expect(recorded.total).toBe(all.items.filter((item) => item.status === 'recorded').length);
      expect(recorded.items.every((item) => item.status === 'recorded')).toBe(true);

      const baishuiOnly = (await countyAdmin.get(`/api/v1/handovers?teamId=${baishui.teamId}`)).body as {
        items: Handover[];
        total: number;
      };
      expect(baishuiOnly.total).toBe(1);
      expect(baishuiOnly.items[0]?.teamId).toBe(baishui.teamId);

      const notReady = (await countyAdmin.get('/api/v1/handovers?ready=false&pageSize=100')).body as { items: Handover[]; total: number };
      expect(notReady.items.every((item) => !item.readiness.ready)).toBe(true);
      const ready = (await countyAdmin.get('/api/v1/handovers?ready=true&pageSize=100')).body as { items: Handover[]; total: number };
      expect(ready.total + notReady.total).toBe(all.total);

      const pages = [1, 2, 3].map((page) => countyAdmin.get(`/api/v1/handovers?page=${page}&pageSize=2`));
      const bodies = (await Promise.all(pages)).map((response) => response.body as { items: Handover[]; total: number });
      for (const body of bodies) expect(body.total).toBe(all.total);
      expect(bodies.flatMap((body) => body.items.map((item) => item.id))).toEqual(all.items.slice(0, 6).map((item) => item.id));

      // The township sees its own township's only, whatever it asks for.
      const own = (await xipingUser.get(`/api/v1/handovers?pageSize=100&teamId=${baishui.teamId}`)).body as {
        items: Handover[];
        total: number;
      };
      expect(own).toEqual({ items: [], total: 0 });
      const xipingList = (await xipingUser.get('/api/v1/handovers?pageSize=100')).body as { items: Handover[]; total: number };
      expect(xipingList.items.every((item) => item.townshipId === xiping.id)).toBe(true);
      expect(xipingList.total).toBe(all.items.filter((item) => item.townshipId === xiping.id).length);
    });

    it('publishes the endpoints in the OpenAPI document', async () => {
      const document = (await t.http.get('/api/docs-json')).body as { paths: Record<string, unknown> };
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/powers',
          '/api/v1/powers/{code}',
          '/api/v1/powers/{code}/requirements',
          '/api/v1/teams/{teamId}',
          '/api/v1/teams/{teamId}/officers',
          '/api/v1/teams/{teamId}/officers/{officerId}',
          '/api/v1/teams/{teamId}/equipment',
          '/api/v1/teams/{teamId}/equipment/write-offs',
          '/api/v1/teams/{teamId}/training',
          '/api/v1/handovers',
          '/api/v1/handovers/{id}',
          '/api/v1/handovers/{id}/history',
          '/api/v1/handovers/{id}/acceptance',
          '/api/v1/handovers/{id}/contest',
          '/api/v1/handovers/{id}/committed',
          '/api/v1/handovers/{id}/revocation',
        ]),
      );
    });
  });
});
