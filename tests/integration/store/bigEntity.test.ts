/**
 * One person with more filings than SharePoint's list view threshold (5,000): a query on EntityKey
 * alone is refused (429) once it would return more than 5,000 rows, so the timeline, export, erasure
 * and merge read through indexed date windows instead (issue 17, defect 7). Short server searches
 * that SharePoint refuses for the same reason say so instead of answering "no results".
 * The rows are bulk-loaded, exactly as the store itself writes them (mapping.ts).
 */
import { bulkInsertItems } from '../../../dev/sandbox/sharepoint';
import type { EntitySummary } from '../../../src/domain/entities';
import type { FiledItem } from '../../../src/domain/itemKeys';
import { filingFields, keyRows } from '../../../src/record/mapping';
import { fillEntityMonths } from '../../../src/record/entityWindows';
import { SiteLists } from '../../../src/record/listItems';
import { runBatch } from '../../../src/graph/batch';
import { isSearchTooBroad } from '../../../src/record/lookups';
import { expectNoContractViolations } from '../helpers/sandbox';
import { startTestStore, type TestStore } from '../helpers/store';

jest.setTimeout(120_000);

const BIG = 5_200;
const SMALL = 30;
const FILER = { name: 'Aino Laine', upn: 'aino.laine@seutuopisto.fi' };
const START = Date.UTC(2024, 0, 1);
const HOUR = 3_600_000;

let s: TestStore;
let big: EntitySummary;
let small: EntitySummary;
let other: EntitySummary;
/** Dates of the big person's filings, newest first. */
let bigDates: string[];

/** The audit rows about one entity: [action, details]. */
async function audited(ref: EntitySummary['ref']): Promise<Array<[string, Record<string, unknown>]>> {
  const rows = (await s.graph.api(`/sites/${s.location.siteId}/lists/${s.location.lists.audit}/items?$expand=fields($select=Title,SubjectKey,Details)`).get()) as {
    value: Array<{ fields: { Title: string; SubjectKey: string; Details: string } }>;
  };
  return rows.value.filter((row) => row.fields.SubjectKey === `person:${ref.id}`).map((row) => [row.fields.Title, JSON.parse(row.fields.Details) as Record<string, unknown>]);
}

const graphRequests = () => s.t.sandbox.control.requests().filter((r) => r.url.includes('/v1.0/'));

function item(i: number, prefix: string): FiledItem {
  return {
    kind: 'message',
    immutableId: `AAMk${prefix}${i}=`,
    internetMessageId: `<${prefix}${i}@example.fi>`,
    conversationId: `conv-${prefix}-${i}`,
    subject: `${prefix} ${i}`,
    from: { name: 'Someone', address: 'someone@example.fi' },
    // Every 5 hours: 5,200 filings run over three calendar years, each year under 5,000.
    date: new Date(START + i * 5 * HOUR).toISOString().replace('.000Z', 'Z'),
  };
}

beforeAll(async () => {
  s = await startTestStore();
  const made = await Promise.all([
    s.store.createPerson({ name: 'Iso Asiakas', emails: ['iso.asiakas@example.fi'] }),
    s.store.createPerson({ name: 'Pieni Asiakas', emails: ['pieni.asiakas@example.fi'] }),
    s.store.createPerson({ name: 'Toinen Asiakas', emails: ['toinen.asiakas@example.fi'] }),
  ]);
  [big, small, other] = made.map((m) => {
    if (m.status !== 'created') throw new Error('setup: person not created');
    return { ref: m.entity.ref, name: m.entity.name, detail: '' };
  }) as [EntitySummary, EntitySummary, EntitySummary];
  const ctx = s.t.sandbox.control.context();
  const rows = [
    ...Array.from({ length: BIG }, (_, i) => filingFields(item(i, 'big'), big, FILER, '')),
    ...Array.from({ length: SMALL }, (_, i) => filingFields(item(i, 'small'), small, FILER, '')),
  ];
  bulkInsertItems(ctx, s.location.siteId, s.location.lists.filings, rows);
  bigDates = Array.from({ length: BIG }, (_, i) => item(i, 'big').date).reverse();
  // 6,000 people whose names start with "anna": the key prefix "name:a" is past the threshold.
  const keys = Array.from({ length: 6_000 }, (_, i) => keyRows({ kind: 'person', id: String(10_000 + i) }, `Anna Testaaja${i}`, [], [])).flat();
  bulkInsertItems(ctx, s.location.siteId, s.location.lists.keys, keys as unknown as Record<string, unknown>[]);
});
afterAll(() => s.t.close());
expectNoContractViolations(() => s?.t);

