/**
 * Stakeholder roles in the entity index, over real HTTP against the sandbox: delta reads the Roles
 * column with the rest, search results carry each person's and organisation's roles (so results show
 * them as chips and can be filtered by them), a change of roles arrives with the next refresh, and a
 * snapshot restored in a new session keeps them.
 */
import type { EntityRef, Organisation, Person } from '../../../src/domain/entities';
import { createEntityIndex } from '../../../src/record/entityIndex';
import { SiteLists } from '../../../src/record/listItems';
import { ENTITY_INDEX_KEY } from '../../../src/services/storage/keys';
import { createMemorySnapshotStore } from '../../../src/record/indexSnapshot';
import { expectNoContractViolations } from '../helpers/sandbox';
import { startTestStore, type TestStore } from '../helpers/store';

jest.setTimeout(120_000);

let s: TestStore;
let lists: SiteLists;
let routasalo: Organisation;
let sanni: Person;
let project: EntityRef;
beforeAll(async () => {
  s = await startTestStore();
  lists = new SiteLists(s.graph, s.location);
  routasalo = (await s.store.createOrganisation({ name: 'Konepaja Routasalo Oy', domains: ['routasalo-konepaja.fi'], roles: ['employer', 'partner school'] })).entity as Organisation;
  sanni = (await s.store.createPerson({ name: 'Sanni Routasalo', emails: ['sanni@routasalo-konepaja.fi'], organisationId: routasalo.ref.id, roles: ['alumni'] })).entity as Person;
  project = (await s.store.createProject({ name: 'Routasalon oppisopimukset' })).entity.ref;
});
afterAll(() => s?.t.close());
expectNoContractViolations(() => s?.t);

const rolesOf = (found: ReadonlyArray<{ ref: EntityRef; roles?: readonly string[] }>) => Object.fromEntries(found.map((e) => [`${e.ref.kind}:${e.ref.id}`, [...(e.roles ?? [])]]));

test('delta asks for the Roles column, and search results carry each entity’s roles', async () => {
  s.t.sandbox.control.clearRequests();
  const index = createEntityIndex(lists);
  await index.refresh();
  const urls = s.t.sandbox.control.requests().map((r) => decodeURIComponent(r.url));
  expect(urls.some((u) => /\/delta/.test(u) && /Roles/.test(u))).toBe(true);
  expect(rolesOf(index.search('routasalo'))).toEqual({
    [`organisation:${routasalo.ref.id}`]: ['employer', 'partner school'],
    [`person:${sanni.ref.id}`]: ['alumni'],
    [`project:${project.id}`]: [],
  });
  expect(index.personByAddress('sanni@routasalo-konepaja.fi')?.roles).toEqual(['alumni']);
});

test('a change of roles arrives with the next refresh; a snapshot restored in a new session keeps them', async () => {
  const store = createMemorySnapshotStore();
  const index = createEntityIndex(lists, { snapshot: { store, key: ENTITY_INDEX_KEY } });
  await index.refresh();
  await s.store.update(sanni, { roles: ['alumni', 'expert'] });
  await index.refresh();
  expect(index.search('sanni').find((e) => e.ref.id === sanni.ref.id)?.roles).toEqual(['alumni', 'expert']);

  const next = createEntityIndex(lists, { snapshot: { store, key: ENTITY_INDEX_KEY } });
  const restored = new Promise<Record<string, string[]>>((resolve) => {
    const stop = next.subscribe(() => {
      if (next.state !== 'warm') return;
      stop();
      resolve(rolesOf(next.search('routasalo')));
    });
  });
  await next.refresh();
  expect(await restored).toMatchObject({ [`organisation:${routasalo.ref.id}`]: ['employer', 'partner school'], [`person:${sanni.ref.id}`]: ['alumni', 'expert'] });
});
