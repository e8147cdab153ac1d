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
 *
 * 'longtask' entries are wall-clock: on a shared machine a task waits for a core, and a 10 ms task can
 * last 100. INDEX_TASK_CPU=1 also traces each phase (Chromium's trace, 'toplevel' RunTask events on the
 * page's main thread) and counts tasks over 50 ms of the thread's own CPU time (the events' `tdur`),
 * what the task cost, whatever else the machine ran: indexChromiumLongCpuTasks, indexChromiumLongestCpuTaskMs.
 * Tracing adds a little work to every task, so the two are counted in separate runs.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSync } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/chromium';
import { startSandbox } from './entityIndex';
import { record } from './figures';

const THROTTLING = Number(process.env.INDEX_CPU_THROTTLING ?? 1);
const TASK_CPU = process.env.INDEX_TASK_CPU === '1';
const QUERIES = ['m', 'a', '1', 'mi', 'mikko', 'mikko h', 'heik', 'mikko heikkinen 42', 'org12', 'yritys 1', 'ö', 'hanke'];

interface Phase {
  ms: number;
  state: string;
  longTasks: number[];
  trace?: string[];
  /** With INDEX_TASK_CPU: the thread CPU time of each task over 50 ms of it. */
  cpuTasks?: number[];
}

const described = (p: Phase): string =>
  `${p.state}, ${p.ms.toFixed(0)} ms, ${p.longTasks.length} task(s) over 50 ms${p.longTasks.length ? ` (longest ${Math.max(...p.longTasks).toFixed(0)} ms)` : ''}` +
  (p.cpuTasks ? `; traced: ${p.cpuTasks.length} task(s) over 50 ms of CPU${p.cpuTasks.length ? ` (longest ${Math.max(...p.cpuTasks).toFixed(0)} ms)` : ''}` : '');

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { functionName?: string; url?: string; lineNumber?: number } };
}

/** `work` traced: the main thread's tasks over 50 ms of its own CPU time (ms), beside the phase. */
async function withCpuTasks(browser: Browser, page: Page, work: () => Promise<Phase>): Promise<Phase> {
  if (!TASK_CPU) return work();
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'IndexedDB', 'disabled-by-default-v8.gc'] });
  const phase = await work();
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  const main = new Set(traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const runs = traceEvents.filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && main.has(`${e.pid}:${e.tid}`) && e.tdur !== undefined);
  // A task is traced twice, one event inside the other: only the outermost counts.
  const within = (e: TraceEvent, o: TraceEvent) => o !== e && o.pid === e.pid && o.tid === e.tid && o.ts <= e.ts && o.ts + o.dur! >= e.ts + e.dur! && (o.ts < e.ts || o.dur! > e.dur! || runs.indexOf(o) < runs.indexOf(e));
  const long = runs.filter((e) => e.tdur! > 50_000);
  const tasks = long.filter((e) => !long.some((o) => within(e, o)));
  if (process.env.INDEX_TRACE) {
    // What each long task held: its longest events (GC, function calls, IndexedDB, parsing).
    for (const task of tasks) {
      const inside = traceEvents.filter((e) => e.ph === 'X' && e !== task && e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur!);
      const named = inside
        .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
        .slice(0, 8)
        .map((e) => `${e.name}${e.args?.data?.functionName ? ` ${e.args.data.functionName}` : ''} ${((e.dur ?? 0) / 1000).toFixed(0)}/${((e.tdur ?? 0) / 1000).toFixed(0)}`);
      phase.trace?.push(`cpu task ${(task.tdur! / 1000).toFixed(0)} ms (wall ${(task.dur! / 1000).toFixed(0)}): ${named.join(', ')}`);
    }
  }
  return { ...phase, cpuTasks: tasks.map((e) => e.tdur! / 1000) };
}

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
    const load = await withCpuTasks(browser, first, async () => (await first.evaluate(`window.indexBench.open(${JSON.stringify(origin)}, ${JSON.stringify(location)})`)) as Phase);
    console.log(`  first load (and save): ${described(load)}`);
    await first.close();
    const second = await open();
    const restore = await withCpuTasks(browser, second, async () => (await second.evaluate(`window.indexBench.open(${JSON.stringify(origin)}, ${JSON.stringify(location)})`)) as Phase);
    console.log(`  restored by a new session (and caught up): ${described(restore)}`);
    if (process.env.INDEX_TRACE) console.log([...(load.trace ?? []), '--', ...(restore.trace ?? [])].join('\n'));
    const search = (await withCpuTasks(browser, second, async () => (await second.evaluate(`window.indexBench.search(${JSON.stringify(QUERIES)})`)) as Phase)) as Phase & { slowestMs: number };
    console.log(`  search, slowest of ${QUERIES.length} queries: ${search.slowestMs.toFixed(1)} ms; ${described(search)}`);
    const all = [...load.longTasks, ...restore.longTasks, ...search.longTasks];
    record('indexChromiumLongTasks', all.length);
    record('indexChromiumLongestTaskMs', Math.max(0, ...all));
    record('indexChromiumLoadMs', load.ms);
    record('indexChromiumRestoreMs', restore.ms);
    record('indexChromiumSearchMs', search.slowestMs);
    if (TASK_CPU) {
      const cpu = [...load.cpuTasks!, ...restore.cpuTasks!, ...search.cpuTasks!];
      record('indexChromiumLongCpuTasks', cpu.length);
      record('indexChromiumLongestCpuTaskMs', Math.max(0, ...cpu));
    }
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
