/**
 * The sandbox's HTTP behaviour: Graph's error envelope, unknown segments, wrong methods, CORS,
 * request ids, content type and the /_sandbox control routes.
 */
import { fixtureMailbox } from '../helpers/fixtureMailbox';
import { expectNoContractViolations, startTestSandbox, takeViolations, type TestSandbox } from '../helpers/sandbox';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ mailbox: fixtureMailbox });
});
afterAll(() => t.close());

describe('errors and routing', () => {
  test('an unknown segment is a 400 with Graph error envelope and innerError', async () => {
    const res = await t.graphJson<{ error: { code: string; message: string; innerError: Record<string, string> } }>('/me/nonsense', {
      headers: { 'client-request-id': 'my-correlation-1' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BadRequest');
    expect(res.body.error.message).toBe("Resource not found for the segment 'nonsense'.");
    expect(res.body.error.innerError['client-request-id']).toBe('my-correlation-1');
    expect(res.body.error.innerError['request-id']).toBe(res.headers.get('request-id'));
    expect(res.body.error.innerError.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(takeViolations(t)).toEqual(['GET /v1.0/me/nonsense']);
  });

  test('the first unknown segment is the one named, even deep in a known path', async () => {
    const res = await t.graphJson<{ error: { message: string } }>('/me/mailFolders/inbox/bogus');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe("Resource not found for the segment 'bogus'.");
    expect(takeViolations(t)).toEqual(['GET /v1.0/me/mailFolders/inbox/bogus']);
  });

  test('a known path with the wrong method is a 405', async () => {
    const res = await t.graphJson<{ error: { code: string; message: string } }>('/me/mailFolders', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.body.error).toMatchObject({ code: 'Request_BadRequest', message: 'Specified HTTP method is not allowed for the request target.' });
    expect(takeViolations(t)).toEqual(['DELETE /v1.0/me/mailFolders']);
  });

  // Mail and SharePoint share one router: the same two answers, wherever the path goes wrong.
  const TRAIL = '/sites/seutuopisto.sharepoint.com:/sites/trail:';

  test('one router serves mail and SharePoint in the same sandbox', async () => {
    expect((await t.graphFetch('/me/mailFolders/inbox')).status).toBe(200);
    const root = await t.graphJson<{ id: string; root?: unknown }>('/sites/root');
    expect(root.status).toBe(200);
    const byId = await t.graphJson<{ id: string }>(`/sites/${root.body.id}`);
    expect(byId.body.id).toBe(root.body.id);
    const trail = await t.graphJson<{ id: string; displayName: string }>(TRAIL);
    expect(trail.status).toBe(200);
    expect(trail.body.displayName).toBe('Trail');
    const lists = await t.graphJson<{ value: unknown[] }>(`${TRAIL}/lists`);
    expect(lists.status).toBe(200);
    expect(Array.isArray(lists.body.value)).toBe(true);
  });

  test.each([
    [`${TRAIL}/bogus`, 'bogus'],
    ['/sites/root/lists/Filings/bogus', 'bogus'],
    ['/sites/root/lists/Filings/items/7/fields/extra', 'extra'],
  ])('under a site the first unknown segment is named as under /me: %s', async (path, segment) => {
    const res = await t.graphJson<{ error: { code: string; message: string } }>(path);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'BadRequest', message: `Resource not found for the segment '${segment}'.` });
    expect(takeViolations(t)).toEqual([`GET /v1.0${path}`]);
  });

  test('under a site a known path with the wrong method is the same 405', async () => {
    const res = await t.graphJson<{ error: { code: string; message: string } }>(`${TRAIL}/lists`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.body.error).toMatchObject({ code: 'Request_BadRequest', message: 'Specified HTTP method is not allowed for the request target.' });
    expect(takeViolations(t)).toEqual([`DELETE /v1.0${TRAIL}/lists`]);
  });

  test('a version other than v1.0 is refused', async () => {
    const res = await fetch(`${t.sandbox.origin}/beta/me`, { headers: { Authorization: `Bearer ${t.token}` } });
    expect(res.status).toBe(400);
  });

  test('a body that is not JSON is a 400 with Graph message', async () => {
    const res = await t.graphJson<{ error: { message: string } }>('/me/mailFolders', { method: 'POST', body: '{nope', headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Unable to read JSON request payload/);
  });
});

describe('headers', () => {
  test('request-id is fresh per request and client-request-id is echoed', async () => {
    const a = await t.graphFetch('/me', { headers: { 'client-request-id': 'abc-123' } });
    const b = await t.graphFetch('/me');
    expect(a.headers.get('client-request-id')).toBe('abc-123');
    expect(a.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.headers.get('request-id')).not.toBe(a.headers.get('request-id'));
    expect(b.headers.get('client-request-id')).toBe(b.headers.get('request-id'));
  });

  test('JSON bodies carry Graph content type and OData version', async () => {
    const res = await t.graphFetch('/me');
    expect(res.headers.get('content-type')).toBe('application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8');
    expect(res.headers.get('odata-version')).toBe('4.0');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body['@odata.context']).toBe(`${t.graphUrl}/$metadata#users/$entity`);
  });
});

describe('CORS', () => {
  const origin = 'https://localhost:3000';

  test('a preflight is answered for the methods and headers asked for', async () => {
    const res = await fetch(`${t.graphUrl}/me/messages/x`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'PATCH', 'Access-Control-Request-Headers': 'authorization,content-type,prefer' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization,content-type,prefer');
  });

  test('responses expose the headers Graph exposes, Retry-After included', async () => {
    const res = await t.graphFetch('/me', { headers: { Origin: origin } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const exposed = (res.headers.get('access-control-expose-headers') ?? '').split(',').map((h) => h.trim());
    expect(exposed).toEqual(expect.arrayContaining(['ETag', 'Location', 'Preference-Applied', 'request-id', 'client-request-id', 'Retry-After']));
  });

  test('errors carry CORS headers too, so the browser can read them', async () => {
    const res = await t.graphFetch('/me', { headers: { Origin: origin }, token: null });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  test('the older Graph behaviour (Retry-After not exposed) can be switched on', async () => {
    const old = await startTestSandbox({ mailbox: fixtureMailbox, exposeRetryAfter: false });
    try {
      const res = await old.graphFetch('/me', { headers: { Origin: origin } });
      expect(res.headers.get('access-control-expose-headers')).not.toContain('Retry-After');
      expect(res.headers.get('access-control-expose-headers')).toContain('request-id');
    } finally {
      await old.close();
    }
  });
});

describe('control routes', () => {
  test('health, request log and clearing it over HTTP', async () => {
    await fetch(`${t.sandbox.origin}/_sandbox/requests`, { method: 'DELETE' });
    await t.graphFetch('/me?$select=displayName');
    const health = (await (await fetch(`${t.sandbox.origin}/_sandbox/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ status: 'ok', seed: 4242, modules: expect.arrayContaining(['mail']) });
    const log = (await (await fetch(`${t.sandbox.origin}/_sandbox/requests`)).json()) as { value: Array<Record<string, unknown>> };
    expect(log.value).toEqual([expect.objectContaining({ method: 'GET', url: '/v1.0/me?$select=displayName', status: 200 })]);
  });

  test('faults can be set and cleared over HTTP', async () => {
    const set = await fetch(`${t.sandbox.origin}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rules: [{ kind: '503', next: 1, pathPattern: '/me' }] }),
    });
    expect(set.status).toBe(200);
    expect((await t.graphFetch('/me')).status).toBe(503);
    expect((await t.graphFetch('/me')).status).toBe(200);
    await fetch(`${t.sandbox.origin}/_sandbox/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ rules: [{ kind: '503' }] }) });
    expect((await fetch(`${t.sandbox.origin}/_sandbox/faults`, { method: 'DELETE' })).status).toBe(204);
    expect((await t.graphFetch('/me')).status).toBe(200);
  });

  test('control routes need no token and are not under /v1.0', async () => {
    const res = await fetch(`${t.sandbox.origin}/_sandbox/violations`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ value: expect.any(Array) });
  });
});

expectNoContractViolations(() => t);
