import { startTestApp, type TestApp } from '../support/test-app';
import { choose, eventually, launchBrowser, login, pageErrors, screenshot, waitForText, type TestBrowser } from './support/browser';
import { ONE_TOWNSHIP_COUNTY, PASSWORD, seedCounty, type County } from './support/seed';

/** Three items of a county's duty catalogue, one per default category. */
const DUTIES = [
  { code: 'MS-0001', name: '城乡居民最低生活保障申请受理', domain: '民生服务', defaultCategory: 'basic', leadDepartment: '民政局' },
  {
    code: 'ST-0002',
    name: '生活垃圾分类日常监督',
    domain: '生态环保',
    defaultCategory: 'basic',
    leadDepartment: '城市管理局',
    contact: '0874-3012345',
  },
  { code: 'PA-0003', name: '危险化学品经营单位安全检查', domain: '应急管理', defaultCategory: 'returned', leadDepartment: '应急管理局' },
] as const;

/** A power a team can carry at once (an inspection needing nothing): its handover turns active on acceptance. */
const SIGNS_INSPECTION = {
  code: 'JC-CG-0001',
  name: '对户外广告设施设置的检查',
  category: 'inspection',
  legalBasis: '《城市市容和环境卫生管理条例》第十一条',
  department: '城市管理局',
  requirements: { certifiedOfficers: 0, equipment: [], training: [] },
};

/**
 * 职责清单: the county office compiles a township's list from the catalogue, makes an item 配合履职 with
 * what the township does, publishes it with its 文号 after the diff preview, and finds version 1 in the
 * history; the handed power stands on the list as a locked basic item linking to its handover; the
 * township reads its list, read-only, with the QR code of the public page.
 */
