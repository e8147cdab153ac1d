/**
 * The client-side entity index over real HTTP against the sandbox, every request checked against
 * Graph's contract: first load through list-item delta, lookups and search from memory, changes
 * picked up in one $batch, resync after 410, snapshots between sessions, the too-large and failed
 * states with the server as fallback. The last block prints figures (never asserted).
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { bulkInsertItems } from '../../../dev/sandbox/sharepoint';
import type { EntityRef, EntitySummary, Person } from '../../../src/domain/entities';
import { createEntityIndex, searchEntities, type EntityIndex, type EntityIndexOptions, type IndexState } from '../../../src/record/entityIndex';
import { readSnapshot, writeSnapshot, type SnapshotScope, type SnapshotStore } from '../../../src/record/indexSnapshot';
import { ENTITY_INDEX_KEY as SNAPSHOT_KEY } from '../../../src/services/storage/keys';
import { SiteLists } from '../../../src/record/listItems';
import { organisationFields, personFields, projectFields } from '../../../src/record/mapping';
import { expectNoContractViolations } from '../helpers/sandbox';
import { startTestStore, type TestStore } from '../helpers/store';

jest.setTimeout(180_000);

/** IndexedDB's object store as the index uses it: values cloned in and out, and a quota that refuses a write. */
class MemoryStore implements SnapshotStore {
  readonly values = new Map<string, unknown>();
  constructor(private readonly quotaValues = Infinity) {}
  get(key: string): Promise<unknown> {
    return Promise.resolve(structuredClone(this.values.get(key)));
  }
  set(key: string, value: unknown): Promise<void> {
    if (!this.values.has(key) && this.values.size >= this.quotaValues) return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    this.values.set(key, structuredClone(value));
    return Promise.resolve();
  }
  delete(key: string): Promise<void> {
    this.values.delete(key);
    return Promise.resolve();
  }
}

/** Runs `look` at the moment the index turns warm (restored from its snapshot), before anything after it. */
function whenWarm<T>(index: EntityIndex, look: () => T): Promise<T> {
  return new Promise((resolve) => {
    const stop = index.subscribe(() => {
      if (index.state !== 'warm') return;
      stop();
      resolve(look());
    });
  });
}

let s: TestStore;
let lists: SiteLists;
let scope: SnapshotScope;
let kallio: { ref: EntityRef };
let mikko: Person;
let liisa: Person;
let heikki: Person;
let gmailOrganisation: EntityRef;
let project: { ref: EntityRef };

beforeAll(async () => {
  s = await startTestStore();
  lists = new SiteLists(s.graph, s.location);
  scope = { siteId: s.location.siteId, lists: { people: s.location.lists.people, organisations: s.location.lists.organisations, projects: s.location.lists.projects } };
  const created = await s.store.createOrganisation({ name: 'Kallion Kone Oy', domains: ['kallio.fi'] });
  kallio = created.entity;
  const person = async (name: string, emails: string[], organisationId: string | null = null) => {
    const outcome = await s.store.createPerson({ name, emails, organisationId });
    if (outcome.status !== 'created') throw new Error(`${name} existed`);
    return outcome.entity;
  };
  mikko = await person('Mikko Heikkinen', ['Mikko.Heikkinen@Kallio.fi'], kallio.ref.id);
  liisa = await person('Liisa Mikkonen', ['liisa.mikkonen@kallio.fi'], kallio.ref.id);
  heikki = await person('Heikki Mäkinen', ['heikki.makinen@gmail.com']);
  project = (await s.store.createProject({ name: 'Kotoutumishanke', projectKind: 'fundedProject' })).entity;
  // Straight into the list: the store refuses a public domain, but the index must not trust the data to.
  bulkInsertItems(s.t.sandbox.control.context(), s.location.siteId, s.location.lists.organisations, [
    organisationFields({ name: 'Gmail-fanit ry', domains: ['gmail.com'] }),
  ]);
  gmailOrganisation = { kind: 'organisation', id: String(Number(kallio.ref.id) + 1) };
});
afterAll(() => s?.t.close());
expectNoContractViolations(() => s?.t);

const graphRequests = () => s.t.sandbox.control.requests().filter((r) => r.url.includes('/v1.0/'));
const names = (found: readonly EntitySummary[]) => found.map((e) => e.name);