test("a big person's timeline comes newest first and pages on", async () => {
  const page = await s.store.history([big.ref], 10);
  expect(page.filings.map((f) => f.item.date)).toEqual(bigDates.slice(0, 10));
  const next = page.next[`person:${big.ref.id}`];
  expect(next).toBeTruthy();
  const second = await s.store.filingsOfEntity(big.ref, { pageSize: 10, next: next! });
  expect(second.items.map((f) => f.item.date)).toEqual(bigDates.slice(10, 20));
});

test("a small person's first timeline page costs what it did: one $batch and the pages SharePoint walks", async () => {
  s.t.sandbox.control.clearRequests();
  const page = await s.store.history([small.ref], 10);
  expect(page.filings).toHaveLength(10);
  // Measured before windows were added: the list holds 5,230 filings, so the filtered query walks two
  // windows of 5,000 ids (the pessimistic reading): the $batch answers the first, one nextLink the second.
  expect(graphRequests()).toHaveLength(2);
});

test("a big person's first timeline page stays within a fixed number of requests", async () => {
  s.t.sandbox.control.clearRequests();
  await s.store.history([big.ref], 10);
  // Counted, not timed: the refused EntityKey query (1); the century windows '20' (refused), '19' and
  // the undated ones, each query walking two windows of 5,000 ids (1 + 2); the decades '209'…'200',
  // '202' refused (1 + 9); the years '2029'…'2020' (1 + 10), whose newest, 2026, holds the page.
  expect(graphRequests().length).toBeLessThanOrEqual(25);
  expect(s.waits).toEqual([]);
});

test("a big person's export holds every filing, and is audited", async () => {
  const exported = await s.store.exportPerson(big.ref);
  expect(exported.filings).toHaveLength(BIG);
  expect(new Set(exported.filings.map((f) => f.id)).size).toBe(BIG);
  expect(await audited(big.ref)).toEqual([['export', expect.objectContaining({ filings: BIG })]]);
});

test("a big person merges into another with every filing, and the kept person's timeline shows them", async () => {
  const moved = await s.store.merge(big.ref, other.ref);
  expect(moved.filingsMoved).toBe(BIG);
  const page = await s.store.history([other.ref], 10);
  expect(page.filings.map((f) => f.item.date)).toEqual(bigDates.slice(0, 10));
  expect(page.filings.every((f) => f.entity.id === other.ref.id)).toBe(true);
  const exported = await s.store.exportPerson(other.ref);
  expect(exported.filings).toHaveLength(BIG);
  expect((await audited(other.ref)).map(([action]) => action)).toEqual(['merge', 'export']);
});

test('a person with more filings than the threshold can be erased, every filing with them', async () => {
  const erased = await s.store.erasePerson(other.ref);
  expect(erased.filings).toBe(BIG);
  expect((await audited(other.ref)).map(([action]) => action)).toEqual(['merge', 'export', 'erase']);
  expect((await s.store.history([other.ref], 10)).filings).toEqual([]);
  expect((await s.store.history([small.ref], 40)).filings).toHaveLength(SMALL);
});

test('a search SharePoint refuses as too broad says so, without waiting on retries', async () => {
  s.waits.length = 0;
  const refused = await s.store.search('a', 10).then(
    () => null,
    (error: unknown) => error,
  );
  expect(isSearchTooBroad(refused)).toBe(true);
  expect(s.waits).toEqual([]);
  // A longer prefix is within the threshold and answers.
  expect(await s.store.search('testaaja12', 10)).not.toHaveLength(0);
});

test('filings written before EntityMonth existed are given it, and then a big timeline finds them', async () => {
  const made = await s.store.createPerson({ name: 'Vanha Asiakas', emails: ['vanha.asiakas@example.fi'] });
  const old: EntitySummary = { ref: made.entity.ref, name: made.entity.name, detail: '' };
  const rows = Array.from({ length: BIG }, (_, i) => {
    const { EntityMonth: _month, ...fields } = filingFields(item(i, 'old'), old, FILER, '');
    return fields;
  });
  bulkInsertItems(s.t.sandbox.control.context(), s.location.siteId, s.location.lists.filings, rows);
  expect((await s.store.history([old.ref], 10)).filings).toEqual([]); // past the threshold and in no window

  const ctx = { lists: new SiteLists(s.graph, s.location), filer: FILER, now: () => new Date(), extraPublicDomains: [], batch: (steps: Parameters<typeof runBatch>[1]) => runBatch(s.graph, steps, { maxInFlight: 8 }) };
  expect(await fillEntityMonths(ctx)).toBe(BIG);
  expect((await s.store.history([old.ref], 10)).filings.map((f) => f.item.date)).toEqual(bigDates.slice(0, 10));
  expect(await fillEntityMonths(ctx)).toBe(0);
});
