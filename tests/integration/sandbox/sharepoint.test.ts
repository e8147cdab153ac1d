/**
 * The sandbox's SharePoint lists over real HTTP, with the Graph contract checker on: sites, lists,
 * columns, list item CRUD with eTags, paging, indexed filtering and delta.
 */
import { Directory } from '../../../dev/sandbox/core/directory';
import { createPrng } from '../../../dev/sandbox/core/prng';
import type { SandboxContext } from '../../../dev/sandbox/core/types';
import { bulkInsertItems, GENEROUS, teamSiteGroup } from '../../../dev/sandbox/sharepoint';
import { expectNoContractViolations, json, startTestSandbox, TEST_ANCHOR, TEST_SEED, type TestSandbox } from '../helpers/sandbox';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const HOST = 'seutuopisto.sharepoint.com';
const TRAIL = `/sites/${HOST}:/sites/trail:`;
const PEOPLE = `${TRAIL}/lists/People`;

let t: TestSandbox;
expectNoContractViolations(() => t);

/** A context over the running sandbox's state, for the programmatic bulk loader. */
function loaderContext(sandbox: TestSandbox): SandboxContext {
  const directory = new Directory();
  for (const user of sandbox.sandbox.control.users()) directory.add(user);
  return { now: () => new Date(), random: createPrng(99), state: sandbox.sandbox.control.state, directory, seed: TEST_SEED, anchor: TEST_ANCHOR };
}

beforeAll(async () => {
  // The documented behaviour; sharepointReadings.test.ts covers the pessimistic readings.
  t = await startTestSandbox({ sharepoint: GENEROUS });
});
afterAll(() => t.close());

describe('sites', () => {
  it('finds the root site, the team site by path, by id and by search', async () => {
    const root = await t.graphJson<Json>('/sites/root');
    expect(root.status).toBe(200);
    expect(root.body).toMatchObject({ root: {}, siteCollection: { hostname: HOST }, webUrl: `https://${HOST}` });

    const byPath = await t.graphJson<Json>(`/sites/${HOST}:/sites/trail`);
    expect(byPath.body).toMatchObject({ displayName: 'Trail', name: 'trail', webUrl: `https://${HOST}/sites/trail` });
    expect(byPath.body.id).toMatch(/^seutuopisto\.sharepoint\.com,[0-9a-f-]{36},[0-9a-f-]{36}$/);

    const byId = await t.graphJson<Json>(`/sites/${byPath.body.id}`);
    expect(byId.body.id).toBe(byPath.body.id);

    const found = await t.graphJson<Json>('/sites?search=trail');
    expect(found.body.value.map((s: Json) => s.id)).toEqual([byPath.body.id]);
    expect((await t.graphJson<Json>('/sites?search=nothing-like-this')).body.value).toEqual([]);
  });

  it('answers 404 for an unknown site path and 400 for a foreign host', async () => {
    expect((await t.graphJson<Json>(`/sites/${HOST}:/sites/nope`)).body.error).toMatchObject({ code: 'itemNotFound' });
    expect((await t.graphJson<Json>('/sites/contoso.sharepoint.com:/sites/trail')).status).toBe(400);
  });
});

describe('the team site’s Microsoft 365 group', () => {
  it('lists the group the signed-in user owns, with only its type and id, and reaches its team site', async () => {
    const owned = await t.graphJson<Json>('/me/ownedObjects');
    expect(owned.status).toBe(200);
    expect(owned.body.value).toEqual([{ '@odata.type': '#microsoft.graph.group', id: expect.any(String) }]);
    const site = await t.graphJson<Json>(`/groups/${owned.body.value[0].id}/sites/root?$select=id,webUrl`);
    const byPath = await t.graphJson<Json>(`/sites/${HOST}:/sites/trail`);
    expect(site.body).toMatchObject({ id: byPath.body.id, webUrl: `https://${HOST}/sites/trail` });
  });

  it('a colleague who owns nothing gets an empty list; an unknown group is 404 Request_ResourceNotFound', async () => {
    const colleague = t.sandbox.control.users().find((u) => u.id !== t.user.id)!;
    expect((await t.graphJson<Json>('/me/ownedObjects', { token: t.tokenFor(colleague) })).body.value).toEqual([]);
    const unknown = await t.graphJson<Json>('/groups/00000000-0000-0000-0000-000000000000/sites/root');
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'Request_ResourceNotFound']);
  });

  it('ownership taken away in the state: the user owns nothing', async () => {
    const control = t.sandbox.control;
    teamSiteGroup(control.context()).owners = [];
    control.stateChanged();
    expect((await t.graphJson<Json>('/me/ownedObjects')).body.value).toEqual([]);
    teamSiteGroup(control.context()).owners = [t.user.id];
    control.stateChanged();
  });
});

