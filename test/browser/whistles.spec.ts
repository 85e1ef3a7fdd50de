import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { AuthorizedClient } from '../support/test-app';
import { startTestApp, type TestApp } from '../support/test-app';
import { choose, eventually, launchBrowser, login, pageErrors, screenshot, waitForText, type TestBrowser } from './support/browser';
import { PASSWORD, seedCounty, type County } from './support/seed';

const WATER = '水利局';
const TITLE = '河道夜间非法采砂';

function ok<T>(response: { status: number; body: unknown }, expected: number, what: string): T {
  if (response.status !== expected) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as T;
}

/**
 * 吹哨报到 in a real browser, across the three roles: the township head whistles about an item its list
 * has it only assist with; the list's lead department finds it in its queue, accepts, reports on site
 * and resolves; the township scores it 2, unsatisfied, and reopens it; the department resolves again;
 * the township scores 5, satisfied; the county office reads the department's assessment.
 * Every day works around the clock here, and the department has 3 seconds to accept, an hour to arrive.
 */
describe('web app: a whistle from the township to the department and back, assessed by the county office', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let county: County;
  /** Background whistles of the department's queue, by the flag each should carry. */
  const background: Record<'overdue' | 'soon' | 'ok', string> = { overdue: '', soon: '', ok: '' };

  beforeAll(async () => {
    [app, browser] = await Promise.all([
      startTestApp({
        env: {
          WORK_CALENDAR: resolve(__dirname, '../support/every-day-working.calendar.json'),
          WORK_HOURS: '00:00-24:00',
          WHISTLE_ACCEPT_WITHIN: '3s',
          WHISTLE_ARRIVE_WITHIN: '1h',
          WHISTLE_RESOLVE_WITHIN: '5d',
        },
      }),
      launchBrowser(),
    ]);
    county = await seedCounty(app, {
      name: '沾益区',
      townships: ['西平街道', '白水镇'],
      users: [
        { username: 'zhanyi.office', role: 'county_admin', head: true },
        { username: 'xiping.head', role: 'township', township: '西平街道', head: true },
        { username: 'baishui.head', role: 'township', township: '白水镇', head: true },
        { username: 'shuili.wang', role: 'department', department: WATER },
      ],
      powers: [],
    });
    const office = await app.loginAs('zhanyi.office', PASSWORD);
    ok(
      await office.post('/api/v1/duties').send({
        code: 'SL-003',
        name: '河道采砂监管',
        domain: '生态环保',
        defaultCategory: 'assisting',
        leadDepartment: WATER,
        description: '巡查发现、及时报告',
      }),
      201,
      'duty',
    );
    for (const township of Object.values(county.townships))
      ok(
        await office
          .put(`/api/v1/townships/${township.id}/duty-list/items/SL-003`)
          .send({ category: 'assisting', cooperation: '巡查发现、及时报告', leadDepartment: WATER }),
        200,
        'list item',
      );
    await seedQueue(await app.loginAs('baishui.head', PASSWORD), await app.loginAs('shuili.wang', PASSWORD));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Three whistles of 白水镇 in the department's queue: one left unaccepted past its 3 s, one accepted (an hour to arrive), one on site (5 days). */
  async function seedQueue(township: AuthorizedClient, water: AuthorizedClient): Promise<void> {
    const baishui = county.townships['白水镇']?.id ?? '';
    const raise = async (title: string) =>
      ok<{ id: string }>(
        await township.post('/api/v1/whistles').send({ townshipId: baishui, title, description: '村民反映', dutyCode: 'SL-003' }),
        201,
        title,
      ).id;
    background.overdue = await raise('河堤被挖开缺口');
    background.soon = await raise('河道内倾倒建筑垃圾');
    background.ok = await raise('岸边私设采砂码头');
    for (const id of [background.soon, background.ok]) ok(await water.post(`/api/v1/whistles/${id}/acceptance`).send({}), 200, 'accept');
    ok(await water.post(`/api/v1/whistles/${background.ok}/arrival`).send({}), 200, 'arrive');
  }

  async function statusIs(page: Page, status: string): Promise<void> {
    await waitForText(page.getByTestId('whistle-summary'), status);
  }

  /** The lead department resolves the whistle with a result, on its page. */
  async function resolveAs(page: Page, id: string, result: string): Promise<void> {
    await page.goto(`/whistles/${id}`);
    await page.getByTestId('whistle-resolve').click();
    await page.locator('#resolve_result').fill(result);
    await page.getByTestId('resolve-submit').click();
    await statusIs(page, '已办结');
  }

  /** The township scores the resolution, satisfied or not. */
  async function evaluateAs(page: Page, id: string, score: number, satisfied: boolean, comment: string): Promise<void> {
    await page.goto(`/whistles/${id}`);
    await page.getByTestId('whistle-evaluate').click();
    const dialog = page.locator('.ant-modal', { has: page.locator('#evaluate_score') });
    await dialog.waitFor({ state: 'visible' });
    // The stars take the click once the dialog has finished opening: click until the score shows.
    await eventually(
      async () => {
        await page
          .locator('#evaluate_score .ant-rate-star')
          .nth(score - 1)
          .click();
        expect(await page.locator('#evaluate_score .ant-rate-star-full').count()).toBe(score);
      },
      { what: `${score} stars` },
    );
    await page
      .locator('#evaluate_satisfied')
      .getByText(satisfied ? '满意' : '不满意', { exact: true })
      .click();
    await page.locator('#evaluate_comment').fill(comment);
    await page.getByTestId('evaluate-submit').click();
    await statusIs(page, '已评价').catch(async (error: unknown) => {
      throw new Error(`${String(error)}; the dialog says: ${(await dialog.textContent()) ?? ''}`);
    });
  }

  it('runs the whole journey across the township, the department and the county office', async () => {
    // The township head raises the whistle about the item its list has it only assist with: signed off at once, routed by the list.
    const township = (await browser.newUser(app.baseUrl)).page;
    await login(township, 'xiping.head', PASSWORD);
    await township.getByRole('menuitem', { name: '吹哨报到' }).click();
    await township.getByTestId('raise-whistle').click();
    await township.locator('#raise_title').fill(TITLE);
    await township.locator('#raise_description').fill('近一周每晚有船只在某村段河道采砂，乡镇无执法权');
    await choose(township, 'raise_dutyCode', 'SL-003');
    await township.locator('#raise_location').fill('某村河段');
    await township.locator('#raise_urgency').getByText('紧急', { exact: true }).click();
    await township.getByTestId('raise-submit').click();
    const row = township.getByTestId('whistles-all').locator('tr', { hasText: TITLE });
    await waitForText(row, WATER);
    expect(await row.textContent()).toContain('待签收');
    await row.getByTestId('whistle-link').click();
    await township.waitForURL(/\/whistles\/[0-9a-f-]{36}$/);
    const id = new URL(township.url()).pathname.split('/').pop() ?? '';
    await waitForText(township.getByTestId('whistle-summary'), '按职责清单自动派单');
    expect(await township.getByTestId('due').textContent()).toMatch(/签收时限 .*(剩余工作时间|已超时)/);

    // The department finds it in its queue, nearest deadline first, each row flagged by its deadline.
    const department = (await browser.newUser(app.baseUrl)).page;
    await login(department, 'shuili.wang', PASSWORD);
    await department.getByRole('menuitem', { name: '吹哨报到' }).click();
    const queue = department.getByTestId('whistle-queue');
    await waitForText(queue, TITLE);
    const flagOf = (title: string) => queue.locator('tr', { hasText: title }).getAttribute('data-flag');
    await eventually(async () => expect(await flagOf('河堤被挖开缺口')).toBe('overdue'), { what: 'the overdue flag' });
    expect(await flagOf('河道内倾倒建筑垃圾')).toBe('soon');
    expect(await flagOf('岸边私设采砂码头')).toBe('ok');
    const order = await queue.locator('tbody tr').allTextContents();
    expect(order.findIndex((text) => text.includes('岸边私设采砂码头'))).toBe(order.length - 1);
    await screenshot(department, 'whistles-department-queue');

    await queue.locator('tr', { hasText: TITLE }).getByTestId('whistle-link').click();
    await department.getByTestId('whistle-accept').click();
    await statusIs(department, '已签收');
    await waitForText(department.getByTestId('due'), '报到时限');
    await department.getByTestId('whistle-arrive').click();
    await statusIs(department, '已报到');
    await waitForText(department.getByTestId('due'), '办结时限');
    await resolveAs(department, id, '已联合执法查扣采砂船两艘');

    // The township is not satisfied: 2 points, and it sends the whistle back once.
    await evaluateAs(township, id, 2, false, '只查扣了船只，采砂点仍未清理');
    await waitForText(township.getByTestId('whistle-evaluation'), '2 分 · 不满意');
    await township.getByTestId('whistle-reopen').click();
    await township.locator('#reopen_reason').fill('采砂点仍未清理');
    await township.getByTestId('reopen-submit').click();
    await statusIs(township, '退回重办');

    await resolveAs(department, id, '采砂点已清理，河岸已恢复');

    await evaluateAs(township, id, 5, true, '响应及时');
    await waitForText(township.getByTestId('whistle-evaluation'), '5 分 · 满意');
    expect(await township.getByTestId('whistle-reopen').count()).toBe(0);
    const history = await township
      .getByTestId('history-entry')
      .evaluateAll((entries) => entries.map((entry) => entry.getAttribute('data-type')));
    expect(history.filter((type) => type === 'WhistleResolved')).toHaveLength(2);
    expect(history).toContain('WhistleReopened');

    // The county office reads the department's assessment: its whistles, the mean of the latest scores, its 0–100 score.
    const office = (await browser.newUser(app.baseUrl)).page;
    await login(office, 'zhanyi.office', PASSWORD);
    await office.getByRole('menuitem', { name: '部门考核' }).click();
    const waterRow = office.getByTestId('assessment-table').locator('tr', { hasText: WATER });
    await waitForText(waterRow, WATER);
    const cells = await waterRow.locator('td').allTextContents();
    expect(cells[0]).toBe(WATER);
    expect(cells[1]).toBe('4');
    expect(cells[7]).toBe('5.00');
    await waitForText(office.getByTestId('assessment-chart'), WATER);
    const download = office.waitForEvent('download');
    await office.getByTestId('assessment-export').click();
    expect((await download).suggestedFilename()).toMatch(/^部门考核-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await screenshot(office, 'assessment');

    for (const page of [township, department, office]) expect(pageErrors(page)).toEqual([]);
  });

  it('lets the county office dispatch a whistle the list does not settle, take it back on an objection, and grant an extension', async () => {
    const title = '村道旁堆放大量不明废料';
    const township = (await browser.newUser(app.baseUrl)).page;
    await login(township, 'xiping.head', PASSWORD);
    await township.goto('/whistles');
    await township.getByTestId('raise-whistle').click();
    await township.locator('#raise_title').fill(title);
    await township.locator('#raise_description').fill('来源不明，疑似工业废料');
    await township.getByTestId('raise-submit').click();
    await waitForText(township.getByTestId('whistles-all').locator('tr', { hasText: title }), '待派单');

    // The dispatch board: the whistle awaits the county office, which names the lead department.
    const office = (await browser.newUser(app.baseUrl)).page;
    await login(office, 'zhanyi.office', PASSWORD);
    await office.getByRole('menuitem', { name: '吹哨报到' }).click();
    await waitForText(office.getByRole('heading', { level: 3 }), '派单台');
    const dispatch = async () => {
      await office.goto('/whistles');
      await office.getByTestId('whistles-pending').locator('tr', { hasText: title }).getByTestId('whistle-link').click();
      await office.getByTestId('whistle-dispatch').click();
      await office.locator('#dispatch_department').fill(WATER);
      await office.getByTestId('dispatch-submit').click();
      await statusIs(office, '待签收');
    };
    await office.goto('/whistles');
    await waitForText(office.getByTestId('whistles-pending'), title);
    await dispatch();
    const id = new URL(office.url()).pathname.split('/').pop() ?? '';

    // The department objects: back on the board, saying why.
    const department = (await browser.newUser(app.baseUrl)).page;
    await login(department, 'shuili.wang', PASSWORD);
    await department.goto(`/whistles/${id}`);
    await department.getByTestId('whistle-object').click();
    await department.locator('#object_reason').fill('废料来源涉及生态环境部门职责');
    await department.getByTestId('object-submit').click();
    await department.waitForURL(/\/whistles$/);
    await department.getByTestId('whistle-queue').waitFor();
    expect(await department.getByTestId('whistle-queue').textContent()).not.toContain(title);
    await dispatch();
    await waitForText(office.getByTestId('whistle-summary'), '县综合协调办派单');

    // Accepted, then an extension of the on-site deadline, granted by the county office.
    await department.goto(`/whistles/${id}`);
    await department.getByTestId('whistle-accept').click();
    await statusIs(department, '已签收');
    const until = new Date(Date.now() + 3 * 3_600_000);
    const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }).format(until);
    await department.getByTestId('whistle-extension').click();
    await department.locator('#extension_until').fill(local);
    await department.locator('#extension_until').press('Enter');
    await department.locator('#extension_reason').fill('需会同生态环境部门取样');
    await department.getByTestId('extension-submit').click();
    await waitForText(department.getByTestId('whistle-summary'), '需会同生态环境部门取样');

    await office.goto('/whistles');
    await office.getByTestId('whistles-extensions').locator('tr', { hasText: title }).getByTestId('whistle-link').click();
    await office.getByTestId('whistle-decide').click();
    await office.locator('#decision_reason').fill('同意延期');
    await office.getByTestId('decision-submit').click();
    await waitForText(office.getByTestId('history'), '同意延期');
    await department.goto(`/whistles/${id}`);
    await waitForText(department.getByTestId('due'), `报到时限 ${local.slice(0, 10).replaceAll('-', '/')} ${local.slice(11)}:00`);

    for (const page of [township, department, office]) expect(pageErrors(page)).toEqual([]);
  });
});
