/**
 * Past the size the pane can hold, the index hands search to the server, decided before any download:
 * one $batch reads a few items by id at the cap (Graph gives no item count for a list). Round trips
 * and requests counted, never timed.
 */
import { bulkInsertItems } from '../../../dev/sandbox/sharepoint';
import { createEntityIndex, searchEntities } from '../../../src/record/entityIndex';
import { SiteLists } from '../../../src/record/listItems';
import { organisationFields, personFields } from '../../../src/record/mapping';
import { expectNoContractViolations } from '../helpers/sandbox';
import { startTestStore, type TestStore } from '../helpers/store';

jest.setTimeout(60_000);

let s: TestStore;
let lists: SiteLists;
const PEOPLE = 120;

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

const graphRequests = () => s.t.sandbox.control.requests().filter((r) => r.url.includes('/v1.0/'));

test('a record past the cap: too large after one round trip, no delta page read, the server searches', async () => {
  s.t.sandbox.control.clearRequests();
  const index = createEntityIndex(lists, { maxEntities: 100, pageSize: 10 });
  await index.refresh();
  expect(index.state).toBe('tooLarge');
  const requests = graphRequests();
  expect(requests.map((r) => r.url)).toEqual(['/v1.0/$batch']);
  expect(requests[0]!.inner!.every((inner) => inner.method === 'GET' && !inner.url.includes('/delta'))).toBe(true);
  const found = await searchEntities(index, (prefix, limit) => s.store.search(prefix, limit), 'henkilö 7', 5);
  expect(found.source).toBe('server');
});

test('a record under the cap: one round trip to know, then delta loads it all', async () => {
  s.t.sandbox.control.clearRequests();
  const index = createEntityIndex(lists, { maxEntities: 1_000, pageSize: 1_000 });
  await index.refresh();
  expect(index.state).toBe('warm');
  expect(graphRequests().map((r) => r.url.replace(/^\/v1\.0\/sites\/.*\/items\/delta.*$/, 'delta'))).toEqual(['/v1.0/$batch', 'delta', 'delta', 'delta']);
  expect(index.search('henkilö 7', 50)).toHaveLength(11); // 7, 70–79
});

test('lists each under the cap but past it together: the download stops at the cap, as before', async () => {
  bulkInsertItems(
    s.t.sandbox.control.context(),
    s.location.siteId,
    s.location.lists.organisations,
    Array.from({ length: 10 }, (_, i) => organisationFields({ name: `Yritys ${i} Oy`, domains: [`yritys${i}.fi`] })),
  );
  s.t.sandbox.control.clearRequests();
  const index = createEntityIndex(lists, { maxEntities: PEOPLE + 5, pageSize: 10 });
  await index.refresh();
  expect(index.state).toBe('tooLarge');
  expect(graphRequests()[0]!.url).toBe('/v1.0/$batch'); // the probe found no id at the cap
  expect(graphRequests().length).toBeGreaterThan(1);
});
