/**
 * Fault injection (429 with Retry-After, 503, connection reset, latency, seeded rates) and
 * Exchange's MailboxConcurrency throttling.
 */
import { faultPlanFromEnv } from '../../../dev/sandbox/core/faults';
import { fixtureMailbox, FIXTURE_SHARED } from '../helpers/fixtureMailbox';
import { expectNoContractViolations, json, startTestSandbox, type TestSandbox } from '../helpers/sandbox';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ mailbox: fixtureMailbox });
});
afterAll(() => t.close());
afterEach(() => t.sandbox.control.clearFaults());

test('the next N matching requests get 429 with Retry-After, then requests succeed', async () => {
  t.sandbox.control.setFaults({ rules: [{ kind: '429', next: 2, retryAfterSeconds: 3, pathPattern: '/me/messages' }] });
  const statuses: number[] = [];
  let retryAfter: string | null = null;
  let body: { error: { code: string; message: string; innerError: Record<string, string> } } | undefined;
  for (let i = 0; i < 3; i++) {
    const res = await t.graphFetch('/me/messages?$top=1');
    statuses.push(res.status);
    if (res.status === 429) {
      retryAfter = res.headers.get('retry-after');
      body = (await res.json()) as typeof body;
    } else await res.arrayBuffer();
  }
  expect(statuses).toEqual([429, 429, 200]);
  expect(retryAfter).toBe('3');
  expect(body!.error).toMatchObject({ code: 'TooManyRequests', message: 'Please retry again later.', innerError: { code: '429', status: '429' } });
  // Only matching paths are hit.
  expect((await t.graphFetch('/me')).status).toBe(200);
});

test('a rule can be limited to one method', async () => {
  t.sandbox.control.setFaults({ rules: [{ kind: '503', method: 'PATCH' }] });
  const page = await t.graphJson<{ value: Array<{ id: string }> }>('/me/messages?$top=1&$select=id');
  expect(page.status).toBe(200);
  const patch = await t.graphJson<{ error: { code: string } }>(`/me/messages/${page.body.value[0]!.id}`, json('PATCH', { isRead: true }));
  expect(patch.status).toBe(503);
  expect(patch.body.error.code).toBe('serviceNotAvailable');
});

test('a reset rule drops the connection: the client sees a network error', async () => {
  t.sandbox.control.setFaults({ rules: [{ kind: 'reset', next: 1 }] });
  await expect(t.graphFetch('/me')).rejects.toThrow();
  expect((await t.graphFetch('/me')).status).toBe(200);
  expect(t.sandbox.control.requests().some((r) => r.reset === true)).toBe(true);
});

test('latency is added to each HTTP request', async () => {
  t.sandbox.control.setFaults({ latencyMs: 150 });
  const started = Date.now();
  await (await t.graphFetch('/me')).arrayBuffer();
  expect(Date.now() - started).toBeGreaterThanOrEqual(145);
});

test('a $batch costs one latency, not one per inner request', async () => {
  t.sandbox.control.setFaults({ latencyMs: 120 });
  const started = Date.now();
  const requests = Array.from({ length: 8 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me?$select=id' }));
  const res = await t.graphFetch('/$batch', json('POST', { requests }));
  await res.arrayBuffer();
  const elapsed = Date.now() - started;
  expect(elapsed).toBeGreaterThanOrEqual(115);
  expect(elapsed).toBeLessThan(120 * 4);
});

test('rates are drawn from a seeded PRNG: the same plan hits the same requests', async () => {
  const run = async (): Promise<number[]> => {
    t.sandbox.control.setFaults({ rules: [{ kind: '503', rate: 0.5 }] });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await t.graphFetch('/me?$select=id')).status);
    return statuses;
  };
  const first = await run();
  const second = await run();
  expect(first).toEqual(second);
  expect(first).toContain(503);
  expect(first).toContain(200);
});

test('a fifth concurrent request to one mailbox gets 429 ApplicationThrottled (MailboxConcurrency)', async () => {
  t.sandbox.control.setFaults({ latencyMs: 300 });
  const results = await Promise.all(
    Array.from({ length: 5 }, async () => {
      const res = await t.graphFetch('/me/mailFolders/inbox');
      const body = (await res.json()) as { error?: { code: string; message: string } };
      return { status: res.status, retryAfter: res.headers.get('retry-after'), body };
    }),
  );
  const throttled = results.filter((r) => r.status === 429);
  expect(results.filter((r) => r.status === 200)).toHaveLength(4);
  expect(throttled).toHaveLength(1);
  expect(throttled[0]!.body.error).toEqual({ code: 'ApplicationThrottled', message: 'Application is over its MailboxConcurrency limit.', innerError: expect.any(Object) });
  expect(Number(throttled[0]!.retryAfter)).toBeGreaterThan(0);
});

test('the limit is per mailbox: another mailbox is not affected', async () => {
  t.sandbox.control.setFaults({ latencyMs: 250 });
  const mine = Array.from({ length: 4 }, () => t.graphFetch('/me/mailFolders/inbox'));
  const theirs = t.graphFetch(`/users/${FIXTURE_SHARED.id}/mailFolders/inbox`);
  const statuses = (await Promise.all([...mine, theirs])).map((r) => r.status);
  expect(statuses).toEqual([200, 200, 200, 200, 200]);
});

