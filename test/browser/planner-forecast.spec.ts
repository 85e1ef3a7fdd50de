import { startTestApp, type TestApp } from '../support/test-app';
import { choose, eventually, launchBrowser, login, pageErrors, screenshot, waitForText, type TestBrowser } from './support/browser';
import { addDays, countyToday, PASSWORD, POWERS, seedCounty, type County } from './support/seed';

/**
 * The county office plans a batch (批量赋权评估): 西平街道 is ready for the littering penalty and not for the
 * unlicensed-trading one, 花山街道 for neither; the matrix, the totals and the export. Then the forecast
 * (未来12个月缺口预测) shows 西平's officer whose certificate expires within the year, linked to the handover.
 */
describe('web app: batch planner and forecast', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let county: County;
  const today = countyToday();
  const expiry = addDays(today, 150);
  let handoverId = '';

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    county = await seedCounty(app, {
      name: '沾益区',
      townships: ['西平街道', '花山街道'],
      users: [
        { username: 'zhanyi.office', role: 'county_admin', head: true },
        { username: 'zhanyi.audit', role: 'auditor' },
      ],
      powers: [POWERS.littering, POWERS.unlicensedPenalty],
    });
    const office = await app.loginAs('zhanyi.office', PASSWORD);
    const team = `/api/v1/teams/${county.townships['西平街道']!.teamId}`;
    for (const [name, number, expiresOn] of [
      ['李明', '53030020230001', '2030-06-30'],
      ['王强', '53030020230002', expiry],
    ] as const) {
      const joined = await office.post(`${team}/officers`).send({ name, certificateNumber: number, certificateExpiresOn: expiresOn });
      if (joined.status !== 201) throw new Error(`officer: ${joined.text}`);
      const officerId = (joined.body as { officerId: string }).officerId;
      const trained = await office.post(`${team}/training`).send({ officerId, course: '市容环卫执法实务', hours: 4, completedOn: today });
      if (trained.status !== 201) throw new Error(`training: ${trained.text}`);
    }
    const cameras = await office.post(`${team}/equipment`).send({ kind: 'body-camera', quantity: 2 });
    if (cameras.status !== 200) throw new Error(`equipment: ${cameras.text}`);
    const recorded = await office.post('/api/v1/handovers').send({
      powerCode: POWERS.littering.code,
      teamId: county.townships['西平街道']!.teamId,
      mode: 'transfer',
      instrument: '沾政发〔2026〕12号',
      effectiveOn: today,
    });
    if (recorded.status !== 201) throw new Error(`handover: ${recorded.text}`);
    handoverId = (recorded.body as { id: string }).id;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('assesses townships × powers: a green cell where ready, a red one with its gaps, the totals, the export', async () => {
    const { context, page } = await browser.newUser(app.baseUrl);
    await login(page, 'zhanyi.office', PASSWORD);
    await page.getByRole('menuitem', { name: '批量赋权评估' }).click();
    await page.getByTestId('plan-all-townships').click();
    await choose(page, 'plan-powers', POWERS.littering.code);
    await choose(page, 'plan-powers', POWERS.unlicensedPenalty.code);
    await page.getByTestId('plan-assess').click();
    const matrix = page.getByTestId('plan-matrix');
    await waitForText(matrix, '具备');
    const xiping = matrix.locator('tr', { hasText: '西平街道' });
    await eventually(async () => expect(await xiping.getByTestId('plan-cell-ready').count()).toBe(1), { what: '西平 ready once' });
    expect(await xiping.getByTestId('plan-cell-gaps').count()).toBe(1);
    expect(await matrix.locator('tr', { hasText: '花山街道' }).getByTestId('plan-cell-gaps').count()).toBe(2);
    await xiping.getByTestId('plan-cell-gaps').hover();
    await waitForText(page.locator('.ant-tooltip'), '无证无照经营查处');
    // 西平 lacks the course (2 officers) for the unlicensed-trading power; 花山 lacks 2 officers for each power.
    await waitForText(page.getByTestId('plan-missing'), '4 人');
    const download = page.waitForEvent('download');
    await page.getByTestId('plan-export').click();
    expect((await download).suggestedFilename()).toMatch(/^批量赋权评估-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await screenshot(page, 'batch-plan');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('shows the months to come with the certificate that lapses, linked to its handover', async () => {
    const { context, page } = await browser.newUser(app.baseUrl);
    await login(page, 'zhanyi.audit', PASSWORD);
    await page.getByRole('menuitem', { name: '缺口预测' }).click();
    const month = page.getByTestId(`forecast-month-${expiry.slice(0, 7)}`);
    await waitForText(month, '王强');
    expect(await month.textContent()).toContain('执法证到期');
    expect(await page.locator('[data-testid^="forecast-month-"]').count()).toBe(12);
    expect(await month.locator(`a[href="/handovers/${handoverId}"]`).count()).toBe(1);
    const download = page.waitForEvent('download');
    await page.getByTestId('forecast-export').click();
    expect((await download).suggestedFilename()).toMatch(/^缺口预测-\d{4}-\d{2}\.xlsx$/);
    await screenshot(page, 'forecast');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
