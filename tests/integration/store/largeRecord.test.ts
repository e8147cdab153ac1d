/**
 * The main queries on a record of 100,000 filings and 20,000 people, where SharePoint refuses any
 * query that is not served by an index: if one of ours were not, these would fail with 429.
 */
import { loadLargeRecord, type LoadedRecord } from '../../../dev/fixtures/largeRecord';
import type { FiledItem } from '../../../src/domain/itemKeys';
import { expectNoContractViolations } from '../helpers/sandbox';
import { startTestStore, type TestStore } from '../helpers/store';

jest.setTimeout(60_000);

let s: TestStore;
let record: LoadedRecord;
beforeAll(async () => {
  s = await startTestStore();
  record = loadLargeRecord(s.t.sandbox.control.context(), s.location);
});
afterAll(() => s.t.close());
expectNoContractViolations(() => s?.t);

test('the lists really are past the list-view threshold', async () => {
  const unindexed = await s.t.graphFetch(
    `/sites/${s.location.siteId}/lists/${s.location.lists.filings}/items?$filter=fields/FromAddress eq 'x@y.fi'`,
    { headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } },
  );
  expect(unindexed.status).toBe(429);
});

test('sender, recipients and their organisations resolve', async () => {
  const matches = await s.store.resolve([record.samplePerson.email, 'unknown@nowhere.fi'], [record.sampleOrganisation.domain, 'gmail.com']);
  expect(matches.people.get(record.samplePerson.email)?.ref).toEqual(record.samplePerson.ref);
  expect(matches.organisations.get(record.sampleOrganisation.domain)?.ref).toEqual(record.sampleOrganisation.ref);
});

test('name search answers from the index', async () => {
  const found = await s.store.search(record.samplePerson.name.split(' ').slice(0, 2).join(' '), 10);
  expect(found).toHaveLength(10);
  expect(found.every((e) => e.ref.kind === 'person')).toBe(true);
});

test("a person's history and their organisation's come newest first, and page", async () => {
  const page = await s.store.history([record.samplePerson.ref, record.sampleOrganisation.ref], 5);
  expect(page.filings).toHaveLength(10);
  expect(new Set(page.filings.map((f) => f.entity.kind))).toEqual(new Set(['person', 'organisation']));
  const dates = page.filings.map((f) => f.item.date);
  expect(dates).toEqual([...dates].sort().reverse());
  const next = await s.store.filingsOfEntity(record.sampleOrganisation.ref, { next: page.next[`organisation:${record.sampleOrganisation.ref.id}`]! });
  expect(next.items.length).toBeGreaterThan(0);
});

test('filings of an item and of a conversation are found', async () => {
  const item: FiledItem = { kind: 'message', immutableId: 'x', internetMessageId: '<large4242@example.fi>', subject: 's', date: '2026-01-01T00:00:00Z' };
  expect((await s.store.filingsOfItem(item)).map((f) => f.item.subject)).toEqual(['Viesti 4242']);
  expect(await s.store.conversationEntities('conv-large-1060')).toHaveLength(4);
});

test('filing, duplicate detection and unfiling work at this size', async () => {
  const item: FiledItem = { kind: 'message', immutableId: 'AAMkNew=', internetMessageId: '<new@example.fi>', subject: 'Uusi', date: '2026-11-20T08:00:00Z' };
  const outcomes = await s.store.file(item, [record.samplePerson, record.sampleOrganisation, record.sampleProject]);
  expect(outcomes.map((o) => o.status)).toEqual(['filed', 'filed', 'filed']);
  expect((await s.store.file(item, [record.samplePerson])).map((o) => o.status)).toEqual(['alreadyFiled']);
  const again = await s.store.createPerson({ name: 'Someone', emails: [record.samplePerson.email.toUpperCase()] });
  expect(again).toMatchObject({ status: 'existing', entity: { ref: record.samplePerson.ref } });
  const [first] = await s.store.filingsOfItem(item);
  await s.store.unfile(first!);
  expect(await s.store.filingsOfItem(item)).toHaveLength(2);
});
