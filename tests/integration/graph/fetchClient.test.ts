/**
 * The function file's fetch-only Graph client against the SDK's, over real HTTP against the sandbox: each scenario
 * runs once with each client from the same sandbox state, and both must put the same requests on the wire (URL,
 * method, headers, body), meet the same answers from Graph, wait the same and end the same way (the same value, or
 * the same GraphRequestError / SignInError). The SDK client's own behaviour is proven in client.test.ts.
 */
import { SandboxTokenSource } from '../../../src/auth/sandboxTokens';
import { createGraphClient, type GraphClient, type GraphClientConfig } from '../../../src/graph/client';
import { toGraphRequestError } from '../../../src/graph/errors';
import { createFetchGraphClient } from '../../../src/graph/fetchClient';
import type { AccessTokenSource } from '../../../src/graph/middleware/auth';
import { SignInError } from '../../../src/graph/tokens';
import { expectNoContractViolations, startTestSandbox, type TestSandbox } from '../helpers/sandbox';

let t: TestSandbox;

beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());
expectNoContractViolations(() => t);

interface WireRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

interface Run {
  wire: WireRequest[];
  statuses: string[];
  waits: number[];
  outcome: unknown;
}

type Factory = (config: GraphClientConfig) => GraphClient;

/** Headers by lower-case name; the ones that differ by nature on every request (a fresh id, a token) by their shape. */
function comparable(headers: HeadersInit | undefined): Record<string, string> {
  const entries = headers instanceof Headers ? [...headers.entries()] : Array.isArray(headers) ? headers : Object.entries(headers ?? {});
  return Object.fromEntries(
    entries.map(([name, value]) => {
      const key = name.toLowerCase();
      if (key === 'client-request-id') return [key, /^[0-9a-f-]{36}$/.test(value) ? '<uuid>' : value];
      if (key === 'authorization') return [key, value.replace(/^Bearer .+$/, 'Bearer <token>')];
      return [key, value];
    }),
  );
}

/** What a call ended with, as callers see it: the value, or the error each client's callers convert once. */
function outcomeOf(result: PromiseSettledResult<unknown>): unknown {
  if (result.status === 'fulfilled') return { value: result.value };
  const error = result.reason as unknown;
  if (error instanceof SignInError) return { signIn: error.problem, message: error.message };
  const graphError = toGraphRequestError(error);
  return { status: graphError.status, code: graphError.code, message: graphError.message, requestId: graphError.requestId ? '<id>' : undefined };
}

/**
 * Runs `scenario` from a freshly reset sandbox with a client the factory makes, watching what goes to the network.
 * (The watch passes every request on to the sandbox untouched.)
 */
async function run(factory: Factory, scenario: (graph: GraphClient) => Promise<unknown>, options: { tokens?: AccessTokenSource; baseUrl?: string; faults?: () => void } = {}): Promise<Run> {
  t.sandbox.control.reset();
  t.sandbox.control.clearFaults();
  options.faults?.();
  t.sandbox.control.clearRequests();
  const waits: number[] = [];
  const wire: WireRequest[] = [];
  const realFetch = globalThis.fetch;
  const watch = jest.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.endsWith('/_sandbox/token')) {
      wire.push({ method: init?.method ?? 'GET', url: url.replace(t.sandbox.origin, '<origin>'), headers: comparable(init?.headers), body: typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body });
    }
    return realFetch(input, init);
  });
  try {
    const graph = factory({
      baseUrl: options.baseUrl ?? t.sandbox.origin,
      tokens: options.tokens ?? new SandboxTokenSource(t.sandbox.origin),
      retry: { sleep: async (ms) => void waits.push(ms), random: () => 0.5 },
    });
    const [result] = await Promise.allSettled([scenario(graph)]);
    const statuses = t.sandbox.control
      .requests()
      .filter((r) => r.url.includes('/v1.0/'))
      .map((r) => `${r.method} ${r.url} ${r.status}`);
    return { wire, statuses, waits, outcome: outcomeOf(result!) };
  } finally {
    watch.mockRestore();
  }
}

async function expectSameAsSdk(scenario: (graph: GraphClient) => Promise<unknown>, options: Parameters<typeof run>[2] = {}): Promise<Run> {
  const sdk = await run(createGraphClient, scenario, options);
  const light = await run(createFetchGraphClient, scenario, options);
  expect(light).toEqual(sdk);
  return light;
}

const firstInboxId = async (graph: GraphClient): Promise<string> =>
  ((await graph.api('/me/mailFolders/inbox/messages').select(['id', 'subject']).top(1).get()) as { value: Array<{ id: string }> }).value[0]!.id;

test('reads: the URL built from a path, its own query and the builder, and the answer', async () => {
  const run = await expectSameAsSdk(async (graph) => [
    await graph.api('/me').select(['displayName', 'mail']).get(),
    await graph.api('/me/mailFolders/inbox/messages?$select=subject&$top=2&$skiptoken=x').select('id').get(),
    await graph.api('/me/messages').filter("isRead eq false").select(['id']).top(1).get(),
    await graph.api('/me/messages').search('"Hankehakemus"').select(['id', 'subject']).top(3).get(),
  ]);
  expect(run.statuses).toHaveLength(4);
  expect(run.statuses.every((s) => s.endsWith(' 200'))).toBe(true);
});

