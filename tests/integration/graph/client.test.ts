/**
 * The one Graph client, over real HTTP against the sandbox: every middleware proven by what Graph
 * (the sandbox) saw and answered, not by inspecting the client.
 */
import { ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import { SandboxTokenSource } from '../../../src/auth/sandboxTokens';
import { SignInError } from '../../../src/graph/tokens';
import { createGraphClient } from '../../../src/graph/client';
import { GraphRequestError, toGraphRequestError } from '../../../src/graph/errors';
import type { AccessTokenSource } from '../../../src/graph/middleware/auth';
import { expectNoContractViolations, startTestSandbox, type TestSandbox } from '../helpers/sandbox';

let t: TestSandbox;
let waits: number[];
let graph: Client;

beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());
expectNoContractViolations(() => t);

beforeEach(() => {
  t.sandbox.control.reset();
  t.sandbox.control.clearFaults();
  t.sandbox.control.clearRequests();
  waits = [];
  graph = client();
});

function client(tokens: AccessTokenSource = new SandboxTokenSource(t.sandbox.origin)): Client {
  return createGraphClient({
    baseUrl: t.sandbox.origin,
    tokens,
    // Waits are recorded instead of slept, so the test shows what the client would wait.
    retry: { sleep: async (ms) => void waits.push(ms), random: () => 0.5 },
  });
}

async function failure(promise: Promise<unknown>): Promise<GraphRequestError> {
  try {
    await promise;
  } catch (error) {
    return toGraphRequestError(error);
  }
  throw new Error('expected the request to fail');
}

const graphCalls = () => t.sandbox.control.requests().filter((r) => r.url.includes('/v1.0/'));

async function firstInboxMessage(): Promise<{ id: string; subject: string }> {
  const page = await graph.api('/me/mailFolders/inbox/messages').select(['id', 'subject']).top(1).get();
  return page.value[0];
}

test('signs requests with a token from the sandbox issuer and reaches the right base URL', async () => {
  const me = await graph.api('/me').select(['displayName', 'mail']).get();
  expect(me.mail).toBe(t.user.mail);
  expect(graphCalls().map((r) => `${r.method} ${r.status}`)).toEqual(['GET 200']);
});

test('every request carries a client-request-id, which Graph echoes', async () => {
  const first = (await graph.api('/me').responseType(ResponseType.RAW).get()) as Response;
  const second = (await graph.api('/me').responseType(ResponseType.RAW).get()) as Response;
  const ids = [first, second].map((response) => response.headers.get('client-request-id'));
  expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
  expect(ids[1]).toMatch(/^[0-9a-f-]{36}$/);
  expect(ids[0]).not.toBe(ids[1]);
});

test('a moved message keeps its id: every request asks for immutable ids', async () => {
  const message = await firstInboxMessage();
  const moved = await graph.api(`/me/messages/${message.id}/move`).post({ destinationId: 'archive' });
  expect(moved.id).toBe(message.id);
  const archive = await graph.api('/me/mailFolders/archive').select(['id']).get();
  const again = await graph.api(`/me/messages/${message.id}`).select(['parentFolderId', 'subject']).get();
  expect(again).toMatchObject({ parentFolderId: archive.id, subject: message.subject });
});

test('requests inside a $batch ask for immutable ids too', async () => {
  const message = await firstInboxMessage();
  // Control: the same move without the preference gets a new id, so the check below is not vacuous.
  const control = await (
    await t.graphFetch('/$batch', {
      method: 'POST',
      body: JSON.stringify({
        requests: [{ id: '1', method: 'POST', url: `/me/messages/${message.id}/move`, headers: { 'Content-Type': 'application/json' }, body: { destinationId: 'archive' } }],
      }),
    })
  ).json();
  const controlId = control.responses[0].body.id as string;
  expect(controlId).not.toBe(message.id);

  const batch = await graph.api('/$batch').post({
    requests: [{ id: '1', method: 'POST', url: `/me/messages/${controlId}/move`, headers: { 'Content-Type': 'application/json' }, body: { destinationId: 'inbox' } }],
  });
  expect(batch.responses[0].status).toBe(201);
  const immutableId = batch.responses[0].body.id as string;
  // With immutable ids, moving again keeps the id the response gave.
  const batch2 = await graph.api('/$batch').post({
    requests: [{ id: '1', method: 'POST', url: `/me/messages/${immutableId}/move`, headers: { 'Content-Type': 'application/json' }, body: { destinationId: 'archive' } }],
  });
  expect(batch2.responses[0].body.id).toBe(immutableId);
});