/** A new index, its states as subscribers saw them, and its first refresh done. */
async function loadedIndex(options: EntityIndexOptions = {}): Promise<{ index: EntityIndex; states: IndexState[] }> {
  const index = createEntityIndex(lists, options);
  const states: IndexState[] = [];
  index.subscribe(() => states.push(index.state));
  await index.refresh();
  return { index, states };
}

describe('first load', () => {
  test('reads the three lists through delta and turns warm', async () => {
    s.t.sandbox.control.clearRequests();
    const { index, states } = await loadedIndex();
    expect(states).toEqual(['loading', 'warm']);
    const [probe, ...urls] = graphRequests().map((r) => decodeURIComponent(r.url));
    expect(probe).toBe('/v1.0/$batch'); // is the record past the cap? (items by id at the cap: indexFallback.test.ts)
    expect(urls).toHaveLength(3);
    // A project's Status too: a closed one says so where it is offered, and is not suggested as filed lately.
    for (const url of urls) expect(url).toMatch(/\/items\/delta\?\$select=id&\$expand=fields\(\$select=Title,(Emails,OrganisationId,Roles|Domains,Roles|ProjectKind,Status)\)&\$top=1000$/);
    expect(index.entity(mikko.ref)).toEqual({ ref: mikko.ref, name: 'Mikko Heikkinen', detail: 'mikko.heikkinen@kallio.fi', emails: ['mikko.heikkinen@kallio.fi'], organisationId: kallio.ref.id });
    expect(index.entity(project.ref)).toEqual({ ref: project.ref, name: 'Kotoutumishanke', detail: 'fundedProject' });
    expect(index.entity({ kind: 'person', id: '999' })).toBeUndefined();
  });

  test('follows nextLinks to the end when pages are small', async () => {
    s.t.sandbox.control.clearRequests();
    const { index } = await loadedIndex({ pageSize: 1 });
    expect(index.state).toBe('warm');
    expect(names(index.search('m'))).toEqual(expect.arrayContaining(['Mikko Heikkinen', 'Liisa Mikkonen', 'Heikki Mäkinen']));
    // 3 people, 2 organisations, 1 project at one per page, each list ending in a page with its deltaLink.
    expect(graphRequests().length).toBeGreaterThanOrEqual(6);
  });
});

describe('lookups', () => {
  let index: EntityIndex;
  beforeAll(async () => {
    index = (await loadedIndex({ extraPublicDomains: ['kotiposti.fi'] })).index;
  });

  test.each([' MIKKO.heikkinen@KALLIO.fi ', 'mailto:Mikko.Heikkinen@kallio.fi', 'Mikko <mikko.heikkinen@kallio.fi>'])('a person by %j', (address) => {
    expect(index.personByAddress(address)?.ref).toEqual(mikko.ref);
  });

  test('unknown and malformed addresses find nobody', () => {
    expect(index.personByAddress('nobody@kallio.fi')).toBeUndefined();
    expect(index.personByAddress("' or 1 eq 1")).toBeUndefined();
    expect(index.personByAddress('')).toBeUndefined();
  });

  test.each(['kallio.fi', 'KALLIO.FI', '@kallio.fi', 'kallio.fi.'])('an organisation by %j', (domain) => {
    expect(index.organisationByDomain(domain)).toEqual({ ref: kallio.ref, name: 'Kallion Kone Oy', detail: 'kallio.fi', domains: ['kallio.fi'] });
  });

  test('never an organisation for a public mail domain, even when the list has one', () => {
    expect(index.entity(gmailOrganisation)?.name).toBe('Gmail-fanit ry');
    expect(index.organisationByDomain('gmail.com')).toBeUndefined();
    expect(index.organisationByDomain('GMAIL.COM')).toBeUndefined();
    expect(index.personByAddress('heikki.makinen@gmail.com')?.ref).toEqual(heikki.ref);
  });
});