describe('lists and columns', () => {
  it('starts with an empty team site and creates a list with its columns', async () => {
    expect((await t.graphJson<Json>(`${TRAIL}/lists`)).body.value).toEqual([]);
    const created = await t.graphJson<Json>(
      `${TRAIL}/lists`,
      json('POST', {
        displayName: 'People',
        columns: [
          { name: 'Email', text: {}, indexed: true, enforceUniqueValues: true },
          { name: 'Organisation', text: {}, indexed: true },
          { name: 'Role', choice: { choices: ['student', 'funder'] } },
          { name: 'Note', text: { allowMultipleLines: true } },
        ],
        list: { template: 'genericList' },
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ displayName: 'People', name: 'People', list: { template: 'genericList' } });

    const again = await t.graphJson<Json>(`${TRAIL}/lists`, json('POST', { displayName: 'people', list: { template: 'genericList' } }));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('nameAlreadyExists');

    const filtered = await t.graphJson<Json>(`${TRAIL}/lists?$filter=displayName eq 'People'&$select=id,displayName`);
    expect(filtered.body.value).toEqual([expect.objectContaining({ id: created.body.id, displayName: 'People' })]);
    expect((await t.graphJson<Json>(`${TRAIL}/lists/${created.body.id}`)).body.displayName).toBe('People');

    const withColumns = await t.graphJson<Json>(`${PEOPLE}?$expand=columns`);
    const column = (name: string) => withColumns.body.columns.find((c: Json) => c.name === name);
    expect(column('Email')).toMatchObject({ indexed: true, enforceUniqueValues: true, text: { allowMultipleLines: false, maxLength: 255 } });
    expect(column('Role')).toMatchObject({ indexed: false, choice: { choices: ['student', 'funder'] } });
    expect(column('Created')).toMatchObject({ indexed: true, readOnly: true, dateTime: { format: 'dateTime' } });
    expect(column('Title')).toMatchObject({ indexed: false, required: true });
  });

  it('deletes a list', async () => {
    const made = await t.graphJson<Json>(`${TRAIL}/lists`, json('POST', { displayName: 'Scratch', list: { template: 'genericList' } }));
    expect((await t.graphFetch(`${TRAIL}/lists/${made.body.id}`, { method: 'DELETE' })).status).toBe(204);
    const gone = await t.graphJson<Json>(`${TRAIL}/lists/Scratch`);
    expect(gone.status).toBe(404);
    expect(gone.body.error).toMatchObject({ code: 'itemNotFound', message: 'The specified list was not found' });
  });

  it('adds a column', async () => {
    const added = await t.graphJson<Json>(`${PEOPLE}/columns`, json('POST', { name: 'Phone', text: {} }));
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ name: 'Phone', displayName: 'Phone', indexed: false });
    const columns = await t.graphJson<Json>(`${PEOPLE}/columns`);
    expect(columns.body.value.map((c: Json) => c.name)).toContain('Phone');
  });
});

