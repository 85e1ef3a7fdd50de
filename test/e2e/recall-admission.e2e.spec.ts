import type { Response } from 'supertest';
import { ManualClock } from '@fangquan/platform';
import { SAMPLE_CATALOGUE } from '../../apps/api/src/demo/sample-catalogue';
import { startTestApp, TEST_ADMIN, type AuthorizedClient, type TestApp } from '../support/test-app';

/**
 * Dynamic adjustment over HTTP on PostgreSQL and Redis: recall requests (申请收回) decided by the county
 * office — an approval revokes the handover, naming the request — and task admission (事项准入), where a
 * task without means is never admitted.
 */

interface ProblemBody {
  status: number;
  detail: string;
  code?: string;
  errors?: Array<{ field: string; message: string }>;
}

interface RecallRequest {
  id: string;
  townshipId: string;
  handoverId?: string;
  dutyCode?: string;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  decision: { reason: string; decisionRef?: string; department?: string } | null;
}

interface ListItem {
  dutyCode?: string;
  powerCode?: string;
  admissionId?: string;
  handoverId?: string;
  name: string;
  category: 'basic' | 'assisting' | 'returned';
  leadDepartment?: string;
  source: 'list' | 'handover' | 'admission';
}

interface TaskAdmission {
  id: string;
  status: 'pending' | 'admitted' | 'refused';
  townshipIds: string[];
  department: string;
}

