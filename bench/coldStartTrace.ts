/**
 * Diagnostic beside the cold-start bench (bench/coldStart.ts), not part of `npm run bench`: traced cold opens of
 * Trail's taskpane in the playground at 4x CPU, as the bench opens it, printing for each open the pane frame's
 * requests (with the requests inside each $batch), its resource timings and long tasks, and the CPU profile's
 * self time by script and function (the profile is written to /tmp/cold-profile-<run>.cpuprofile, for DevTools).
 *
 *   NODE_EXTRA_CA_CERTS=.certs/ca.crt TRAIL_BENCH_BUILD=1 RUNS=2 npx tsx bench/coldStartTrace.ts
 *
 * Run `npm run bench -- coldstart` once before, so the minified build is in webpack's cache. EXISTING=1 uses a
 * stack already running on ports 3410/3411; UNTRUSTED=1 leaves the dev certificate untrusted (every prefetched
 * chunk is then downloaded twice: tests/e2e/chromium.ts).
 */
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, trustedCertificateArgs } from '../tests/e2e/chromium';
import { seedColdStartRecord } from './coldStart';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startStack } = require('../dev/stack.js') as typeof import('../dev/stack.js');

const WATCH = `(() => {
  const page = location.pathname.replace(/^.*\\//, '');
  if (page !== 'taskpane.html') return;
  const marks = (window.__coldStart = {});
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
  const watch = { subject: '[data-testid="current-item-subject"]', suggestions: '[data-testid="filing-suggestions"]' };
  const check = () => {
    for (const [name, selector] of Object.entries(watch)) {
      if (marks[name] === undefined && document.querySelector(selector)?.textContent) marks[name] = performance.now();
    }
    if (Object.keys(marks).length < 2) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

async function main() {
  process.env.TRAIL_BENCH_BUILD = '1';
  const stack = process.env.EXISTING ? { sandboxOrigin: 'https://localhost:3411', playgroundUrl: 'https://localhost:3410/playground.html', stop: async () => undefined } : await startStack({ addinPort: 3410, sandboxPort: 3411, stateFile: '', quiet: true });
  process.env.E2E_SANDBOX_ORIGIN = stack.sandboxOrigin;
  const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS, ...(process.env.UNTRUSTED ? [] : trustedCertificateArgs(`${process.cwd()}/.certs/localhost.crt`))] });
  try {
    const sender = await seedColdStartRecord(stack.sandboxOrigin);
    const runs = Number(process.env.RUNS ?? 2);
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 } });
      await context.addInitScript(WATCH);
      const page = await context.newPage();
      await page.goto(`${stack.playgroundUrl}?lang=en-US&theme=light`);
      const row = page.getByTestId('message-row').filter({ hasText: sender }).first();
      await row.click();
      const subject = ((await row.getByTestId('message-row-subject').textContent()) ?? '').replace(/^⚑ /, '');
      await page.getByTestId('reading-subject').filter({ hasText: subject }).waitFor();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      const requests: string[] = [];
      const t0 = Date.now();
      page.on('requestfinished', (r) => {
        const t = r.timing();
        const body = r.url().endsWith('$batch') ? ' ' + JSON.stringify((JSON.parse(r.postData() ?? '{}').requests ?? []).map((q: { method: string; url: string }) => q.method + ' ' + q.url.replace(/^.*\/lists\//, '').slice(0, 160))) : '';
        requests.push(`${r.frame().url().replace(/^.*\//, '').padEnd(18)} ${r.method()} ${r.url().replace(/^https:\/\/localhost:\d+/, '').slice(0, 150)} start=${Math.round(t.startTime - t0)} end=${Math.round(t.startTime + t.responseEnd - t0)}${body}`);
      });
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      await page.getByTestId('ribbon-trail').click();
      const pane = (await (await page.getByTestId('taskpane-frame').elementHandle())!.contentFrame())!;
      const h = await pane.waitForFunction(`window.__coldStart && window.__coldStart.suggestions && window.__coldStart`, undefined, { timeout: 120_000, polling: 100 });
      const marks = await h.jsonValue();
      const { profile } = await cdp.send('Profiler.stop');
      const origin = await pane.evaluate(() => performance.timeOrigin);
      const entries = await pane.evaluate(() =>
        performance.getEntriesByType('resource').map((e) => `${e.name.replace(/^https:\/\/localhost:\d+/, '').slice(0, 120)} start=${Math.round(e.startTime)} end=${Math.round((e as PerformanceResourceTiming).responseEnd)} ${Math.round((e as PerformanceResourceTiming).transferSize)}B`),
      );
      const paint = await pane.evaluate(() => performance.getEntriesByType('paint').map((e) => `${e.name}=${Math.round(e.startTime)}`).join(' '));
      const nav = await pane.evaluate(() => { const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming; return `responseEnd=${Math.round(n.responseEnd)} domInteractive=${Math.round(n.domInteractive)} dcl=${Math.round(n.domContentLoadedEventEnd)} load=${Math.round(n.loadEventEnd)}`; });
      const userMarks = await pane.evaluate(() => performance.getEntriesByType('mark').map((e) => `${e.name}=${Math.round(e.startTime)}`).join(' '));
      const longTasks = await pane.evaluate(() => (window as unknown as { __longTasks: number[][] }).__longTasks);
      console.log(`\n=== run ${run}: ${JSON.stringify(marks)} paneOrigin-t0=${Math.round(origin - t0)}`);
      console.log('nav', nav, paint, userMarks);
      console.log('resources (pane clock):\n  ' + entries.join('\n  '));
      console.log('requests (click clock):\n  ' + requests.join('\n  '));
      console.log('long tasks [start,dur]:', JSON.stringify(longTasks));
      // self time by script url and top functions
      const byUrl = new Map<string, number>();
      const byFn = new Map<string, number>();
      const dt = new Map<number, number>();
      profile.samples!.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas![i] ?? 0)));
      for (const node of profile.nodes) {
        const us = dt.get(node.id) ?? 0;
        const url = node.callFrame.url.replace(/^.*\//, '') || node.callFrame.functionName || '(native)';
        byUrl.set(url, (byUrl.get(url) ?? 0) + us);
        const fn = `${url}:${node.callFrame.functionName}:${node.callFrame.lineNumber}:${node.callFrame.columnNumber}`;
        byFn.set(fn, (byFn.get(fn) ?? 0) + us);
      }
      console.log('self ms by script:', [...byUrl].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([u, v]) => `${u}=${Math.round(v / 1000)}`).join(' '));
      console.log('top fns:', [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([u, v]) => `${u}=${Math.round(v / 1000)}`).join('\n  '));
      fs.writeFileSync(`/tmp/cold-profile-${run}.cpuprofile`, JSON.stringify(profile));
      await context.close();
    }
  } finally {
    await browser.close();
    await stack.stop();
  }
}
void main();
