/** Provisioning against the sandbox over HTTP: idempotent, repairs what is missing, never changes data it did not make. */
import type { Client } from '@microsoft/microsoft-graph-client';
import { main as provisionCli } from '../../../dev/provision';
import { SandboxTokenSource } from '../../../src/auth/sandboxTokens';
import { createGraphClient } from '../../../src/graph/client';
import { applyProvisioning, planIsEmpty, planProvisioning } from '../../../src/store/provision';
import { LIST_NAMES, LISTS } from '../../../src/store/schema';
import { NotASiteUrlError, resolveSite, SiteNotFoundError } from '../../../src/store/site';
import { expectNoContractViolations, json, startTestSandbox, type TestSandbox } from '../helpers/sandbox';
import { TRAIL_SITE_URL } from '../helpers/store';

let t: TestSandbox;
let graph: Client;
let siteId: string;
beforeEach(async () => {
  t = await startTestSandbox();
  graph = createGraphClient({ baseUrl: t.sandbox.origin, tokens: new SandboxTokenSource(t.sandbox.origin), retry: { sleep: async () => undefined } });
  siteId = (await resolveSite(graph, TRAIL_SITE_URL)).id;
});
afterEach(() => t.close());
expectNoContractViolations(() => t);

const writes = () => t.sandbox.control.requests().filter((r) => r.url.includes('/v1.0/') && r.method !== 'GET' && !(r.inner ?? []).every((i) => i.method === 'GET'));
const provision = async () => applyProvisioning(graph, siteId, await planProvisioning(graph, siteId), () => undefined);

interface Column {
  id: string;
  name: string;
  indexed: boolean;
  enforceUniqueValues: boolean;
  text?: { allowMultipleLines: boolean };
  dateTime?: object;
  choice?: { choices: string[] };
}
const columnsOf = async (listId: string): Promise<Column[]> => (await t.graphJson<{ value: Column[] }>(`/sites/${siteId}/lists/${listId}/columns`)).body.value;

test('a fresh site gets every list with its columns, types, indexes and unique keys', async () => {
  const progress: string[] = [];
  const location = await applyProvisioning(graph, siteId, await planProvisioning(graph, siteId), (p) => progress.push(`${p.done}/${p.total}`));
  expect(progress.at(-1)).toBe(`${LIST_NAMES.length}/${LIST_NAMES.length}`);
  for (const name of LIST_NAMES) {
    const columns = await columnsOf(location.lists[name]);
    for (const spec of LISTS[name].columns) {
      const column = columns.find((c) => c.name === spec.name)!;
      expect({ list: name, name: column.name, indexed: column.indexed, unique: column.enforceUniqueValues }).toEqual({
        list: name,
        name: spec.name,
        indexed: 'indexed' in spec ? spec.indexed : false,
        unique: 'unique' in spec ? spec.unique : false,
      });
    }
  }
  const filings = await columnsOf(location.lists.filings);
  expect(filings.find((c) => c.name === 'WebLink')?.text?.allowMultipleLines).toBe(true);
  expect(filings.find((c) => c.name === 'ItemDate')?.dateTime).toBeDefined();
});

test('running it twice changes nothing', async () => {
  const first = await provision();
  t.sandbox.control.clearRequests();
  const plan = await planProvisioning(graph, siteId);
  expect(planIsEmpty(plan)).toBe(true);
  expect(await applyProvisioning(graph, siteId, plan, () => undefined)).toEqual(first);
  expect(writes()).toEqual([]);
});

test('a missing column is added and a missing index is set', async () => {
  const location = await provision();
  const people = await columnsOf(location.lists.people);
  const phone = people.find((c) => c.name === 'Phone')!;
  expect((await t.graphFetch(`/sites/${siteId}/lists/${location.lists.people}/columns/${phone.id}`, { method: 'DELETE' })).status).toBe(204);
  const filingKey = (await columnsOf(location.lists.filings)).find((c) => c.name === 'EntityKey')!;
  await t.graphJson(`/sites/${siteId}/lists/${location.lists.filings}/columns/${filingKey.id}`, json('PATCH', { indexed: false }));

  const plan = await planProvisioning(graph, siteId);
  expect(plan.lists.find((l) => l.list === 'people')?.addColumns).toEqual(['Phone']);
  expect(plan.lists.find((l) => l.list === 'filings')?.indexColumns.map((c) => c.name)).toEqual(['EntityKey']);
  await applyProvisioning(graph, siteId, plan, () => undefined);
  expect(planIsEmpty(await planProvisioning(graph, siteId))).toBe(true);
});

test('a column of the wrong type is reported and left alone', async () => {
  const created = await t.graphJson<{ id: string }>(
    `/sites/${siteId}/lists`,
    json('POST', { displayName: 'Trail Notes', columns: [{ name: 'Body', number: {} }], list: { template: 'genericList' } }),
  );
  const plan = await planProvisioning(graph, siteId);
  expect(plan.lists.find((l) => l.list === 'notes')?.conflicts).toEqual([{ name: 'Body', expected: 'note', found: 'number' }]);
  await applyProvisioning(graph, siteId, plan, () => undefined);
  expect((await columnsOf(created.body.id)).find((c) => c.name === 'Body')).toMatchObject({ name: 'Body' });
  expect((await columnsOf(created.body.id)).find((c) => c.name === 'Body')?.text).toBeUndefined();
});

test('two administrators provisioning at once leave one of each list', async () => {
  const [planA, planB] = await Promise.all([planProvisioning(graph, siteId), planProvisioning(graph, siteId)]);
  const [a, b] = await Promise.all([applyProvisioning(graph, siteId, planA, () => undefined), applyProvisioning(graph, siteId, planB, () => undefined)]);
  expect(a).toEqual(b);
  const lists = (await t.graphJson<{ value: Array<{ displayName: string }> }>(`/sites/${siteId}/lists?$select=displayName`)).body.value;
  for (const name of LIST_NAMES) expect(lists.filter((l) => l.displayName === LISTS[name].displayName)).toHaveLength(1);
  expect(planIsEmpty(await planProvisioning(graph, siteId))).toBe(true);
});

test('a site URL that is not one, or a site that does not exist, is a typed error', async () => {
  await expect(resolveSite(graph, 'not a url')).rejects.toBeInstanceOf(NotASiteUrlError);
  await expect(resolveSite(graph, 'http://seutuopisto.sharepoint.com/sites/trail')).rejects.toBeInstanceOf(NotASiteUrlError);
  await expect(resolveSite(graph, 'https://seutuopisto.sharepoint.com/sites/nothing-here')).rejects.toBeInstanceOf(SiteNotFoundError);
});

test('the command line plans, applies, and on a second run finds nothing to do', async () => {
  const lines: string[] = [];
  expect(await provisionCli(['--site', TRAIL_SITE_URL, '--graph', t.sandbox.origin, '--dry-run'], (l) => lines.push(l))).toBe(0);
  expect(lines).toContain('  Trail Filings: create');
  expect(lines.at(-1)).toBe('Dry run: nothing changed.');
  expect(await provisionCli(['--site', TRAIL_SITE_URL, '--graph', t.sandbox.origin], () => undefined)).toBe(0);
  lines.length = 0;
  expect(await provisionCli(['--site', TRAIL_SITE_URL, '--graph', t.sandbox.origin], (l) => lines.push(l))).toBe(0);
  expect(lines).toContain('Nothing to do: every list, column and index is in place.');
});