describe('list items', () => {
  let first: Json;

  it('creates an item the way Graph returns it', async () => {
    const res = await t.graphJson<Json>(`${PEOPLE}/items`, json('POST', { fields: { Title: 'Liisa Mäkinen', Email: 'liisa@example.fi', Role: 'funder' } }));
    expect(res.status).toBe(201);
    first = res.body;
    expect(first).toMatchObject({
      id: '1',
      createdBy: { user: { displayName: t.user.displayName } },
      lastModifiedBy: { user: { displayName: t.user.displayName } },
      contentType: { name: 'Item' },
      fields: {
        Title: 'Liisa Mäkinen',
        Email: 'liisa@example.fi',
        id: '1',
        ContentType: 'Item',
        _UIVersionString: '1.0',
        Attachments: false,
      },
    });
    expect(first.eTag).toMatch(/^"[0-9a-f-]{36},1"$/);
    expect(first.fields['@odata.etag']).toBe(first.eTag);
    expect(first.fields.AuthorLookupId).toMatch(/^\d+$/);
    expect(first.webUrl).toBe(`https://${HOST}/sites/trail/Lists/People/1_.000`);
  });

  it('reads the item, with and without fields, and its fields alone', async () => {
    const bare = await t.graphJson<Json>(`${PEOPLE}/items/1`);
    expect(bare.body.fields).toBeUndefined();
    const expanded = await t.graphJson<Json>(`${PEOPLE}/items/1?$expand=fields($select=Email,Role)`);
    expect(expanded.body.fields).toEqual({ '@odata.etag': first.eTag, Email: 'liisa@example.fi', Role: 'funder' });
    const fields = await t.graphJson<Json>(`${PEOPLE}/items/1/fields`);
    expect(fields.body).toMatchObject({ Title: 'Liisa Mäkinen', id: '1' });
    expect((await t.graphJson<Json>(`${PEOPLE}/items/999`)).status).toBe(404);
  });

  it('updates fields, bumps the version and honours If-Match', async () => {
    const updated = await t.graphJson<Json>(`${PEOPLE}/items/1/fields`, json('PATCH', { Role: 'student' }, { 'If-Match': first.eTag }));
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ Role: 'student', _UIVersionString: '2.0' });
    expect(updated.body['@odata.etag']).toMatch(/,2"$/);

    const stale = await t.graphJson<Json>(`${PEOPLE}/items/1/fields`, json('PATCH', { Role: 'funder' }, { 'If-Match': first.eTag }));
    expect(stale.status).toBe(412);
    expect(stale.body.error).toMatchObject({ code: 'resourceModified', message: "ETag does not match current item's value" });

    const forced = await t.graphJson<Json>(`${PEOPLE}/items/1/fields`, json('PATCH', { Role: 'funder' }, { 'If-Match': '*' }));
    expect(forced.body).toMatchObject({ Role: 'funder', _UIVersionString: '3.0' });
  });

  it('refuses unknown fields, wrong types and duplicate unique values', async () => {
    const unknown = await t.graphJson<Json>(`${PEOPLE}/items`, json('POST', { fields: { Emial: 'x@example.fi' } }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'invalidRequest', message: "Field 'Emial' is not recognized" });
    const wrongType = await t.graphJson<Json>(`${PEOPLE}/items`, json('POST', { fields: { Title: 42 } }));
    expect(wrongType.status).toBe(400);
    const duplicate = await t.graphJson<Json>(`${PEOPLE}/items`, json('POST', { fields: { Email: 'LIISA@example.fi' } }));
    expect(duplicate.status).toBe(409);
  });

  it('deletes with If-Match', async () => {
    const made = await t.graphJson<Json>(`${PEOPLE}/items`, json('POST', { fields: { Title: 'Temp' } }));
    const stale = await t.graphFetch(`${PEOPLE}/items/${made.body.id}`, { method: 'DELETE', headers: { 'If-Match': '"00000000-0000-4000-8000-000000000000,1"' } });
    expect(stale.status).toBe(412);
    const gone = await t.graphFetch(`${PEOPLE}/items/${made.body.id}`, { method: 'DELETE', headers: { 'If-Match': made.body.eTag } });
    expect(gone.status).toBe(204);
    expect((await t.graphJson<Json>(`${PEOPLE}/items/${made.body.id}`)).status).toBe(404);
  });
});

