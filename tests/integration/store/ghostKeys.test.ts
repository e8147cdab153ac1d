/**
 * Issue 17, defect 1 (ghost entity): a key row whose entity is gone (a removal stopped half way) must
 * not resolve an address or domain, or mail would be filed to an entity that does not exist.
 */
import { expectNoContractViolations } from '../helpers/sandbox';
import { startTestStore, type TestStore } from '../helpers/store';

jest.setTimeout(30_000);
let s: TestStore;
beforeAll(async () => {
  s = await startTestStore();
});
afterAll(() => s.t.close());
afterEach(() => s.t.sandbox.control.clearFaults());
expectNoContractViolations(() => s?.t);

/** Deletes an entity's own row around Trail, leaving its key rows: what a half-done removal leaves. */
async function deleteRowOnly(list: 'people' | 'organisations', id: string): Promise<void> {
  const answer = await s.t.graphJson(`/sites/${encodeURIComponent(s.location.siteId)}/lists/${s.location.lists[list]}/items/${id}`, { method: 'DELETE' });
  expect(answer.status).toBe(204);
}

test('an address or domain whose key row points at a deleted entity resolves to nothing; a live one still resolves', async () => {
  const ghost = await s.store.createPerson({ name: 'Haamu Henkilö', emails: ['haamu@kummitus.fi'] });
  const gone = await s.store.createOrganisation({ name: 'Kummitus Oy', domains: ['kummitus.fi'] });
  const live = await s.store.createPerson({ name: 'Elävä Ihminen', emails: ['elava@kummitus.fi'] });
  await deleteRowOnly('people', ghost.entity.ref.id);
  await deleteRowOnly('organisations', gone.entity.ref.id);

  const matches = await s.store.resolve(['haamu@kummitus.fi', 'elava@kummitus.fi'], ['kummitus.fi']);
  expect(matches.people.get('haamu@kummitus.fi')).toBeUndefined();
  expect(matches.organisations.get('kummitus.fi')).toBeUndefined();
  expect(matches.people.get('elava@kummitus.fi')?.ref).toEqual(live.entity.ref);
});