test('a throttled read is retried after the Retry-After Graph sent', async () => {
  t.sandbox.control.setFaults({ rules: [{ kind: '429', next: 2, retryAfterSeconds: 3, pathPattern: '/me' }] });
  const me = await graph.api('/me').get();
  expect(me.id).toBe(t.user.id);
  expect(waits).toEqual([3000, 3000]);
  expect(graphCalls().map((r) => r.status)).toEqual([429, 429, 200]);
});

test('a Retry-After longer than Trail will wait is not cut short: the 429 goes to the caller, never an early retry', async () => {
  // SharePoint may ask for up to a minute; retrying before that is throttled again and spends the tenant's budget.
  t.sandbox.control.setFaults({ rules: [{ kind: '429', next: 1, retryAfterSeconds: 45, pathPattern: '/me' }] });
  await expect(graph.api('/me').get()).rejects.toMatchObject({ statusCode: 429 });
  expect(waits).toEqual([]);
  expect(graphCalls().map((r) => r.status)).toEqual([429]);
});

test('a read that meets a 503 or a dropped connection is retried with backoff', async () => {
  t.sandbox.control.setFaults({ rules: [{ kind: '503', next: 1, pathPattern: '/me' }, { kind: 'reset', next: 1, pathPattern: '/me' }] });
  const me = await graph.api('/me').get();
  expect(me.id).toBe(t.user.id);
  expect(waits).toHaveLength(2);
  expect(graphCalls().at(-1)?.status).toBe(200);
});

test('a move refused with 429 is retried once and applied once', async () => {
  const message = await firstInboxMessage();
  t.sandbox.control.clearRequests();
  t.sandbox.control.setFaults({ rules: [{ kind: '429', next: 1, retryAfterSeconds: 1, method: 'POST' }] });
  const moved = await graph.api(`/me/messages/${message.id}/move`).post({ destinationId: 'archive' });
  expect(moved.id).toBe(message.id);
  expect(graphCalls().map((r) => `${r.method} ${r.status}`)).toEqual(['POST 429', 'POST 201']);
});

test('a move that meets a 503 is not retried: it may already have happened', async () => {
  const message = await firstInboxMessage();
  t.sandbox.control.clearRequests();
  t.sandbox.control.setFaults({ rules: [{ kind: '503', next: 1, method: 'POST' }] });
  const error = await failure(graph.api(`/me/messages/${message.id}/move`).post({ destinationId: 'archive' }));
  expect({ status: error.status, code: error.code }).toMatchObject({ status: 503 });
  expect(graphCalls().map((r) => `${r.method} ${r.status}`)).toEqual(['POST 503']);
  expect(waits).toEqual([]);
});

