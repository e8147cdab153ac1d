/**
 * Cold start in Chromium at 4× CPU throttling (CDP Emulation.setCPUThrottlingRate), in one run: a bare React +
 * Fluent UI v9 page (bench/baseline) built by the same webpack config, and Trail's taskpane opened in the
 * playground against the sandbox (as the browser tests run it), each in a fresh browser context (empty cache
 * and storage). Times are from each page's own navigation start (performance.now() inside the page, read when
 * the element is first there at an animation frame): the baseline rendered; Trail's subject shown; Trail's
 * suggestions shown. The stack runs minified production-mode code without source maps (TRAIL_BENCH_BUILD,
 * webpack.config.js).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Frame } from 'playwright-core';
import webpack from 'webpack';
import type { EntitySummary } from '../src/domain/entities';
import { CHROMIUM_ARGS, findChromium, trustedCertificateArgs } from '../tests/e2e/chromium';
import { provision } from '../tests/e2e/record';
import { record } from './figures';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startStack } = require('../dev/stack.js') as typeof import('../dev/stack.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CERT_FILES } = require('../dev/certs.js') as { CERT_FILES: { cert: string } };

export const CPU_THROTTLING = 4;
const RUNS = 5;

export interface ColdStartFigures {
  baselineRenderedMs: number;
  subjectShownMs: number;
  suggestionsShownMs: number;
  coldStartSubjectRatio: number;
  coldStartSuggestionsRatio: number;
}

/**
 * Installed in every frame before its scripts run; only the two measured pages watch. A string, not a
 * function: tsx's name-keeping helpers do not exist inside the page.
 */
const WATCH = `(() => {
  const page = location.pathname.replace(/^.*\\//, '');
  if (page !== 'taskpane.html' && page !== 'bench-baseline.html') return;
  const marks = (window.__coldStart = {});
  const watch = {
    rendered: '[data-testid="baseline-rendered"]',
    subject: '[data-testid="current-item-subject"]',
    suggestions: '[data-testid="filing-suggestions"]',
  };
  const check = () => {
    for (const [name, selector] of Object.entries(watch)) {
      if (marks[name] === undefined && document.querySelector(selector)?.textContent) marks[name] = performance.now();
    }
    if (Object.keys(marks).length < (page === 'taskpane.html' ? 2 : 1)) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

const markOf = async (frame: Frame, name: string): Promise<number> => {
  const handle = await frame.waitForFunction(`window.__coldStart && window.__coldStart.${name}`, undefined, { timeout: 120_000, polling: 200 });
  return Number(await handle.jsonValue());
};

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function baselineRun(browser: Browser, origin: string): Promise<number> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 350, height: 800 } });
  try {
    await context.addInitScript(WATCH);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
    await page.goto(`${origin}/bench-baseline.html`);
    return await markOf(page.mainFrame(), 'rendered');
  } finally {
    await context.close();
  }
}

async function trailRun(browser: Browser, playgroundUrl: string, sender: RegExp): Promise<{ subject: number; suggestions: number }> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript(WATCH);
    const page = await context.newPage();
    await page.goto(`${playgroundUrl}?lang=en-US&theme=light`);
    const row = page.getByTestId('message-row').filter({ hasText: sender }).first();
    await row.click();
    const subject = ((await row.getByTestId('message-row-subject').textContent()) ?? '').replace(/^⚑ /, '');
    await page.getByTestId('reading-subject').filter({ hasText: subject }).waitFor();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
    await page.getByTestId('ribbon-trail').click();
    const handle = await page.getByTestId('taskpane-frame').elementHandle();
    const pane = (await handle?.contentFrame())!;
    const [subjectAt, suggestionsAt] = await Promise.all([markOf(pane, 'subject'), markOf(pane, 'suggestions')]);
    return { subject: subjectAt, suggestions: suggestionsAt };
  } finally {
    await context.close();
  }
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require('../webpack.config.js') as (env: object, argv: { mode: string }) => webpack.Configuration;

/**
 * The dev server's build, made once beforehand into webpack's filesystem cache (webpack.config.js): minifying
 * every page on a shared machine can take longer than the stack waits for its server.
 */
async function buildIntoCache(addinPort: number, sandboxPort: number): Promise<void> {
  process.env.ADDIN_PORT = String(addinPort);
  process.env.SANDBOX_PORT = String(sandboxPort);
  const config = makeConfig({}, { mode: 'development' });
  const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trail-bench-coldstart-'));
  config.output = { ...config.output, path: outputDir };
  try {
    const compiler = webpack(config)!;
    const stats = await new Promise<webpack.Stats>((resolve, reject) => compiler.run((error, result) => (error || !result ? reject(error) : resolve(result))));
    await new Promise<void>((resolve) => compiler.close(() => resolve()));
    if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
  } finally {
    fs.rmSync(outputDir, { recursive: true, force: true });
  }
}

/**
 * The record the cold-start runs open against: reset, with the sender's organisation in it (and a note
 * filed to it), so the pane has suggestions to show. The sender's rows in the playground's inbox match the
 * pattern returned. Also used by bench/coldStartTrace.ts.
 */
export async function seedColdStartRecord(sandboxOrigin: string): Promise<RegExp> {
  await fetch(`${sandboxOrigin}/_sandbox/reset`, { method: 'POST' });
  const kari = await provision();
  const organisation = await kari.createOrganisation({ name: 'Datariihi', domains: ['datariihi.fi'] });
  const org: EntitySummary = { ref: organisation.entity.ref, name: organisation.entity.name, detail: '' };
  await kari.addNote({ headline: 'Puhelu', date: '2026-11-02T09:00:00Z' }, [org]);
  return /@datariihi\.fi|Datariihi/i;
}

export async function measureColdStart(): Promise<ColdStartFigures | { skipped: string }> {
  let executablePath: string;
  try {
    executablePath = findChromium();
  } catch (error) {
    return { skipped: (error as Error).message.split('\n')[0]! };
  }
  process.env.TRAIL_BENCH_BUILD = '1';
  await buildIntoCache(3410, 3411);
  const stack = await startStack({ addinPort: 3410, sandboxPort: 3411, stateFile: '', quiet: true });
  process.env.E2E_SANDBOX_ORIGIN = stack.sandboxOrigin; // the record helpers shared with the browser tests
  // The certificate is taken as valid, as a deployed add-in's is in Outlook (tests/e2e/chromium.ts).
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...trustedCertificateArgs(CERT_FILES.cert)] });
  try {
    const sender = await seedColdStartRecord(stack.sandboxOrigin);

    // One warm-up of each (the dev server compiles on first request), then alternate so drift hits both.
    await baselineRun(browser, stack.addinOrigin);
    await trailRun(browser, stack.playgroundUrl, sender);
    const baseline: number[] = [];
    const subject: number[] = [];
    const suggestions: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      baseline.push(await baselineRun(browser, stack.addinOrigin));
      const trail = await trailRun(browser, stack.playgroundUrl, sender);
      subject.push(trail.subject);
      suggestions.push(trail.suggestions);
    }
    const figures: ColdStartFigures = {
      baselineRenderedMs: median(baseline),
      subjectShownMs: median(subject),
      suggestionsShownMs: median(suggestions),
      coldStartSubjectRatio: median(subject) / median(baseline),
      coldStartSuggestionsRatio: median(suggestions) / median(baseline),
    };
    for (const [name, value] of Object.entries(figures)) record(name, value);
    return figures;
  } finally {
    await browser.close();
    await stack.stop();
    delete process.env.TRAIL_BENCH_BUILD;
  }
}
