/**
 * What the sandbox refuses as Graph does, and the readings it takes where Microsoft leaves room
 * (dev/sandbox/sharepoint/readings.ts): each reading is shown both ways, pessimistic and generous.
 * Tests are named after the rows of dev/sandbox/sharepoint/README.md.
 */
import { GENEROUS, PESSIMISTIC, type SharePointReadings } from '../../../dev/sandbox/sharepoint';
import { expectNoContractViolations, json, startTestSandbox, takeViolations, type TestSandbox } from '../helpers/sandbox';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const TRAIL = '/sites/seutuopisto.sharepoint.com:/sites/trail:';
const ITEMS = `${TRAIL}/lists/Filings/items`;

/** Pessimistic, with walks of 2 ids so a handful of rows shows what 5,000 would. */
const STRICT: SharePointReadings = { ...PESSIMISTIC, scanWindow: 2 };

let strict: TestSandbox;
let generous: TestSandbox;
let repeating: TestSandbox;
expectNoContractViolations(() => strict);
expectNoContractViolations(() => generous);
expectNoContractViolations(() => repeating);

/** Filings 1..6: EntityKey a,b,a,b,a,b; ItemDate newest for the highest id but one. */
async function seed(t: TestSandbox): Promise<void> {
  const list = await t.graphJson<Json>(
    `${TRAIL}/lists`,
    json('POST', {
      displayName: 'Filings',
      columns: [
        { name: 'EntityKey', text: {}, indexed: true },
        { name: 'ItemKey', text: {}, indexed: true },
        { name: 'ItemDate', dateTime: {}, indexed: true },
      ],
      list: { template: 'genericList' },
    }),
  );
  expect(list.status).toBe(201);
  const dates = ['2025-01-05', '2025-01-01', '2025-01-03', '2025-01-06', '2025-01-02', '2025-01-04'];
  for (const [i, date] of dates.entries()) {
    const fields = { Title: `F${i + 1}`, EntityKey: i % 2 ? 'b' : 'a', ItemKey: `item${i + 1}`, ItemDate: `${date}T00:00:00Z` };
    expect((await t.graphJson(ITEMS, json('POST', { fields }))).status).toBe(201);
  }
}

beforeAll(async () => {
  [strict, generous, repeating] = await Promise.all([
    startTestSandbox({ sharepoint: STRICT }),
    startTestSandbox({ sharepoint: GENEROUS }),
    startTestSandbox({ sharepoint: { ...STRICT, deltaEntries: 'repeated' } }),
  ]);
  await Promise.all([seed(strict), seed(generous), seed(repeating)]);
});
afterAll(() => Promise.all([strict.close(), generous.close(), repeating.close()]));

const titles = (body: Json): string[] => body.value.map((i: Json) => i.fields.Title as string);

describe.each([
  ['pessimistic', () => strict],
  ['generous', () => generous],
])('refusals (%s reading)', (_name, sandbox) => {
  it('refuses fields(select=...) without the $: 400 BadRequest "Parsing OData Select and Expand failed"', async () => {
    const res = await sandbox().graphJson<Json>(`${ITEMS}?$expand=fields(select=Title)`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'BadRequest',
      message: "Parsing OData Select and Expand failed: Term '(select=Title)' is not valid in a $select or $expand expression.",
    });
    expect((await sandbox().graphJson<Json>(`${ITEMS}?$expand=fields($select=Title)`)).status).toBe(200);
  });

  it.each(["contains(fields/ItemKey,'item')", "endswith(fields/ItemKey,'1')", "tolower(fields/ItemKey) eq 'item1'"])(
    'refuses list-item $filter functions other than startswith: %s',
    async (filter) => {
      const res = await sandbox().graphJson<Json>(`${ITEMS}?$filter=${encodeURIComponent(filter)}`);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalidRequest', message: 'The provided filter statement is not supported' });
      takeViolations(sandbox());
    },
  );

  it('serves startswith on an indexed text column', async () => {
    const res = await sandbox().graphJson<Json>(`${ITEMS}?$filter=${encodeURIComponent("startswith(fields/ItemKey,'item1')")}&$expand=fields($select=Title)`);
    expect(res.status).toBe(200);
    expect(titles(res.body)).toEqual(['F1']);
  });

  it('refuses an unknown property in $select on list items: 400 "Could not find a property named"', async () => {
    const res = await sandbox().graphJson<Json>(`${ITEMS}?$select=id,Title`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'BadRequest',
      message: "Parsing OData Select and Expand failed: Could not find a property named 'Title' on type 'microsoft.graph.listItem'.",
    });
    const one = await sandbox().graphJson<Json>(`${ITEMS}/1?$select=EntityKey`);
    expect(one.status).toBe(400);
    expect((await sandbox().graphJson<Json>(`${ITEMS}?$select=ETAG`)).status).toBe(400);
    takeViolations(sandbox());
    const known = await sandbox().graphJson<Json>(`${ITEMS}?$select=id,eTag,webUrl`);
    expect(known.status).toBe(200);
    expect(Object.keys(known.body.value[0]).sort()).toEqual(['@odata.etag', 'eTag', 'id', 'webUrl']);
  });
});

