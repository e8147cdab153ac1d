/**
 * Item identities against the sandbox: what Office hands out (REST ids once converted) becomes the
 * item's immutable id in one translateExchangeIds call per selection, is shared by later askers, and
 * translates back to the REST id the item has now, after a move.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { SHARED_MAILBOX_ADDRESS } from '../../../dev/sandbox/seed';
import { SandboxTokenSource } from '../../../src/auth/sandboxTokens';
import { createGraphClient } from '../../../src/graph/client';
import { translateExchangeIds } from '../../../src/graph/exchangeIds';
import { createItemIdentities } from '../../../src/services/itemIdentities';
import { expectNoContractViolations, startTestSandbox, type TestSandbox } from '../helpers/sandbox';

let t: TestSandbox;
let graph: Client;
beforeAll(async () => {
  t = await startTestSandbox();
  graph = createGraphClient({ baseUrl: t.sandbox.origin, tokens: new SandboxTokenSource(t.sandbox.origin), retry: { sleep: async () => undefined } });
});
afterAll(() => t.close());
expectNoContractViolations(() => t);

const IMMUTABLE = { Prefer: 'IdType="ImmutableId"' };
const calls = () => t.sandbox.control.requests().map((r) => `${r.method} ${new URL(r.url, 'https://x').pathname}`);

/** A folder's first messages by their REST ids, with their immutable ids, as Graph has them now. */
async function messages(base: string, count: number): Promise<Array<{ restId: string; immutableId: string }>> {
  const rest = (await t.graphJson<{ value: Array<{ id: string }> }>(`${base}/mailFolders/inbox/messages?$top=${count}&$select=id`)).body.value.map((m) => m.id);
  return Promise.all(
    rest.map(async (restId) => ({ restId, immutableId: (await t.graphJson<{ id: string }>(`${base}/messages/${encodeURIComponent(restId)}?$select=id`, { headers: IMMUTABLE })).body.id })),
  );
}

test('a selection is translated in one call; asked again, from memory; one Graph cannot translate is left out', async () => {
  const identities = createItemIdentities(graph);
  const selected = await messages('/me', 3);
  t.sandbox.control.clearRequests();
  const found = await identities.ofAll(null, [...selected.map((m) => m.restId), 'AAMkADgone0000000000000000000000000000=']);
  expect(calls()).toEqual(['POST /v1.0/me/translateExchangeIds']);
  expect([...found.values()]).toEqual(selected.map((m) => ({ mailbox: null, immutableId: m.immutableId })));

  t.sandbox.control.clearRequests();
  expect(await identities.of({ mailbox: null, id: selected[1]!.restId })).toEqual({ mailbox: null, immutableId: selected[1]!.immutableId });
  expect(calls()).toEqual([]);
  await expect(identities.of({ mailbox: null, id: 'AAMkADgone0000000000000000000000000000=' })).rejects.toMatchObject({ status: 404, code: 'ErrorItemNotFound' });
});

test('a shared mailbox is asked at /users/{mailbox}; its ids mean nothing in the own mailbox', async () => {
  const identities = createItemIdentities(graph);
  const base = `/users/${encodeURIComponent(SHARED_MAILBOX_ADDRESS)}`;
  const [m] = await messages(base, 1);
  t.sandbox.control.clearRequests();
  expect(await identities.of({ mailbox: SHARED_MAILBOX_ADDRESS, id: m!.restId })).toEqual({ mailbox: SHARED_MAILBOX_ADDRESS, immutableId: m!.immutableId });
  expect(calls()).toEqual([`POST /v1.0/users/${encodeURIComponent(SHARED_MAILBOX_ADDRESS)}/translateExchangeIds`]);
  await expect(identities.of({ mailbox: null, id: m!.restId })).rejects.toMatchObject({ status: 404 });
});

test('back from the immutable id to the REST id the item has after a move', async () => {
  const identities = createItemIdentities(graph);
  const [m] = await messages('/me', 1);
  const identity = await identities.of({ mailbox: null, id: m!.restId });
  const moved = await t.graphJson<{ id: string }>(`/me/messages/${encodeURIComponent(m!.restId)}/move`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ destinationId: 'archive' }),
  });
  expect(moved.status).toBe(201);
  expect(moved.body.id).not.toBe(m!.restId);
  expect(await identities.restIdOf(identity)).toBe(moved.body.id);
});

test('more than 1000 ids take one call per 1000', async () => {
  const [m] = await messages('/me', 1);
  const ids = [m!.restId, ...Array.from({ length: 1000 }, (_, i) => `AAMkADnone${String(i).padStart(30, '0')}=`)];
  t.sandbox.control.clearRequests();
  const found = await translateExchangeIds(graph, null, ids, 'restId', 'restImmutableEntryId');
  expect(calls()).toEqual(['POST /v1.0/me/translateExchangeIds', 'POST /v1.0/me/translateExchangeIds']);
  expect([...found.keys()]).toEqual([m!.restId]);
});