describe('querying items', () => {
  beforeAll(() => {
    const rows = Array.from({ length: 450 }, (_, i) => ({
      Title: `Person ${i}`,
      Email: `person${i}@example.fi`,
      Organisation: i % 3 === 0 ? 'Yritys Oy' : 'Kunta',
      Role: 'student',
    }));
    bulkInsertItems(loaderContext(t), `${HOST}:/sites/trail`, 'People', rows);
  });

  it('pages through every item with nextLink (200 a page by default)', async () => {
    const ids: string[] = [];
    let url: string | undefined = `${PEOPLE}/items`;
    let pages = 0;
    while (url) {
      const page: { body: Json } = await t.graphJson<Json>(url);
      ids.push(...page.body.value.map((i: Json) => i.id as string));
      url = page.body['@odata.nextLink'];
      if (url) expect(url).toContain('$skiptoken=');
      pages++;
    }
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(451);
  });

  it('filters on an indexed column case-insensitively, with $top paging', async () => {
    const page = await t.graphJson<Json>(`${PEOPLE}/items?$filter=fields/Organisation eq 'YRITYS OY'&$expand=fields&$top=100`);
    expect(page.status).toBe(200);
    expect(page.body.value).toHaveLength(100);
    expect(page.body.value.every((i: Json) => i.fields.Organisation === 'Yritys Oy')).toBe(true);
    const rest = await t.graphJson<Json>(page.body['@odata.nextLink']);
    expect(rest.body.value).toHaveLength(50);
    expect(rest.body['@odata.nextLink']).toBeUndefined();

    const one = await t.graphJson<Json>(`${PEOPLE}/items?$filter=fields/Email eq 'Person7@Example.fi'&$expand=fields`);
    expect(one.body.value.map((i: Json) => i.fields.Title)).toEqual(['Person 7']);
  });

  it('refuses a non-indexed column with the exact Graph error unless the Prefer header is sent', async () => {
    const refused = await t.graphJson<Json>(`${PEOPLE}/items?$filter=fields/Role eq 'funder'`);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: 'invalidRequest',
      message:
        "Field 'Role' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.",
    });
    const allowed = await t.graphJson<Json>(`${PEOPLE}/items?$filter=fields/Role eq 'funder'&$expand=fields`, {
      headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' },
    });
    expect(allowed.status).toBe(200);
    expect(allowed.body.value.map((i: Json) => i.fields.Title)).toEqual(['Liisa Mäkinen']);
  });

  it('answers "Invalid filter clause" for a column without fields/', async () => {
    const res = await t.graphJson<Json>(`${PEOPLE}/items?$filter=Email eq 'x'`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Invalid filter clause');
  });
});

describe('delta', () => {
  it('enumerates everything first, then only changes and deletions', async () => {
    let url: string | undefined = `${PEOPLE}/items/delta?$top=1000`;
    let deltaLink: string | undefined;
    let count = 0;
    while (url) {
      const page: { body: Json } = await t.graphJson<Json>(url);
      count += page.body.value.length;
      url = page.body['@odata.nextLink'];
      deltaLink = page.body['@odata.deltaLink'];
    }
    expect(count).toBe(451);
    expect(deltaLink).toContain('token=');

    await t.graphJson(`${PEOPLE}/items/5/fields`, json('PATCH', { Title: 'Renamed' }));
    await t.graphFetch(`${PEOPLE}/items/6`, { method: 'DELETE' });
    const added = await t.graphJson<Json>(`${PEOPLE}/items`, json('POST', { fields: { Title: 'New one' } }));

    const changes = await t.graphJson<Json>(`${deltaLink}&$expand=fields`);
    expect(changes.body.value).toEqual([
      expect.objectContaining({ id: '5', fields: expect.objectContaining({ Title: 'Renamed' }) }),
      { id: '6', parentReference: expect.any(Object), contentType: { id: expect.any(String), name: 'Item' }, deleted: { state: 'deleted' } },
      expect.objectContaining({ id: added.body.id }),
    ]);
    const quiet = await t.graphJson<Json>(changes.body['@odata.deltaLink']);
    expect(quiet.body.value).toEqual([]);
  });
});
