/**
 * Indexes and the list view threshold over real HTTP, on lists of the sizes the add-in must live with
 * (100,000 filings, 20,000 people), loaded with the programmatic bulk loader (which bypasses HTTP, so
 * the contract checker sees only the few dozen requests below: ~0.35 s, nearly all of it compiling the
 * list-creation body validator once).
 */
import type { SandboxContext } from '../../../dev/sandbox/core/types';
import { bulkInsertItems, GENEROUS } from '../../../dev/sandbox/sharepoint';
import { expectNoContractViolations, json, startTestSandbox, type TestSandbox } from '../helpers/sandbox';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const HOST = 'seutuopisto.sharepoint.com';
const SITE = `${HOST}:/sites/trail`;
const TRAIL = `/sites/${SITE}:`;
const PREFER_NON_INDEXED = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };

let t: TestSandbox;
let ctx: SandboxContext;

beforeAll(async () => {
  // The documented behaviour; sharepointReadings.test.ts covers the pessimistic readings.
  t = await startTestSandbox({ sharepoint: GENEROUS });
  ctx = t.sandbox.control.context();
});
afterAll(() => t.close());
expectNoContractViolations(() => t);

async function createList(displayName: string, columns: unknown[]): Promise<string> {
  const res = await t.graphJson<Json>(`${TRAIL}/lists`, json('POST', { displayName, columns, list: { template: 'genericList' } }));
  expect(res.status).toBe(201);
  return `${TRAIL}/lists/${res.body.id}`;
}

describe('column indexes', () => {
  it('makes a column filterable by indexing it with PATCH', async () => {
    const list = await createList('Projects', [{ name: 'Code', text: {} }]);
    await t.graphJson(`${list}/items`, json('POST', { fields: { Title: 'Hanke', Code: 'ESR-1' } }));
    expect((await t.graphJson<Json>(`${list}/items?$filter=fields/Code eq 'esr-1'`)).status).toBe(400);

    const patched = await t.graphJson<Json>(`${list}/columns/Code`, json('PATCH', { indexed: true }));
    expect(patched.body).toMatchObject({ name: 'Code', indexed: true });
    const found = await t.graphJson<Json>(`${list}/items?$filter=fields/Code eq 'esr-1'&$expand=fields`);
    expect(found.body.value.map((i: Json) => i.fields.Title)).toEqual(['Hanke']);
  });

  it('allows at most 20 indexed columns per list', async () => {
    // Created and Modified are indexed from the start; ID is the row key and takes no slot.
    const columns = Array.from({ length: 18 }, (_, i) => ({ name: `Col${i}`, text: {}, indexed: true }));
    const list = await createList('Wide', [...columns, { name: 'OneTooMany', number: {} }]);
    const refused = await t.graphJson<Json>(`${list}/columns/OneTooMany`, json('PATCH', { indexed: true }));
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: 'invalidRequest',
      message: 'Cannot index this column because the maximum number of columns is currently being indexed.',
    });
    await t.graphJson(`${list}/columns/Col0`, json('PATCH', { indexed: false }));
    expect((await t.graphJson<Json>(`${list}/columns/OneTooMany`, json('PATCH', { indexed: true }))).status).toBe(200);
  });

  it('orders by an indexed column', async () => {
    const list = await createList('Ordered', [{ name: 'Email', text: {}, indexed: true }]);
    for (const email of ['b@x.fi', 'C@x.fi', 'a@x.fi']) await t.graphJson(`${list}/items`, json('POST', { fields: { Email: email } }));
    const res = await t.graphJson<Json>(`${list}/items?$orderby=fields/Email desc&$expand=fields($select=Email)`);
    expect(res.body.value.map((i: Json) => i.fields.Email)).toEqual(['C@x.fi', 'b@x.fi', 'a@x.fi']);
  });
});