describe('web app: duty lists', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let county: County;
  let handoverId = '';

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    county = await seedCounty(app, { ...ONE_TOWNSHIP_COUNTY, powers: [...ONE_TOWNSHIP_COUNTY.powers, SIGNS_INSPECTION] });
    const office = await app.loginAs('zhanyi.office', PASSWORD);
    for (const duty of DUTIES) {
      const response = await office.post('/api/v1/duties').send(duty);
      if (response.status !== 201) throw new Error(`duty ${duty.code}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    const recorded = await office.post('/api/v1/handovers').send({
      powerCode: SIGNS_INSPECTION.code,
      teamId: county.townships['西平街道']?.teamId,
      mode: 'transfer',
      instrument: '沾政发〔2026〕5号',
      effectiveOn: '2026-01-01',
    });
    handoverId = (recorded.body as { id: string }).id;
    const township = await app.loginAs('xiping.li', PASSWORD);
    const accepted = await township.post(`/api/v1/handovers/${handoverId}/acceptance`).send({});
    if ((accepted.body as { status?: string }).status !== 'active')
      throw new Error(`handover: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lets the county office search the catalogue, then compile, adjust and publish a township’s list with its 文号', async () => {
    const { context, page } = await browser.newUser(app.baseUrl);
    await login(page, 'zhanyi.office', PASSWORD);
    await page.getByRole('menuitem', { name: '职责目录' }).click();
    await waitForText(page.getByTestId('duties'), '危险化学品经营单位安全检查');
    expect(await page.getByTestId('duties').textContent()).toContain('上级部门收回');
    await screenshot(page, 'duty-catalogue');
    await page.locator('#duty-search').fill('垃圾');
    await page.locator('#duty-search').press('Enter');
    await eventually(async () => expect(await page.getByTestId('duties').locator('tbody tr.ant-table-row').count()).toBe(1), {
      what: 'one duty found',
    });

    await page.getByRole('menuitem', { name: '乡镇清单' }).click();
    await choose(page, 'duty-list-township', '西平街道');
    await waitForText(page.getByTestId('published-version'), '尚未发布');
    await page.getByTestId('compile').click();
    await page.getByTestId('compile-confirm').click();
    await waitForText(page.getByTestId('duty-tab-basic'), '基本履职 (3)');
    await waitForText(page.getByTestId('duty-tab-returned'), '上级部门收回 (1)');

    // The handed power is a basic item of its own, from the ledger: linked to its handover, not editable here.
    const handed = page.getByTestId('duty-items-basic').locator('tr', { hasText: SIGNS_INSPECTION.name });
    expect(await handed.getByTestId('item-source').textContent()).toBe('来自下放事项');
    expect(await handed.getByRole('link').getAttribute('href')).toBe(`/handovers/${handoverId}`);
    expect(await handed.getByTestId('item-locked').count()).toBe(1);
    expect(await handed.getByTestId('set-category').count()).toBe(0);

    // 生活垃圾分类 becomes 配合履职: what the township does, and who leads.
    const row = page.getByTestId('duty-items-basic').locator('tr', { hasText: '生活垃圾分类日常监督' });
    await row.getByTestId('set-category').click();
    await page.getByTestId('item-category').getByText('配合履职').click();
    await page.locator('#item_cooperation').fill('入户宣传、督促商户分类投放，发现问题报城市管理局');
    await page.locator('#item_leadDepartment').fill('城市管理局');
    await page.getByTestId('item-submit').click();
    await waitForText(page.getByTestId('duty-tab-assisting'), '配合履职 (1)');
    await waitForText(page.getByTestId('duty-tab-basic'), '基本履职 (2)');
    await page.getByTestId('duty-tab-assisting').click();
    await waitForText(page.getByTestId('duty-items-assisting'), '入户宣传、督促商户分类投放');

    // The preview names the four items of the first version before anything is published.
    await page.getByTestId('publish').click();
    const diff = page.getByTestId('publish-diff');
    await waitForText(diff.getByTestId('diff-added'), '新增 4');
    expect(await diff.textContent()).toContain('生活垃圾分类日常监督（配合履职）');
    await page.locator('#publish_decisionRef').fill('沾政办发〔2026〕12号');
    await page.locator('#publish_note').fill('首次公布');
    await page.getByTestId('publish-submit').click();
    await waitForText(page.getByTestId('published-version'), '已发布第 1 版 · 沾政办发〔2026〕12号');
    const versions = page.getByTestId('duty-versions');
    await waitForText(versions.getByTestId('duty-version'), '第 1 版 · 沾政办发〔2026〕12号');
    expect(await versions.textContent()).toContain('首次公布');
    await screenshot(page, 'duty-list-county');

    // Publishing the unchanged draft again is refused, in words, and the preview said so first.
    await page.getByTestId('publish').click();
    await waitForText(page.getByTestId('publish-diff'), '草稿与上一版相同');
    await page.locator('#publish_decisionRef').fill('沾政办发〔2026〕13号');
    await page.getByTestId('publish-submit').click();
    const refusal = await waitForText(page.locator('.ant-modal').getByTestId('problem'), '无需发布');
    expect(refusal).toContain('草稿与最近发布的版本完全相同');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('shows the township its own published list read-only, with the QR code of the public page to print', async () => {
    const { context, page } = await browser.newUser(app.baseUrl);
    await login(page, 'xiping.li', PASSWORD);
    await page.getByRole('menuitem', { name: '职责清单' }).click();
    await waitForText(page.getByTestId('duty-tab-assisting'), '配合履职 (1)');
    await waitForText(page.getByTestId('published-version'), '第 1 版');
    await page.getByTestId('duty-tab-assisting').click();
    await waitForText(page.getByTestId('duty-items-assisting'), '入户宣传、督促商户分类投放');
    expect(await page.getByTestId('set-category').count()).toBe(0);
    expect(await page.getByTestId('compile').count()).toBe(0);
    expect(await page.getByTestId('publish').count()).toBe(0);
    const townshipId = county.townships['西平街道']?.id ?? '';
    expect(await page.getByTestId('qr-image').getAttribute('src')).toBe(`/api/v1/public/townships/${townshipId}/duty-list/qr.svg`);
    const image = page.getByTestId('qr-image');
    await eventually(
      async () =>
        expect(
          await image.evaluate((element: { complete: boolean; naturalWidth: number }) => element.complete && element.naturalWidth),
        ).toBeGreaterThan(0),
      {
        what: 'the QR code loaded without a token',
      },
    );
    expect(await page.getByTestId('qr-print').isVisible()).toBe(true);
    await context.close();
  });

  it('checks an imported sheet first and shows each bad cell by row and column, then imports it once the check passes', async () => {
    const { context, page } = await browser.newUser(app.baseUrl);
    await login(page, 'zhanyi.office', PASSWORD);
    await page.goto('/county/duties');
    await waitForText(page.getByTestId('duties'), 'MS-0001');
    const header = '编码,名称,领域,默认类别,说明,法律依据,牵头部门,对应权力事项编码,联系方式';
    const known = 'MS-0001,城乡居民最低生活保障申请受理,民生服务,基本履职,,,民政局,,';
    const sheet = (category: string) => ({
      name: '职责目录.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([header, known, `YJ-0004,防汛抗旱隐患排查,应急管理,${category},,,应急管理局,,`].join('\n'), 'utf8'),
    });
    await page.getByTestId('duties-import').click();
    const dialog = page.locator('.ant-modal', { hasText: '导入职责目录' });
    const file = dialog.locator('input[type=file]');

    // A category that is none of the three: the spreadsheet's row 3, its column, in words; nothing to confirm.
    await file.setInputFiles(sheet('不知道'));
    const errors = dialog.getByTestId('import-errors');
    await waitForText(errors, '默认类别');
    const cells = await errors.locator('tbody tr').first().locator('td').allTextContents();
    expect(cells.slice(0, 2)).toEqual(['3', '默认类别']);
    expect(cells[2]).toMatch(/[\u4e00-\u9fff]/);
    expect(await dialog.getByTestId('import-confirm').isDisabled()).toBe(true);
    expect((await app.loginAs('zhanyi.office', PASSWORD).then((office) => office.get('/api/v1/duties'))).body).toMatchObject({ total: 3 });

    // Corrected: one new row, one as the catalogue has it; 确认导入 writes it.
    await file.setInputFiles(sheet('配合履职'));
    const report = await waitForText(dialog.getByTestId('import-report'), '预检通过');
    expect(report).toMatch(/新增\s*1/);
    expect(report).toMatch(/未变\s*1/);
    await dialog.getByTestId('import-confirm').click();
    await waitForText(page.getByTestId('duties'), '防汛抗旱隐患排查');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
