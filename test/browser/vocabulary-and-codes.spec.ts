import { startTestApp, TEST_ADMIN, type TestApp } from '../support/test-app';
import type { Locator, Page } from 'playwright-core';
import { choose, eventually, launchBrowser, login, pageErrors, screenshot, waitForText, type TestBrowser } from './support/browser';
import { countyToday, ONE_TOWNSHIP_COUNTY, PASSWORD, seedCounty, type County } from './support/seed';

/** An English sentence as the server writes its `detail` and `message` texts (“Power item … is already registered”). */
const ENGLISH_SENTENCE = /[A-Za-z]{3,}\s+[A-Za-z]{2,}\s+[A-Za-z]{2,}/;
const CHINESE = /[\u4e00-\u9fff]/;

/**
 * Equipment kinds and courses picked from the county's vocabularies and shown by their names; refusals
 * worded from their codes in the language the user reads.
 */
describe('web app: vocabularies and refusal codes', () => {
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

  it('adds and renames a term, picks it from the list for a requirement, and shows its name in the gaps', async () => {
    const { context, page } = await browser.newUser(app.baseUrl);
    const card = await openVocabularies(page);

    await addTerm(page, card, 'noise-meter', '噪声检测仪');
    await waitForText(page.getByTestId('vocabulary-equipment-kinds'), '噪声检测仪');
    await page.getByTestId('vocabulary-equipment-kinds').locator('tr', { hasText: 'noise-meter' }).getByTestId('rename-term').click();
    await page.locator('#term_name').fill('噪声监测仪');
    await page.getByTestId('term-submit').click();
    await waitForText(page.getByTestId('vocabulary-equipment-kinds'), '噪声监测仪');

    // The renamed term is in the kinds' list of the requirements editor, by its name.
    const row = page.locator('tr', { hasText: 'CF-CG-0001' });
    await row.getByRole('button', { name: '修订要求' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('add-equipment-line').click();
    await choose(page, 'requirements_requirements_equipment_1_kind', '噪声监测仪');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await waitForText(row, '噪声监测仪 × 1');
    expect(await row.textContent()).not.toContain('noise-meter');
    await screenshot(page, 'catalogue-vocabularies');

    // A handover to the empty team: its gaps name the kinds and the course, not their codes.
    const office = await app.loginAs('zhanyi.office', PASSWORD);
    const recorded = await office.post('/api/v1/handovers').send({
      powerCode: 'CF-CG-0001',
      teamId: county.townships['西平街道']?.teamId,
      mode: 'transfer',
      instrument: '沾政发〔2025〕8号',
      effectiveOn: countyToday(),
    });
    expect(recorded.status).toBe(201);
    await page.goto(`/handovers/${(recorded.body as { id: string }).id}`);
    const gaps = page.getByTestId('gaps');
    await waitForText(gaps, '噪声监测仪');
    const text = (await gaps.textContent()) ?? '';
    expect(text).toContain('执法记录仪');
    expect(text).toContain('市容环卫执法实务');
    expect(text).not.toMatch(/noise-meter|body-camera/);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('words a refusal from its code: no English from the server in the Chinese UI, English in the English one', async () => {
    const { context, page } = await browser.newUser(app.baseUrl);
    const card = await openVocabularies(page);

    // A second kind named like an existing one: 409 term-name-in-use.
    await addTerm(page, card, 'bodycam-2', '执法记录仪');
    const problem = page.getByRole('dialog').getByTestId('problem');
    await waitForText(problem, '词表中已有同名的条目');
    expect((await problem.textContent()) ?? '').not.toMatch(ENGLISH_SENTENCE);
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /取\s*消/ })
      .click();

    // The same refusal in the English UI reads in English, without Chinese.
    await page.getByTestId('language').click();
    await addTerm(page, card, 'bodycam-2', '执法记录仪');
    const english = page.getByRole('dialog').getByTestId('problem');
    await waitForText(english, 'Another entry of the vocabulary has this name');
    await eventually(async () => expect((await english.textContent()) ?? '').not.toMatch(CHINESE), { what: 'an English-only refusal' });
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('opens the queue dashboard for the system admin from the system page, through a short-lived cookie', async () => {
    const { context, page } = await browser.newUser(app.baseUrl);
    await login(page, TEST_ADMIN.username, TEST_ADMIN.password);
    await page.goto('/system');
    await waitForText(page.getByTestId('open-queues'), '队列监控');
    await screenshot(page, 'system');
    await page.getByTestId('open-queues').click();
    await page.waitForURL('**/admin/queues**', { timeout: 20_000 });
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).not.toMatch(/Unauthorized|"statusCode"/);
    await eventually(async () => expect(await page.locator('#root').count()).toBeGreaterThan(0), {
      what: 'the dashboard page',
    });
    await context.close();
  });
});

/** The county office's catalogue page, its vocabularies card loaded. */
async function openVocabularies(page: Page): Promise<Locator> {
  await login(page, 'zhanyi.office', PASSWORD);
  await page.goto('/county/catalogue');
  const card = page.getByTestId('vocabularies');
  await waitForText(card, '执法记录仪');
  return card;
}

/** Adds a term to the vocabulary shown in `card` through its dialog. */
async function addTerm(page: Page, card: Locator, code: string, name: string): Promise<void> {
  await card.getByTestId('add-term').click();
  await page.locator('#term_code').fill(code);
  await page.locator('#term_name').fill(name);
  await page.getByTestId('term-submit').click();
}