test('a $batch of reads that meets a 503 is sent again; one with a POST inside is not', async () => {
  const message = await firstInboxMessage();
  const reads = { requests: [{ id: '1', method: 'GET', url: '/me' }, { id: '2', method: 'GET', url: `/me/messages/${message.id}?$select=subject` }] };
  t.sandbox.control.clearRequests();
  t.sandbox.control.setFaults({ rules: [{ kind: '503', next: 1, method: 'POST', pathPattern: '$batch' }] });
  const answered = (await graph.api('/$batch').post(reads)) as { responses: Array<{ status: number }> };
  expect(answered.responses.map((r) => r.status)).toEqual([200, 200]);
  expect(graphCalls().filter((r) => r.url.includes('$batch')).map((r) => `${r.method} ${r.status}`)).toEqual(['POST 503', 'POST 200']);

  t.sandbox.control.clearRequests();
  t.sandbox.control.setFaults({ rules: [{ kind: '503', next: 1, method: 'POST', pathPattern: '$batch' }] });
  const writing = { requests: [...reads.requests, { id: '3', method: 'POST', url: `/me/messages/${message.id}/move`, body: { destinationId: 'archive' }, headers: { 'Content-Type': 'application/json' } }] };
  expect((await failure(graph.api('/$batch').post(writing))).status).toBe(503);
  expect(graphCalls().filter((r) => r.url.includes('$batch')).map((r) => `${r.method} ${r.status}`)).toEqual(['POST 503']);
});

test('after three retries the client gives up with Graph\'s own error', async () => {
  t.sandbox.control.setFaults({ rules: [{ kind: '429', next: 10, retryAfterSeconds: 2, pathPattern: '/me' }] });
  const error = await failure(graph.api('/me').get());
  expect(error.status).toBe(429);
  expect(error.code).toBe('TooManyRequests');
  expect(graphCalls()).toHaveLength(4);
});

test('a Graph error becomes a GraphRequestError with status, code and request id', async () => {
  const error = await failure(graph.api('/me/mailFolders/no-such-folder').get());
  expect(error).toBeInstanceOf(GraphRequestError);
  expect(error.status).toBeGreaterThanOrEqual(400);
  expect(error.code).toMatch(/^Error/);
  expect(error.requestId).toMatch(/.+/);
});

test('no answer at all becomes a network error (status 0), not an HTTP one', async () => {
  const offline = createGraphClient({
    baseUrl: 'http://127.0.0.1:9', // the discard port: nothing listens
    tokens: { getAccessToken: async () => t.token },
    retry: { sleep: async () => undefined },
  });
  const error = await failure(offline.api('/me').get());
  expect({ status: error.status, code: error.code }).toEqual({ status: 0, code: 'network' });
});

test('a token that cannot be had surfaces as a SignInError, not as being offline', async () => {
  let asked = 0;
  const broken = client({ getAccessToken: () => (asked++, Promise.reject(new Error('interaction_required'))) });
  await expect(broken.api('/me').get()).rejects.toBeInstanceOf(SignInError);
  expect(graphCalls()).toEqual([]);
  // Asked once: a retry would only prompt the user again (and a read is otherwise retried on network errors).
  expect({ asked, waits }).toEqual({ asked: 1, waits: [] });
});

test('a token Graph does not accept is a 401 InvalidAuthenticationToken', async () => {
  const forged = client({ getAccessToken: async () => 'not-a-jwt' });
  const error = await failure(forged.api('/me').get());
  expect({ status: error.status, code: error.code }).toEqual({ status: 401, code: 'InvalidAuthenticationToken' });
});

test('the token is fetched once and reused, even by concurrent requests', async () => {
  const fetchSpy = jest.spyOn(globalThis, 'fetch');
  try {
    const shared = client(new SandboxTokenSource(t.sandbox.origin));
    await Promise.all([shared.api('/me').get(), shared.api('/me/mailFolders/inbox').get(), shared.api('/me').get()]);
    await shared.api('/me').get();
    const tokenCalls = fetchSpy.mock.calls.filter(([url]) => String(url).endsWith('/_sandbox/token'));
    expect(tokenCalls).toHaveLength(1);
  } finally {
    fetchSpy.mockRestore();
  }
});

test('a token never leaves for another origin: an absolute URL to another Graph cloud is refused before anything is sent', async () => {
  // The SDK sends absolute URLs on its known Graph hosts (national clouds included) as they are;
  // any other absolute URL it would append to our base. Only our own Graph origin gets the token.
  await expect(graph.api('https://graph.microsoft.us/v1.0/me').get()).rejects.toThrow('Refused to send a Graph token to https://graph.microsoft.us.');
  expect(graphCalls()).toEqual([]);
});
