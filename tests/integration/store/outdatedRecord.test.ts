/**
 * A newer Trail on a record set up by an older one: the lists lack a column this version writes (OwnerId
 * on Projects came with projects' owners). Locating the record says so, with what an administrator does, instead of
 * every project save failing later; and a location remembered by an older version is checked again once.
 */
import { applyProvisioning, planProvisioning } from '../../../src/record/provision';
import { locateStore, StoreOutdatedError } from '../../../src/record/locate';
import { recordSetUpProblem } from '../../../src/services/filingRuntime';
import { storeLocationKey } from '../../../src/services/storage/keys';
import { storePerFile } from '../helpers/store';
import { TRAIL_SITE_URL } from '../helpers/store';

const current = storePerFile();

class MemoryStorage {
  readonly map = new Map<string, string>();
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => void this.map.set(k, v);
}

async function dropColumn(list: string, name: string) {
  const { t, location } = current();
  const columns = (await t.graphJson<{ value: Array<{ id: string; name: string }> }>(`/sites/${location.siteId}/lists/${list}/columns`)).body.value;
  const column = columns.find((c) => c.name === name)!;
  expect((await t.graphFetch(`/sites/${location.siteId}/lists/${list}/columns/${column.id}`, { method: 'DELETE' })).status).toBe(204);
}

const provisionAgain = async () => {
  const { graph, location } = current();
  await applyProvisioning(graph, location.siteId, await planProvisioning(graph, location.siteId), () => undefined);
};

test('lists from an older version: locating says the record needs its setup run again, naming the columns', async () => {
  const { graph, location } = current();
  await dropColumn(location.lists.projects, 'OwnerId');
  try {
    const error = await locateStore(graph, TRAIL_SITE_URL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreOutdatedError);
    expect((error as StoreOutdatedError).columns).toEqual(['Trail Projects: OwnerId']);
    expect(recordSetUpProblem(error)).toBe('outdated');
  } finally {
    await provisionAgain();
  }
  expect(await locateStore(graph, TRAIL_SITE_URL)).toEqual(location);
});

test('a location an older version remembered is looked up again once, then remembered with no round trip', async () => {
  const { graph, location, t } = current();
  const memory = new MemoryStorage();
  const remembered = { storage: memory, key: storeLocationKey(TRAIL_SITE_URL) };
  // What an older Trail wrote: the location alone, from before this version's columns.
  memory.setItem(remembered.key, JSON.stringify(location));
  await dropColumn(location.lists.projects, 'OwnerId');
  try {
    await expect(locateStore(graph, TRAIL_SITE_URL, remembered)).rejects.toBeInstanceOf(StoreOutdatedError);
  } finally {
    await provisionAgain();
  }
  expect(await locateStore(graph, TRAIL_SITE_URL, remembered)).toEqual(location);
  t.sandbox.control.clearRequests();
  expect(await locateStore(graph, TRAIL_SITE_URL, remembered)).toEqual(location);
  expect(t.sandbox.control.requests().filter((r) => r.url.includes('/v1.0/'))).toEqual([]);
});
