/**
 * What triage costs, counted by the sandbox (counts, not timings): every call is one Graph accepts
 * (parallel or serial), one click is one round trip, 100 messages take at most 10 round trips per
 * action, and no more than Exchange's 4 requests are ever in flight against the mailbox. A little
 * latency makes calls sent side by side overlap as they would over a network.
 */
import type { TriageAction } from '../../../src/services/triage/types';
import { peakInFlightByMailbox, sequentialRoundTrips } from '../helpers/roundTrips';
import { expectNoContractViolations, startTestSandbox, type TestSandbox } from '../helpers/sandbox';
import { graphCalls, messagesIn, readMessage, triageHarness, type TriageHarness } from './harness';

let t: TestSandbox;

beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());
expectNoContractViolations(() => t);

/** A service whose folders and mailbox settings are known already (every click after the first of a session). */
async function warmHarness(options: Parameters<typeof triageHarness>[1] = {}): Promise<TriageHarness> {
  t.sandbox.control.reset();
  t.sandbox.control.clearFaults();
  const h = triageHarness(t, options);
  await h.service.ensureFolders();
  await h.service.counts();
  return h;
}

/** The Graph calls `work` made, their sequential round trips and the most requests in flight to one mailbox. */
async function cost<T>(work: () => Promise<T>) {
  t.sandbox.control.clearRequests();
  t.sandbox.control.setFaults({ latencyMs: 20 });
  const result = await work();
  t.sandbox.control.clearFaults();
  const calls = graphCalls(t);
  return { result, calls, roundTrips: sequentialRoundTrips(calls), peak: Math.max(0, ...peakInFlightByMailbox(calls).values()) };
}

test('one click on one message is one round trip, in a serial call Graph accepts', async () => {
  const h = await warmHarness();
  const [message] = await messagesIn(t, 'inbox', 1);
  const { calls, roundTrips } = await cost(() => h.service.triage('asap', [message!.id]));
  expect(roundTrips).toBe(1);
  expect(calls.map((c) => c.status)).toEqual([200]);
  expect(calls[0]!.mostInFlight).toBe(1);
});

test.each<TriageAction>(['asap', 'readLater', 'archive'])('%s on 100 messages: at most 10 round trips, never more than 4 requests in flight to the mailbox', async (action) => {
  const h = await warmHarness();
  const ids = (await messagesIn(t, 'inbox', 100)).map((m) => m.id);
  const { result, calls, roundTrips, peak } = await cost(() => h.service.triage(action, ids));
  expect(result.failed).toEqual([]);
  expect(calls.every((c) => c.status === 200)).toBe(true);
  expect(roundTrips).toBeLessThanOrEqual(10);
  expect(peak).toBeLessThanOrEqual(4);
  // Side by side, not one after another: the limit is used.
  expect(peak).toBe(4);
});

test('undo of 100: at most 10 round trips, never more than 4 requests in flight', async () => {
  const h = await warmHarness();
  const ids = (await messagesIn(t, 'inbox', 100)).map((m) => m.id);
  const { record } = await h.service.triage('asap', ids);
  expect(record.messages).toHaveLength(100);
  const { result, roundTrips, peak } = await cost(() => h.service.undo(record));
  expect(result.failed).toEqual([]);
  expect(result.restored).toHaveLength(100);
  expect(roundTrips).toBeLessThanOrEqual(10);
  expect(peak).toBeLessThanOrEqual(4);
});

test("a message that fails in a serial call costs the messages after it nothing: they are sent again as planned, not counted as failures", async () => {
  // No retries allowed: a message whose skipped requests counted as a failure would be reported failed.
  const h = await warmHarness({ maxRetries: 0 });
  const [first, ...rest] = (await messagesIn(t, 'inbox', 4)).map((m) => m.id);
  const doomed = 'AAMkAGI2TAAA0000000000000000000000000000000000000000000000000000AAA=';
  const { result, calls } = await cost(() => h.service.triage('readLater', [first!, doomed, ...rest]));
  expect(result.failed.map((f) => [f.messageId, f.reason])).toEqual([[doomed, 'messageMissing']]);
  const readLater = (await h.service.ensureFolders()).readLater;
  for (const id of [first!, ...rest]) expect((await readMessage(t, id))?.parentFolderId).toBe(readLater);
  // The skipped ones went again in a second call, the first message's work was not repeated.
  expect(calls).toHaveLength(2);
  expect(calls[1]!.inner!.some((r) => r.url.includes(encodeURIComponent(first!)))).toBe(false);
});

test('a serial call stopped by throttling sends the rest only after the wait Graph asked for', async () => {
  const h = await warmHarness();
  const ids = (await messagesIn(t, 'inbox', 3)).map((m) => m.id);
  t.sandbox.control.clearRequests();
  t.sandbox.control.setFaults({ rules: [{ kind: '429', next: 1, retryAfterSeconds: 7, pathPattern: '/me/messages/*' }] });
  const { failed } = await h.service.triage('readLater', ids);
  t.sandbox.control.clearFaults();
  expect(failed).toEqual([]);
  // Once before the skipped messages went again, once before the throttled one was retried.
  expect(h.waits).toEqual([7000, 7000]);
  expect(graphCalls(t)).toHaveLength(3);
});
