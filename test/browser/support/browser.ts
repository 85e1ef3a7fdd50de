import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Committed PNGs, linked from docs/web-app.md (Vitest runs from the repository root). */
export const SCREENSHOT_DIR = resolve(process.cwd(), 'test/screenshots');

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface TestBrowser {
  readonly browser: Browser;
  /** A fresh, isolated user (own storage): Chinese, the county's time zone, a desktop window. */
  newUser(baseUrl: string): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/**
 * Chromium driven by playwright-core (no browser download: Debian's build). Each launch gets a fresh
 * profile directory of its own (Playwright passes a new temporary --user-data-dir), removed on close.
 */
export async function launchBrowser(): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const artifacts = mkdtempSync(join(tmpdir(), 'fangquan-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    artifactsDir: artifacts,
    timeout: 60_000,
  });
  return {
    browser,
    newUser: async (baseUrl) => {
      const context = await browser.newContext({
        baseURL: baseUrl,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 1440, height: 900 },
        deviceScaleFactor: 1,
      });
      context.setDefaultTimeout(20_000);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error' && !/status of (4|5)\d\d/.test(message.text())) errors.push(message.text());
      });
      errorsOf.set(page, errors);
      return { context, page };
    },
    close: async () => {
      await browser.close().catch(() => undefined);
      rmSync(artifacts, { recursive: true, force: true });
    },
  };
}

const errorsOf = new WeakMap<Page, string[]>();

/** Uncaught errors and console errors of the page (React render errors, failed scripts), HTTP error statuses aside. */
export function pageErrors(page: Page): string[] {
  return errorsOf.get(page) ?? [];
}

export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.locator('#login_username').fill(username);
  await page.locator('#login_password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('username').waitFor();
}

/** Polls until `check` passes (Playwright's own `expect` is not part of playwright-core). */
export async function eventually<T>(
  check: () => Promise<T>,
  { timeoutMs = 20_000, intervalMs = 250, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${last instanceof Error ? last.message : String(last)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Waits until the locator's text contains `text`. */
export async function waitForText(locator: Locator, text: string | RegExp, timeoutMs = 20_000): Promise<string> {
  return eventually(
    async () => {
      const content = (await locator.first().textContent({ timeout: 2_000 })) ?? '';
      if (typeof text === 'string' ? !content.includes(text) : !text.test(content))
        throw new Error(`text is ${JSON.stringify(content.slice(0, 300))}`);
      return content;
    },
    { timeoutMs, what: `text ${String(text)}` },
  );
}

/**
 * Chooses an option of an antd Select whose input has `id`: opens it by its box, types the option to
 * filter, clicks it, and checks that the Select shows it chosen. A Select inside a modal exists before
 * the modal opens (forceRender), so wait until it is shown; under load the dropdown may open late, so
 * the attempt is repeated a few times.
 */
export async function choose(page: Page, id: string, option: string): Promise<void> {
  const input = page.locator(`#${id}`);
  const choice = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first();
  // What the Select shows as chosen: the proof that the click took.
  const select = page.locator('.ant-select', { has: input });
  const chosen = select.locator('.ant-select-selection-item', { hasText: option });
  await select.waitFor({ state: 'visible', timeout: 20_000 });
  for (let attempt = 1; ; attempt += 1) {
    if ((await chosen.count()) > 0) return;
    // The Select's box, not its search input: in a multiple Select the input can shrink to nothing
    // while the tags re-render, and a click on it then fails as "not visible".
    await select.locator('.ant-select-selector').click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(option);
    try {
      await choice.click({ timeout: 8_000 });
      await chosen.first().waitFor({ state: 'visible', timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** Types a date into an antd DatePicker whose input has `id`. */
export async function typeDate(page: Page, id: string, date: string): Promise<void> {
  const input = page.locator(`#${id}`);
  await input.click();
  await input.fill(date);
  // Tab, not Enter: Enter in a form's field submits the form.
  await input.press('Tab');
  await eventually(async () => expect(await input.inputValue()).toBe(date), { what: `the date in #${id}` });
}

/** The messages antd shows beside the field whose input has `id`. */
export async function fieldErrors(page: Page, id: string): Promise<string> {
  const item = page.locator('.ant-form-item', { has: page.locator(`#${id}`) }).first();
  return (await item.locator('.ant-form-item-explain-error').allTextContents()).join(' | ');
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  // Let the last requests settle and the antd motions end.
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // No "saved" toasts over the picture.
  await page
    .locator('.ant-message-notice')
    .first()
    .waitFor({ state: 'detached', timeout: 8_000 })
    .catch(() => undefined);
  await page.waitForTimeout(300);
  // Written beside and renamed: an interrupted run never leaves half a PNG in place of a committed one.
  const partial = join(SCREENSHOT_DIR, `${name}.tmp.png`);
  await page.screenshot({ path: partial, fullPage: true, animations: 'disabled' });
  renameSync(partial, path);
  return path;
}
