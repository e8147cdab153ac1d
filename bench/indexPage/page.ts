/**
 * The entity index in Chromium for bench/entityIndexChromium.ts: the pane's own code (Graph client,
 * IndexedDB snapshot, sliced building) against the bench sandbox, with every main-thread long task
 * (PerformanceObserver 'longtask': any task over 50 ms) recorded while it loads, restores and searches.
 */
import { SandboxTokenSource } from '../../src/auth/sandboxTokens';
import { createGraphClient } from '../../src/graph/client';
import { createEntityIndex, type EntityIndex } from '../../src/record/entityIndex';
import { SiteLists } from '../../src/record/listItems';
import type { StoreLocation } from '../../src/record/location';
import { createIndexedDbStore } from '../../src/services/storage/indexedDbStore';

interface Phase {
  ms: number;
  state: string;
  longTasks: number[];
  /** When each long task started and what the index was doing then (TRACE only). */
  trace?: string[];
}

let longTasks: number[] = [];
let trace: string[] = [];
const note = (what: string) => trace.push(`${performance.now().toFixed(0)} ${what}`);
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    longTasks.push(entry.duration);
    trace.push(`${entry.startTime.toFixed(0)} longtask ${entry.duration.toFixed(0)} ms`);
  }
}).observe({ entryTypes: ['longtask'] });

async function phase(work: () => Promise<string>): Promise<Phase> {
  longTasks = [];
  trace = [];
  const started = performance.now();
  const state = await work();
  await new Promise((resolve) => setTimeout(resolve, 100)); // the observer's last entries
  return { ms: performance.now() - started, state, longTasks, trace: trace.sort((a, b) => parseFloat(a) - parseFloat(b)) };
}

let index: EntityIndex | undefined;

const bench = {
  /** A new session's index: restores the snapshot when there is one, then loads or catches up. */
  async open(origin: string, location: StoreLocation): Promise<Phase> {
    const lists = new SiteLists(createGraphClient({ baseUrl: origin, tokens: new SandboxTokenSource(origin) }), location);
    const idb = createIndexedDbStore();
    const store = {
      get: async (key: string) => {
        note(`get ${key}`);
        const value = await idb.get(key);
        note(`got ${key}`);
        return value;
      },
      set: async (key: string, value: unknown) => {
        note(`set ${key}`);
        await idb.set(key, value);
        note(`was set ${key}`);
      },
      delete: (key: string) => idb.delete(key),
    };
    index = createEntityIndex(lists, { maxEntities: 1_000_000, snapshot: { store, key: 'bench-index' } });
    const opened = index;
    opened.subscribe(() => note(`state ${opened.state}`));
    return phase(async () => {
      await opened.refresh();
      return opened.state;
    });
  },
  async search(queries: string[]): Promise<Phase & { slowestMs: number }> {
    let slowestMs = 0;
    const result = await phase(async () => {
      for (const query of queries) {
        const t = performance.now();
        index!.search(query, 10);
        slowestMs = Math.max(slowestMs, performance.now() - t);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      return index!.state;
    });
    return { ...result, slowestMs };
  },
};

(window as unknown as { indexBench: typeof bench }).indexBench = bench;
document.title = 'index bench ready';
