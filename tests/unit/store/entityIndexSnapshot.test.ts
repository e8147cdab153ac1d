/**
 * The entity index's snapshot between sessions: round trip, and everything that must make it go away
 * (corrupt text, an older version, another site) or stay away (too large for storage).
 */
import type { EntityRecord } from '../../../src/domain/localSearch';
import { organisationRecord, personRecord, projectRecord } from '../../../src/record/indexRecords';
import {
  decodeSnapshot,
  encodeSnapshot,
  readSnapshot,
  SNAPSHOT_VERSION,
  writeSnapshot,
  type SnapshotScope,
  type SnapshotStore,
  createMemorySnapshotStore,
  PART_ROWS,
  type StoredIndex,
} from '../../../src/record/indexSnapshot';
import { ENTITY_INDEX_KEY as SNAPSHOT_KEY } from '../../../src/services/storage/keys';

const scope: SnapshotScope = { siteId: 'host,site-guid,web-guid', lists: { people: 'p-guid', organisations: 'o-guid', projects: 'j-guid' } };
const links = { people: 'https://graph/v1.0/p?token=1', organisations: 'https://graph/v1.0/o?token=2', projects: 'https://graph/v1.0/j?token=3' };
const records: EntityRecord[] = [
  personRecord('1', 'Mikko Heikkinen', ['mikko.heikkinen@kallio.fi', 'mh@koti.fi'], '10'),
  personRecord('2', `O'Brien "Quote" ‮ 🎉`, [], null),
  organisationRecord('10', 'Kallion Kone Oy', ['kallio.fi']),
  projectRecord('20', 'Hanke', 'fundedProject'),
  projectRecord('21', 'Päättynyt hanke', 'project', true),
];
const warm: StoredIndex = { state: 'warm', savedAt: '2026-11-20T10:00:00.000Z', links, records };

/** IndexedDB's object store as the index uses it: values cloned, and a quota on how many it holds. */
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

const place = (store: SnapshotStore) => ({ store, key: SNAPSHOT_KEY });

test('records and links come back as they went in', () => {
  expect(decodeSnapshot(structuredClone(encodeSnapshot(scope, warm)), scope)).toEqual(warm);
});

test('compact: tuples, no property names per record', () => {
  const wire = encodeSnapshot(scope, warm);
  expect(wire.rows[0]).toEqual([0, '1', 'Mikko Heikkinen', 'mikko.heikkinen@kallio.fi\nmh@koti.fi', '10']);
  expect(JSON.stringify(wire)).not.toContain('"name"');
});

test('a too-large mark keeps its date', () => {
  const mark: StoredIndex = { state: 'tooLarge', savedAt: '2026-11-20T10:00:00.000Z' };
  expect(decodeSnapshot(encodeSnapshot(scope, mark), scope)).toEqual(mark);
});

describe('discarded', () => {
  const good = encodeSnapshot(scope, warm);
  test.each([
    ['corrupt text', '{"v":1,'],
    ['not an object', [1, 2, 3]],
    ['an older version', { ...good, head: { ...good.head, v: SNAPSHOT_VERSION - 1 } }],
    ['a newer version', { ...good, head: { ...good.head, v: SNAPSHOT_VERSION + 1 } }],
    ['another site', { ...good, head: { ...good.head, siteId: 'other' } }],
    ['a recreated list', { ...good, head: { ...good.head, lists: { ...scope.lists, people: 'new-guid' } } }],
    ['a missing delta link', { ...good, head: { ...good.head, links: { ...links, projects: '' } } }],
    ['a malformed row', { ...good, rows: [[0, '1', 'Mikko', 3, '']] }],
    ['a short row', { ...good, rows: [[1, '10', 'Kallio']] }],
    ['an unknown kind', { ...good, rows: [[7, '10', 'Kallio', '', '']] }],
    ['an unknown state', { ...good, head: { ...good.head, state: 'lukewarm' } }],
  ])('%s', async (_, wire) => {
    expect(decodeSnapshot(wire, scope)).toBeUndefined();
    // As stored: the head under the key, the rows in a part of their own.
    const store = new MemoryStore();
    const stored = typeof wire === 'object' && wire !== null && 'head' in wire ? wire : { head: wire, rows: [] };
    if (typeof stored.head === 'object' && stored.head !== null) {
      store.values.set(SNAPSHOT_KEY, { ...stored.head, parts: 1 });
      store.values.set(`${SNAPSHOT_KEY}#0`, stored.rows);
    } else store.values.set(SNAPSHOT_KEY, stored.head);
    expect(await readSnapshot(place(store), scope)).toBeUndefined();
    expect(store.values.size).toBe(0);
  });
});

describe('storage', () => {
  test('written in parts, read back whole', async () => {
    const many = Array.from({ length: PART_ROWS * 2 + 3 }, (_, i) => personRecord(String(i), `Henkilö ${i}`, [`h${i}@kallio.fi`], null));
    const store = new MemoryStore();
    const big: StoredIndex = { ...warm, records: many };
    expect(await writeSnapshot(place(store), scope, big)).toBe(true);
    expect(store.values.size).toBe(4); // the head and three parts
    expect(await readSnapshot(place(store), scope)).toEqual(big);
    // A smaller snapshot leaves no part of the bigger one behind.
    expect(await writeSnapshot(place(store), scope, warm)).toBe(true);
    expect(store.values.size).toBe(2);
    expect(await readSnapshot(place(store), scope)).toEqual(warm);
  });

  test('the shared memory store clones as IndexedDB does', async () => {
    const store = createMemorySnapshotStore();
    expect(await writeSnapshot(place(store), scope, warm)).toBe(true);
    expect(await readSnapshot(place(store), scope)).toEqual(warm);
  });

  test('a quota error leaves nothing behind, not even an older snapshot, and does not throw', async () => {
    const store = new MemoryStore(3);
    const many = Array.from({ length: PART_ROWS * 3 }, (_, i) => personRecord(String(i), `H ${i}`, [], null));
    expect(await writeSnapshot(place(store), scope, warm)).toBe(true);
    expect(await writeSnapshot(place(store), scope, { ...warm, records: many })).toBe(false);
    expect(store.values.size).toBe(0);
  });

  test('storage that refuses to be read reads as no snapshot', async () => {
    const refusing: SnapshotStore = {
      get: () => Promise.reject(new DOMException('denied', 'SecurityError')),
      set: () => Promise.resolve(),
      delete: () => Promise.resolve(),
    };
    expect(await readSnapshot(place(refusing), scope)).toBeUndefined();
  });
});
