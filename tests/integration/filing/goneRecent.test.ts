/**
 * "You filed to it lately" never offers an entity that is no longer in the record: a filing refused
 * because its entity is gone drops it from the memory, and a merge or an erasure in the same pane drops
 * the merged-away or erased entity at once.
 */
import type { EntityRef, EntitySummary } from '../../../src/domain/entities';
import { EntityGoneError } from '../../../src/domain/entityGone';
import type { FiledItem } from '../../../src/domain/itemKeys';
import { createFilingService, type FilingService } from '../../../src/services/filing/filingService';
import { createRecordKeeping } from '../../../src/services/record/recordKeeping';
import { RECENT_ENTITIES_KEY } from '../../../src/services/storage/keys';
import { storePerFile } from '../helpers/store';

const store = storePerFile();

class MemoryStorage implements Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  private readonly map = new Map<string, string>();
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => void this.map.set(k, v);
  removeItem = (k: string) => void this.map.delete(k);
}

let storage: MemoryStorage;
let filing: FilingService;
beforeEach(() => {
  storage = new MemoryStorage();
  const s = store();
  filing = createFilingService({ store: s.store, graph: s.graph, self: s.t.user.userPrincipalName, storage });
});

let n = 0;
const note = (): FiledItem => ({ kind: 'note', immutableId: `gone-recent-${++n}`, subject: `Muistiinpano ${n}`, date: new Date(Date.UTC(2026, 10, 2, 8, 0, n)).toISOString(), from: null });
const remembered = (): string[] => (JSON.parse(storage.getItem(RECENT_ENTITIES_KEY) ?? '[]') as EntitySummary[]).map((e) => e.name);

async function person(name: string, email: string): Promise<EntitySummary> {
  const outcome = await store().store.createPerson({ name, emails: [email] });
  if (outcome.status !== 'created') throw new Error(`${name} already existed`);
  return { ref: outcome.entity.ref, name: outcome.entity.name, detail: '' };
}

function keepingFor(forgetEntity: (ref: EntityRef) => void) {
  const s = store();
  return createRecordKeeping({
    store: s.store,
    index: { entity: () => undefined, refresh: () => Promise.resolve() },
    search: () => Promise.resolve({ results: [] }),
    organisation: () => ({ stakeholderRoles: [], recordKeepers: [], publicDomains: [] }),
    self: s.t.user.userPrincipalName,
    ownsSite: () => Promise.resolve(true),
    forgetEntity,
  });
}

test('a filing refused because a colleague merged the entity away drops it from the recent ones', async () => {
  const p = await person('Recent Pekka', 'recent.pekka@gone-recent.fi');
  const q = await person('Recent Kept', 'recent.kept@gone-recent.fi');
  await filing.fileTo(note(), [p, q]);
  expect(remembered().sort()).toEqual([p.name, q.name].sort());
  await store().store.merge(p.ref, q.ref); // a colleague, elsewhere

  const { outcomes } = await filing.fileTo(note(), [p]);
  expect(outcomes[0]!.status === 'failed' && outcomes[0]!.error).toBeInstanceOf(EntityGoneError);
  expect(filing.isEntityGone(outcomes[0]!.status === 'failed' ? outcomes[0]!.error : undefined)).toBe(true);
  expect(remembered()).toEqual([q.name]);
});

test('a merge and an erasure in this pane drop the merged-away and the erased entity from the recent ones', async () => {
  const p = await person('Recent Merged', 'recent.merged@gone-recent.fi');
  const q = await person('Recent Into', 'recent.into@gone-recent.fi');
  const e = await person('Recent Erased', 'recent.erased@gone-recent.fi');
  await filing.fileTo(note(), [p, q, e]);
  const keeping = keepingFor(filing.forgetEntity);
  await keeping.merge(p.ref, q.ref);
  expect(remembered().sort()).toEqual([q.name, e.name].sort());
  await keeping.erasePerson(e.ref);
  expect(remembered()).toEqual([q.name]);
});

test('an unfiled filing no longer makes its entity "filed to lately", unless a later filing does', async () => {
  const p = await person('Recent Tiina', 'recent.tiina@gone-recent.fi');
  const q = await person('Recent Kalle', 'recent.kalle@gone-recent.fi');
  const first = await filing.fileTo(note(), [p]);
  const mistaken = await filing.fileTo(note(), [q]);
  expect(remembered()).toEqual([q.name, p.name]);
  const filed = (o: (typeof mistaken.outcomes)[number]) => (o.status === 'filed' ? [o.filing] : []);
  await filing.unfile(mistaken.outcomes.flatMap(filed)[0]!);
  expect(remembered()).toEqual([p.name]);

  // Filed to twice: undoing the earlier filing leaves the later one's reason.
  const again = await filing.fileTo(note(), [p]);
  expect(again.outcomes[0]!.status).toBe('filed');
  await filing.unfile(first.outcomes.flatMap(filed)[0]!);
  expect(remembered()).toEqual([p.name]);
});