describe('search', () => {
  let index: EntityIndex;
  beforeAll(async () => {
    index = (await loadedIndex()).index;
  });

  test.each([
    ['heik', ['Heikki Mäkinen', 'Mikko Heikkinen']],
    ['mikko', ['Mikko Heikkinen', 'Liisa Mikkonen']],
    ['mikko h', ['Mikko Heikkinen']],
    ['mikko.h', ['Mikko Heikkinen']],
    ['kallio.fi', ['Kallion Kone Oy']],
    ['kallio', ['Kallion Kone Oy']],
    ['koto', ['Kotoutumishanke']],
    ['mä', ['Heikki Mäkinen']],
  ])('%j finds %j, best first', (query, expected) => {
    expect(names(index.search(query))).toEqual(expected);
  });

  test('across kinds, each result says which kind it is', () => {
    expect(index.search('k').map((e) => e.ref.kind)).toEqual(['organisation', 'project']);
    expect(index.search('m').map((e) => e.ref.kind)).toEqual(['person', 'person', 'person']);
  });

  test.each(["'", "startswith(fields/Key,'name:')", '&$top=1', '\u202e', '🎉', 'x'.repeat(10_000)])('hostile text %#', (query) => {
    expect(index.search(query)).toEqual([]);
  });
});

describe('refresh through delta', () => {
  test('an update, a delete and a new entity arrive in one $batch round trip', async () => {
    const { index } = await loadedIndex();
    let notified = 0;
    index.subscribe(() => notified++);
    const renamed = await s.store.update(mikko, { name: 'Mikko Virtanen', emails: ['mikko.virtanen@kallio.fi'] });
    await s.store.erasePerson(liisa.ref);
    await s.store.createPerson({ name: 'Aino Laine', emails: ['aino.laine@kallio.fi'], organisationId: kallio.ref.id });

    s.t.sandbox.control.clearRequests();
    await index.refresh();
    const requests = graphRequests();
    expect(requests.map((r) => `${r.method} ${r.url.replace(/\?.*/, '')}`)).toEqual(['POST /v1.0/$batch']);
    expect(requests[0]!.inner?.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(notified).toBe(1);

    expect(names(index.search('virt'))).toEqual(['Mikko Virtanen']);
    expect(index.search('heikkinen')).toEqual([]);
    expect(index.personByAddress('mikko.heikkinen@kallio.fi')).toBeUndefined();
    expect(index.personByAddress('mikko.virtanen@kallio.fi')?.ref).toEqual(mikko.ref);
    expect(index.entity(liisa.ref)).toBeUndefined();
    expect(index.search('liisa')).toEqual([]);
    expect(index.personByAddress('aino.laine@kallio.fi')?.name).toBe('Aino Laine');
    mikko = renamed;

    s.t.sandbox.control.clearRequests();
    await index.refresh();
    expect(graphRequests()).toHaveLength(1);
    expect(notified).toBe(1); // nothing changed, nobody told
  });

  test('more changes than one page: the batch answer is followed by nextLinks', async () => {
    const { index } = await loadedIndex({ pageSize: 2 });
    const people = [];
    for (let i = 0; i < 5; i++) people.push((await s.store.createPerson({ name: `Sivu Henkilö ${i}`, emails: [`sivu${i}@kallio.fi`] })).entity);
    s.t.sandbox.control.clearRequests();
    await index.refresh();
    expect(names(index.search('sivu', 10))).toHaveLength(5);
    expect(graphRequests().map((r) => r.method)).toEqual(['POST', 'GET', 'GET']);
    for (const person of people) await s.store.erasePerson(person.ref);
    await index.refresh();
    expect(index.search('sivu')).toEqual([]);
  });

  test('concurrent refreshes share one round', async () => {
    const { index } = await loadedIndex();
    s.t.sandbox.control.clearRequests();
    await Promise.all([index.refresh(), index.refresh(), index.refresh()]);
    expect(graphRequests()).toHaveLength(1);
  });
});

describe('snapshots between sessions', () => {
  test('a new session is warm before any round trip, then catches up with one $batch', async () => {
    const storage = new MemoryStore();
    await loadedIndex({ snapshot: { store: storage, key: SNAPSHOT_KEY } });
    expect(storage.values.get(SNAPSHOT_KEY)).toBeTruthy();
    const newcomer = await s.store.createPerson({ name: 'Ronja Uusi', emails: ['ronja@kallio.fi'] });

    s.t.sandbox.control.clearRequests();
    const next = createEntityIndex(lists, { snapshot: { store: storage, key: SNAPSHOT_KEY } });
    const warm = whenWarm(next, () => ({ mikko: next.personByAddress('mikko.virtanen@kallio.fi')?.ref, ronja: next.search('ronja'), requests: graphRequests().length }));
    const refreshed = next.refresh();
    expect(next.state).toBe('cold'); // restored after the pane has painted, not before
    expect(await warm).toEqual({ mikko: mikko.ref, ronja: [], requests: 0 });
    await refreshed;
    expect(graphRequests().map((r) => r.url)).toEqual(['/v1.0/$batch']);
    expect(next.search('ronja').map((e) => e.ref)).toEqual([newcomer.entity.ref]);
    // The snapshot was brought up to date as well.
    const stored = await readSnapshot({ store: storage, key: SNAPSHOT_KEY }, scope);
    expect(stored).toMatchObject({ state: 'warm' });
    expect(stored?.state === 'warm' && stored.records.map((r) => r.name)).toContain('Ronja Uusi');
    await s.store.erasePerson(newcomer.entity.ref);
  });

  test('a token Graph no longer accepts (410) reloads that list, and what vanished meanwhile goes', async () => {
    const storage = new MemoryStore();
    await loadedIndex({ snapshot: { store: storage, key: SNAPSHOT_KEY } });
    const stored = (await readSnapshot({ store: storage, key: SNAPSHOT_KEY }, scope))!;
    if (stored.state !== 'warm') throw new Error('expected a warm snapshot');
    const ghost = { kind: 'person' as const, id: '9999', name: 'Ghost Person', detail: '', addresses: ['ghost@kallio.fi'], organisationId: null };
    const expired = stored.links.people.replace(/token=[^&]*/, 'token=expired');
    await writeSnapshot({ store: storage, key: SNAPSHOT_KEY }, scope, { ...stored, links: { ...stored.links, people: expired }, records: [...stored.records, ghost] });

    const index = createEntityIndex(lists, { snapshot: { store: storage, key: SNAPSHOT_KEY } });
    s.t.sandbox.control.clearRequests();
    const warm = whenWarm(index, () => index.personByAddress('ghost@kallio.fi')?.name);
    const refreshed = index.refresh();
    expect(await warm).toBe('Ghost Person');
    await refreshed;
    const requests = graphRequests();
    expect(requests[0]!.inner?.map((r) => r.status)).toEqual([410, 200, 200]);
    expect(requests.slice(1).map((r) => decodeURIComponent(r.url))).toEqual([
      expect.stringContaining(`/lists/${s.location.lists.people}/items/delta?$select=id&$expand=fields($select=Title,Emails,OrganisationId,Roles)`),
    ]);
    expect(index.state).toBe('warm');
    expect(index.personByAddress('ghost@kallio.fi')).toBeUndefined();
    expect(index.personByAddress('mikko.virtanen@kallio.fi')?.ref).toEqual(mikko.ref);
  });

  test('a corrupt snapshot is discarded and the index loads from Graph', async () => {
    const storage = new MemoryStore();
    storage.values.set(SNAPSHOT_KEY, '{"v":1,"state":"warm",');
    const { index, states } = await loadedIndex({ snapshot: { store: storage, key: SNAPSHOT_KEY } });
    expect(states).toEqual(['loading', 'warm']);
    expect(index.personByAddress('mikko.virtanen@kallio.fi')?.ref).toEqual(mikko.ref);
    expect(await readSnapshot({ store: storage, key: SNAPSHOT_KEY }, scope)).toMatchObject({ state: 'warm' });
  });

  test('a snapshot that does not fit the storage: the index lives in memory only', async () => {
    const storage = new MemoryStore(1);
    const { index } = await loadedIndex({ snapshot: { store: storage, key: SNAPSHOT_KEY } });
    expect(index.state).toBe('warm');
    expect(storage.values.size).toBe(0);
  });
});

describe('degrading to the server', () => {
  const serverSearch = (prefix: string, limit: number) => s.store.search(prefix, limit);

  test('cold: search-as-you-type asks the server; warm: the index answers alike', async () => {
    const index = createEntityIndex(lists);
    const cold = await searchEntities(index, serverSearch, 'mikko v');
    expect(cold.source).toBe('server');
    expect(cold.results.map((e) => e.ref)).toEqual([mikko.ref]);
    await index.refresh();
    const warm = await searchEntities(index, serverSearch, 'mikko v');
    expect(warm).toEqual({ source: 'index', results: [expect.objectContaining({ ref: mikko.ref, name: 'Mikko Virtanen' })] });
  });

  test('hostile text goes to the server as text', async () => {
    const index = createEntityIndex(lists);
    for (const text of ["' or 1 eq 1 or '", "startswith(fields/Key,'name:')", '&$top=1#', '\u202e🎉', 'x'.repeat(10_000)]) {
      expect(await searchEntities(index, serverSearch, text)).toEqual({ source: 'server', results: [] });
    }
  });

  test('too large: stops, frees, answers nothing, and the server takes over', async () => {
    const storage = new MemoryStore();
    s.t.sandbox.control.clearRequests();
    const { index, states } = await loadedIndex({ maxEntities: 3, snapshot: { store: storage, key: SNAPSHOT_KEY }, pageSize: 2 });
    expect(states).toEqual(['loading', 'tooLarge']);
    expect(index.search('mikko')).toEqual([]);
    expect(index.personByAddress('mikko.virtanen@kallio.fi')).toBeUndefined();
    expect(index.entity(mikko.ref)).toBeUndefined();
    expect((await searchEntities(index, serverSearch, 'mikko v')).source).toBe('server');
    const loaded = graphRequests().length;
    await index.refresh();
    expect(graphRequests()).toHaveLength(loaded); // it does not try again this session

    // The next session remembers, and measures again a week later.
    s.t.sandbox.control.clearRequests();
    const soon = createEntityIndex(lists, { maxEntities: 3, snapshot: { store: storage, key: SNAPSHOT_KEY }, now: () => new Date(Date.now() + 24 * 3600_000) });
    await soon.refresh();
    expect(soon.state).toBe('tooLarge');
    expect(graphRequests()).toHaveLength(0);
    const later = createEntityIndex(lists, { snapshot: { store: storage, key: SNAPSHOT_KEY }, now: () => new Date(Date.now() + 8 * 24 * 3600_000) });
    await later.refresh();
    expect(later.state).toBe('warm');
  });

  test('a first load that fails leaves the index failed; the next refresh loads it', async () => {
    s.t.sandbox.control.setFaults({ rules: [{ kind: '503', next: 100, pathPattern: '/items/delta' }] });
    const { index, states } = await loadedIndex();
    s.t.sandbox.control.clearFaults();
    expect(states).toEqual(['loading', 'failed']);
    expect((await searchEntities(index, serverSearch, 'mikko v')).source).toBe('server');
    await index.refresh();
    expect(index.state).toBe('warm');
  });

  test('a refresh that fails leaves a warm index as it was', async () => {
    const { index } = await loadedIndex();
    s.t.sandbox.control.setFaults({ rules: [{ kind: '503', next: 20, pathPattern: '/$batch' }] });
    await index.refresh();
    s.t.sandbox.control.clearFaults();
    expect(index.state).toBe('warm');
    expect(index.personByAddress('mikko.virtanen@kallio.fi')?.ref).toEqual(mikko.ref);
  });
});

describe('figures (printed, never asserted)', () => {
  const SIZE = { people: 20_000, organisations: 2_000, projects: 500 };
  let big: TestStore;
  let bigLists: SiteLists;

  beforeAll(async () => {
    big = await startTestStore();
    bigLists = new SiteLists(big.graph, big.location);
    const ctx = big.t.sandbox.control.context();
    const insert = (list: 'people' | 'organisations' | 'projects', rows: Record<string, unknown>[]) => bulkInsertItems(ctx, big.location.siteId, big.location.lists[list], rows);
    const first = ['Mikko', 'Liisa', 'Anne', 'Kari', 'Sari', 'Antti', 'Noora', 'Pekka', 'Emilia', 'Juha', 'Ronja', 'Ville', 'Aino', 'Timo', 'Heidi'];
    const last = ['Heikkinen', 'Korhonen', 'Virtanen', 'Mäkinen', 'Nieminen', 'Mattila', 'Lahtinen', 'Karjalainen', 'Laine', 'Hämäläinen', 'Koskinen', 'Järvinen'];
    insert('organisations', Array.from({ length: SIZE.organisations }, (_, i) => organisationFields({ name: `Yritys ${i} Oy`, domains: [`org${i}.example.fi`] })));
    insert(
      'people',
      Array.from({ length: SIZE.people }, (_, i) => {
        const name = `${first[i % first.length]} ${last[(i * 7) % last.length]}`;
        const email = `${name.toLowerCase().replace(' ', '.')}${i}@org${i % SIZE.organisations}.example.fi`;
        return personFields({ name: `${name} ${i}`, emails: [email], organisationId: String(1 + (i % SIZE.organisations)), notes: 'Muistiinpano. '.repeat(20) });
      }),
    );
    insert('projects', Array.from({ length: SIZE.projects }, (_, i) => projectFields({ name: `Hanke ${i}`, projectKind: i % 3 === 0 ? 'fundedProject' : 'project' })));
  });
  afterAll(() => big?.t.close());
  expectNoContractViolations(() => big?.t);

  test('build, memory, snapshot, search and refresh for 20,000 people, 2,000 organisations and 500 projects', async () => {
    const gc = exposedGc();
    const lines: string[] = [];
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    big.t.sandbox.control.clearRequests();
    let start = performance.now();
    const index = createEntityIndex(bigLists);
    await index.refresh();
    const buildMs = performance.now() - start;
    const roundTrips = big.t.sandbox.control.requests().length;
    gc();
    const heapAfter = process.memoryUsage().heapUsed;
    expect(index.state).toBe('warm');
    lines.push(`build over HTTP: ${buildMs.toFixed(0)} ms, ${roundTrips} round trips (delta pages of 1,000, three lists side by side)`);
    lines.push(`heap held by the index: ${((heapAfter - heapBefore) / 1024 / 1024).toFixed(1)} MB (${(heapAfter - heapBefore) / 22_500 | 0} bytes per entity; heapUsed after gc, before/after)`);

    const storage = new MemoryStore();
    await createEntityIndex(bigLists, { snapshot: { store: storage, key: SNAPSHOT_KEY } }).refresh();
    const snapshotParts = storage.values.size;
    start = performance.now();
    const warmStart = createEntityIndex(bigLists, { snapshot: { store: storage, key: SNAPSHOT_KEY } });
    const warmed = whenWarm(warmStart, () => performance.now() - start);
    const refreshed = warmStart.refresh();
    const restoreMs = await warmed;
    await refreshed;
    const caughtUpMs = performance.now() - start;
    lines.push(
      `snapshot: ${snapshotParts} values in the store (no character cap); warm from it, keys sorted, in ${restoreMs.toFixed(0)} ms (in slices, after the pane paints) before any round trip, ` +
        `caught up (one $batch) after ${caughtUpMs.toFixed(0)} ms`,
    );

    const queries = ['m', 'mi', 'mikko', 'heik', 'mikko h', 'mikko.heikkinen1', 'org12', 'org12.example.fi', 'yritys 1', 'hanke 4', 'hä', 'zzz'];
    const perQuery = queries.map((query) => {
      index.search(query);
      const runs = 50;
      const t0 = performance.now();
      for (let i = 0; i < runs; i++) index.search(query);
      return `${JSON.stringify(query)} ${(((performance.now() - t0) / runs) * 1000).toFixed(0)} µs`;
    });
    lines.push(`local search, 20 best: ${perQuery.join(', ')}`);

    await big.store.update(await big.store.get({ kind: 'person', id: '1' }), { name: 'Muutettu Nimi' });
    big.t.sandbox.control.clearRequests();
    big.t.sandbox.control.setFaults({ latencyMs: 50 });
    start = performance.now();
    await index.refresh();
    const refreshMs = performance.now() - start;
    big.t.sandbox.control.clearFaults();
    lines.push(`delta refresh with one change: ${big.t.sandbox.control.requests().length} round trip ($batch of 3), ${refreshMs.toFixed(0)} ms with 50 ms latency`);
    expect(names(index.search('muutettu'))).toEqual(['Muutettu Nimi']);

    console.log(`Entity index figures:\n  ${lines.join('\n  ')}`);
  });
});

/** A real garbage collection between measurements, without a jest flag: V8 can expose it at run time. */
function exposedGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  return () => {
    gc();
    gc();
  };
}
