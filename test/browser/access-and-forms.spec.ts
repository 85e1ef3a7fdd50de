import { startTestApp, type TestApp } from '../support/test-app';
import { choose, eventually, fieldErrors, launchBrowser, login, pageErrors, waitForText, type TestBrowser } from './support/browser';
import { ONE_TOWNSHIP_COUNTY, PASSWORD, POWERS, seedCounty, type County } from './support/seed';

/** Who may open what, and forms that say what is wrong beside the fields (the browser's checks and the API's). */
describe('web app: access and forms', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let county: County;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    county = await seedCounty(app, ONE_TOWNSHIP_COUNTY);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('keeps a township user out of the county pages (route guard) and the API refuses the same (403)', async () => {
    const { context, page } = await browser.newUser(app.baseUrl);
    await login(page, 'xiping.li', PASSWORD);
    const menu = (await page.getByTestId('menu').textContent()) ?? '';
    expect(menu).toContain('待确认承接');
    expect(menu).not.toContain('承接总览');
    expect(menu).not.toContain('权力事项目录');
    for (const path of ['/county', '/county/catalogue', '/county/handovers/new', '/county/handovers']) {
      await page.goto(path);
      await waitForText(page.getByTestId('forbidden'), '无权访问');
      expect(await page.getByTestId('matrix').count()).toBe(0);
    }
    const token = await app.login('xiping.li', PASSWORD);
    const statuses = await page.evaluate(async (bearer) => {
      const headers = { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' };
      const register = await fetch('/api/v1/powers', { method: 'POST', headers, body: JSON.stringify({}) });
      const record = await fetch('/api/v1/handovers', { method: 'POST', headers, body: JSON.stringify({}) });
      const users = await fetch('/api/v1/users', { headers });
      return [register.status, record.status, users.status];
    }, token);
    expect(statuses).toEqual([403, 403, 403]);
    // Its own team is open to it.
    await page.goto('/township/team');
    await waitForText(page.getByTestId('team-title'), '西平街道');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('shows the field errors beside the fields: the browser’s checks first, then the API’s problem+json, keeping what was typed', async () => {
    const { context, page } = await browser.newUser(app.baseUrl);
    await login(page, 'zhanyi.office', PASSWORD);
    await page.getByRole('menuitem', { name: '权力事项目录' }).click();
    await waitForText(page.getByTestId('catalogue'), 'CF-CG-0001');

    // Nothing filled in: every required field says so, nothing is sent.
    await page.getByTestId('add-power').click();
    // A click that lands while the dialog is still opening is lost: click again until the form has checked itself.
    await eventually(
      async () => {
        await page.getByTestId('power-submit').click();
        expect(await fieldErrors(page, 'power_code')).toContain('必填');
      },
      { what: 'the code error' },
    );
    expect(await fieldErrors(page, 'power_name')).toContain('必填');
    expect(await fieldErrors(page, 'power_legalBasis')).toContain('必填');
    expect(await fieldErrors(page, 'power_department')).toContain('必填');

    // A code with a space and one officer for a penalty: refused in the browser.
    await page.locator('#power_code').fill('CF SC 0099');
    await page.locator('#power_requirements_certifiedOfficers').fill('1');
    await page.getByTestId('power-submit').click();
    await eventually(async () => expect(await fieldErrors(page, 'power_code')).toContain('不含空格'), { what: 'the code rule' });
    expect(await fieldErrors(page, 'power_requirements_certifiedOfficers')).toContain('至少需要 2 名');

    // Everything right but the same kind twice: the API says which line, beside that line.
    await page.locator('#power_code').fill('CF-SC-0099');
    await page.locator('#power_name').fill('对销售不符合安全标准食品的处罚');
    await page.locator('#power_legalBasis').fill('《食品安全法》第一百二十四条');
    await page.locator('#power_department').fill('市场监管局');
    await page.locator('#power_requirements_certifiedOfficers').fill('2');
    const dialog = page.getByRole('dialog', { name: '新增事项' });
    await dialog.getByTestId('add-equipment-line').click();
    await dialog.getByTestId('add-equipment-line').click();
    await choose(page, 'power_requirements_equipment_0_kind', '执法记录仪');
    await choose(page, 'power_requirements_equipment_1_kind', '执法记录仪');
    await page.getByTestId('power-submit').click();
    await eventually(async () => expect(await fieldErrors(page, 'power_requirements_equipment_1_kind')).toContain('与前面的条目重复'), {
      what: 'the API field error',
    });
    await waitForText(page.getByTestId('problem'), '有些内容需要修改');
    expect(await page.locator('#power_name').inputValue()).toBe('对销售不符合安全标准食品的处罚');

    // Fixed: saved, listed.
    await choose(page, 'power_requirements_equipment_1_kind', '执法车辆');
    await page.getByTestId('power-submit').click();
    await waitForText(page.getByTestId('catalogue'), 'CF-SC-0099');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('explains a stale version (409) in plain words and offers to reload, keeping the edit', async () => {
    const { context, page } = await browser.newUser(app.baseUrl);
    await login(page, 'zhanyi.office', PASSWORD);
    await page.goto('/county/catalogue');
    const row = page.locator('tr', { hasText: 'CF-CG-0001' });
    await row.getByRole('button', { name: '修订要求' }).click();
    await page.locator('#requirements_requirements_certifiedOfficers').fill('3');

    // Someone else revises the same power meanwhile.
    const office = await app.loginAs('zhanyi.office', PASSWORD);
    const revised = await office
      .put('/api/v1/powers/CF-CG-0001/requirements')
      .send({ requirements: { ...POWERS.littering.requirements, training: [] } });
    expect(revised.status).toBe(200);

    await page
      .getByRole('dialog')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await waitForText(page.getByTestId('problem'), '已被他人修改');
    expect(await page.locator('#requirements_requirements_certifiedOfficers').inputValue()).toBe('3');
    await page.getByTestId('problem-reload').click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await waitForText(row, '3 名持证人员');
    const power = await office.get('/api/v1/powers/CF-CG-0001');
    expect(power.body.requirements.certifiedOfficers).toBe(3);
    expect(power.body.version).toBe(3);
    expect(county.townships['西平街道']).toBeDefined();
    await context.close();
  });

  it('switches to English and back, formatting for zh-CN by default', async () => {
    const { context, page } = await browser.newUser(app.baseUrl);
    await login(page, 'zhanyi.office', PASSWORD);
    await page.getByTestId('matrix').waitFor();
    await page.getByTestId('language').click();
    await waitForText(page.getByTestId('menu'), 'Overview');
    await page.getByTestId('language').click();
    await waitForText(page.getByTestId('menu'), '承接总览');
    await context.close();
  });
});
