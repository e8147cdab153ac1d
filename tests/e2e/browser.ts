import { chromium, type Browser, type BrowserContext, type Frame, type Locator, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium';
import type { ClientId } from '../../dev/playground/officeEmulation/profiles';

export type { ClientId };

export const addinOrigin = (): string => process.env.E2E_ADDIN_ORIGIN!;
export const sandboxOrigin = (): string => process.env.E2E_SANDBOX_ORIGIN!;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
}

export interface PlaygroundOptions {
  lang?: string;
  theme?: 'light' | 'dark';
  width?: number;
  height?: number;
  /** A shared mailbox to open instead of the user's own, as Outlook shows one added beside it. */
  mailbox?: string;
  /** false: open on the sandbox as it is (e.g. lived-in), without resetting it to the bare mailbox first. */
  reset?: boolean;
  /** The Outlook client the playground plays (`?client=`); new Outlook on Windows when not given. */
  client?: ClientId;
}

/** Opens the playground on a freshly reset mailbox; fails the test on any page error or dialog. */
export async function openPlayground(browser: Browser, options: PlaygroundOptions = {}): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  if (options.reset !== false) await fetch(`${sandboxOrigin()}/_sandbox/reset`, { method: 'POST' });
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    locale: options.lang ?? 'en-US',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog opened: ${dialog.message()}`); // a script in mail content must never run
    void dialog.dismiss();
  });
  const query = new URLSearchParams({
    lang: options.lang ?? 'en-US',
    theme: options.theme ?? 'light',
    ...(options.mailbox ? { mailbox: options.mailbox } : {}),
    ...(options.client ? { client: options.client } : {}),
  });
  await page.goto(`${addinOrigin()}/playground.html?${query}`);
  await page.getByTestId('message-row').first().waitFor();
  return { context, page, problems };
}

/**
 * The message row whose subject is exactly this one (a flag mark may stand before it): a subject can
 * stand inside another ("Opiskelijahaastattelut" in "Hyväksytty: Opiskelijahaastattelut"), and which
 * messages lead the seeded Inbox depends on the day.
 */
export function messageRow(page: Page, subject: string): Locator {
  const exact = new RegExp(`^(⚑ )?${subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return page.getByTestId('message-row').filter({ has: page.getByTestId('message-row-subject').getByText(exact) });
}

/** Clicks a message row and waits until the reading pane shows it; returns its subject. */
export async function openMessage(page: Page, index: number): Promise<string> {
  const row = page.getByTestId('message-row').nth(index);
  const subject = ((await row.getByTestId('message-row-subject').textContent()) ?? '').replace(/^⚑ /, '');
  await row.click();
  await page.getByTestId('reading-subject').filter({ hasText: subject }).waitFor();
  return subject;
}

/** Clicks an event in the calendar list and waits until the reading pane shows it; returns its subject. */
export async function openEvent(page: Page, index: number): Promise<string> {
  const row = page.getByTestId('event-row').nth(index);
  await row.waitFor();
  const subject = (await row.getByTestId('event-row-subject').textContent()) ?? '';
  await row.click();
  await page.getByTestId('reading-subject').filter({ hasText: subject }).waitFor();
  return subject;
}

export async function taskpaneFrame(page: Page): Promise<Frame> {
  const handle = await page.getByTestId('taskpane-frame').elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('The taskpane frame did not load.');
  return frame;
}

/**
 * The taskpane for the open item, opened if it is not, and pinned where the client pins on this item
 * (message surfaces, not mobile). Call it again after selecting another item: a pinned pane is already there
 * and follows; an unpinned one closed, as in Outlook, and opens again.
 */
export async function showTaskpane(page: Page): Promise<Frame> {
  if ((await page.getByTestId('taskpane-frame').count()) === 0) await page.getByTestId('ribbon-trail').click();
  const pin = page.getByTestId('taskpane-pin');
  if ((await pin.count()) > 0 && (await pin.getAttribute('aria-pressed')) !== 'true') await pin.click();
  return taskpaneFrame(page);
}

/** Requests the sandbox saw that real Graph would not accept; fails if the check is not even on. */
export async function violations(): Promise<unknown[]> {
  const health = (await (await fetch(`${sandboxOrigin()}/_sandbox/health`)).json()) as { contractChecked?: boolean };
  if (!health.contractChecked) throw new Error('The sandbox is not checking requests against the Graph contract.');
  const response = await fetch(`${sandboxOrigin()}/_sandbox/violations`);
  return ((await response.json()) as { value: unknown[] }).value;
}

/**
 * Reads `probe` until `check` passes (the page updates on its own time), then lets `check` make its
 * assertion once more so a failure shows the last value seen.
 */
export async function eventually<T>(probe: () => Promise<T>, check: (value: T) => void, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    try {
      check(value);
      return;
    } catch (failure) {
      if (Date.now() > until) throw failure;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * One Chromium for a test file, closed after it; after each test, every request the playground
 * and the add-in made must have been one real Graph would accept.
 */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    expect(await violations()).toEqual([]);
  });
  return () => {
    if (!browser) throw new Error('The browser has not started.');
    return browser;
  };
}
