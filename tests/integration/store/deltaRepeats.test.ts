/**
 * The entity index where a delta round lists an item more than once ("The same item might appear
 * more than once in a delta feed … use the last occurrence you see", listItem: delta): the sandbox's
 * 'repeated' reading with pages of 2, so every page after the first repeats an entry.
 */
import { PESSIMISTIC } from '../../../dev/sandbox/sharepoint';
import { createEntityIndex } from '../../../src/record/entityIndex';
import { SiteLists } from '../../../src/record/listItems';
import { expectNoContractViolations } from '../helpers/sandbox';
import { startTestStore, type TestStore } from '../helpers/store';

let s: TestStore;
beforeAll(async () => {
  s = await startTestStore({ sharepoint: { ...PESSIMISTIC, deltaEntries: 'repeated' } });
});
afterAll(() => s.t.close());
expectNoContractViolations(() => s?.t);

test('an item listed twice in a delta round is indexed once, as last seen, and changes and removals still arrive', async () => {
  const people = [];
  for (const n of [1, 2, 3, 4, 5]) {
    const outcome = await s.store.createPerson({ name: `Toisto Henkilö ${n}`, emails: [`toisto${n}@example.fi`] });
    if (outcome.status !== 'created') throw new Error('already there');
    people.push(outcome.entity);
  }
  const index = createEntityIndex(new SiteLists(s.graph, s.location), { pageSize: 2 });
  await index.refresh();
  expect(index.search('toisto', 10).map((e) => e.name).sort()).toEqual(people.map((p) => p.name).sort());

  await s.store.update(people[1]!, { name: 'Toisto Uusi Nimi' });
  await s.store.erasePerson(people[3]!.ref);
  for (const n of [6, 7]) await s.store.createPerson({ name: `Toisto Henkilö ${n}`, emails: [`toisto${n}@example.fi`] });
  await index.refresh();
  const names = index.search('toisto', 10).map((e) => e.name).sort();
  expect(names).toEqual(['Toisto Henkilö 1', 'Toisto Henkilö 3', 'Toisto Henkilö 5', 'Toisto Henkilö 6', 'Toisto Henkilö 7', 'Toisto Uusi Nimi'].sort());
  expect(index.personByAddress('toisto4@example.fi')).toBeUndefined();
});