test('writes: a move, a PATCH with If-Match, a DELETE (204: nothing), a $batch with immutable ids inside', async () => {
  const run = await expectSameAsSdk(async (graph) => {
    const id = await firstInboxId(graph);
    // (Only what does not carry the time of the write: the runs are seconds apart.)
    const moved = (await graph.api(`/me/messages/${id}/move`).post({ destinationId: 'archive' })) as { id: string; parentFolderId: string };
    const patched = (await graph.api(`/me/messages/${id}`).header('If-Match', '*').patch({ categories: ['Trail'] })) as { categories: string[] };
    const batch = (await graph.api('/$batch').post({ requests: [{ id: '1', method: 'GET', url: '/me' }, { id: '2', method: 'POST', url: `/me/messages/${id}/move`, headers: { 'Content-Type': 'application/json' }, body: { destinationId: 'inbox' } }] })) as {
      responses: Array<{ id: string; status: number; body: { id?: string } }>;
    };
    const deleted = await graph.api(`/me/messages/${id}`).delete();
    return { moved: [moved.id, moved.parentFolderId], patched: patched.categories, batch: batch.responses.map((r) => [r.id, r.status, r.body.id]), deleted };
  });
  expect(run.outcome).toMatchObject({ value: { deleted: undefined } });
  expect(run.wire.find((r) => r.url.endsWith('/$batch'))?.body).toMatchObject({ requests: [{ headers: { Prefer: 'IdType="ImmutableId"' } }, { headers: { Prefer: 'IdType="ImmutableId"' } }] });
});

test('a throttled read is retried after Retry-After; a longer Retry-After reaches the caller', async () => {
  const retried = await expectSameAsSdk((graph) => graph.api('/me').get(), { faults: () => t.sandbox.control.setFaults({ rules: [{ kind: '429', next: 2, retryAfterSeconds: 3, pathPattern: '/me' }] }) });
  expect(retried.waits).toEqual([3000, 3000]);
  const refused = await expectSameAsSdk((graph) => graph.api('/me').get(), { faults: () => t.sandbox.control.setFaults({ rules: [{ kind: '429', next: 1, retryAfterSeconds: 45, pathPattern: '/me' }] }) });
  expect(refused.outcome).toMatchObject({ status: 429 });
});

test('503 and dropped connections: reads and $batch of reads are sent again, a move is not', async () => {
  const read = await expectSameAsSdk((graph) => graph.api('/me').get(), {
    faults: () => t.sandbox.control.setFaults({ rules: [{ kind: '503', next: 1, pathPattern: '/me' }, { kind: 'reset', next: 1, pathPattern: '/me' }] }),
  });
  expect(read.waits).toHaveLength(2);
  await expectSameAsSdk((graph) => graph.api('/$batch').post({ requests: [{ id: '1', method: 'GET', url: '/me' }] }), {
    faults: () => t.sandbox.control.setFaults({ rules: [{ kind: '503', next: 1, method: 'POST', pathPattern: '$batch' }] }),
  });
  const move = await expectSameAsSdk(
    async (graph) => {
      const id = await firstInboxId(graph);
      t.sandbox.control.setFaults({ rules: [{ kind: '503', next: 1, method: 'POST' }] });
      return graph.api(`/me/messages/${id}/move`).post({ destinationId: 'archive' });
    },
  );
  expect(move.outcome).toMatchObject({ status: 503 });
  expect(move.waits).toEqual([]);
});

test('failures: a Graph error, no answer at all, a token Graph refuses, no token, a foreign origin', async () => {
  const notFound = await expectSameAsSdk((graph) => graph.api('/me/mailFolders/no-such-folder').get());
  expect(notFound.outcome).toMatchObject({ code: expect.stringMatching(/^Error/), requestId: '<id>' });
  const offline = await expectSameAsSdk((graph) => graph.api('/me').get(), { baseUrl: 'http://127.0.0.1:9', tokens: { getAccessToken: async () => t.token } });
  expect(offline.outcome).toMatchObject({ status: 0, code: 'network' });
  const forged = await expectSameAsSdk((graph) => graph.api('/me').get(), { tokens: { getAccessToken: async () => 'not-a-jwt' } });
  expect(forged.outcome).toMatchObject({ status: 401, code: 'InvalidAuthenticationToken' });
  const signedOut = await expectSameAsSdk((graph) => graph.api('/me').get(), { tokens: { getAccessToken: () => Promise.reject(new Error('interaction_required')) } });
  expect(signedOut).toMatchObject({ outcome: { signIn: 'failed' }, wire: [], waits: [] });
  const foreign = await expectSameAsSdk((graph) => graph.api('https://graph.microsoft.us/v1.0/me').get());
  expect(foreign).toMatchObject({ outcome: { message: 'Refused to send a Graph token to https://graph.microsoft.us.' }, wire: [] });
});
