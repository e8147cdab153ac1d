/**
 * The taskpane in the playground, in Chromium, against the sandbox with latency on every request:
 * from selecting a message to its suggestions shown, and to the first page of the sender's history
 * shown, with the requests the taskpane made meanwhile (the playground's own reading pane excluded).
 */
import { chromium, type Frame, type Page } from 'playwright-core';
import type { EntitySummary } from '../src/domain/entities';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/chromium';
import { provision } from '../tests/e2e/record';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startStack } = require('../dev/stack.js') as typeof import('../dev/stack.js');

export const TASKPANE_LATENCY_MS = 50;
const RUNS = 6;

export interface TaskpaneFigure {
  step: 'suggestions' | 'history';
  /** Median over the runs, from the click on the message to the panel drawn. */
  medianMs: number;
  /** Requests the taskpane sent in that time (median). */
  requests: number;
  /** Of those, the longest chain each waiting for the one before: sequential round trips (median). */
  roundTrips: number;
}

interface Seen {
  url: string;
  at: number;
  done: number;
}

/** The longest chain of requests in which each starts after the previous answered. */
export function sequentialRoundTrips(requests: ReadonlyArray<{ at: number; done: number }>): number {
  const sorted = [...requests].sort((a, b) => a.at - b.at);
  const depth: number[] = [];
  sorted.forEach((r, i) => {
    depth[i] = 1 + Math.max(0, ...sorted.slice(0, i).map((q, j) => (q.done <= r.at ? depth[j]! : 0)));
  });
  return Math.max(0, ...depth);
}

/** Polls inside the pane (one animation frame at a time) until `selector` shows for `subject`; epoch ms. */
const shownFor = (pane: Frame, subject: string, selector: string): Promise<number> =>
  // A string, not a function: tsx's name-keeping helpers do not exist inside the page.
  pane.evaluate(`new Promise((resolve) => {
    const check = () => {
      const current = document.querySelector('[data-testid="current-item-subject"]')?.textContent;
      if (current === ${JSON.stringify(subject)} && document.querySelector(${JSON.stringify(selector)})) resolve(Date.now());
      else requestAnimationFrame(check);
    };
    check();
  })`);

async function openMessage(page: Page, sender: RegExp, index: number): Promise<{ subject: string; click: () => Promise<number> }> {
  const row = page.getByTestId('message-row').filter({ hasText: sender }).nth(index);
  const subject = ((await row.getByTestId('message-row-subject').textContent()) ?? '').replace(/^⚑ /, '');
  return {
    subject,
    click: async () => {
      const at = Date.now();
      await row.click();
      return at;
    },
  };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function measureTaskpane(): Promise<{ figures: TaskpaneFigure[]; violations: number } | { skipped: string }> {
  let executablePath: string;
  try {
    executablePath = findChromium();
  } catch (error) {
    return { skipped: (error as Error).message.split('\n')[0]! };
  }
  const stack = await startStack({ addinPort: 3400, sandboxPort: 3401, stateFile: '', quiet: true });
  process.env.E2E_SANDBOX_ORIGIN = stack.sandboxOrigin; // the record helpers shared with the browser tests
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    await fetch(`${stack.sandboxOrigin}/_sandbox/reset`, { method: 'POST' });
    const page = await (await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${stack.playgroundUrl.replace(/\?.*$/, '')}?lang=en-US&theme=light`);
    await page.getByTestId('message-row').first().waitFor();

    // The sender has a person and an organisation in the record, and a colleague filed to them.
    const kari = await provision();
    const organisation = await kari.createOrganisation({ name: 'Datariihi', domains: ['datariihi.fi'] });
    const sender = /@datariihi\.fi|Datariihi/i;
    const org: EntitySummary = { ref: organisation.entity.ref, name: organisation.entity.name, detail: '' };
    for (let day = 1; day <= 12; day++) await kari.addNote({ headline: `Puhelu ${day}`, date: `2026-11-${String(day).padStart(2, '0')}T09:00:00Z` }, [org]);

    const rows = page.getByTestId('message-row').filter({ hasText: sender });
    const count = Math.min(await rows.count(), RUNS + 1);
    if (count < 2) throw new Error(`the seeded inbox has fewer than two messages from datariihi.fi`);
    const first = await openMessage(page, sender, 0);
    await first.click();
    await page.getByTestId('ribbon-trail').click();
    await page.getByTestId('taskpane-pin').click();
    const handle = await page.getByTestId('taskpane-frame').elementHandle();
    const pane = (await handle?.contentFrame())!;
    await shownFor(pane, first.subject, '[data-testid="person-card"] [data-testid="history-entries"]');
    // Warm: the entity index loads in the background once the pane starts.
    await pane.getByTestId('filing-search').focus();
    await page.waitForTimeout(1500);

    const seen: Seen[] = [];
    const started = new Map<object, Seen>();
    page.on('request', (request) => {
      if (request.frame() !== pane || !request.url().startsWith(stack.sandboxOrigin) || request.method() === 'OPTIONS') return;
      const entry = { url: request.url(), at: Date.now(), done: Infinity };
      started.set(request, entry);
      seen.push(entry);
    });
    const finished = (request: object) => {
      const entry = started.get(request);
      if (entry) entry.done = Date.now();
    };
    page.on('requestfinished', finished);
    page.on('requestfailed', finished);
    await fetch(`${stack.sandboxOrigin}/_sandbox/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ latencyMs: TASKPANE_LATENCY_MS }) });

    const runs: Array<{ suggestions: number; history: number; suggestionRequests: number; historyRequests: number; suggestionTrips: number; historyTrips: number }> = [];
    for (let i = 1; i < count; i++) {
      const next = await openMessage(page, sender, i);
      const suggestionsShown = shownFor(pane, next.subject, '[data-testid="filing-suggestions"]');
      const historyShown = shownFor(pane, next.subject, '[data-testid="person-card"] [data-testid="history-entries"], [data-testid="person-card"] [data-testid="history-empty"]');
      const from = seen.length;
      const clickedAt = await next.click();
      const [suggestionsAt, historyAt] = await Promise.all([suggestionsShown, historyShown]);
      const during = (until: number) => seen.slice(from).filter((r) => r.at <= until);
      runs.push({
        suggestions: suggestionsAt - clickedAt,
        history: historyAt - clickedAt,
        suggestionRequests: during(suggestionsAt).length,
        historyRequests: during(historyAt).length,
        suggestionTrips: sequentialRoundTrips(during(suggestionsAt)),
        historyTrips: sequentialRoundTrips(during(historyAt)),
      });
      await page.waitForTimeout(300); // let the index refresh and timeline settle before the next change
    }
    const violations = ((await (await fetch(`${stack.sandboxOrigin}/_sandbox/violations`)).json()) as { value: unknown[] }).value.length;
    return {
      figures: [
        { step: 'suggestions', medianMs: median(runs.map((r) => r.suggestions)), requests: median(runs.map((r) => r.suggestionRequests)), roundTrips: median(runs.map((r) => r.suggestionTrips)) },
        { step: 'history', medianMs: median(runs.map((r) => r.history)), requests: median(runs.map((r) => r.historyRequests)), roundTrips: median(runs.map((r) => r.historyTrips)) },
      ],
      violations,
    };
  } finally {
    await browser.close();
    await stack.stop();
  }
}