function expectStatus(response: Response, status: number): void {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${response.text}`);
}

function expectProblem(response: Response, status: number): ProblemBody {
  expectStatus(response, status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  return response.body as ProblemBody;
}

function fieldsOf(response: Response): string[] {
  return [...new Set((expectProblem(response, 400).errors ?? []).map((error) => error.field))];
}

const POWER = SAMPLE_CATALOGUE[0]!;
const SECOND_POWER = SAMPLE_CATALOGUE[1]!;
const AGRICULTURE = '农业农村局';
/** 2026-12-07 10:00 in Beijing. */
const START = '2026-12-07T02:00:00.000Z';
const FUTURE = '2099-07-01';

describe('recall requests and task admission (e2e)', () => {
  const clock = new ManualClock(new Date(START));
  let t: TestApp;
  let admin: AuthorizedClient;
  let countyAdmin: AuthorizedClient;
  let xipingUser: AuthorizedClient;
  let baishuiUser: AuthorizedClient;
  let agriculture: AuthorizedClient;
  let xiping: { id: string; teamId: string };
  let baishui: { id: string; teamId: string };
  let longtan: { id: string; teamId: string };
  let otherCounty: { id: string; teamId: string };

  async function createUser(body: Record<string, unknown>): Promise<AuthorizedClient> {
    expectStatus(await admin.post('/api/v1/users').send(body), 201);
    return t.loginAs(String(body.username), String(body.password));
  }

  async function township(countyId: string, name: string): Promise<{ id: string; teamId: string }> {
    const response = await admin.post(`/api/v1/counties/${countyId}/townships`).send({ name });
    expectStatus(response, 201);
    return response.body as { id: string; teamId: string };
  }

  /** A handover of `power` to Xiping, accepted on condition (its team is not ready). */
  async function acceptedHandover(powerCode: string): Promise<string> {
    const recorded = await countyAdmin
      .post('/api/v1/handovers')
      .send({ powerCode, teamId: xiping.teamId, mode: 'transfer', instrument: '沾政发〔2026〕12号', effectiveOn: FUTURE });
    expectStatus(recorded, 201);
    const id = (recorded.body as { id: string }).id;
    expectStatus(await xipingUser.post(`/api/v1/handovers/${id}/acceptance`).send({ conditional: true, reason: '装备两周内到位' }), 200);
    return id;
  }

  async function listItems(townshipId: string): Promise<ListItem[]> {
    const response = await countyAdmin.get(`/api/v1/townships/${townshipId}/duty-list`);
    expectStatus(response, 200);
    return (response.body as { items: ListItem[] }).items;
  }

  async function recalls(client: AuthorizedClient, query = ''): Promise<RecallRequest[]> {
    const response = await client.get(`/api/v1/recall-requests${query}`);
    expectStatus(response, 200);
    return response.body as RecallRequest[];
  }

  /** The events of the recall streams, or of the admission streams (reminders append to handovers meanwhile). */
  async function eventCount(prefix: 'recall-' | 'admission-'): Promise<number> {
    const rows = (await t.dataSource.query('SELECT count(*)::int AS n FROM events WHERE starts_with(stream_id, $1)', [prefix])) as Array<{
      n: number;
    }>;
    return rows[0]!.n;
  }

  /** A handover's history without the reminders sent (those go on while gaps stay open). */
  async function historyOf(handoverId: string): Promise<Array<{ type: string; data: unknown }>> {
    const response = await countyAdmin.get(`/api/v1/handovers/${handoverId}/history`);
    expectStatus(response, 200);
    return (response.body as Array<{ type: string; data: unknown }>).filter((entry) => entry.type !== 'ReminderSent');
  }

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await t.loginAs(TEST_ADMIN.username, TEST_ADMIN.password);
    const county = ((await admin.post('/api/v1/counties').send({ name: '沾益区' })).body as { id: string }).id;
    const countyB = ((await admin.post('/api/v1/counties').send({ name: '柯桥区' })).body as { id: string }).id;
    xiping = await township(county, '西平街道');
    baishui = await township(county, '白水镇');
    longtan = await township(county, '龙潭街道');
    otherCounty = await township(countyB, '安昌街道');
    const password = 'recall-password-1';
    countyAdmin = await createUser({ username: 'zy.admin', password, role: 'county_admin', countyId: county, head: true });
    xipingUser = await createUser({ username: 'xp.li', password, role: 'township', countyId: county, townshipId: xiping.id });
    baishuiUser = await createUser({ username: 'bs.wang', password, role: 'township', countyId: county, townshipId: baishui.id });
    agriculture = await createUser({ username: 'zy.ny', password, role: 'department', countyId: county, department: AGRICULTURE });
    for (const power of [POWER, SECOND_POWER]) expectStatus(await countyAdmin.post('/api/v1/powers').send({ ...power }), 201);
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('recall requests', () => {
    it('a township asks back an accepted handover; the county approves; the handover is revoked, naming the request', async () => {
      const handoverId = await acceptedHandover(POWER.code);
      const filed = await xipingUser
        .post('/api/v1/recall-requests')
        .send({ townshipId: xiping.id, handoverId, reason: '街道无持证人员，近两年无办件' });
      expectStatus(filed, 201);
      const request = filed.body as RecallRequest;
      expect(request).toMatchObject({ townshipId: xiping.id, handoverId, status: 'pending', decision: null });

      // One pending request per township and item.
      const again = expectProblem(
        await countyAdmin.post('/api/v1/recall-requests').send({ townshipId: xiping.id, handoverId, reason: '再次申请' }),
        409,
      );
      expect(again.code).toBe('recall-request-pending');

      const decided = await countyAdmin
        .post(`/api/v1/recall-requests/${request.id}/decision`)
        .send({ approved: true, reason: '同意收回，由区城管局行使', decisionRef: '沾编办〔2026〕7号' });
      expectStatus(decided, 200);
      expect(decided.body).toMatchObject({ id: request.id, status: 'approved', decision: { decisionRef: '沾编办〔2026〕7号' } });

      const handover = await countyAdmin.get(`/api/v1/handovers/${handoverId}`);
      expect(handover.body).toMatchObject({ status: 'revoked' });
      const history = await historyOf(handoverId);
      expect(history.at(-1)).toMatchObject({
        type: 'HandoverRevoked',
        data: {
          reason: '同意收回，由区城管局行使',
          previousStatus: 'accepted',
          recall: {
            requestId: request.id,
            requestReason: '街道无持证人员，近两年无办件',
            decisionRef: '沾编办〔2026〕7号',
            filedCases: 'stay-with-filing-unit',
          },
        },
      });

      // The township's draft list shows the power returned to the department that handed it.
      expect((await listItems(xiping.id)).filter((item) => item.powerCode === POWER.code)).toEqual([
        expect.objectContaining({ category: 'returned', source: 'handover', handoverId, leadDepartment: POWER.department }),
      ]);

      // Decided once; a revoked handover cannot be asked back.
      expect(
        expectProblem(
          await countyAdmin.post(`/api/v1/recall-requests/${request.id}/decision`).send({ approved: false, reason: '撤回' }),
          409,
        ).code,
      ).toBe('recall-request-decided');
      expect(
        expectProblem(await xipingUser.post('/api/v1/recall-requests').send({ townshipId: xiping.id, handoverId, reason: '再次申请' }), 409)
          .code,
      ).toBe('handover-revoked');
    });

    it('a township asks back a duty of its list; the county approves; the duty is returned to its lead department in the draft', async () => {
      const duty = { code: 'ZR-NY-0012', name: '动物防疫检疫', domain: '民生服务', defaultCategory: 'basic', leadDepartment: AGRICULTURE };
      expectStatus(await countyAdmin.post('/api/v1/duties').send(duty), 201);
      expectStatus(await countyAdmin.put(`/api/v1/townships/${xiping.id}/duty-list/items/${duty.code}`).send({ category: 'basic' }), 200);
      // Not on Baishui's list: named as a bad field.
      expect(
        fieldsOf(
          await baishuiUser.post('/api/v1/recall-requests').send({ townshipId: baishui.id, dutyCode: duty.code, reason: '不在清单' }),
        ),
      ).toEqual(['dutyCode']);
      const filed = await xipingUser
        .post('/api/v1/recall-requests')
        .send({ townshipId: xiping.id, dutyCode: duty.code, reason: '街道无持证动物检疫员' });
      expectStatus(filed, 201);
      const id = (filed.body as RecallRequest).id;
      const decided = await countyAdmin
        .post(`/api/v1/recall-requests/${id}/decision`)
        .send({ approved: true, reason: '由区农业农村局收回', decisionRef: '沾编办〔2026〕8号' });
      expectStatus(decided, 200);
      expect(decided.body).toMatchObject({ status: 'approved', decision: { department: AGRICULTURE } });
      expect((await listItems(xiping.id)).find((item) => item.dutyCode === duty.code)).toMatchObject({
        category: 'returned',
        leadDepartment: AGRICULTURE,
        source: 'list',
      });
      expect(
        expectProblem(
          await xipingUser.post('/api/v1/recall-requests').send({ townshipId: xiping.id, dutyCode: duty.code, reason: '再次申请' }),
          409,
        ).code,
      ).toBe('duty-already-returned');
    });

    it('a rejection changes nothing but the request', async () => {
      const handoverId = await acceptedHandover(SECOND_POWER.code);
      const before = await historyOf(handoverId);
      const filed = await xipingUser.post('/api/v1/recall-requests').send({ townshipId: xiping.id, handoverId, reason: '人手不足' });
      expectStatus(filed, 201);
      const id = (filed.body as RecallRequest).id;
      const rejected = await countyAdmin.post(`/api/v1/recall-requests/${id}/decision`).send({ approved: false, reason: '先补齐培训再议' });
      expectStatus(rejected, 200);
      expect(rejected.body).toMatchObject({ status: 'rejected', decision: { reason: '先补齐培训再议' } });
      expect((await countyAdmin.get(`/api/v1/handovers/${handoverId}`)).body).toMatchObject({ status: 'accepted' });
      expect(await historyOf(handoverId)).toEqual(before);
      expect((await recalls(countyAdmin, '?status=rejected')).map((request) => request.id)).toEqual([id]);
    });

    it('a township cannot decide, nor ask for another township; it lists only its own requests', async () => {
      const handoverId = await acceptedHandover(SECOND_POWER.code);
      const filed = await countyAdmin.post('/api/v1/recall-requests').send({ townshipId: xiping.id, handoverId, reason: '县里代为申请' });
      expectStatus(filed, 201);
      const id = (filed.body as RecallRequest).id;
      expectProblem(
        await xipingUser.post(`/api/v1/recall-requests/${id}/decision`).send({ approved: true, reason: '自己批', decisionRef: 'x' }),
        403,
      );
      expectProblem(
        await baishuiUser.post('/api/v1/recall-requests').send({ townshipId: xiping.id, handoverId, reason: '代邻镇申请' }),
        403,
      );
      // Baishui asking back Xiping's handover for itself: not a handover of Baishui.
      expect(
        fieldsOf(await baishuiUser.post('/api/v1/recall-requests').send({ townshipId: baishui.id, handoverId, reason: '不是我们的' })),
      ).toEqual(['handoverId']);
      expect(await recalls(baishuiUser)).toEqual([]);
      expect((await recalls(xipingUser)).every((request) => request.townshipId === xiping.id)).toBe(true);
      expect((await recalls(countyAdmin, `?townshipId=${xiping.id}&status=pending`)).map((request) => request.id)).toEqual([id]);
    });

    it('shows when the decision falls due (10 working days after filing by default) and which pending requests are past it', async () => {
      const handoverId = await acceptedHandover(POWER.code);
      const filed = await xipingUser.post('/api/v1/recall-requests').send({ townshipId: xiping.id, handoverId, reason: '无人承接' });
      expectStatus(filed, 201);
      const request = filed.body as RecallRequest & { decisionDueAt: string; overdue: boolean };
      expect(request).toMatchObject({ decisionDueAt: '2026-12-21T02:00:00.000Z', overdue: false });
      const byId = async (): Promise<{ overdue: boolean; status: string }> =>
        (await recalls(countyAdmin)).find((one) => one.id === request.id) as unknown as { overdue: boolean; status: string };
      clock.set('2026-12-21T01:59:59.000Z');
      expect(await byId()).toMatchObject({ overdue: false });
      clock.set('2026-12-21T02:00:00.000Z');
      expect(await byId()).toMatchObject({ overdue: true });
      expectStatus(
        await countyAdmin.post(`/api/v1/recall-requests/${request.id}/decision`).send({ approved: false, reason: '暂不收回' }),
        200,
      );
      expect(await byId()).toMatchObject({ status: 'rejected', overdue: false });
      clock.set(START);
    });

    it('of two filings for one item at the same moment, one is pending and the other refused', async () => {
      const handoverId = await acceptedHandover(SECOND_POWER.code);
      const body = { townshipId: xiping.id, handoverId, reason: '同时提交' };
      const answers = await Promise.all([
        xipingUser.post('/api/v1/recall-requests').send(body),
        countyAdmin.post('/api/v1/recall-requests').send(body),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
      expect((answers.find((answer) => answer.status === 409)?.body as ProblemBody).code).toBe('recall-request-pending');
      expect((await recalls(countyAdmin, '?status=pending')).filter((request) => request.handoverId === handoverId)).toHaveLength(1);
    });

    it('names the bad fields and writes nothing', async () => {
      const handoverId = await acceptedHandover(POWER.code);
      const before = await eventCount('recall-');
      expect(fieldsOf(await xipingUser.post('/api/v1/recall-requests').send({ townshipId: xiping.id, handoverId, reason: '   ' }))).toEqual(
        ['reason'],
      );
      expect(
        fieldsOf(
          await xipingUser
            .post('/api/v1/recall-requests')
            .send({ townshipId: xiping.id, handoverId, dutyCode: 'ZR-1', reason: '两个都填' }),
        ),
      ).toEqual(['handoverId', 'dutyCode']);
      expect(fieldsOf(await xipingUser.post('/api/v1/recall-requests').send({ townshipId: xiping.id, reason: '都不填' }))).toEqual([
        'handoverId',
      ]);
      expect(
        fieldsOf(
          await xipingUser
            .post('/api/v1/recall-requests')
            .send({ townshipId: xiping.id, handoverId: '00000000-0000-4000-8000-000000000000', reason: '未知' }),
        ),
      ).toEqual(['handoverId']);
      expect(
        fieldsOf(await countyAdmin.post('/api/v1/recall-requests').send({ townshipId: 'xiping', handoverId, reason: '乡镇编号不对' })),
      ).toEqual(['townshipId']);
      const filed = (await xipingUser.post('/api/v1/recall-requests').send({ townshipId: xiping.id, handoverId, reason: '无人承接' }))
        .body as RecallRequest;
      const afterFiling = await eventCount('recall-');
      expect(afterFiling).toBe(before + 1);
      expect(
        fieldsOf(await countyAdmin.post(`/api/v1/recall-requests/${filed.id}/decision`).send({ approved: true, reason: '同意' })),
      ).toEqual(['decisionRef']);
      expectProblem(
        await countyAdmin
          .post('/api/v1/recall-requests/00000000-0000-4000-8000-000000000000/decision')
          .send({ approved: false, reason: '无此申请' }),
        404,
      );
      expect(await eventCount('recall-')).toBe(afterFiling);
    });
  });

  describe('task admission', () => {
    const task = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
      title: '草地贪夜蛾监测防控',
      description: '在玉米种植区布设监测点，每周巡查一次并上报虫情',
      townshipIds: [xiping.id, baishui.id],
      legalBasis: '《农作物病虫害防治条例》第十四条',
      means: {
        staff: 2,
        budgetYuan: 80000,
        equipment: [{ kind: 'sprayer', quantity: 4 }],
        training: [{ course: '草地贪夜蛾防控', hours: 6 }],
      },
      startsOn: '2026-12-07',
      endsOn: '2026-12-09',
      ...overrides,
    });

    it('a task without any means cannot be admitted: 409 naming the rule, nothing written', async () => {
      const filed = await agriculture.post('/api/v1/task-admissions').send(task({ means: { staff: 0, equipment: [] } }));
      expectStatus(filed, 201);
      const id = (filed.body as TaskAdmission).id;
      expect(filed.body).toMatchObject({ status: 'pending', department: AGRICULTURE });
      const before = await eventCount('admission-');
      const refused = expectProblem(
        await countyAdmin.post(`/api/v1/task-admissions/${id}/decision`).send({ admitted: true, reason: '同意' }),
        409,
      );
      expect(refused.code).toBe('task-without-means');
      expect(refused.detail).toContain('art. 4 and 13');
      expect(await eventCount('admission-')).toBe(before);
      const list = (await countyAdmin.get('/api/v1/task-admissions?status=pending')).body as TaskAdmission[];
      expect(list.map((admission) => admission.id)).toContain(id);
    });

    it('admits a task with means once; only the county office decides; only a department files', async () => {
      const filed = await agriculture.post('/api/v1/task-admissions').send(task());
      expectStatus(filed, 201);
      const id = (filed.body as TaskAdmission).id;
      expectProblem(await xipingUser.post(`/api/v1/task-admissions/${id}/decision`).send({ admitted: true, reason: '同意' }), 403);
      expectProblem(await xipingUser.post('/api/v1/task-admissions').send(task()), 403);
      const admitted = await countyAdmin
        .post(`/api/v1/task-admissions/${id}/decision`)
        .send({ admitted: true, reason: '经费人员随事项下沉' });
      expectStatus(admitted, 200);
      expect(admitted.body).toMatchObject({ id, status: 'admitted' });
      expect(
        expectProblem(await countyAdmin.post(`/api/v1/task-admissions/${id}/decision`).send({ admitted: false, reason: '改主意' }), 409)
          .code,
      ).toBe('admission-decided');
      // A township sees the tasks that name it.
      expect(((await xipingUser.get('/api/v1/task-admissions')).body as TaskAdmission[]).map((admission) => admission.id)).toContain(id);
    });

    it("an admitted task is on exactly the named townships' lists, frozen into the next publication, and leaves the day after it ends", async () => {
      const filed = await agriculture.post('/api/v1/task-admissions').send(task({ title: '秸秆禁烧巡查' }));
      expectStatus(filed, 201);
      const id = (filed.body as TaskAdmission).id;
      const admittedItems = async (townshipId: string): Promise<ListItem[]> =>
        (await listItems(townshipId)).filter((item) => item.admissionId === id);
      // Pending: on no list.
      expect(await admittedItems(xiping.id)).toEqual([]);
      expectStatus(await countyAdmin.post(`/api/v1/task-admissions/${id}/decision`).send({ admitted: true, reason: '随附经费人员' }), 200);
      for (const named of [xiping.id, baishui.id]) {
        expect(await admittedItems(named)).toEqual([
          { admissionId: id, name: '秸秆禁烧巡查', domain: '其他', category: 'basic', leadDepartment: AGRICULTURE, source: 'admission' },
        ]);
      }
      expect(await admittedItems(longtan.id)).toEqual([]);

      const published = await countyAdmin
        .post(`/api/v1/townships/${baishui.id}/duty-list/publications`)
        .send({ decisionRef: '沾政办发〔2026〕3号' });
      expectStatus(published, 201);
      expect((published.body as { changes: { added: Array<{ name: string }> } }).changes.added).toEqual(
        expect.arrayContaining([expect.objectContaining({ name: '秸秆禁烧巡查', category: 'basic' })]),
      );

      // endsOn is 2026-12-09: still there on that day (Beijing time), gone the day after.
      clock.set('2026-12-09T15:00:00.000Z');
      expect(await admittedItems(xiping.id)).toHaveLength(1);
      clock.set('2026-12-09T16:00:00.000Z');
      expect(await admittedItems(xiping.id)).toEqual([]);
      expect(await admittedItems(baishui.id)).toEqual([]);
      clock.set(START);
    });

    it('names every bad field: another county, an end before the start, negative means; nothing written', async () => {
      const before = await eventCount('admission-');
      const fields = fieldsOf(
        await agriculture.post('/api/v1/task-admissions').send(
          task({
            townshipIds: [xiping.id, otherCounty.id],
            means: { staff: -1, budgetYuan: -5, equipment: [{ kind: 'sprayer', quantity: 0 }], training: [] },
            startsOn: '2026-12-09',
            endsOn: '2026-12-01',
          }),
        ),
      );
      expect(fields).toEqual(['townshipIds[1]']);
      expect(
        fieldsOf(
          await agriculture.post('/api/v1/task-admissions').send(
            task({
              means: { staff: -1, budgetYuan: -5, equipment: [{ kind: 'sprayer', quantity: 0 }], training: [] },
              startsOn: '2026-12-09',
              endsOn: '2026-12-01',
            }),
          ),
        ),
      ).toEqual(['means.staff', 'means.budgetYuan', 'means.equipment[0].quantity', 'endsOn']);
      expect(fieldsOf(await agriculture.post('/api/v1/task-admissions').send(task({ townshipIds: [] })))).toEqual(['townshipIds']);
      expect(await eventCount('admission-')).toBe(before);
    });
  });
});
