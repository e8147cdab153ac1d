/**
 * The first timeline page of a person with more filings than the list view threshold, counted in
 * requests (never timed), on a list SharePoint walks in many stretches of ids. The sandbox's
 * pessimistic reading (dev/sandbox/sharepoint/README.md, `filteredPaging: 'windowed'`) answers a
 * filtered query a stretch of `scanWindow` ids per page, so every filtered query walks the whole list:
 * with a stretch of 500 ids, this 5,230-row list takes 11 pages, as a 50,000-row list does at 5,000.
 * Each date window is such a query; walked side by side in one $batch a round, the windows cost about
 * one walk, not one walk each (issue 18: history of an entity with 50,000 filings).
 */
import { bulkInsertItems } from '../../../dev/sandbox/sharepoint';
import type { EntitySummary } from '../../../src/domain/entities';
import type { FiledItem } from '../../../src/domain/itemKeys';
import { filingFields } from '../../../src/record/mapping';
import { expectNoContractViolations } from '../helpers/sandbox';
import { startTestStore, type TestStore } from '../helpers/store';

jest.setTimeout(120_000);

const BIG = 5_200;
const SMALL = 30;
const FILER = { name: 'Aino Laine', upn: 'aino.laine@seutuopisto.fi' };
const START = Date.UTC(2021, 0, 1);
const HOUR = 3_600_000;

let s: TestStore;
let big: EntitySummary;
let small: EntitySummary;
let bigDates: string[];
/** What the small person's first page cost, in requests. */
let smallCost = 0;

function item(i: number, prefix: string): FiledItem {
  return {
    kind: 'message',
    immutableId: `AAMk${prefix}${i}=`,
    internetMessageId: `<${prefix}${i}@example.fi>`,
    conversationId: `conv-${prefix}-${i}`,
    subject: `${prefix} ${i}`,
    from: { name: 'Someone', address: 'someone@example.fi' },
    // Every 3 hours from 2021: 5,200 filings in 2021-2022, each year under 5,000.
    date: new Date(START + i * 3 * HOUR).toISOString().replace('.000Z', 'Z'),
  };
}

const graphRequests = () => s.t.sandbox.control.requests().filter((r) => r.url.includes('/v1.0/'));

beforeAll(async () => {
  s = await startTestStore({ sharepoint: { scanWindow: 500 } });
  const made = await Promise.all([
    s.store.createPerson({ name: 'Iso Asiakas', emails: ['iso.asiakas@example.fi'] }),
    s.store.createPerson({ name: 'Pieni Asiakas', emails: ['pieni.asiakas@example.fi'] }),
  ]);
  [big, small] = made.map((m) => {
    if (m.status !== 'created') throw new Error('setup: person not created');
    return { ref: m.entity.ref, name: m.entity.name, detail: '' };
  }) as [EntitySummary, EntitySummary];
  const rows = [
    ...Array.from({ length: BIG }, (_, i) => filingFields(item(i, 'big'), big, FILER, '')),
    ...Array.from({ length: SMALL }, (_, i) => filingFields(item(i, 'small'), small, FILER, '')),
  ];
  bulkInsertItems(s.t.sandbox.control.context(), s.location.siteId, s.location.lists.filings, rows);
  bigDates = Array.from({ length: BIG }, (_, i) => item(i, 'big').date).reverse();
});
afterAll(() => s.t.close());
expectNoContractViolations(() => s?.t);

test("a small person's first page walks the list once: one $batch and the rest of the walk", async () => {
  s.t.sandbox.control.clearRequests();
  expect((await s.store.history([small.ref], 10)).filings).toHaveLength(10);
  smallCost = graphRequests().length;
  expect(smallCost).toBe(11);
});

test("a big person's first page, newest first, costs one walk of the list and the refused query", async () => {
  s.t.sandbox.control.clearRequests();
  const page = await s.store.history([big.ref], 10);
  expect(page.filings.map((f) => f.item.date)).toEqual(bigDates.slice(0, 10));
  // The query on EntityKey alone, refused past 5,000 rows (1); then the date windows around today,
  // asked in one $batch and walked side by side, one $batch a stretch (11). Was 23 with the windows
  // walked one after another, each following its own nextLinks.
  expect(graphRequests().length).toBeLessThanOrEqual(smallCost + 1);
  expect(s.waits).toEqual([]);
});

test("a big person's page opened again costs no more than a small person's: the refused query is not asked again", async () => {
  s.t.sandbox.control.clearRequests();
  const page = await s.store.history([big.ref], 10);
  expect(page.filings.map((f) => f.item.date)).toEqual(bigDates.slice(0, 10));
  expect(graphRequests().length).toBeLessThanOrEqual(smallCost);
  expect(s.waits).toEqual([]);
});

test("a big person's next page and whole timeline come newest first", async () => {
  const page = await s.store.history([big.ref], 10);
  const second = await s.store.filingsOfEntity(big.ref, { pageSize: 10, next: page.next[`person:${big.ref.id}`]! });
  expect(second.items.map((f) => f.item.date)).toEqual(bigDates.slice(10, 20));
  const all = await s.store.filingsOfEntity(big.ref, { pageSize: BIG + 10 });
  expect(all.items.map((f) => f.item.date)).toEqual(bigDates);
});
