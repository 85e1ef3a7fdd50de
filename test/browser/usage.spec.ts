import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../support/test-app';
import { eventually, launchBrowser, login, pageErrors, screenshot, waitForText, type TestBrowser } from './support/browser';
import { countyToday, ONE_TOWNSHIP_COUNTY, PASSWORD, POWERS, seedCounty } from './support/seed';

/**
 * 办件量: the township records a month's cases on its handover's page and sees them there and in the
 * history; on the usage page it imports a sheet — the check names a bad row, the corrected file is
 * checked, then 确认导入.
 */
describe('web app: usage (办件量)', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let handoverId = '';
  const month = countyToday().slice(0, 7);

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    const county = await seedCounty(app, ONE_TOWNSHIP_COUNTY);
    const office = await app.loginAs('zhanyi.office', PASSWORD);
    const recorded = await office.post('/api/v1/handovers').send({
      powerCode: POWERS.littering.code,
      teamId: county.townships['西平街道']?.teamId,
      mode: 'transfer',
      instrument: '沾政发〔2026〕9号',
      effectiveOn: countyToday(),
    });
    if (recorded.status !== 201) throw new Error(`handover: ${recorded.status} ${JSON.stringify(recorded.body)}`);
    handoverId = (recorded.body as { id: string }).id;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('records a month on the handover’s page, and imports a sheet after its check', async () => {
    const { context, page } = await browser.newUser(app.baseUrl);
    await login(page, 'xiping.li', PASSWORD);
    await page.goto(`/handovers/${handoverId}`);
    const card = page.getByTestId('usage');
    await waitForText(card, '尚未登记办件量');
    const picker = page.locator('#usage_month');
    await picker.click();
    await picker.fill(month);
    await picker.press('Tab');
    await page.locator('#usage_cases').fill('12');
    await page.getByTestId('usage-submit').click();
    await waitForText(page.getByTestId('usage-months'), '12');
    await waitForText(page.getByTestId('history'), '登记办件量');
    await screenshot(page, 'handover-usage');

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('办件量');
    sheet.addRow(['下放事项编号', '月份', '办件量']);
    sheet.addRow([handoverId, month, -3]);
    const bad = Buffer.from(await book.xlsx.writeBuffer());
    sheet.getRow(2).getCell(3).value = 15;
    const good = Buffer.from(await book.xlsx.writeBuffer());

    await page.getByRole('menuitem', { name: '办件量' }).click();
    await page.getByTestId('usage-import').click();
    const input = page.locator('.ant-modal input[type=file]');
    await input.setInputFiles({ name: 'usage.xlsx', mimeType: 'application/octet-stream', buffer: bad });
    await waitForText(page.getByTestId('import-errors'), '办件量');
    await input.setInputFiles({ name: 'usage.xlsx', mimeType: 'application/octet-stream', buffer: good });
    await waitForText(page.getByTestId('import-report'), '预检通过');
    await screenshot(page, 'usage-import');
    await page.getByTestId('import-confirm').click();
    await eventually(async () => {
      const response = await (await app.loginAs('xiping.li', PASSWORD)).get(`/api/v1/handovers/${handoverId}/usage`);
      expect(response.body).toMatchObject({ months: [{ month, cases: 15 }] });
    });
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