describe('readings', () => {
  it('$orderby on list items may be ignored: items then come in id order', async () => {
    const query = `${ITEMS}?$orderby=fields/ItemDate desc&$expand=fields($select=Title)`;
    expect(titles((await strict.graphJson<Json>(query)).body)).toEqual(['F1', 'F2', 'F3', 'F4', 'F5', 'F6']);
    expect(titles((await generous.graphJson<Json>(query)).body)).toEqual(['F4', 'F1', 'F6', 'F3', 'F5', 'F2']);
  });

  it('an ignored $orderby is still refused on a column without an index', async () => {
    const res = await strict.graphJson<Json>(`${ITEMS}?$orderby=fields/Title`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("Field 'Title' cannot be referenced in filter or orderby as it is not indexed.");
  });

  it('an indexed $filter may return an empty page that still has an @odata.nextLink', async () => {
    const first = await strict.graphJson<Json>(`${ITEMS}?$filter=fields/EntityKey eq 'b'&$expand=fields($select=Title)&$top=1`);
    expect(first.status).toBe(200);
    // Ids 1-2 walked: F2 matches.
    expect(titles(first.body)).toEqual(['F2']);
    const pages: string[][] = [titles(first.body)];
    for (let next: string | undefined = first.body['@odata.nextLink']; next; ) {
      const page = await strict.graphJson<Json>(next);
      pages.push(titles(page.body));
      next = page.body['@odata.nextLink'];
    }
    expect(pages.flat()).toEqual(['F2', 'F4', 'F6']);

    const empty = await strict.graphJson<Json>(`${ITEMS}?$filter=fields/ItemKey eq 'item5'&$expand=fields($select=Title)`);
    expect(empty.body.value).toEqual([]);
    expect(empty.body['@odata.nextLink']).toEqual(expect.stringContaining('$skiptoken='));
    const found = await strict.graphJson<Json>(empty.body['@odata.nextLink']);
    expect(found.body.value).toEqual([]);
    const last = await strict.graphJson<Json>(found.body['@odata.nextLink']);
    expect(titles(last.body)).toEqual(['F5']);
    expect(last.body['@odata.nextLink']).toBeUndefined();

    const complete = await generous.graphJson<Json>(`${ITEMS}?$filter=fields/ItemKey eq 'item5'&$expand=fields($select=Title)`);
    expect(titles(complete.body)).toEqual(['F5']);
    expect(complete.body['@odata.nextLink']).toBeUndefined();
  });

  it('a write response (POST/PATCH list item) may carry no ETag or fields', async () => {
    const fields = { Title: 'F7', EntityKey: 'c', ItemKey: 'item7', ItemDate: '2025-02-01T00:00:00Z' };
    const bare = await strict.graphJson<Json>(ITEMS, json('POST', { fields }));
    expect(bare.status).toBe(201);
    expect(bare.body).toEqual({ id: '7' });
    const patched = await strict.graphJson<Json>(`${ITEMS}/7/fields`, json('PATCH', { Title: 'F7b' }, { 'If-Match': '*' }));
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({});
    const read = await strict.graphJson<Json>(`${ITEMS}/7?$expand=fields($select=Title)`);
    expect(read.body).toMatchObject({ eTag: expect.stringMatching(/,2"$/), fields: { Title: 'F7b' } });

    const full = await generous.graphJson<Json>(ITEMS, json('POST', { fields }));
    expect(full.body).toMatchObject({ id: '7', eTag: expect.any(String), fields: { Title: 'F7', EntityKey: 'c' } });
    const patchedFull = await generous.graphJson<Json>(`${ITEMS}/7/fields`, json('PATCH', { Title: 'F7b' }, { 'If-Match': '*' }));
    expect(patchedFull.body).toMatchObject({ '@odata.etag': expect.any(String), Title: 'F7b' });
  });

  it('a delta round may list the same item more than once', async () => {
    const round = async (t: TestSandbox): Promise<string[]> => {
      const ids: string[] = [];
      let next: string | undefined = `${ITEMS}/delta?$top=3`;
      while (next) {
        const page: { body: Json } = await t.graphJson<Json>(next);
        ids.push(...page.body.value.map((i: Json) => i.id as string));
        next = page.body['@odata.nextLink'];
      }
      return ids;
    };
    const repeated = await round(repeating);
    expect(new Set(repeated)).toEqual(new Set(['1', '2', '3', '4', '5', '6']));
    expect(repeated.length).toBeGreaterThan(new Set(repeated).size);
    const once = await round(strict); // the pessimistic default lists each item once
    expect(once).toHaveLength(new Set(once).size);
  });

  it('filtering on two indexed fields at once may be refused: 429 throttledRequest', async () => {
    const query = `${ITEMS}?$filter=fields/EntityKey eq 'a' and fields/ItemKey eq 'item3'&$expand=fields($select=Title)`;
    const refused = await strict.graphJson<Json>(query);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: 'throttledRequest', message: 'The request has been throttled' });
    const served = await generous.graphJson<Json>(query);
    expect(titles(served.body)).toEqual(['F3']);
  });
});

describe('the unique-value reading', () => {
  it('a unique-value violation may be refused with 400 invalidRequest rather than 409 nameAlreadyExists', async () => {
    const list = json('POST', { displayName: 'Keys', columns: [{ name: 'UniqueKey', text: {}, indexed: true, enforceUniqueValues: true }], list: { template: 'genericList' } });
    const message = 'The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [UniqueKey].';
    for (const [t, status, code] of [[strict, 400, 'invalidRequest'], [generous, 409, 'nameAlreadyExists']] as const) {
      expect((await t.graphJson(`${TRAIL}/lists`, list)).status).toBe(201);
      const row = json('POST', { fields: { UniqueKey: 'email:a@b.fi' } });
      expect((await t.graphJson(`${TRAIL}/lists/Keys/items`, row)).status).toBe(201);
      const clash = await t.graphJson<Json>(`${TRAIL}/lists/Keys/items`, row);
      expect(clash.status).toBe(status);
      expect(clash.body.error).toMatchObject({ code, message });
    }
  });
});

describe('documented refusals of the other endpoints Trail uses', () => {
  it("refuses a list 'name' on create: 400 invalidRequest, the server assigns it", async () => {
    const res = await strict.graphJson<Json>(`${TRAIL}/lists`, json('POST', { name: 'Books', displayName: 'Books', list: { template: 'genericList' } }));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'invalidRequest',
      message: "Cannot define a 'name' for a list as it is assigned by the server. Instead, provide 'displayName'",
    });
    takeViolations(strict);
  });

  it('lists can be filtered on displayName only: any other property is 400 "The provided filter statement is not supported"', async () => {
    const refused = await strict.graphJson<Json>(`${TRAIL}/lists?$filter=${encodeURIComponent("name eq 'Filings'")}`);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'invalidRequest', message: 'The provided filter statement is not supported' });
    takeViolations(strict);
    const served = await strict.graphJson<Json>(`${TRAIL}/lists?$filter=${encodeURIComponent("displayName eq 'Filings'")}&$select=id,displayName`);
    expect(served.body.value.map((l: Json) => l.displayName)).toEqual(['Filings']);
  });

  it('an unknown property in $select on lists is refused, and columns(select=...) needs its $', async () => {
    const unknown = await strict.graphJson<Json>(`${TRAIL}/lists/Filings?$select=id,title`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe("Parsing OData Select and Expand failed: Could not find a property named 'title' on type 'microsoft.graph.list'.");
    const bare = await strict.graphJson<Json>(`${TRAIL}/lists/Filings?$expand=columns(select=name)`);
    expect(bare.status).toBe(400);
    expect(bare.body.error.message).toBe("Parsing OData Select and Expand failed: Term '(select=name)' is not valid in a $select or $expand expression.");
    takeViolations(strict);
    expect((await strict.graphJson<Json>(`${TRAIL}/lists/Filings?$select=id,displayName&$expand=columns($select=name)`)).status).toBe(200);
  });

  it('an unknown list is 404 itemNotFound "The specified list was not found"', async () => {
    const res = await strict.graphJson<Json>(`${TRAIL}/lists/Nothing/items`);
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'itemNotFound', message: 'The specified list was not found' });
  });

  it('a column naming no type, or two, is 400 "One of the provided arguments is not acceptable."', async () => {
    for (const column of [{ name: 'Nothing' }, { name: 'Both', text: {}, number: {} }]) {
      const res = await strict.graphJson<Json>(`${TRAIL}/lists/Filings/columns`, json('POST', column));
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalidRequest', message: 'One of the provided arguments is not acceptable.' });
    }
    takeViolations(strict);
  });
});

