import { startTestApp, type TestApp } from '../support/test-app';
import { eventually, launchBrowser, login, pageErrors, screenshot, waitForText, type TestBrowser } from './support/browser';
import { countyToday, PASSWORD, seedCounty, type County } from './support/seed';

/**
 * The inbox shows reminders about requests: the county office's 待决定 reminder of a request past its
 * decision date, the filing department's decision with its outcome; each names what it is about and
 * opens the 待决定 queue.
 */
describe('web app: reminders about requests in the inbox', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let county: County;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp({ env: { DECISION_REMINDER_DAYS: '1s', REMINDER_REPEAT: '1h' } }), launchBrowser()]);
    county = await seedCounty(app, {
      name: '沾益区',
      townships: ['西平街道'],
      users: [
        { username: 'zhanyi.office', role: 'county_admin', head: true },
        { username: 'nongye.wang', role: 'department', department: '农业农村局' },
      ],
      powers: [],
    });
    const department = app.as(await app.login('nongye.wang', PASSWORD));
    const office = app.as(await app.login('zhanyi.office', PASSWORD));
    const file = async (title: string): Promise<string> => {
      const filed = await department.post('/api/v1/task-admissions').send({
        title,
        description: '在玉米种植区布设监测点',
        townshipIds: [county.townships['西平街道']!.id],
        means: { staff: 2, equipment: [], training: [] },
        startsOn: countyToday(),
      });
      if (filed.status !== 201) throw new Error(`filing: ${filed.status} ${filed.text}`);
      return (filed.body as { id: string }).id;
    };
    await file('草地贪夜蛾监测防控');
    const decided = await file('秸秆禁烧巡查');
    const decision = await office.post(`/api/v1/task-admissions/${decided}/decision`).send({ admitted: false, reason: '未落实经费' });
    if (decision.status !== 200) throw new Error(`decision: ${decision.status} ${decision.text}`);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the county office a request awaiting its decision, linked to 待决定', async () => {
    const { context, page } = await browser.newUser(app.baseUrl);
    await login(page, 'zhanyi.office', PASSWORD);
    const kind = page.locator('[data-testid="inbox-kind"][data-kind="decision-due"]');
    await eventually(
      async () => {
        await page.goto('/inbox');
        // The page loads the inbox after it renders: wait for the row, or reload.
        await kind
          .first()
          .waitFor({ timeout: 3_000 })
          .catch(() => undefined);
        expect(await kind.count()).toBe(1);
      },
      { timeoutMs: 30_000, intervalMs: 1_000, what: 'the decision-due reminder' },
    );
    expect(await kind.textContent()).toBe('待决定提醒');
    const open = page.getByTestId('inbox-open-subject');
    expect(await waitForText(open, '事项准入申请：草地贪夜蛾监测防控')).toContain('草地贪夜蛾监测防控');
    expect(await open.getAttribute('href')).toBe('/decisions');
    await screenshot(page, 'inbox-decision-due');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('shows the filing department the decision and its outcome', async () => {
    const { context, page } = await browser.newUser(app.baseUrl);
    await login(page, 'nongye.wang', PASSWORD);
    const outcome = page.getByTestId('inbox-outcome');
    await eventually(
      async () => {
        await page.goto('/inbox');
        await outcome
          .first()
          .waitFor({ timeout: 3_000 })
          .catch(() => undefined);
        expect(await outcome.count()).toBe(1);
      },
      { timeoutMs: 30_000, intervalMs: 1_000, what: 'the decision-made notice' },
    );
    expect(await outcome.getAttribute('data-outcome')).toBe('refused');
    expect(await outcome.textContent()).toBe('不予准入');
    expect(await page.locator('[data-testid="inbox-kind"][data-kind="decision-made"]').textContent()).toBe('决定结果');
    await waitForText(page.getByTestId('inbox-open-subject'), '事项准入申请：秸秆禁烧巡查');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
