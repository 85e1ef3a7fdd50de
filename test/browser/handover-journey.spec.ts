import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  choose,
  eventually,
  launchBrowser,
  login,
  pageErrors,
  screenshot,
  typeDate,
  waitForText,
  type TestBrowser,
} from './support/browser';
import { addDays, countyToday, PASSWORD, POWERS, seedCounty, type County } from './support/seed';

/**
 * The whole journey in a real browser (Debian's Chromium): the county office records a handover the
 * township cannot carry yet; the township finds the reminder, sees the gaps, adds the officers, the
 * cameras and the training, and accepts; the county dashboard then shows the township ready.
 */
describe('web app: a handover from the county office to a ready township', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let county: County;
  const today = countyToday();

  beforeAll(async () => {
    // The daily sweeps (unanswered handovers, expiring certificates) every 3 seconds instead of at 00:05.
    [app, browser] = await Promise.all([startTestApp({ env: { REMINDER_SWEEP_CRON: '*/3 * * * * *' } }), launchBrowser()]);
    county = await seedCounty(app, {
      name: '沾益区',
      townships: ['西平街道', '白水镇', '花山街道', '龙华街道'],
      users: [
        { username: 'zhanyi.office', role: 'county_admin', head: true },
        { username: 'xiping.li', role: 'township', township: '西平街道', head: true },
        { username: 'baishui.wang', role: 'township', township: '白水镇', head: true },
        { username: 'huashan.zhao', role: 'township', township: '花山街道', head: true },
        { username: 'zhanyi.audit', role: 'auditor' },
      ],
      powers: Object.values(POWERS),
    });
    await seedBackground(app, county, today);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('records a handover lacking officers; the township closes the gaps and accepts; the dashboard shows it ready', async () => {
    // The county office records the handover, with the readiness preview before saving.
    const office = await browser.newUser(app.baseUrl);
    const countyPage = office.page;
    await login(countyPage, 'zhanyi.office', PASSWORD);
    expect(new URL(countyPage.url()).pathname).toBe('/county');
    await countyPage.getByTestId('matrix').waitFor();

    await countyPage.getByRole('menuitem', { name: '登记下放' }).click();
    await choose(countyPage, 'handover_powerCode', 'CF-CG-0001');
    await choose(countyPage, 'handover_teamId', '西平街道');
    await countyPage.locator('#handover_instrument').fill('沾政发〔2025〕12号');
    await typeDate(countyPage, 'handover_effectiveOn', today);
    const preview = countyPage.getByTestId('preview-gaps');
    await preview.waitFor();
    await waitForText(preview, '持证执法人员');
    const previewText = (await preview.textContent()) ?? '';
    expect(previewText).toContain('执法记录仪');
    expect(previewText).toContain('市容环卫执法实务');
    expect(await preview.locator('tbody tr').count()).toBe(3);

    await countyPage.getByTestId('record-submit').click();
    await countyPage.waitForURL(/\/handovers\/[0-9a-f-]{36}$/);
    const handoverId = new URL(countyPage.url()).pathname.split('/').pop() ?? '';
    await waitForText(countyPage.getByTestId('handover-title'), '对随地吐痰');
    expect(await countyPage.getByTestId('gaps').locator('tbody tr').count()).toBe(3);

    // The county office is reminded of the gaps it is responsible for.
    await countyPage.getByRole('menuitem', { name: '提醒' }).click();
    await findReminder(countyPage, handoverId, 'gap', () => diagnose(app, 'zhanyi.office', handoverId));

    // The township: the reminder in its inbox (to answer before the effective date), the gaps,
    // the team completed, the acceptance.
    const township = await browser.newUser(app.baseUrl);
    const townshipPage = township.page;
    await login(townshipPage, 'xiping.li', PASSWORD);
    expect(new URL(townshipPage.url()).pathname).toBe('/inbox');
    const reminder = await findReminder(townshipPage, handoverId, 'unanswered', () => diagnose(app, 'xiping.li', handoverId));
    // The notice at recording and the sweep's reminder before the effective date may both be listed: either opens it.
    await townshipPage.locator('tr', { has: reminder }).getByTestId('inbox-open').first().click();
    await townshipPage.waitForURL(`**/handovers/${handoverId}`);
    await townshipPage.getByTestId('gaps').waitFor();
    const gapsText = (await townshipPage.getByTestId('gaps').textContent()) ?? '';
    expect(gapsText).toContain('持证执法人员');
    expect(gapsText).toContain('执法记录仪');
    // With gaps nothing is chosen and 确认承接 is not offered: the panel says why (the gaps), with the way to the team page.
    const answer = townshipPage.getByTestId(`answer-${handoverId}`);
    expect(await answer.locator('.ant-radio-button-wrapper-checked').count()).toBe(0);
    expect(await answer.locator('label', { hasText: '确认承接' }).getAttribute('class')).toContain('ant-radio-button-wrapper-disabled');
    expect(await answer.getByTestId('answer-submit').isDisabled()).toBe(true);
    const notPossible = await waitForText(answer.getByTestId('accept-not-possible'), '暂不能确认承接');
    expect(notPossible).toContain('执法记录仪');
    await answer.getByRole('button', { name: '去补齐执法队伍' }).click();
    await waitForText(townshipPage.getByTestId('team-title'), '西平街道');
    await addOfficer(townshipPage, {
      name: '李明',
      certificateNumber: '53030020230001',
      expiresOn: addDays(today, 120),
      secondedFrom: '城市管理局',
    });
    await addOfficer(townshipPage, { name: '王芳', certificateNumber: '53030020230002', expiresOn: addDays(today, 1500) });
    await waitForText(townshipPage.getByTestId('officers'), '王芳');
    expect(await townshipPage.locator('[data-testid="officers"] [data-expiring="soon"]').count()).toBe(1);
    await townshipPage.getByTestId('expiry-warning').waitFor();

    await townshipPage.getByTestId('receive-equipment').click();
    await choose(townshipPage, 'receive_kind', '执法记录仪');
    await townshipPage.locator('#receive_quantity').fill('2');
    await townshipPage.getByTestId('receive-submit').click();
    await waitForText(townshipPage.getByTestId('equipment'), '执法记录仪');

    await townshipPage.getByTestId('record-training').click();
    await choose(townshipPage, 'training_officerIds', '李明');
    await choose(townshipPage, 'training_officerIds', '王芳');
    await townshipPage.keyboard.press('Escape');
    await choose(townshipPage, 'training_course', '市容环卫执法实务');
    await townshipPage.locator('#training_hours').fill('4');
    await townshipPage.getByTestId('training-submit').click();
    await eventually(async () => expect(await townshipPage.getByTestId('training').locator('tbody tr.ant-table-row').count()).toBe(2), {
      what: 'two training records',
    });
    await screenshot(townshipPage, 'township-team');

    await townshipPage.getByRole('menuitem', { name: '待确认承接' }).click();
    const row = townshipPage.locator('[data-testid="awaiting-handover"][data-power="CF-CG-0001"]');
    await row.getByTestId('awaiting-answer').click();
    const details = townshipPage.getByTestId('awaiting-details');
    await details.getByTestId('gaps-none').waitFor();
    await details.locator('label', { hasText: '确认承接' }).click();
    await details.getByTestId('answer-submit').click();
    await row.waitFor({ state: 'detached' });
    const accepted = await app.as(await app.login('xiping.li', PASSWORD)).get(`/api/v1/handovers/${handoverId}`);
    expect(['accepted', 'active']).toContain(accepted.body.status);
    expect(accepted.body.readiness).toEqual({ ready: true, gaps: [] });

    // The county dashboard: that township ready for that power.
    await countyPage.getByRole('menuitem', { name: '承接总览' }).click();
    const cell = countyPage.getByTestId('cell-西平街道-CF-CG-0001');
    await eventually(
      async () => {
        await countyPage.reload();
        await cell.waitFor();
        expect(await cell.getAttribute('data-state')).toBe('ready');
      },
      { what: 'the ready cell' },
    );
    expect(await countyPage.getByTestId('cell-白水镇-CF-SC-0006').getAttribute('data-state')).toBe('ready');
    expect(await countyPage.getByTestId('cell-花山街道-CF-CG-0001').getAttribute('data-state')).toBe('gaps');
    expect(await countyPage.getByTestId('cell-白水镇-CF-HB-0009').getAttribute('data-state')).toBe('revoked');
    await waitForText(countyPage.getByTestId('biggest-gaps'), '执法记录仪');
    await screenshot(countyPage, 'dashboard');

    // The handover page: history with who and when, reminders with their deliveries.
    await cell.click();
    await countyPage.waitForURL(`**/handovers/${handoverId}`);
    const history = countyPage.getByTestId('history');
    await waitForText(history, '乡镇确认承接');
    await waitForText(history, '发送提醒');
    // Who acted and who was reminded, as people know them: role and township, not login names.
    await waitForText(history, '县级综合协调办公室');
    await waitForText(history, '乡镇（街道） · 西平街道');
    expect((await history.textContent()) ?? '').not.toMatch(/zhanyi\.office|xiping\.li/);
    await countyPage.locator('[data-testid="delivery"][data-channel="inbox"]').first().waitFor();
    await countyPage.getByTestId('gaps-none').waitFor();
    await screenshot(countyPage, 'handover');

    expect(pageErrors(countyPage)).toEqual([]);
    expect(pageErrors(townshipPage)).toEqual([]);
    await office.context.close();
    await township.context.close();
  });

  it('shows an auditor every county page read-only', async () => {
    const { context, page } = await browser.newUser(app.baseUrl);
    await login(page, 'zhanyi.audit', PASSWORD);
    await page.getByTestId('matrix').waitFor();
    expect(await page.getByRole('menuitem', { name: '登记下放' }).count()).toBe(0);
    await page.getByRole('menuitem', { name: '权力事项目录' }).click();
    await waitForText(page.getByTestId('catalogue'), 'CF-CG-0001');
    expect(await page.getByTestId('add-power').count()).toBe(0);
    await page.getByRole('menuitem', { name: '承接总览' }).click();
    await page.getByTestId('cell-花山街道-CF-CG-0001').click();
    await page.getByTestId('history').waitFor();
    expect(await page.getByTestId('amend').count()).toBe(0);
    expect(await page.getByTestId('revoke').count()).toBe(0);
    await page.goto(`/teams/${county.townships['西平街道']?.teamId}`);
    await waitForText(page.getByTestId('officers'), '李明');
    expect(await page.getByTestId('add-officer').count()).toBe(0);
    expect(await page.getByTestId('receive-equipment').count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});

/** Waits for a reminder of `kind` about the handover in the inbox on screen (reloading it), and returns its tag. */
async function findReminder(page: Page, handoverId: string, kind: string, diagnostics: () => Promise<string>) {
  const reminder = page.locator(`[data-testid="inbox-kind"][data-handover="${handoverId}"][data-kind="${kind}"]`);
  await eventually(
    async () => {
      if ((await reminder.count()) === 0) {
        await page.getByRole('button', { name: '重新加载' }).click();
        await page.waitForTimeout(500);
        throw new Error(`no ${kind} reminder in the inbox yet`);
      }
    },
    { timeoutMs: 60_000, intervalMs: 1_000, what: `the ${kind} reminder in the inbox` },
  ).catch(async (error: unknown) => {
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}\n${await diagnostics().catch((cause: unknown) => String(cause))}`,
    );
  });
  return reminder.first();
}

/** What the API says when a reminder does not show: the user's inbox, the handover's reminders, /health/ready. */
async function diagnose(app: TestApp, username: string, handoverId: string): Promise<string> {
  const client = app.as(await app.login(username, PASSWORD));
  const [inbox, reminders, ready] = await Promise.all([
    client.get('/api/v1/inbox'),
    client.get(`/api/v1/handovers/${handoverId}/reminders`),
    client.get('/health/ready'),
  ]);
  return `inbox of ${username}: ${JSON.stringify(inbox.body).slice(0, 1500)}\nreminders: ${JSON.stringify(reminders.body).slice(0, 1500)}\nready: ${ready.status} ${JSON.stringify(ready.body)}`;
}

async function addOfficer(
  page: Page,
  officer: { name: string; certificateNumber: string; expiresOn: string; secondedFrom?: string },
): Promise<void> {
  await page.getByTestId('add-officer').click();
  await page.locator('#officer_name').fill(officer.name);
  await page.locator('#officer_certificateNumber').fill(officer.certificateNumber);
  await typeDate(page, 'officer_certificateExpiresOn', officer.expiresOn);
  if (officer.secondedFrom) await page.locator('#officer_secondedFrom').fill(officer.secondedFrom);
  await page.getByTestId('officer-submit').click();
  await waitForText(page.getByTestId('officers'), officer.name);
  await page.locator('.ant-modal-wrap', { has: page.locator('#officer_name') }).waitFor({ state: 'hidden' });
}

/** Other townships in other states, through the API, so that the dashboard shows every colour. */
async function seedBackground(app: TestApp, county: County, today: string): Promise<void> {
  const office = await app.loginAs('zhanyi.office', PASSWORD);
  const baishui = await app.loginAs('baishui.wang', PASSWORD);
  const huashan = await app.loginAs('huashan.zhao', PASSWORD);
  const expect2xx = (response: { status: number; body: unknown }, what: string) => {
    if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { id: string; officerId: string; version: number };
  };
  const record = async (powerCode: string, township: string, extra: object = {}) =>
    expect2xx(
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

  // 白水镇 is equipped and has accepted 无照经营; 占道经营 still lacks a vehicle and training; 秸秆焚烧 was recalled.
  const baishuiTeam = county.townships['白水镇']?.teamId ?? '';
  const officers: string[] = [];
  for (const [name, number] of [
    ['赵强', '53030020210011'],
    ['钱丽', '53030020210012'],
  ] as const) {
    officers.push(
      expect2xx(
        await baishui
          .post(`/api/v1/teams/${baishuiTeam}/officers`)
          .send({ name, certificateNumber: number, certificateExpiresOn: addDays(today, 900) }),
        'officer',
      ).officerId,
    );
  }
  expect2xx(await baishui.post(`/api/v1/teams/${baishuiTeam}/equipment`).send({ kind: 'body-camera', quantity: 2 }), 'cameras');
  for (const officerId of officers) {
    expect2xx(
      await baishui
        .post(`/api/v1/teams/${baishuiTeam}/training`)
        .send({ officerId, course: '无证无照经营查处', hours: 8, completedOn: today }),
      'training',
    );
  }
  const ready = await record('CF-SC-0006', '白水镇');
  expect2xx(await baishui.post(`/api/v1/handovers/${ready.id}/acceptance`).send({}), 'accept');
  await record('CF-CG-0004', '白水镇', { committed: { equipment: [{ kind: 'vehicle', quantity: 1 }], budgetYuan: 80000 } });
  const recalled = await record('CF-HB-0009', '白水镇');
  expect2xx(
    await office.post(`/api/v1/handovers/${recalled.id}/revocation`).send({ reason: '乡镇缺少无人机，暂由县生态环境局执法' }),
    'revoke',
  );

  // 花山街道 has nothing yet and contests 无照经营; 西平街道 waits on 秸秆焚烧.
  await record('CF-CG-0001', '花山街道');
  const contested = await record('CF-SC-0006', '花山街道');
  expect2xx(
    await huashan.post(`/api/v1/handovers/${contested.id}/contest`).send({ reason: '持证执法人员不足，缺少执法记录仪' }),
    'contest',
  );
  await record('CF-HB-0009', '西平街道', { mode: 'entrustment', endsOn: addDays(today, 730) });
}
