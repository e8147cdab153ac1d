/**
 * SharePoint's resource units (dev/sandbox/core/meter.ts, after sp-dev-docs
 * docs/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online.md): what each
 * kind of request costs, $batch counted request by request, the per-app budget answered with 429 and
 * Retry-After, recovery in the next minute, and Trail's Graph client waiting as Retry-After says.
 */
import { SandboxTokenSource } from '../../../src/auth/sandboxTokens';
import { createGraphClient } from '../../../src/graph/client';
import type { StoreLocation } from '../../../src/record/location';
import { applyProvisioning, planProvisioning } from '../../../src/record/provision';
import { resolveSite } from '../../../src/record/site';
import type { UsageReport } from '../../../dev/sandbox/core/meter';
import { TRAIL_SITE_URL } from '../helpers/store';
import { expectNoContractViolations, json, startTestSandbox, type TestSandbox } from '../helpers/sandbox';

/** The sandbox clock: real time plus an offset the tests move (tokens stay valid). */
let offsetMs = 0;
const clock = (): Date => new Date(Date.now() + offsetMs);
/** Moves the clock to `second` seconds into a fresh minute. */
function atSecond(second: number): void {
  const now = Date.now() + offsetMs;
  const nextMinute = Math.floor(now / 60_000) * 60_000 + 60_000;
  offsetMs += nextMinute + second * 1000 - now;
}

let t: TestSandbox;
let location: StoreLocation;
const waits: number[] = [];
/** Trail's client: its retry waits advance the sandbox clock instead of sleeping. */
let graph: ReturnType<typeof createGraphClient>;

beforeAll(async () => {
  t = await startTestSandbox({ now: clock });
  graph = createGraphClient({
    baseUrl: t.sandbox.origin,
    tokens: new SandboxTokenSource(t.sandbox.origin),
    retry: { sleep: async (ms) => void (waits.push(ms), (offsetMs += ms)) },
  });
  const site = await resolveSite(graph, TRAIL_SITE_URL);
  location = await applyProvisioning(graph, site.id, await planProvisioning(graph, site.id), () => undefined);
});
afterAll(() => t.close());
beforeEach(() => {
  t.sandbox.control.setRuBudget(null);
  t.sandbox.control.resetUsage();
  waits.length = 0;
});
expectNoContractViolations(() => t);

const usage = async (): Promise<UsageReport> => (await t.graphJson<UsageReport>(`${t.sandbox.origin}/_sandbox/usage`, { token: null })).body;
const items = () => `/sites/${location.siteId}/lists/${location.lists.people}/items`;

describe('what a request costs', () => {
  test('a single item is 1 RU, a collection 2, a write 2; mail is not SharePoint and costs no RU', async () => {
    const created = await t.graphJson<{ id: string }>(items(), json('POST', { fields: { Title: 'Ru Test' } }));
    expect(created.status).toBe(201);
    expect((await t.graphFetch(`${items()}/${created.body.id}?$expand=fields`)).status).toBe(200);
    expect((await t.graphFetch(`${items()}?$expand=fields&$top=5`)).status).toBe(200);
    expect((await t.graphFetch(`/sites/${location.siteId}`)).status).toBe(200);
    expect((await t.graphFetch('/me/mailFolders/inbox/messages?$top=1&$select=id')).status).toBe(200);
    const u = await usage();
    expect(u.byKind).toEqual({ write: { requests: 1, ru: 2 }, singleItem: { requests: 2, ru: 2 }, multiItem: { requests: 1, ru: 2 } });
    expect(u.totalRu).toBe(6);
    expect(u.requests).toBe(4);
    expect(u.exchangeRequests).toBe(1);
    expect(u.byRoute['GET /sites/{site}/lists/{list}/items']).toEqual({ requests: 1, ru: 2 });
    expect(u.byRoute['GET /sites/{site}/lists/{list}/items/{item}']).toEqual({ requests: 1, ru: 1 });
    expect(u.perMinute.reduce((sum, w) => sum + w.ru, 0)).toBe(6);
  });

  test('a delta without a token is 2 RU, each page after it (with a token) 1', async () => {
    const first = await t.graphJson<{ '@odata.nextLink'?: string; '@odata.deltaLink'?: string }>(`${items()}/delta?$top=1`);
    expect(first.status).toBe(200);
    const link = first.body['@odata.nextLink'] ?? first.body['@odata.deltaLink'];
    expect(link).toBeDefined();
    expect((await t.graphFetch(link!)).status).toBe(200);
    const u = await usage();
    expect(u.byKind).toEqual({ deltaWithoutToken: { requests: 1, ru: 2 }, deltaWithToken: { requests: 1, ru: 1 } });
  });

  test('each request inside a $batch counts on its own, and the $batch itself costs nothing', async () => {
    const res = await t.graphJson<{ responses: Array<{ status: number }> }>(
      '/$batch',
      json('POST', {
        requests: [
          { id: '1', method: 'GET', url: `${items()}?$top=1` },
          { id: '2', method: 'GET', url: `/sites/${location.siteId}/lists/${location.lists.people}` },
          { id: '3', method: 'GET', url: '/me?$select=id' },
        ],
      }),
    );
    expect(res.body.responses.map((r) => r.status)).toEqual([200, 200, 200]);
    const u = await usage();
    expect(u.byKind).toEqual({ multiItem: { requests: 1, ru: 2 }, singleItem: { requests: 1, ru: 1 } });
    expect(u.totalRu).toBe(3);
  });

  test('the count starts afresh on DELETE /_sandbox/usage', async () => {
    await t.graphFetch(`${items()}?$top=1`);
    expect((await usage()).totalRu).toBe(2);
    expect((await fetch(`${t.sandbox.origin}/_sandbox/usage`, { method: 'DELETE' })).status).toBe(204);
    expect((await usage()).totalRu).toBe(0);
  });
});

