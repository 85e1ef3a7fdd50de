import { startTestApp, type TestApp } from '../support/test-app';
import {
  choose,
  eventually,
  fieldErrors,
  launchBrowser,
  login,
  pageErrors,
  screenshot,
  waitForText,
  type TestBrowser,
} from './support/browser';
import { addDays, countyToday, PASSWORD, POWERS, seedCounty, type County } from './support/seed';

/**
 * The pages as users found them wanting: a contested handover's reason, committed resources delivered
 * or not, the awaiting list as a table, the team's powers and an officer's leaving, the record form's
 * clearing and Enter, the layouts at 1440 and 1024 px, the unread badge and the page titles.
 */
describe('web app: the pages users work in', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let county: County;
  const today = countyToday();
  const ids: { contested: string; ready: string } = { contested: '', ready: '' };

  beforeAll(async () => {
    // The daily sweep (unanswered handovers) every 3 seconds, so townships have reminders to read.
    [app, browser] = await Promise.all([
      startTestApp({
        // Follow-up steps an hour apart: the badge is read while no new reminder can arrive behind 全部标为已读.
        env: { REMINDER_SWEEP_CRON: '*/3 * * * * *', REMINDER_STEPS: '1h,2h', REMINDER_REPEAT: '1h' },
      }),
      launchBrowser(),
    ]);
    county = await seedCounty(app, {
      name: '沾益区',
      townships: ['西平街道', '花山街道'],
      users: [
        { username: 'zhanyi.office', role: 'county_admin', head: true },
        { username: 'xiping.li', role: 'township', township: '西平街道', head: true },
        { username: 'huashan.zhao', role: 'township', township: '花山街道', head: true },
      ],
      powers: Object.values(POWERS),
    });
    Object.assign(ids, await seed(app, county, today));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows a contested handover’s reason first, and each committed line delivered or not yet', async () => {
    const { context, page } = await browser.newUser(app.baseUrl);
    await login(page, 'zhanyi.office', PASSWORD);
    await page.goto(`/handovers/${ids.contested}`);
    const reason = await waitForText(page.getByTestId('contest-reason'), '持证执法人员不足，缺少执法记录仪');
    expect(reason).toContain('花山街道');
    const [reasonBox, titleBox] = await Promise.all([
      page.getByTestId('contest-reason').boundingBox(),
      page.getByTestId('handover-title').boundingBox(),
    ]);
    expect(reasonBox && titleBox && reasonBox.y < titleBox.y).toBe(true);
    await eventually(async () => expect(await page.title()).toBe('下放事项详情 · 放权'), { what: 'the page title' });
    await screenshot(page, 'handover-contested');

    await page.goto(`/handovers/${ids.ready}`);
    const committed = page.getByTestId('committed');
    await waitForText(committed, '赵强');
    const delivery = committed.getByTestId('committed-delivery');
    await eventually(async () => expect(await delivery.count()).toBe(2), { what: 'two committed lines' });
    const rows = await committed.locator('tbody tr').allTextContents();
    expect(rows.find((row) => row.includes('赵强'))).toContain('尚未到位');
    expect(rows.find((row) => row.includes('执法记录仪'))).toContain('已到位');
    await screenshot(page, 'handover-committed');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('keeps the catalogue’s action in view at 1440 px and the preview beside 保存 at 1024 px; clearing clears the power; Enter in a date does not submit', async () => {
    const { context, page } = await browser.newUser(app.baseUrl);
    await login(page, 'zhanyi.office', PASSWORD);
    await page.getByRole('menuitem', { name: '权力事项目录' }).click();
    const revise = page.getByTestId('revise-power').first();
    await revise.waitFor();
    const box = await revise.boundingBox();
    expect(box && box.x + box.width <= 1440).toBe(true);
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await eventually(async () => expect(await page.title()).toBe('权力事项目录 · 放权'), { what: 'the page title' });
    await screenshot(page, 'catalogue');

    await page.setViewportSize({ width: 1024, height: 900 });
    await page.getByRole('menuitem', { name: '登记下放' }).click();
    await choose(page, 'handover_powerCode', 'CF-CG-0001');
    await choose(page, 'handover_teamId', '花山街道');
    await page.getByTestId('preview-gaps').waitFor();
    const [preview, save] = await Promise.all([page.getByTestId('preview').boundingBox(), page.getByTestId('record-submit').boundingBox()]);
    expect(preview && save && preview.x > save.x && preview.y < save.y).toBe(true);
    await screenshot(page, 'record-handover-1024');

    // Enter in the date field takes the date and does not submit the form (which would flag the empty instrument).
    const effectiveOn = page.locator('#handover_effectiveOn');
    await effectiveOn.click();
    await effectiveOn.fill(today);
    await effectiveOn.press('Enter');
    await page.waitForTimeout(800);
    expect(await fieldErrors(page, 'handover_instrument')).toBe('');
    expect(new URL(page.url()).pathname).toBe('/county/handovers/new');

    await page.getByTestId('record-clear').click();
    const powerSelect = page.locator('.ant-select', { has: page.locator('#handover_powerCode') });
    await eventually(async () => expect(await powerSelect.locator('.ant-select-selection-item').count()).toBe(0), {
      what: 'the power cleared',
    });
    expect(
      await page
        .locator('.ant-select', { has: page.locator('#handover_teamId') })
        .locator('.ant-select-selection-item')
        .count(),
    ).toBe(0);
    expect(await effectiveOn.inputValue()).toBe('');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('lists what awaits the township as a table with filters; with gaps nothing is preselected and 确认承接 is explained; the badge counts unread reminders until all are read', async () => {
    const { context, page } = await browser.newUser(app.baseUrl);
    await login(page, 'huashan.zhao', PASSWORD);
    const badge = page.getByTestId('nav-unread');
    await eventually(
      async () => {
        await page.reload();
        await page.getByTestId('menu').waitFor();
        expect(Number((await badge.locator('.ant-scroll-number').getAttribute('title')) ?? '0')).toBeGreaterThan(0);
      },
      { timeoutMs: 60_000, intervalMs: 2_000, what: 'an unread reminder counted beside 提醒' },
    );
    await page.getByRole('menuitem', { name: '提醒' }).click();
    await eventually(async () => expect(await page.title()).toBe('提醒 · 放权'), { what: 'the page title' });
    await page.getByTestId('inbox-read-all').click();
    await eventually(async () => expect(await badge.locator('.ant-scroll-number').count()).toBe(0), { what: 'the badge gone' });
    const unread = await app.as(await app.login('huashan.zhao', PASSWORD)).get('/api/v1/inbox?unread=true');
    expect(unread.body).toEqual([]);

    await page.getByRole('menuitem', { name: '待确认承接' }).click();
    const rows = page.getByTestId('awaiting-handover');
    await eventually(async () => expect(await rows.count()).toBe(2), { what: 'two awaiting handovers' });
    expect(await page.getByTestId('awaiting-table').locator('.ant-table-filter-trigger').count()).toBeGreaterThanOrEqual(3);
    await page.locator('#awaiting_search').fill('占道');
    await eventually(async () => expect(await rows.count()).toBe(1), { what: 'one handover found' });
    await rows.first().getByTestId('awaiting-answer').click();
    const details = page.getByTestId('awaiting-details');
    const answer = details.locator('div[data-testid^="answer-"]');
    await answer.waitFor();
    expect(await answer.locator('.ant-radio-button-wrapper-checked').count()).toBe(0);
    expect(await answer.locator('label', { hasText: '确认承接' }).getAttribute('class')).toContain('ant-radio-button-wrapper-disabled');
    await waitForText(details.getByTestId('accept-not-possible'), '暂不能确认承接');
    await screenshot(page, 'awaiting');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('shows the powers the team holds and what each lacks; an officer leaving gives a reason and is warned of the powers that lose readiness', async () => {
    const { context, page } = await browser.newUser(app.baseUrl);
    await login(page, 'xiping.li', PASSWORD);
    await page.getByRole('menuitem', { name: '执法队伍' }).click();
    await waitForText(page.getByTestId('team-powers'), '对随地吐痰');
    await eventually(async () => expect(await page.title()).toBe('执法队伍 · 放权'), { what: 'the page title' });
    const officer = page.getByTestId('officers').locator('tr', { hasText: '李明' });
    await officer.getByTestId('leave').click();
    const warning = await waitForText(page.getByTestId('leave-warning'), '将出现缺口');
    expect(warning).toContain('对随地吐痰');
    expect(warning).toContain('持证执法人员');
    await page.getByTestId('leave-submit').click();
    await eventually(async () => expect(await fieldErrors(page, 'leave_reason')).not.toBe(''), { what: 'the reason asked for' });
    await page.locator('#leave_reason').fill('调任县局');
    await screenshot(page, 'township-team-leave');
    await page.getByTestId('leave-submit').click();
    await eventually(async () => expect(await page.getByTestId('officers').locator('tr', { hasText: '李明' }).count()).toBe(0), {
      what: '李明 gone',
    });
    await waitForText(page.getByTestId('team-power-gaps'), '持证执法人员');
    await screenshot(page, 'township-team-after-leave');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});

/** 西平街道 equipped and holding 乱扔垃圾 (accepted, with commitments); 花山街道 contesting one power and awaiting two. */
async function seed(app: TestApp, county: County, today: string): Promise<{ contested: string; ready: string }> {
  const office = await app.loginAs('zhanyi.office', PASSWORD);
  const xiping = await app.loginAs('xiping.li', PASSWORD);
  const huashan = await app.loginAs('huashan.zhao', PASSWORD);
  const ok = (response: { status: number; body: unknown }, what: string) => {
    if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { id: string; officerId: string };
  };
  const record = async (powerCode: string, township: string, extra: object = {}) =>
    ok(
      await office.post('/api/v1/handovers').send({
        powerCode,
        teamId: county.townships[township]?.teamId,
        mode: 'transfer',
        instrument: '沾政发〔2025〕8号',
        effectiveOn: today,
        ...extra,
      }),
      `record ${powerCode} → ${township}`,
    );
  const team = county.townships['西平街道']?.teamId ?? '';
  for (const [name, number] of [
    ['李明', '53030020210001'],
    ['王芳', '53030020210002'],
  ] as const) {
    const { officerId } = ok(
      await xiping
        .post(`/api/v1/teams/${team}/officers`)
        .send({ name, certificateNumber: number, certificateExpiresOn: addDays(today, 900) }),
      'officer',
    );
    ok(
      await xiping.post(`/api/v1/teams/${team}/training`).send({ officerId, course: '市容环卫执法实务', hours: 4, completedOn: today }),
      'training',
    );
  }
  ok(await xiping.post(`/api/v1/teams/${team}/equipment`).send({ kind: 'body-camera', quantity: 2 }), 'cameras');
  const ready = await record('CF-CG-0001', '西平街道', {
    committed: {
      officers: [{ name: '赵强', certificateNumber: '53030020219999', certificateExpiresOn: addDays(today, 900) }],
      equipment: [{ kind: 'body-camera', quantity: 2 }],
    },
  });
  ok(await xiping.post(`/api/v1/handovers/${ready.id}/acceptance`).send({}), 'accept');

  const contested = await record('CF-SC-0006', '花山街道');
  ok(await huashan.post(`/api/v1/handovers/${contested.id}/contest`).send({ reason: '持证执法人员不足，缺少执法记录仪' }), 'contest');
  await record('CF-CG-0004', '花山街道');
  await record('CF-HB-0009', '花山街道');
  return { contested: contested.id, ready: ready.id };
}