describe('the list view threshold', () => {
  it('lets the Prefer header query a non-indexed column at 5,000 items and refuses it at 5,001', async () => {
    const list = await createList('Threshold', [{ name: 'Note', text: {} }]);
    const rows = Array.from({ length: 5000 }, (_, i) => ({ Title: `Row ${i}`, Note: i === 4321 ? 'needle' : 'hay' }));
    bulkInsertItems(ctx, SITE, 'Threshold', rows);
    const query = `${list}/items?$filter=fields/Note eq 'needle'&$expand=fields`;

    const at5000 = await t.graphJson<Json>(query, { headers: PREFER_NON_INDEXED });
    expect(at5000.status).toBe(200);
    expect(at5000.body.value.map((i: Json) => i.fields.Title)).toEqual(['Row 4321']);

    await t.graphJson(`${list}/items`, json('POST', { fields: { Title: 'Row 5000', Note: 'hay' } }));
    const at5001 = await t.graphJson<Json>(query, { headers: PREFER_NON_INDEXED });
    expect(at5001.status).toBe(429);
    expect(at5001.body.error).toMatchObject({ code: 'throttledRequest', message: 'The request has been throttled' });
    // Without the header the column is refused before the size matters.
    expect((await t.graphJson<Json>(query)).status).toBe(400);
  });

  describe('100,000 filings and 20,000 people', () => {
    const FILINGS = 100_000;
    let filings: string;
    let people: string;
    const timings: Record<string, number> = {};

    beforeAll(async () => {
      filings = await createList('Filings', [
        { name: 'ItemKey', text: {}, indexed: true },
        { name: 'EntityKey', text: {}, indexed: true },
        { name: 'Note', text: {} },
      ]);
      people = await createList('PeopleLarge', [
        { name: 'Email', text: {}, indexed: true, enforceUniqueValues: true },
        { name: 'Organisation', text: {}, indexed: true },
      ]);
      const filingRows = Array.from({ length: FILINGS }, (_, i) => ({
        Title: `Filing ${i}`,
        ItemKey: `msg-${i}`,
        EntityKey: `person-${i % 20_000}`,
        Note: i % 2 ? 'odd' : 'even',
        Created: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
      }));
      const peopleRows = Array.from({ length: 20_000 }, (_, i) => ({
        Title: `Person ${i}`,
        Email: `person${i}@example.fi`,
        Organisation: `Org ${i % 7000}`,
      }));
      let start = performance.now();
      bulkInsertItems(ctx, SITE, 'Filings', filingRows);
      timings['load 100k filings'] = performance.now() - start;
      start = performance.now();
      bulkInsertItems(ctx, SITE, 'PeopleLarge', peopleRows);
      timings['load 20k people'] = performance.now() - start;
    });

    afterAll(() => {
      console.log(
        Object.entries(timings)
          .map(([what, ms]) => `${what}: ${ms.toFixed(1)} ms`)
          .join('\n'),
      );
    });

    async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
      const start = performance.now();
      const result = await run();
      timings[label] = performance.now() - start;
      return result;
    }

    it('answers an eq query on an indexed column', async () => {
      const res = await timed('indexed eq query (HTTP round trip)', () =>
        t.graphJson<Json>(`${filings}/items?$filter=fields/ItemKey eq 'MSG-99999'&$expand=fields`),
      );
      expect(res.status).toBe(200);
      expect(res.body.value.map((i: Json) => i.fields.Title)).toEqual(['Filing 99999']);

      const byEntity = await timed('indexed eq query, 5 hits', () =>
        t.graphJson<Json>(`${filings}/items?$filter=fields/EntityKey eq 'person-42'&$expand=fields($select=ItemKey)`),
      );
      expect(byEntity.body.value.map((i: Json) => i.fields.ItemKey)).toEqual(['msg-42', 'msg-20042', 'msg-40042', 'msg-60042', 'msg-80042']);
    });

    it('combines an indexed clause with a non-indexed one (Prefer) and orders the narrowed rows', async () => {
      const res = await t.graphJson<Json>(
        `${filings}/items?$filter=fields/EntityKey eq 'person-7' and fields/Note eq 'odd'&$orderby=fields/Created desc&$expand=fields($select=ItemKey)`,
        { headers: PREFER_NON_INDEXED },
      );
      expect(res.status).toBe(200);
      expect(res.body.value.map((i: Json) => i.fields.ItemKey)).toEqual(['msg-80007', 'msg-60007', 'msg-40007', 'msg-20007', 'msg-7']);
    });

    it('pages the newest filings by Created (an indexed column)', async () => {
      const res = await timed('order by Created desc, top 10', () =>
        t.graphJson<Json>(`${filings}/items?$orderby=fields/Created desc&$top=10&$expand=fields($select=ItemKey)`),
      );
      expect(res.body.value.map((i: Json) => i.fields.ItemKey)).toEqual(Array.from({ length: 10 }, (_, i) => `msg-${FILINGS - 1 - i}`));
      const next = await t.graphJson<Json>(res.body['@odata.nextLink']);
      expect(next.body.value[0].id).toBe(String(FILINGS - 10));
    });

    it('throttles what cannot be served from an index', async () => {
      const nonIndexed = await timed('non-indexed with Prefer (refused)', () =>
        t.graphJson<Json>(`${filings}/items?$filter=fields/Note eq 'odd'`, { headers: PREFER_NON_INDEXED }),
      );
      expect(nonIndexed.status).toBe(429);
      // Indexed, but the clause still matches more than 5,000 rows.
      const wide = await t.graphJson<Json>(`${filings}/items?$filter=startswith(fields/ItemKey,'msg-1')`);
      expect(wide.status).toBe(429);
      const narrow = await t.graphJson<Json>(`${filings}/items?$filter=startswith(fields/ItemKey,'msg-1234')&$top=50`);
      expect(narrow.status).toBe(200);
      expect(narrow.body.value).toHaveLength(11);
      // OR cannot be answered from an index on a large list, even across indexed columns.
      const either = await t.graphJson<Json>(`${filings}/items?$filter=fields/ItemKey eq 'msg-1' or fields/EntityKey eq 'person-2'`);
      expect(either.status).toBe(429);
      // Ordering by the listItem property id is throttled on large lists (microsoft-graph-docs #8450).
      expect((await t.graphJson<Json>(`${filings}/items?$orderby=id desc&$top=10`)).status).toBe(429);
    });

    it('finds a person among 20,000 by e-mail and keeps e-mails unique', async () => {
      const res = await timed('people eq query', () =>
        t.graphJson<Json>(`${people}/items?$filter=fields/Email eq 'person19999@example.fi'&$expand=fields`),
      );
      expect(res.body.value.map((i: Json) => i.fields.Title)).toEqual(['Person 19999']);
      const clash = await t.graphJson<Json>(`${people}/items`, json('POST', { fields: { Email: 'Person5@example.fi' } }));
      expect(clash.status).toBe(409);
      // Organisation 'Org 3' has 3 people: narrow enough on a 20k list.
      const org = await t.graphJson<Json>(`${people}/items?$filter=fields/Organisation eq 'org 3'`);
      expect(org.body.value).toHaveLength(3);
    });
  });
});
