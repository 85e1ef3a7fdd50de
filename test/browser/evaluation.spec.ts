import { readFileSync } from 'node:fs';
import { ManualClock } from '@fangquan/platform';
import type { Download, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app';
import { eventually, launchBrowser, login, pageErrors, screenshot, waitForText, type TestBrowser } from './support/browser';
import { PASSWORD, POWERS, addDays, countyToday, seedCounty, type County } from './support/seed';

const DAY = 86_400_000;

function ok<T>(response: { status: number; body: unknown }, what: string): T {
  if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as T;
}

/** The saved file is a workbook: an .xlsx is a zip, whose first bytes are "PK". */
async function expectWorkbook(download: Download): Promise<void> {
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const path = await download.path();
  expect(readFileSync(path).subarray(0, 2).toString('latin1')).toBe('PK');
}

async function exportFrom(page: Page, testId: string, path: RegExp): Promise<void> {
  const response = page.waitForResponse((candidate) => path.test(new URL(candidate.url()).pathname));
  const download = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  expect((await response).headers()['content-type']).toContain('spreadsheetml');
  await expectWorkbook(await download);
}

/**
 * 评估 and 履职情况证明 in a real browser. The ledger has a history: 75 days ago the county handed
 * littering (市容环卫) to 西平街道, whose team had nothing, and road occupation to 白水镇 with a vehicle
 * promised by 城市管理局; 西平街道 was reminded, and 20 days later had its officers, cameras and
 * training and accepted; no case was recorded. The county office reads the charts and tables, exports
 * the workbook, and opens 西平街道's as-of evidence, for the first day (not ready, the county office
 * answering for the gaps) and for today, which it prints.
 */
describe('web app: the evaluation of a period and the as-of evidence of a township', () => {
  const clock = new ManualClock(new Date(Date.now() - 75 * DAY));
  let app: TestApp;
  let browser: TestBrowser;
  let county: County;
  const start = countyToday(clock.now());
  const xiping = () => county.townships['西平街道'] ?? { id: '', teamId: '' };

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp({ clock }), launchBrowser()]);
    county = await seedCounty(app, {
      name: '沾益区',
      townships: ['西平街道', '白水镇'],
      users: [
        { username: 'zhanyi.office', role: 'county_admin', head: true },
        { username: 'xiping.li', role: 'township', township: '西平街道' },
      ],
      powers: [POWERS.littering, POWERS.roadOccupation],
    });
    const office = await app.loginAs('zhanyi.office', PASSWORD);
    const township = await app.loginAs('xiping.li', PASSWORD);
    const record = async (powerCode: string, teamId: string, extra: object = {}) =>
      ok<{ id: string }>(
        await office
          .post('/api/v1/handovers')
          .send({ powerCode, teamId, mode: 'transfer', instrument: '沾政发〔2026〕3号', effectiveOn: start, ...extra }),
        `record ${powerCode}`,
      ).id;
    const littering = await record(POWERS.littering.code, xiping().teamId);
    await record(POWERS.roadOccupation.code, county.townships['白水镇']?.teamId ?? '', {
      committed: { equipment: [{ kind: 'vehicle', quantity: 1 }] },
    });
    // The gap reminder goes out on the day of the recording.
    await eventually(
      async () =>
        expect(ok<unknown[]>(await office.get(`/api/v1/handovers/${littering}/reminders`), 'reminders').length).toBeGreaterThan(0),
      { what: 'the gap reminder' },
    );

    clock.advanceDays(20);
    const teamId = xiping().teamId;
    const officers: string[] = [];
    for (const [name, certificateNumber] of [
      ['王芳', '53030020220101'],
      ['李明', '53030020220102'],
    ] as const)
      officers.push(
        ok<{ officerId: string }>(
          await township
            .post(`/api/v1/teams/${teamId}/officers`)
            .send({ name, certificateNumber, certificateExpiresOn: addDays(start, 1200) }),
          'officer',
        ).officerId,
      );
    ok(await township.post(`/api/v1/teams/${teamId}/equipment`).send({ kind: 'body-camera', quantity: 2 }), 'cameras');
    for (const officerId of officers)
      ok(
        await township
          .post(`/api/v1/teams/${teamId}/training`)
          .send({ officerId, course: '市容环卫执法实务', hours: 4, completedOn: countyToday(clock.now()) }),
        'training',
      );
    ok(await township.post(`/api/v1/handovers/${littering}/acceptance`).send({}), 'accept');
    // Back to the present: the browser's today is the server's.
    clock.set(new Date());
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the charts and tables of the last twelve months, exports them, and prints a township’s evidence as of a day', async () => {
    const { context, page } = await browser.newUser(app.baseUrl);
    // The print dialog is the browser's; here printing only records that it was asked for.
    await context.addInitScript({ content: "window.print = () => { document.body.dataset.printed = 'true'; };" });
    await login(page, 'zhanyi.office', PASSWORD);
    await page.getByRole('menuitem', { name: '放权评估' }).click();
    await page.waitForURL(/\/evaluations/);

    // Each chart draws (G2 renders to a canvas inside its container).
    for (const chart of ['chart-readiness', 'chart-gap-days', 'chart-reminders'])
      await page.getByTestId(chart).locator('canvas').first().waitFor({ state: 'attached' });
    const handovers = page.getByTestId('evaluation-handovers');
    await waitForText(handovers, POWERS.littering.name);
    await waitForText(handovers, '西平街道');
    // No case was recorded: both are 零办件; road occupation was never ready (the vehicle never came).
    const zeroUse = page.getByTestId('evaluation-zero-use');
    await waitForText(zeroUse, POWERS.roadOccupation.name);
    expect(await handovers.locator('tr', { hasText: POWERS.roadOccupation.name }).textContent()).toContain('从未具备');
    const departments = page.getByTestId('evaluation-departments');
    await waitForText(departments, '县级统筹');
    await waitForText(departments, '城市管理局');
    await waitForText(page.getByTestId('evaluation-townships'), '白水镇');

    await exportFrom(page, 'evaluation-export', /\/evaluations\/export\.xlsx$/);
    await screenshot(page, 'evaluation');

    // 西平街道's row opens its as-of page at the end of the period (today).
    await page.getByTestId('evaluation-townships').locator('tr', { hasText: '西平街道' }).getByTestId('evaluation-as-of-link').click();
    await page.waitForURL(new RegExp(`/townships/${xiping().id}/as-of\\?date=${countyToday()}`));
    const sheet = page.getByTestId('as-of-sheet');
    await waitForText(sheet, '西平街道执法放权履职情况证明');
    await waitForText(page.getByTestId('as-of-source'), /本材料根据执法放权台账记录自动生成，截至该日终了，最后一条记录位置 #\d+（.+）/);
    expect(await page.getByTestId('as-of-certified').textContent()).toContain('2');
    expect(await page.getByTestId('as-of-handovers').textContent()).toContain('具备');
    await waitForText(page.getByTestId('as-of-reminders'), '资源缺口提醒');
    await exportFrom(page, 'as-of-export', /\/as-of\/export\.xlsx$/);

    // The first day: nothing held, the county office answering for every gap.
    await page.goto(`/townships/${xiping().id}/as-of?date=${start}`);
    await waitForText(page.getByTestId('as-of-handovers'), '不具备');
    expect(await page.getByTestId('as-of-handovers').textContent()).toContain('县级统筹');
    // A day after today is refused before asking.
    await page.goto(`/townships/${xiping().id}/as-of?date=${addDays(countyToday(), 1)}`);
    await waitForText(page.getByTestId('as-of'), '不能选择今天以后的日期');

    // Today's evidence, printed: the app's header and menu are left out of the A4 page.
    await page.goto(`/townships/${xiping().id}/as-of?date=${countyToday()}`);
    await waitForText(page.getByTestId('as-of-sheet'), '西平街道');
    await page.getByTestId('as-of-print').click();
    expect(await page.locator('body').getAttribute('data-printed')).toBe('true');
    // A4's width at 96 dpi, as the sheet is printed.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await page.locator('.as-of-toolbar').isVisible()).toBe(false);
    await screenshot(page, 'as-of');
    await page.emulateMedia({ media: 'screen' });

    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
