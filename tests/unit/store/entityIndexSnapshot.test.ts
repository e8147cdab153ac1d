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
  type SnapshotStorage,
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
];
const warm: StoredIndex = { state: 'warm', savedAt: '2026-11-20T10:00:00.000Z', links, records };

/** localStorage as the browser has it: strings only, and a quota that throws. */
class MemoryStorage implements SnapshotStorage {
  readonly items = new Map<string, string>();
  constructor(private readonly quotaChars = Infinity) {}
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (value.length > this.quotaChars) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

test('records and links come back as they went in', () => {
  expect(decodeSnapshot(encodeSnapshot(scope, warm), scope)).toEqual(warm);
});

test('the text is compact: tuples, no property names per record', () => {
  const text = encodeSnapshot(scope, warm);
  expect(text).toContain('["1","Mikko Heikkinen","mikko.heikkinen@kallio.fi\\nmh@koti.fi","10"]');
  expect(text).not.toContain('"name"');
});

test('a too-large mark keeps its date', () => {
  const mark: StoredIndex = { state: 'tooLarge', savedAt: '2026-11-20T10:00:00.000Z' };
  expect(decodeSnapshot(encodeSnapshot(scope, mark), scope)).toEqual(mark);
});

describe('discarded', () => {
  const good = JSON.parse(encodeSnapshot(scope, warm)) as Record<string, unknown>;
  test.each([
    ['corrupt JSON', '{"v":1,'],
    ['not an object', '[1,2,3]'],
    ['an older version', JSON.stringify({ ...good, v: SNAPSHOT_VERSION - 1 })],
    ['a newer version', JSON.stringify({ ...good, v: SNAPSHOT_VERSION + 1 })],
    ['another site', JSON.stringify({ ...good, siteId: 'other' })],
    ['a recreated list', JSON.stringify({ ...good, lists: { ...scope.lists, people: 'new-guid' } })],
    ['a missing delta link', JSON.stringify({ ...good, links: { ...links, projects: '' } })],
    ['a malformed row', JSON.stringify({ ...good, people: [['1', 'Mikko', 3, '']] })],
    ['a short row', JSON.stringify({ ...good, organisations: [['10', 'Kallio']] })],
    ['an unknown state', JSON.stringify({ ...good, state: 'lukewarm' })],
  ])('%s', (_, text) => {
    expect(decodeSnapshot(text, scope)).toBeUndefined();
    const storage = new MemoryStorage();
    storage.setItem(SNAPSHOT_KEY, text);
    expect(readSnapshot({ storage: storage, key: SNAPSHOT_KEY }, scope)).toBeUndefined();
    expect(storage.getItem(SNAPSHOT_KEY)).toBeNull();
  });
});

describe('storage size', () => {
  test('written when it fits', () => {
    const storage = new MemoryStorage();
    expect(writeSnapshot({ storage: storage, key: SNAPSHOT_KEY }, scope, warm)).toBe(true);
    expect(readSnapshot({ storage: storage, key: SNAPSHOT_KEY }, scope)).toEqual(warm);
  });

  test('over the budget nothing is written, and an older snapshot is removed', () => {
    const storage = new MemoryStorage();
    writeSnapshot({ storage: storage, key: SNAPSHOT_KEY }, scope, warm);
    expect(writeSnapshot({ storage: storage, key: SNAPSHOT_KEY }, scope, warm, 100)).toBe(false);
    expect(storage.getItem(SNAPSHOT_KEY)).toBeNull();
  });

  test('a quota error leaves nothing behind and does not throw', () => {
    const storage = new MemoryStorage(50);
    expect(writeSnapshot({ storage: storage, key: SNAPSHOT_KEY }, scope, warm)).toBe(false);
    expect(storage.items.size).toBe(0);
  });

  test('storage that refuses to be read reads as no snapshot', () => {
    const refusing: SnapshotStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => undefined,
      removeItem: () => undefined,
    };
    expect(readSnapshot({ storage: refusing, key: SNAPSHOT_KEY }, scope)).toBeUndefined();
  });
});