describe('column and list rules', () => {
  it('multi-line text and hyperlink columns cannot be indexed', async () => {
    for (const column of [
      { name: 'Notes', text: { allowMultipleLines: true }, indexed: true },
      { name: 'Link', hyperlinkOrPicture: {}, indexed: true },
    ]) {
      const res = await strict.graphJson<Json>(`${TRAIL}/lists/Filings/columns`, json('POST', column));
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalidRequest', message: 'Cannot complete this action. Please try again.' });
    }
    takeViolations(strict);
  });

  it('unique values need an index', async () => {
    const res = await strict.graphJson<Json>(`${TRAIL}/lists/Filings/columns`, json('POST', { name: 'Code', text: {}, enforceUniqueValues: true }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalidRequest');
    const indexed = await strict.graphJson<Json>(`${TRAIL}/lists/Filings/columns`, json('POST', { name: 'Code', text: {}, indexed: true, enforceUniqueValues: true }));
    expect(indexed.status).toBe(201);
  });

  it('a duplicate list title is 409 nameAlreadyExists with SharePoint\'s message', async () => {
    const res = await strict.graphJson<Json>(`${TRAIL}/lists`, json('POST', { displayName: 'filings', list: { template: 'genericList' } }));
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: 'nameAlreadyExists',
      message: 'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.',
    });
    takeViolations(strict);
  });
});
