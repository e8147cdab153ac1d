/**
 * The entity index's main-thread long tasks measured where they matter: in Chromium, with the
 * pane's own code (bench/indexPage/page.ts, bundled by esbuild) against the bench sandbox of 200,000
 * people and 20,000 organisations, an IndexedDB snapshot, and PerformanceObserver 'longtask' entries
 * (every task over 50 ms, garbage collection included). Phases: the first load (and its save), a new
 * session restoring the snapshot (and catching up), then searches. CPU throttling as the cold-start
 * bench uses (CDP Emulation.setCPUThrottlingRate), INDEX_CPU_THROTTLING to change it (default 1).
 *
 *   npx tsx bench/entityIndexChromium.ts
 *
 * Figures: indexChromiumLongTasks (how many tasks over 50 ms), indexChromiumLongestTaskMs (the longest
 * of them; 0 when none), indexChromiumLoadMs, indexChromiumRestoreMs, indexChromiumSearchMs.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSync } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/chromium';
import { startSandbox } from './entityIndex';
import { record } from './figures';

const THROTTLING = Number(process.env.INDEX_CPU_THROTTLING ?? 1);
const QUERIES = ['m', 'a', '1', 'mi', 'mikko', 'mikko h', 'heik', 'mikko heikkinen 42', 'org12', 'yritys 1', 'ö', 'hanke'];

interface Phase {
  ms: number;
  state: string;
  longTasks: number[];
  trace?: string[];
}

const described = (p: Phase): string =>
  `${p.state}, ${p.ms.toFixed(0)} ms, ${p.longTasks.length} task(s) over 50 ms${p.longTasks.length ? ` (longest ${Math.max(...p.longTasks).toFixed(0)} ms)` : ''}`;

export async function measureEntityIndexInChromium(): Promise<void> {
  const script = buildSync({ entryPoints: [`${__dirname}/indexPage/page.ts`], bundle: true, format: 'iife', platform: 'browser', write: false, define: { 'process.env.NODE_ENV': '"production"' } }).outputFiles[0]!.text;
  const server = createServer((request, response) => {
    if (request.url === '/page.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>index bench</title><script src="/page.js"></script>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const { seeded, stop } = await startSandbox();
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const { origin, location } = seeded;
    console.log(`\nEntity index in Chromium (${THROTTLING}x CPU throttling), 200,000 people, 20,000 organisations; long tasks from PerformanceObserver 'longtask':`);
    const context = await browser.newContext();
    const open = async () => {
      const page = await context.newPage();
      if (THROTTLING !== 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: THROTTLING });
      await page.goto(pageUrl);
      await page.waitForFunction(() => document.title === 'index bench ready');
      return page;
    };
    const first = await open();
    const load = (await first.evaluate(`window.indexBench.open(${JSON.stringify(origin)}, ${JSON.stringify(location)})`)) as Phase;
    console.log(`  first load (and save): ${described(load)}`);
    await first.close();
    const second = await open();
    const restore = (await second.evaluate(`window.indexBench.open(${JSON.stringify(origin)}, ${JSON.stringify(location)})`)) as Phase;
    console.log(`  restored by a new session (and caught up): ${described(restore)}`);
    if (process.env.INDEX_TRACE) console.log([...(load.trace ?? []), '--', ...(restore.trace ?? [])].join('\n'));
    const search = (await second.evaluate(`window.indexBench.search(${JSON.stringify(QUERIES)})`)) as Phase & { slowestMs: number };
    console.log(`  search, slowest of ${QUERIES.length} queries: ${search.slowestMs.toFixed(1)} ms; ${described(search)}`);
    const all = [...load.longTasks, ...restore.longTasks, ...search.longTasks];
    record('indexChromiumLongTasks', all.length);
    record('indexChromiumLongestTaskMs', Math.max(0, ...all));
    record('indexChromiumLoadMs', load.ms);
    record('indexChromiumRestoreMs', restore.ms);
    record('indexChromiumSearchMs', search.slowestMs);
  } finally {
    await browser.close();
    stop();
    server.close();
  }
}

if (require.main === module) {
  measureEntityIndexInChromium().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
