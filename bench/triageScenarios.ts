/**
 * Triage figures for `npm run bench`: round trips, calls, requests in flight and wall time for one click
 * and for 1, 20 and 100 selected messages, every request paying 50 ms of injected latency, against the
 * same sandbox the integration tests use. Counted from the sandbox's request log: a round trip is one
 * wait for an answer (calls sent side by side share it); in flight is the most requests running against
 * the mailbox at once (a parallel $batch counts as up to 4, a serial one as 1).
 */
import { peakInFlightByMailbox, sequentialRoundTrips } from '../tests/integration/helpers/roundTrips';
import { startTestSandbox, type TestSandbox } from '../tests/integration/helpers/sandbox';
import { graphCalls, messagesIn, triageHarness } from '../tests/integration/triage/harness';
import { itemIdentitiesFor } from '../src/services/itemIdentities';
import { triageOfficeItems } from '../src/services/triage/officeItems';
import type { TriageAction } from '../src/services/triage/types';

export interface TriageFigure {
  scenario: string;
  messages: number;
  /** Sequential round trips: calls sent side by side count once. */
  roundTrips: number;
  /** HTTP requests ($batch counts once). */
  calls: number;
  innerRequests: number;
  /** The most requests in flight against one mailbox at any moment. */
  peakInFlight: number;
  wallMs: number;
}

const LATENCY_MS = 50;

/**
 * Which Graph client triage runs on: the ribbon's function file's fetch-only client (its figures are the ribbon's),
 * or, with TRAIL_BENCH_GRAPH_CLIENT=sdk, the SDK client the taskpane runs on. Both send the same requests
 * (tests/integration/graph/fetchClient.test.ts).
 */
export const TRIAGE_GRAPH_CLIENT: 'sdk' | 'fetch' = process.env.TRAIL_BENCH_GRAPH_CLIENT === 'sdk' ? 'sdk' : 'fetch';

/**
 * Round trips and wall time of triage with 50 ms latency per request. "Warm" is a service whose folders
 * and mailbox settings are already known (every click after the first of a session); "first click"
 * includes finding or creating the folder.
 */
export async function measureTriageRoundTrips(existing?: TestSandbox, graphClient: 'sdk' | 'fetch' = TRIAGE_GRAPH_CLIENT): Promise<{ figures: TriageFigure[]; violations: number }> {
  const t = existing ?? (await startTestSandbox());
  try {
    const figures: TriageFigure[] = [];
    const measure = async (scenario: string, messages: number, work: () => Promise<unknown>) => {
      t.sandbox.control.clearRequests();
      t.sandbox.control.setFaults({ latencyMs: LATENCY_MS });
      const started = performance.now();
      await work();
      const wallMs = performance.now() - started;
      t.sandbox.control.clearFaults();
      const calls = graphCalls(t);
      figures.push({
        scenario,
        messages,
        roundTrips: sequentialRoundTrips(calls),
        calls: calls.length,
        innerRequests: calls.reduce((sum, c) => sum + (c.inner?.length ?? 1), 0),
        peakInFlight: Math.max(0, ...peakInFlightByMailbox(calls).values()),
        wallMs,
      });
    };
    const fresh = async () => {
      t.sandbox.control.reset();
      t.sandbox.control.clearFaults();
      const harness = triageHarness(t, { realSleep: true, graphClient });
      await harness.graph.api('/me').get(); // a token, and the contract validators compiled, before the clock starts
      return harness;
    };

    const first = await fresh();
    const [one] = await messagesIn(t, 'inbox', 1);
    await measure('first click ever: ASAP, folder created', 1, () => first.service.triage('asap', [one!.id]));
    // Each ribbon click may load the function file afresh: nothing in memory, folder ids from roaming settings.
    const ribbon = triageHarness(t, { realSleep: true, sharedSettings: first.settings, graphClient });
    // As the ribbon and the pane do: by the REST ids Office names items by, translated side by side.
    const asOffice = (harness: ReturnType<typeof triageHarness>, action: TriageAction, restIds: string[]) =>
      triageOfficeItems(harness.service, itemIdentitiesFor(harness.graph), action, restIds);
    const [next] = await messagesIn(t, 'inbox', 1, 'rest');
    await measure('ribbon click: ASAP, fresh function file', 1, () => asOffice(ribbon, 'asap', [next!.id]));

    const actions: TriageAction[] = ['asap', 'readLater', 'archive'];
    for (const action of actions) {
      for (const count of [1, 20, 100]) {
        const warm = await fresh();
        await warm.service.ensureFolders();
        await warm.service.counts();
        const ids = (await messagesIn(t, 'inbox', count, 'rest')).map((m) => m.id);
        await measure(`${action}, warm`, count, () => asOffice(warm, action, ids));
      }
    }
    const undo = await fresh();
    await undo.service.ensureFolders();
    const ids = (await messagesIn(t, 'inbox', 100)).map((m) => m.id);
    const done = await undo.service.triage('asap', ids);
    await measure('undo of ASAP', 100, () => undo.service.undo(done.record));
    await undo.service.triage('asap', ids);
    await measure('counts (100 in ASAP)', 100, () => undo.service.counts());
    return { figures, violations: t.sandbox.control.violations().length };
  } finally {
    if (!existing) await t.close();
  }
}

export function printTriageFigures(figures: readonly TriageFigure[]): string {
  return figures
    .map(
      (f) =>
        `  ${f.scenario.padEnd(46)} ${String(f.messages).padStart(4)} msg  ${String(f.roundTrips).padStart(3)} round trip(s)  ${String(f.calls).padStart(3)} call(s)  ${String(f.innerRequests).padStart(4)} requests  ${String(f.peakInFlight).padStart(2)} in flight  ${f.wallMs.toFixed(0).padStart(5)} ms`,
    )
    .join('\n');
}