test('inner $batch requests count against the mailbox limit too', async () => {
  // Four requests take the mailbox's slots and wait there on the sandbox's hold (not on a timer) while
  // the batch's inner requests run.
  t.sandbox.control.hold();
  try {
    const slow = Array.from({ length: 4 }, () => t.graphFetch('/me/mailFolders/inbox'));
    await t.sandbox.control.whenHeld(4);
    const batchDone = t.graphJson<{ responses: Array<{ status: number; body: { error?: { code: string } } }> }>(
      '/$batch',
      json('POST', { requests: [1, 2, 3].map((i) => ({ id: String(i), method: 'GET', url: '/me/mailFolders/inbox' })) }),
    );
    // An inner request wrongly given a slot would wait on the hold as well: let it go, so the
    // assertions below report it rather than a timeout.
    await Promise.race([batchDone, t.sandbox.control.whenHeld(5)]);
    t.sandbox.control.release();
    const batchResult = await batchDone;
    expect(batchResult.status).toBe(200);
    expect(batchResult.body.responses.map((r) => r.status)).toEqual([429, 429, 429]);
    expect(batchResult.body.responses[0]!.body.error!.code).toBe('ApplicationThrottled');
    expect((await Promise.all(slow)).map((r) => r.status)).toEqual([200, 200, 200, 200]);
  } finally {
    t.sandbox.control.release();
  }
});

test('env vars give a plan for manual trials', () => {
  expect(faultPlanFromEnv({ SANDBOX_LATENCY_MS: '200', SANDBOX_FAULT: '429', SANDBOX_FAULT_RATE: '0.25' })).toEqual({
    latencyMs: 200,
    rules: [{ kind: '429', rate: 0.25 }],
  });
  expect(faultPlanFromEnv({})).toBeUndefined();
  expect(() => faultPlanFromEnv({ SANDBOX_FAULT: 'boom' })).toThrow(/SANDBOX_FAULT/);
});

expectNoContractViolations(() => t);

describe('after-write faults: the request is applied, then its answer is lost', () => {
  const firstMessage = async (): Promise<{ id: string; isRead: boolean }> =>
    (await t.graphJson<{ value: Array<{ id: string; isRead: boolean }> }>('/me/messages?$top=1&$select=id,isRead')).body.value[0]!;
  const isRead = async (id: string): Promise<boolean> => (await t.graphJson<{ isRead: boolean }>(`/me/messages/${id}?$select=isRead`)).body.isRead;

  test('after503: the PATCH is applied, and the client is answered 503 serviceNotAvailable', async () => {
    const message = await firstMessage();
    t.sandbox.control.setFaults({ rules: [{ kind: 'after503', method: 'PATCH', next: 1 }] });
    const patch = await t.graphJson<{ error: { code: string } }>(`/me/messages/${message.id}`, json('PATCH', { isRead: !message.isRead }));
    expect(patch.status).toBe(503);
    expect(patch.body.error.code).toBe('serviceNotAvailable');
    expect(await isRead(message.id)).toBe(!message.isRead);
    await t.graphJson(`/me/messages/${message.id}`, json('PATCH', { isRead: message.isRead }));
  });

  test('afterReset: the PATCH is applied, and the connection drops before the answer', async () => {
    const message = await firstMessage();
    t.sandbox.control.setFaults({ rules: [{ kind: 'afterReset', method: 'PATCH', next: 1 }] });
    await expect(t.graphFetch(`/me/messages/${message.id}`, json('PATCH', { isRead: !message.isRead }))).rejects.toThrow();
    expect(await isRead(message.id)).toBe(!message.isRead);
    await t.graphJson(`/me/messages/${message.id}`, json('PATCH', { isRead: message.isRead }));
  });

  test('after503 on an inner $batch request: that step is applied, and its inner answer is 503', async () => {
    const message = await firstMessage();
    t.sandbox.control.setFaults({ rules: [{ kind: 'after503', method: 'PATCH', next: 1 }] });
    const requests = [
      { id: '1', method: 'PATCH', url: `/me/messages/${message.id}`, headers: { 'Content-Type': 'application/json' }, body: { isRead: !message.isRead } },
      { id: '2', method: 'GET', url: '/me?$select=id' },
    ];
    const batch = await t.graphJson<{ responses: Array<{ id: string; status: number }> }>('/$batch', json('POST', { requests }));
    expect(batch.status).toBe(200);
    const statuses = Object.fromEntries(batch.body.responses.map((r) => [r.id, r.status]));
    expect(statuses).toEqual({ '1': 503, '2': 200 });
    expect(await isRead(message.id)).toBe(!message.isRead);
    await t.graphJson(`/me/messages/${message.id}`, json('PATCH', { isRead: message.isRead }));
  });

  test('after503 on the $batch itself: every step is applied, and the whole answer is 503', async () => {
    const message = await firstMessage();
    t.sandbox.control.setFaults({ rules: [{ kind: 'after503', pathPattern: '/$batch', next: 1 }] });
    const requests = [{ id: '1', method: 'PATCH', url: `/me/messages/${message.id}`, headers: { 'Content-Type': 'application/json' }, body: { isRead: !message.isRead } }];
    const batch = await t.graphFetch('/$batch', json('POST', { requests }));
    expect(batch.status).toBe(503);
    await batch.arrayBuffer();
    expect(await isRead(message.id)).toBe(!message.isRead);
    await t.graphJson(`/me/messages/${message.id}`, json('PATCH', { isRead: message.isRead }));
  });
});
