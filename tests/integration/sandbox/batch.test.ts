/**
 * JSON batching: payload validation, dependsOn ordering, the dependency patterns Graph accepts, 424 cascades, faults inside an outer 200,
 * independent results and the request log's view of a batch.
 */
import { fixtureMailbox } from '../helpers/fixtureMailbox';
import { expectNoContractViolations, json, startTestSandbox, type TestSandbox } from '../helpers/sandbox';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ mailbox: fixtureMailbox });
});
afterAll(() => t.close());
afterEach(() => t.sandbox.control.clearFaults());

interface InnerResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: { error?: { code: string; message: string }; [key: string]: unknown };
}

async function batch(requests: unknown[]): Promise<{ status: number; byId: Map<string, InnerResponse>; order: string[]; body: unknown }> {
  const res = await t.graphJson<{ responses?: InnerResponse[] }>('/$batch', json('POST', { requests }));
  const responses = res.body.responses ?? [];
  return { status: res.status, byId: new Map(responses.map((r) => [r.id, r])), order: responses.map((r) => r.id), body: res.body };
}

async function inboxMessageIds(count: number): Promise<string[]> {
  const page = await t.graphJson<{ value: Array<{ id: string }> }>(`/me/mailFolders/inbox/messages?$top=${count}&$select=id`);
  return page.body.value.map((m) => m.id);
}

describe('payload validation', () => {
  test('more than 20 requests is a 400 for the whole batch', async () => {
    const requests = Array.from({ length: 21 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: '/me' }));
    const res = await t.graphJson<{ error: { code: string } }>('/$batch', json('POST', { requests }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BadRequest');
  });

  test('exactly 20 requests is fine', async () => {
    const requests = Array.from({ length: 20 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: '/me?$select=id' }));
    const { status, byId } = await batch(requests);
    expect(status).toBe(200);
    expect([...byId.values()].every((r) => r.status === 200)).toBe(true);
    expect(byId.size).toBe(20);
  });

  test('ids must be unique (case-insensitively)', async () => {
    const res = await t.graphFetch('/$batch', json('POST', { requests: [{ id: 'a', method: 'GET', url: '/me' }, { id: 'A', method: 'GET', url: '/me' }] }));
    expect(res.status).toBe(400);
  });

  test('a body without Content-Type is refused with Graph message', async () => {
    const res = await t.graphJson<{ error: { message: string } }>(
      '/$batch',
      json('POST', { requests: [{ id: '1', method: 'POST', url: '/me/mailFolders', body: { displayName: 'X' } }] }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Write request id : 1 does not contain Content-Type header or body.');
  });

  test('a nested $batch is refused', async () => {
    const res = await t.graphFetch('/$batch', json('POST', { requests: [{ id: '1', method: 'POST', url: '/$batch', body: { requests: [] }, headers: { 'Content-Type': 'application/json' } }] }));
    expect(res.status).toBe(400);
  });

  test('GET on $batch is a 405', async () => {
    expect((await t.graphFetch('/$batch')).status).toBe(405);
  });
});

describe('execution', () => {
  test('results are independent: one failure does not affect the others', async () => {
    const { status, byId } = await batch([
      { id: '1', method: 'GET', url: '/me?$select=displayName' },
      { id: '2', method: 'GET', url: 'me/mailFolders/inbox' },
      { id: '3', method: 'GET', url: '/me/messages/AAMkADdoesnotexist0000000000000000=' },
    ]);
    expect(status).toBe(200);
    expect(byId.get('1')).toMatchObject({ status: 200, body: { displayName: 'Aino Virtanen' } });
    expect(byId.get('2')).toMatchObject({ status: 200, body: { totalItemCount: 25 } });
    expect(byId.get('3')).toMatchObject({ status: 404, body: { error: { code: 'ErrorItemNotFound' } } });
    expect(byId.get('1')!.headers['Content-Type']).toMatch(/^application\/json/);
  });

  test('dependsOn runs requests in order and dependents of a failure get 424', async () => {
    const { byId, order } = await batch([
      { id: 'create', method: 'POST', url: '/me/mailFolders', body: { displayName: 'Batch-kansio' }, headers: { 'Content-Type': 'application/json' } },
      { id: 'again', dependsOn: ['create'], method: 'POST', url: '/me/mailFolders', body: { displayName: 'Batch-kansio' }, headers: { 'Content-Type': 'application/json' } },
      { id: 'after', dependsOn: ['again'], method: 'GET', url: '/me' },
      { id: 'last', dependsOn: ['after'], method: 'GET', url: '/me' },
    ]);
    expect(byId.get('create')!.status).toBe(201);
    expect(byId.get('again')!.status).toBe(409);
    expect(byId.get('after')!.status).toBe(424);
    expect(byId.get('last')!.status).toBe(424);
    expect(order.indexOf('create')).toBeLessThan(order.indexOf('again'));
  });

  test('Prefer and other headers apply per inner request', async () => {
    const [id] = await inboxMessageIds(1);
    const { byId } = await batch([
      { id: 'rest', method: 'GET', url: `/me/messages/${id}?$select=subject` },
      { id: 'immutable', method: 'GET', url: `/me/messages/${id}?$select=subject`, headers: { Prefer: 'IdType="ImmutableId"' } },
    ]);
    expect(byId.get('rest')!.body!.id).toBe(id);
    expect(byId.get('immutable')!.body!.id).toMatch(/^AAkALgAA/);
  });

  test('a 429 fault on inner requests comes back inside an outer 200, with Retry-After', async () => {
    t.sandbox.control.setFaults({ rules: [{ kind: '429', pathPattern: '/me/mailFolders/*', next: 2, retryAfterSeconds: 7 }] });
    const { status, byId } = await batch([
      { id: '1', method: 'GET', url: '/me/mailFolders/inbox', dependsOn: [] },
      { id: '2', method: 'GET', url: '/me/mailFolders/archive' },
      { id: '3', method: 'GET', url: '/me/mailFolders/drafts' },
      { id: '4', method: 'GET', url: '/me?$select=id' },
    ]);
    expect(status).toBe(200);
    const throttled = [...byId.values()].filter((r) => r.status === 429);
    expect(throttled).toHaveLength(2);
    expect(throttled[0]!.headers['Retry-After']).toBe('7');
    expect(throttled[0]!.body!.error!.code).toBe('TooManyRequests');
    expect(byId.get('4')!.status).toBe(200);
  });

  test('twenty updates to one mailbox all succeed when nothing else is in flight', async () => {
    const ids = await inboxMessageIds(20);
    const { byId } = await batch(
      ids.map((id, i) => ({ id: String(i), method: 'PATCH', url: `/me/messages/${id}`, body: { isRead: true }, headers: { 'Content-Type': 'application/json' } })),
    );
    expect([...byId.values()].map((r) => r.status)).toEqual(Array(20).fill(200));
  });

  test('the request log shows one HTTP request with its inner count', async () => {
    t.sandbox.control.clearRequests();
    await batch([
      { id: '1', method: 'GET', url: '/me' },
      { id: '2', method: 'GET', url: '/me/mailFolders' },
    ]);
    const log = t.sandbox.control.requests();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ method: 'POST', url: '/v1.0/$batch', status: 200, batchCount: 2 });
    expect(log[0]!.inner!.map((i) => i.status)).toEqual([200, 200]);
  });
});