describe('the budget', () => {
  test('past the minute’s budget SharePoint answers 429 with Retry-After (to the next minute), and the minute after serves again', async () => {
    atSecond(40);
    const set = await fetch(`${t.sandbox.origin}/_sandbox/budget`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ruPerMinute: 4 }) });
    expect(await set.json()).toEqual({ ruPerMinute: 4 });
    expect((await t.graphFetch(`${items()}?$top=1`)).status).toBe(200);
    expect((await t.graphFetch(`${items()}?$top=1`)).status).toBe(200);
    const throttled = await t.graphJson<{ error: { code: string; message: string } }>(`${items()}?$top=1`);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('20');
    expect(throttled.body.error.code).toBe('activityLimitReached');
    // Mail is Exchange's, not SharePoint's budget.
    expect((await t.graphFetch('/me?$select=id')).status).toBe(200);
    atSecond(0);
    expect((await t.graphFetch(`${items()}?$top=1`)).status).toBe(200);
    const u = await usage();
    expect(u.throttled).toBe(1);
    expect(u.perMinute.map((w) => [w.ru, w.throttled])).toEqual([[6, 1], [2, 0]]);
  });

  test('inside a $batch each request is throttled on its own, with its own Retry-After', async () => {
    atSecond(30);
    t.sandbox.control.setRuBudget(3);
    const res = await t.graphJson<{ responses: Array<{ id: string; status: number; headers: Record<string, string>; body?: { error?: { code: string } } }> }>(
      '/$batch',
      json('POST', {
        requests: [
          { id: '1', method: 'GET', url: `${items()}?$top=1` },
          { id: '2', method: 'GET', url: `${items()}?$top=1`, dependsOn: ['1'] },
        ],
      }),
    );
    expect(res.status).toBe(200);
    const byId = new Map(res.body.responses.map((r) => [r.id, r]));
    expect(byId.get('1')!.status).toBe(200);
    expect(byId.get('2')!.status).toBe(429);
    expect(byId.get('2')!.headers['Retry-After'] ?? byId.get('2')!.headers['retry-after']).toBe('30');
    expect(byId.get('2')!.body?.error?.code).toBe('activityLimitReached');
  });

  test("Trail's Graph client waits as Retry-After says, then its retry is served", async () => {
    atSecond(50);
    t.sandbox.control.setRuBudget(2);
    await expect(graph.api(items()).top(1).get()).resolves.toBeDefined();
    // The budget is spent: the next read is throttled until the minute ends, 10 s later.
    await expect(graph.api(items()).top(1).get()).resolves.toBeDefined();
    expect(waits[0]).toBe(10_000);
    const u = await usage();
    expect(u.throttled).toBeGreaterThanOrEqual(1);
  });

  test('the control refuses a budget that is not a positive number', async () => {
    const res = await fetch(`${t.sandbox.origin}/_sandbox/budget`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ruPerMinute: 0 }) });
    expect(res.status).toBe(400);
    expect((await (await fetch(`${t.sandbox.origin}/_sandbox/budget`)).json())).toEqual({ ruPerMinute: null });
  });
});
