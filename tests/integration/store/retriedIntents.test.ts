/**
 * A user's create or edit tried again after its answer was lost (issue 17): the creation id outlives
 * the pane (kept in its storage), so a reopened pane's retry finds the first row; and an edit retried
 * after its PATCH was applied brings the key rows in line, so an added address finds its person.
 */
import type { EntityRef } from '../../../src/domain/entities';
import type { Person } from '../../../src/domain/entities';
import { createFilingService } from '../../../src/services/filing/filingService';
import { CREATION_IDS_KEY } from '../../../src/services/storage/keys';
import { storePerFile } from '../helpers/store';

jest.setTimeout(30_000);
const s = storePerFile();

let serial = 0;
type ListName = 'people' | 'organisations' | 'projects' | 'keys';

async function rows(list: ListName, filter: string): Promise<Array<{ id: string; fields: Record<string, unknown> }>> {
  const answer = await s().t.graphJson<{ value: Array<{ id: string; fields: Record<string, unknown> }> }>(
    `/sites/${encodeURIComponent(s().location.siteId)}/lists/${s().location.lists[list]}/items?$filter=${encodeURIComponent(filter)}&$expand=fields&$top=500`,
    { headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } },
  );
  return answer.body.value;
}
const itemsPath = (list: ListName) => `${s().location.lists[list]}/items`;
const keysOf = (ref: EntityRef) => rows('keys', `fields/EntityKey eq '${ref.kind}:${ref.id}'`);

/** The pane's local storage, which outlives the pane. */
class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

describe('a create retried by a reopened pane after its answer was lost is one entity', () => {
  const kinds = [
    ['person', 'people', () => ({ name: `Suljettu Ruutu ${++serial}`, emails: [`suljettu${serial}@ruutu.fi`] })],
    ['organisation', 'organisations', () => ({ name: `Suljettu Oy ${++serial}`, domains: [`suljettu${serial}.fi`] })],
    ['project', 'projects', () => ({ name: `Suljettu hanke ${++serial}` })],
  ] as const;

  test.each(kinds)('a %s: one entity, with all its keys, and the creation id is forgotten once made', async (kind, list, input) => {
    const storage = new MemoryStorage();
    const pane = () => createFilingService({ store: s().store, graph: s().graph, self: s().t.user.userPrincipalName, storage });
    const create = (service: ReturnType<typeof pane>, wanted: Record<string, unknown>) =>
      kind === 'person' ? service.createPerson(wanted as never) : kind === 'organisation' ? service.createOrganisation(wanted as never) : service.createProject(wanted as never);
    const wanted = input();
    s().t.sandbox.control.setFaults({
      rules: [
        { kind: 'after503', method: 'POST', pathPattern: itemsPath(list), next: 1 },
        // After the create, the list cannot be read (the first read, before the create, passes): the user is told it failed.
        { kind: '503', method: 'GET', pathPattern: itemsPath(list), after: 1 },
      ],
    });
    await expect(create(pane(), wanted)).rejects.toBeDefined();
    s().t.sandbox.control.clearFaults();
    // The pane is closed and opened again; the user creates the same again.
    const again = await create(pane(), wanted);
    const made = await rows(list, `fields/Title eq '${wanted.name}'`);
    expect(made).toHaveLength(1);
    expect(again.entity.ref.id).toBe(made[0]!.id);
    const keys = (await keysOf(again.entity.ref)).map((row) => String(row.fields.Key));
    if (kind === 'person') expect(keys).toEqual(expect.arrayContaining([`email:${(wanted as unknown as { emails: string[] }).emails[0]}`]));
    if (kind === 'organisation') expect(keys).toEqual(expect.arrayContaining([`domain:${(wanted as unknown as { domains: string[] }).domains[0]}`]));
    expect(keys.length).toBeGreaterThan(0);
    expect(JSON.parse(storage.getItem(CREATION_IDS_KEY) ?? '{}')).toEqual({});
  });

  test('pending creation ids are bounded and expire', async () => {
    const old = new Date(Date.now() - 8 * 24 * 3600_000).toISOString();
    const pane = (storage: MemoryStorage) => createFilingService({ store: s().store, graph: s().graph, self: s().t.user.userPrincipalName, storage });
    const kept = (storage: MemoryStorage) => JSON.parse(storage.getItem(CREATION_IDS_KEY) ?? '{}') as Record<string, unknown>;
    s().t.sandbox.control.setFaults({ rules: [{ kind: '503', method: 'POST', pathPattern: itemsPath('projects') }] });

    const full = new MemoryStorage();
    full.setItem(CREATION_IDS_KEY, JSON.stringify(Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`intent${i}`, { id: `id${i}`, at: new Date().toISOString() }]))));
    await expect(pane(full).createProject({ name: `Rajattu ${++serial}` })).rejects.toBeDefined();
    expect(Object.keys(kept(full)).length).toBeLessThanOrEqual(100);
    expect(Object.keys(kept(full)).some((k) => k.includes(`Rajattu ${serial}`))).toBe(true);

    // An old one goes even when there is room.
    const small = new MemoryStorage();
    small.setItem(CREATION_IDS_KEY, JSON.stringify({ stale: { id: 'x', at: old }, fresh: { id: 'y', at: new Date().toISOString() } }));
    await expect(pane(small).createProject({ name: `Rajattu ${++serial}` })).rejects.toBeDefined();
    expect(kept(small).stale).toBeUndefined();
    expect(kept(small).fresh).toBeDefined();
  });
});

describe('an edit retried after its PATCH was applied and its answer lost', () => {
  test('the added address finds the person', async () => {
    const made = await s().store.createPerson({ name: `Lisätty Osoite ${++serial}`, emails: [`eka${serial}@osoite.fi`] });
    const added = `toka${serial}@osoite.fi`;
    const edit = async () => {
      const person = (await s().store.get(made.entity.ref)) as Person;
      return s().store.update(person, { notes: 'Lisätty osoite', emails: [...person.emails, added] });
    };
    s().t.sandbox.control.setFaults({ rules: [{ kind: 'after503', method: 'PATCH', pathPattern: `${itemsPath('people')}/${made.entity.ref.id}`, next: 10 }] });
    await expect(edit()).rejects.toBeDefined();
    s().t.sandbox.control.clearFaults();
    await edit();
    expect((await s().store.resolve([added])).people.get(added)?.ref).toEqual(made.entity.ref);
  });
});