/**
 * Graph's known issue "Request dependencies are limited" (microsoft-graph-docs-contrib,
 * concepts/includes/known-issues/json-batching.md): one dependency per request, and a batch must be
 * parallel, serial or "same"; anything else is 400 "Batch should be either fully sequential or fully parallel".
 */
describe('dependency patterns', () => {
  const get = (id: string, dependsOn?: string[]) => ({ id, method: 'GET', url: '/me?$select=id', ...(dependsOn ? { dependsOn } : {}) });
  const refusal = async (requests: unknown[]) => t.graphJson<{ error: { code: string; message: string } }>('/$batch', json('POST', { requests }));

  test('a parallel batch (no dependsOn at all) is accepted', async () => {
    const { status, byId } = await batch([get('1'), get('2'), get('3')]);
    expect(status).toBe(200);
    expect(byId.size).toBe(3);
  });

  test('a serial batch (each request depends on the one before) is accepted', async () => {
    const { status, byId } = await batch([get('1'), get('2', ['1']), get('3', ['2']), get('4', ['3'])]);
    expect(status).toBe(200);
    expect([...byId.values()].map((r) => r.status)).toEqual([200, 200, 200, 200]);
  });

  test('a "same" batch (every dependsOn names the same request) is accepted and runs one request at a time', async () => {
    t.sandbox.control.clearRequests();
    const { status, byId } = await batch([get('root'), get('a', ['root']), get('b', ['root']), get('c', ['root'])]);
    expect(status).toBe(200);
    expect(byId.size).toBe(4);
    expect(t.sandbox.control.requests()[0]!.mostInFlight).toBe(1);
  });

  test('a request that depends on two others is refused', async () => {
    const res = await refusal([get('1'), get('2', ['1']), get('3', ['1', '2'])]);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'BadRequest', message: 'Batch should be either fully sequential or fully parallel' });
  });

  test('a mixed batch (a chain beside an independent request) is refused', async () => {
    const res = await refusal([get('check'), get('1'), get('2', ['1']), get('3', ['2'])]);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'BadRequest', message: 'Batch should be either fully sequential or fully parallel' });
  });

  test('two chains side by side are refused', async () => {
    const res = await refusal([get('a1'), get('a2', ['a1']), get('b1'), get('b2', ['b1'])]);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Batch should be either fully sequential or fully parallel');
  });

  test('a dependency on a request listed after its dependant is refused', async () => {
    const res = await refusal([get('2', ['1']), get('1')]);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'BadRequest', message: 'Invalid dependency for request Id : 2' });
  });

  test('a dependency on an id not in the batch is refused', async () => {
    const res = await refusal([get('1'), get('2', ['nowhere'])]);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Invalid dependency for request Id : 2');
  });

  test('nothing in a refused batch runs', async () => {
    t.sandbox.control.clearRequests();
    await refusal([get('check'), get('1'), get('2', ['1']), get('3', ['2'])]);
    const [logged] = t.sandbox.control.requests();
    expect(logged!.status).toBe(400);
    expect(logged!.inner ?? []).toEqual([]);
  });

  test('a parallel batch has at most 4 requests in flight, a serial one 1', async () => {
    t.sandbox.control.clearRequests();
    await batch(Array.from({ length: 10 }, (_, i) => get(String(i))));
    await batch([get('1'), get('2', ['1'])]);
    expect(t.sandbox.control.requests().map((r) => r.mostInFlight)).toEqual([4, 1]);
  });
});

describe('contract', () => {
  test('each inner request is checked, the batch itself is not', async () => {
    await batch([{ id: '1', method: 'GET', url: '/me/notAThing' }]);
    expect(t.sandbox.control.violations().map((v) => `${v.method} ${v.url}`)).toEqual(['GET /me/notAThing']);
    t.sandbox.control.clearViolations(); // wrong on purpose, and asserted above
  });
});

expectNoContractViolations(() => t);
