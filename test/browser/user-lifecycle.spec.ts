import { startTestApp, type TestApp } from '../support/test-app';
import { eventually, launchBrowser, login, pageErrors, screenshot, waitForText, type TestBrowser } from './support/browser';
import { PASSWORD, seedCounty } from './support/seed';

/** The county office disables a departed officer's login (it ends at once) and every user changes its own password. */
describe('web app: users', () => {
  let app: TestApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp({ withWorker: false }), launchBrowser()]);
    await seedCounty(app, {
      name: '沾益区',
      townships: ['西平街道'],
      users: [
        { username: 'zhanyi.office', role: 'county_admin', head: true },
        { username: 'xiping.wang', role: 'township', township: '西平街道' },
        { username: 'xiping.li', role: 'township', township: '西平街道' },
      ],
      powers: [],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('disables a departed officer from 用户管理: its open page loses the session at once and it cannot log in; enabling restores it', async () => {
    const departed = await browser.newUser(app.baseUrl);
    await login(departed.page, 'xiping.wang', PASSWORD);
    await departed.page.goto('/township/team');
    await waitForText(departed.page.getByTestId('team-title'), '西平街道');

    const office = await browser.newUser(app.baseUrl);
    await login(office.page, 'zhanyi.office', PASSWORD);
    await office.page.getByRole('menuitem', { name: '用户管理' }).click();
    const row = office.page.getByTestId('user-xiping.wang');
    await waitForText(row.getByTestId('user-status'), '正常');
    await row.getByTestId('disable-user').click();
    await office.page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /停\s*用/ })
      .click();
    await waitForText(row.getByTestId('user-status'), '已停用');
    await screenshot(office.page, 'users');

    // The officer's page: its next request is refused and it is asked to log in again, which fails.
    await departed.page.goto('/township/team');
    await waitForText(departed.page.locator('.ant-modal-title'), '登录已过期');
    const fresh = await browser.newUser(app.baseUrl);
    await fresh.page.goto('/login');
    await fresh.page.locator('#login_username').fill('xiping.wang');
    await fresh.page.locator('#login_password').fill(PASSWORD);
    await fresh.page.getByTestId('login-submit').click();
    await waitForText(fresh.page.getByTestId('login-error'), '此账号已被停用');
    expect(await fresh.page.getByTestId('username').count()).toBe(0);

    await row.getByTestId('enable-user').click();
    await waitForText(row.getByTestId('user-status'), '正常');
    await login(fresh.page, 'xiping.wang', PASSWORD);
    expect(await fresh.page.getByTestId('username').textContent()).toBe('xiping.wang');
    expect(pageErrors(office.page)).toEqual([]);
    await Promise.all([departed.context.close(), office.context.close(), fresh.context.close()]);
  });

  it('lets a user change its own password in 修改密码: a wrong current one is named, then the new one logs in', async () => {
    const { context, page } = await browser.newUser(app.baseUrl);
    await login(page, 'xiping.li', PASSWORD);
    await page.getByTestId('change-password').click();
    await page.getByTestId('current-password').fill('not-my-password');
    await page.getByTestId('new-password').fill('new-password-2');
    await page.getByTestId('confirm-password').fill('new-password-2');
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await waitForText(page.locator('.ant-modal .ant-form-item-explain-error'), '当前密码不正确');

    await page.getByTestId('current-password').fill(PASSWORD);
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await waitForText(page.locator('.ant-message'), '密码已修改');
    // The session goes on under the new password.
    await page.goto('/township/team');
    await waitForText(page.getByTestId('team-title'), '西平街道');
    expect(await page.locator('.ant-modal-title', { hasText: '登录已过期' }).count()).toBe(0);

    await page.getByTestId('logout').click();
    await page.locator('#login_username').fill('xiping.li');
    await page.locator('#login_password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    await login(page, 'xiping.li', 'new-password-2');
    await eventually(async () => expect(await page.getByTestId('username').textContent()).toBe('xiping.li'));
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
