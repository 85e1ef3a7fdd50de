import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { BrowserContext, Page } from 'playwright-core';
import { findFreePort } from '@fangquan/platform';
import { startTestApp, type TestApp } from '../support/test-app';
import { eventually, launchBrowser, pageErrors, screenshot, waitForText, type TestBrowser } from './support/browser';
import { PASSWORD, seedCounty, type County } from './support/seed';

const DUTIES = [
  {
    code: 'MS-001',
    name: '城乡居民基本养老保险参保登记',
    domain: '民生服务',
    defaultCategory: 'basic',
    leadDepartment: '县人力资源和社会保障局',
    contact: '0874-3101233（便民服务中心）',
  },
  {
    code: 'PA-001',
    name: '矛盾纠纷排查化解和人民调解',
    domain: '平安法治',
    defaultCategory: 'basic',
    leadDepartment: '县司法局',
    contact: '0874-3102148（综治中心）',
  },
  {
    code: 'ST-004',
    name: '林长制和森林资源保护',
    domain: '生态环保',
    defaultCategory: 'assisting',
    leadDepartment: '县林业和草原局',
    description: '组织护林员日常巡山，发现毁林的制止并报告；不办理林木采伐许可',
    contact: '0874-3107470（县林业和草原局）',
  },
  {
    code: 'QT-005',
    name: '婚姻登记',
    domain: '其他',
    defaultCategory: 'returned',
    leadDepartment: '县民政局',
    contact: '0874-3104020（县婚姻登记处）',
  },
] as const;

function ok(response: { status: number; body: unknown }, expected: number, what: string): void {
  if (response.status !== expected) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
}

/** A phone: 390×844 at three device pixels per CSS pixel, touch, Chinese; nobody signed in. */
async function phone(browser: TestBrowser, baseUrl: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.browser.newContext({
    baseURL: baseUrl,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
  });
  context.setDefaultTimeout(20_000);
  return { context, page: await context.newPage() };
}

/**
 * 公示: the county publishes a township's list; a resident opens the public page from the QR code on a
 * phone, without an account, reads it in Chinese, finds an item by search, and the QR code on the page
 * leads back to that very page.
 */
describe('public duty list page (公示), on a phone, without login', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let county: County;
  let baseUrl: string;

  beforeAll(async () => {
    const port = await findFreePort();
    baseUrl = `http://127.0.0.1:${port}`;
    [app, browser] = await Promise.all([startTestApp({ port, env: { PUBLIC_BASE_URL: baseUrl } }), launchBrowser()]);
    county = await seedCounty(app, {
      name: '沾益区',
      townships: ['西平街道', '花山街道'],
      users: [{ username: 'zhanyi.office', role: 'county_admin', head: true }],
      powers: [],
    });
    const office = await app.loginAs('zhanyi.office', PASSWORD);
    for (const duty of DUTIES) ok(await office.post('/api/v1/duties').send(duty), 201, `duty ${duty.code}`);
    const list = `/api/v1/townships/${county.townships['西平街道']?.id ?? ''}/duty-list`;
    ok(await office.post(`${list}/compile`).send({}), 200, 'compile');
    ok(
      await office
        .put(`${list}/items/PA-001`)
        .send({ category: 'assisting', cooperation: '村级调解员先行调解，调解不成的引导当事人申请司法确认', leadDepartment: '县司法局' }),
      200,
      'adjust PA-001',
    );
    ok(await office.post(`${list}/publications`).send({ decisionRef: '沾政办〔2025〕17号' }), 201, 'publish');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the published list in Chinese, finds an item by search, and its QR code opens this page', async () => {
    const { context, page } = await phone(browser, baseUrl);
    const path = `/public/townships/${county.townships['西平街道']?.id ?? ''}`;
    await page.goto(path);
    await waitForText(page.locator('h1'), '西平街道职责清单');
    // No login: the page stays where it was opened.
    expect(new URL(page.url()).pathname).toBe(path);
    const header = (await page.locator('header').textContent()) ?? '';
    expect(header).toContain('沾益区');
    expect(header).toContain('第 1 版');
    expect(header).toContain('沾政办〔2025〕17号');
    expect(header).toContain('基本履职 1 项 · 配合履职 2 项 · 上级部门收回 1 项');
    const assisting = (await page.getByTestId('public-category-assisting').textContent()) ?? '';
    expect(assisting).toContain('配合履职事项');
    expect(assisting).toContain('村级调解员先行调解');
    expect(assisting).toContain('县林业和草原局');
    expect(await page.getByTestId('public-item').count()).toBe(4);
    // The page fits the phone: nothing wider than the screen.
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await screenshot(page, 'public-duty-list');

    await page.getByPlaceholder('搜索事项、领域、部门或电话').fill('婚姻');
    await eventually(async () => expect(await page.getByTestId('public-item').count()).toBe(1), { what: 'one item found' });
    expect(await page.getByTestId('public-item').textContent()).toContain('婚姻登记');
    expect(await page.getByTestId('public-item').textContent()).toContain('县民政局');
    expect(await page.getByTestId('public-found').textContent()).toContain('找到 1 项');

    const qr = page.getByTestId('public-qr');
    await eventually(
      async () =>
        expect(
          await page.evaluate<boolean>(
            "(() => { const img = document.querySelector('[data-testid=public-qr]'); return !!img && img.complete && img.naturalWidth > 0; })()",
          ),
        ).toBe(true),
      {
        what: 'the QR image loaded',
      },
    );
    const image = PNG.sync.read(await qr.screenshot());
    const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
    expect(decoded).toBe(page.url());
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('prints on A4 with the township, the version and the 文号 on every sheet, without the search box', async () => {
    const { context, page } = await phone(browser, baseUrl);
    await page.goto(`/public/townships/${county.townships['西平街道']?.id ?? ''}`);
    await waitForText(page.locator('h1'), '西平街道职责清单');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.pl-search').isVisible()).toBe(false);
    const running = page.locator('.pl-print-head');
    expect(await running.isVisible()).toBe(true);
    expect(await running.textContent()).toBe('西平街道职责清单 · 第 1 版 · 文号：沾政办〔2025〕17号');
    expect(await page.evaluate<string>("getComputedStyle(document.querySelector('.pl-print-head')).position")).toBe('fixed');
    // The page's own @page size: A4, 210 × 297 mm ≈ 595 × 842 points.
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
    expect(pdf).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]/);
    await context.close();
  });

  it('says plainly that nothing is published yet for a township without a published list', async () => {
    const { context, page } = await phone(browser, baseUrl);
    await page.goto(`/public/townships/${county.townships['花山街道']?.id ?? ''}`);
    await waitForText(page.locator('.ant-result-title'), '职责清单尚未公布');
    await context.close();
  });
});
