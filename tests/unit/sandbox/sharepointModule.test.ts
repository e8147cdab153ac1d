/**
 * The sharepoint module in process: the core's real router and error envelope, a pinned clock and a
 * seeded random source, no HTTP. Covers index maintenance, query planning and delta in detail.
 */
import { GraphError } from '../../../dev/sandbox/core/errors';
import { createPrng } from '../../../dev/sandbox/core/prng';
import { SandboxRouter } from '../../../dev/sandbox/core/router';
import type { DirectoryUser, SandboxContext, SandboxResponse } from '../../../dev/sandbox/core/types';
import { bulkInsertItems, createSharePointModule, GENEROUS, type SharePointReadings } from '../../../dev/sandbox/sharepoint';
import { Directory } from '../../../dev/sandbox/core/directory';

const USER: DirectoryUser = { id: 'u-1', userPrincipalName: 'aino@seutuopisto.fi', displayName: 'Aino Virtanen', mail: 'aino@seutuopisto.fi' };
const SITE = 'seutuopisto.sharepoint.com:/sites/trail:';

interface Call {
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  prefer?: string[];
}

function setup(readings: SharePointReadings = GENEROUS) {
  let clock = Date.parse('2026-03-02T10:00:00Z');
  const directory = new Directory();
  directory.add(USER);
  const ctx: SandboxContext = {
    now: () => new Date(clock),
    random: createPrng(7),
    state: {},
    directory,
    seed: 7,
    anchor: new Date(clock),
  };
  const router = new SandboxRouter();
  createSharePointModule(readings).register(router, ctx);
  async function send(method: string, path: string, call: Call = {}): Promise<SandboxResponse> {
    const match = router.match(method, path);
    if (match.kind !== 'found') throw new Error(`${method} ${path}: ${match.kind}`);
    try {
      return await match.handler({
        method,
        path,
        params: match.params,
        query: call.query ?? {},
        headers: call.headers ?? {},
        body: call.body,
        immutableIds: false,
        prefer: call.prefer ?? [],
        userId: USER.id,
        baseUrl: 'https://localhost:3001/v1.0',
      });
    } catch (error) {
      if (error instanceof GraphError) return { status: error.status, body: { error: { code: error.code, message: error.message } } };
      throw error;
    }
  }
  const tick = (ms = 1000) => {
    clock += ms;
  };
  return { ctx, send, tick };
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function createPeopleList(send: ReturnType<typeof setup>['send']) {
  const res = await send('POST', `/sites/${SITE}/lists`, {
    body: {
      displayName: 'People',
      columns: [
        { name: 'Email', text: {}, indexed: true, enforceUniqueValues: true },
        { name: 'Org', text: {}, indexed: true },
        { name: 'Score', number: {} },
        { name: 'Note', text: { allowMultipleLines: true } },
      ],
      list: { template: 'genericList' },
    },
  });
  expect(res.status).toBe(201);
  return res.body as Json;
}

describe('sharepoint module (in process)', () => {
  it('keeps the eq index in step with creates, updates and deletes', async () => {
    const { send } = setup();
    await createPeopleList(send);
    const items = `/sites/${SITE}/lists/People/items`;
    const a = (await send('POST', items, { body: { fields: { Title: 'A', Email: 'A@x.fi', Org: 'Alpha' } } })).body as Json;
    await send('POST', items, { body: { fields: { Title: 'B', Email: 'b@x.fi', Org: 'Alpha' } } });
    const byOrg = async (org: string) =>
      ((await send('GET', items, { query: { $filter: `fields/Org eq '${org}'`, $expand: 'fields' } })).body as Json).value as Json[];

    expect((await byOrg('alpha')).map((i) => i.fields.Title)).toEqual(['A', 'B']);
    await send('PATCH', `${items}/${a.id}/fields`, { body: { Org: 'Beta' } });
    expect((await byOrg('ALPHA')).map((i) => i.fields.Title)).toEqual(['B']);
    expect((await byOrg('beta')).map((i) => i.id)).toEqual([a.id]);
    await send('DELETE', `${items}/${a.id}`);
    expect(await byOrg('beta')).toEqual([]);
  });

  it('enforces unique values case-insensitively through the index', async () => {
    const { send } = setup();
    await createPeopleList(send);
    const items = `/sites/${SITE}/lists/People/items`;
    await send('POST', items, { body: { fields: { Email: 'a@x.fi' } } });
    const clash = await send('POST', items, { body: { fields: { Email: 'A@X.FI' } } });
    expect(clash.status).toBe(409);
    expect((clash.body as Json).error.message).toContain('[Email]');
  });

  it('refuses unknown fields and wrong types', async () => {
    const { send } = setup();
    await createPeopleList(send);
    const items = `/sites/${SITE}/lists/People/items`;
    const unknown = await send('POST', items, { body: { fields: { Nope: 1 } } });
    expect(unknown).toMatchObject({ status: 400, body: { error: { code: 'invalidRequest', message: "Field 'Nope' is not recognized" } } });
    const wrongType = await send('POST', items, { body: { fields: { Score: 'many' } } });
    expect(wrongType.status).toBe(400);
  });

  it('pages an ordered, filtered query with stable skiptokens', async () => {
    const { ctx, send } = setup();
    await createPeopleList(send);
    bulkInsertItems(
      ctx,
      SITE,
      'People',
      Array.from({ length: 25 }, (_, i) => ({ Title: `P${String(i).padStart(2, '0')}`, Email: `p${i}@x.fi`, Org: i % 2 ? 'Odd' : 'Even' })),
    );
    const seen: string[] = [];
    let url: string | undefined;
    let query: Record<string, string> = { $filter: "fields/Org eq 'odd'", $orderby: 'fields/Email desc', $top: '4', $expand: 'fields' };
    do {
      const page = (await send('GET', `/sites/${SITE}/lists/People/items`, { query })).body as Json;
      seen.push(...page.value.map((i: Json) => i.fields.Email as string));
      url = page['@odata.nextLink'];
      if (url) query = Object.fromEntries(new URL(url).searchParams);
    } while (url);
    const expected = Array.from({ length: 25 }, (_, i) => i)
      .filter((i) => i % 2)
      .map((i) => `p${i}@x.fi`)
      .sort()
      .reverse();
    expect(seen).toEqual(expected);
  });

  it('answers range and startswith clauses on indexed columns from the sorted index', async () => {
    const { ctx, send } = setup();
    await createPeopleList(send);
    bulkInsertItems(ctx, SITE, 'People', ['ann', 'Anna', 'bob', 'ANTTI', 'cecilia'].map((t) => ({ Title: t, Email: `${t}@x.fi`, Org: t })));
    const get = async (filter: string) =>
      (((await send('GET', `/sites/${SITE}/lists/People/items`, { query: { $filter: filter, $expand: 'fields($select=Org)' } })).body as Json).value as Json[]).map(
        (i) => i.fields.Org,
      );
    expect(await get("startswith(fields/Org,'an')")).toEqual(['ann', 'Anna', 'ANTTI']);
    expect(await get("fields/Org ge 'b' and fields/Org lt 'c'")).toEqual(['bob']);
    expect(await get("fields/Org in ('BOB', 'cecilia')")).toEqual(['bob', 'cecilia']);
  });

  it('limits a list to 20 indexed columns (ID takes no slot; Created and Modified do)', async () => {
    const { send } = setup();
    await send('POST', `/sites/${SITE}/lists`, { body: { displayName: 'Wide', list: { template: 'genericList' } } });
    const columns = `/sites/${SITE}/lists/Wide/columns`;
    // Created and Modified are indexed from the start: 18 more fit.
    for (let i = 0; i < 18; i++) {
      const res = await send('POST', columns, { body: { name: `C${i}`, text: {}, indexed: true } });
      expect(res.status).toBe(201);
    }
    await send('POST', columns, { body: { name: 'Extra', text: {} } });
    const refused = await send('PATCH', `${columns}/Extra`, { body: { indexed: true } });
    expect(refused.status).toBe(400);
    expect((refused.body as Json).error.message).toContain('maximum number of columns is currently being indexed');
  });

  it('reports creates, updates and deletes through delta', async () => {
    const { send, tick } = setup();
    await createPeopleList(send);
    const items = `/sites/${SITE}/lists/People/items`;
    for (const t of ['a', 'b', 'c']) await send('POST', items, { body: { fields: { Title: t, Email: `${t}@x.fi` } } });
    const first = (await send('GET', `${items}/delta`, { query: { $top: '2' } })).body as Json;
    expect(first.value).toHaveLength(2);
    const second = (await send('GET', `${items}/delta`, { query: Object.fromEntries(new URL(first['@odata.nextLink']).searchParams) })).body as Json;
    expect(second.value.map((i: Json) => i.id)).toEqual(['3']);
    const deltaLink = new URL(second['@odata.deltaLink']);
    tick();
    await send('PATCH', `${items}/1/fields`, { body: { Title: 'a2' } });
    await send('DELETE', `${items}/2`);
    const changes = (await send('GET', `${items}/delta()`, { query: { ...Object.fromEntries(deltaLink.searchParams), $expand: 'fields' } })).body as Json;
    expect(changes.value).toEqual([
      expect.objectContaining({ id: '1', fields: expect.objectContaining({ Title: 'a2', _UIVersionString: '2.0' }) }),
      expect.objectContaining({ id: '2', deleted: { state: 'deleted' } }),
    ]);
    const quiet = (await send('GET', `${items}/delta`, { query: Object.fromEntries(new URL(changes['@odata.deltaLink']).searchParams) })).body as Json;
    expect(quiet.value).toEqual([]);
  });
});
