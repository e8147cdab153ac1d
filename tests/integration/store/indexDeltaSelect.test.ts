/**
 * The entity index asks list-item delta for the item id and its own columns only (`$select=id`,
 * `$expand=fields($select=...)`; listitem-delta.md says delta supports both), so each entity costs its
 * useful bytes, not ~0.9 KB of list-item metadata. Under `$select` a deleted item may come without the
 * `deleted` facet (the docs do not say; the sandbox takes that reading): the index still drops it.
 * Counts and bytes only, never timings.
 */
import { bulkInsertItems } from '../../../dev/sandbox/sharepoint';
import { createEntityIndex } from '../../../src/record/entityIndex';
import { deltaStartPath } from '../../../src/record/indexDelta';
import { SiteLists } from '../../../src/record/listItems';
import { personFields } from '../../../src/record/mapping';
import { expectNoContractViolations } from '../helpers/sandbox';
import { startTestStore, type TestStore } from '../helpers/store';

jest.setTimeout(60_000);

let s: TestStore;
let lists: SiteLists;
const PEOPLE = 200;

beforeAll(async () => {
  s = await startTestStore();
  lists = new SiteLists(s.graph, s.location);
  bulkInsertItems(
    s.t.sandbox.control.context(),
    s.location.siteId,
    s.location.lists.people,
    Array.from({ length: PEOPLE }, (_, i) => personFields({ name: `Henkilö ${i} Virtanen`, emails: [`henkilo${i}@kallio.fi`], organisationId: null })),
  );
});
afterAll(() => s?.t.close());
expectNoContractViolations(() => s?.t);

async function page(path: string): Promise<{ text: string; json: { value: Array<Record<string, unknown>>; '@odata.deltaLink'?: string } }> {
  const response = await s.t.graphFetch(path.replace(/^\/v1\.0/, ''));
  const text = await response.text();
  return { text, json: JSON.parse(text) as { value: Array<Record<string, unknown>>; '@odata.deltaLink'?: string } };
}

test("a delta page carries each item's id and the index's columns, nothing else", async () => {
  const { text, json } = await page(deltaStartPath(lists, 'people', 1000));
  expect(json.value).toHaveLength(PEOPLE);
  for (const item of json.value) {
    expect(Object.keys(item).filter((k) => !k.startsWith('@odata.')).sort()).toEqual(['fields', 'id']);
    for (const name of Object.keys(item.fields as object).filter((k) => !k.startsWith('@odata.'))) expect(['Title', 'Emails', 'OrganisationId', 'Roles']).toContain(name);
  }
  // The same page without $select: what every entity cost before.
  const whole = await page(`${lists.itemsPath('people')}/delta?$expand=fields($select=Title,Emails,OrganisationId)&$top=1000`);
  const perItem = text.length / PEOPLE;
  console.log(`delta bytes per person: ${perItem.toFixed(0)} with $select=id, ${(whole.text.length / PEOPLE).toFixed(0)} without; one item: ${JSON.stringify(json.value[0])}`);
  expect(perItem).toBeLessThan(300);
  expect(whole.text.length / PEOPLE).toBeGreaterThan(3 * perItem);
});

test('a person deleted after the first load leaves the index, though the deleted item comes as its id alone', async () => {
  const index = createEntityIndex(lists);
  await index.refresh();
  expect(index.personByAddress('henkilo7@kallio.fi')?.name).toBe('Henkilö 7 Virtanen');
  const gone = index.personByAddress('henkilo7@kallio.fi')!.ref.id;
  await s.graph.api(`${lists.itemsPath('people')}/${gone}`).delete();
  s.t.sandbox.control.clearRequests();
  await index.refresh();
  const round = s.t.sandbox.control.requests().filter((r) => r.url.includes('/v1.0/'));
  expect(round).toHaveLength(1); // the three lists' next rounds in one $batch
  expect(index.personByAddress('henkilo7@kallio.fi')).toBeUndefined();
  expect(index.personByAddress('henkilo8@kallio.fi')?.name).toBe('Henkilö 8 Virtanen');
});
