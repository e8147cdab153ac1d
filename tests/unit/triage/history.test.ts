import { createTriageHistory, HISTORY_KEY, HISTORY_LIMIT } from '../../../src/services/triage/undoHistory';
import type { MessageState, TriageRecord } from '../../../src/services/triage/types';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: jest.fn((key: string, value: string) => void items.set(key, value)),
  };
}

const state = (id: string): MessageState => ({
  id,
  subject: `Subject ${id}`,
  parentFolderId: 'AAMkADinbox=',
  isRead: false,
  flag: { flagStatus: 'flagged', startDateTime: { dateTime: '2025-03-10T08:00:00.0000000', timeZone: 'UTC' }, dueDateTime: { dateTime: '2025-03-14T14:00:00.0000000', timeZone: 'UTC' } },
  categories: ['Hanke'],
});

const record = (id: string, at = '2025-03-12T10:00:00.000Z'): TriageRecord => ({
  id,
  action: 'asap',
  at,
  messages: [{ before: state(`m-${id}`), destinationFolderId: 'AAMkADasap=' }],
});

test('newest first, persisted, and read back by another instance (the ribbon and the pane share it)', () => {
  const storage = memoryStorage();
  const history = createTriageHistory(storage);
  history.add(record('a'));
  history.add(record('b'));
  expect(history.list().map((r) => r.id)).toEqual(['b', 'a']);
  expect(createTriageHistory(storage).list()).toEqual([record('b'), record('a')]);
  expect(JSON.parse(storage.items.get(HISTORY_KEY)!)).toHaveLength(2);
});

test(`keeps at most ${HISTORY_LIMIT}, dropping the oldest`, () => {
  const history = createTriageHistory(memoryStorage());
  for (let i = 0; i < HISTORY_LIMIT + 5; i++) history.add(record(String(i)));
  const ids = history.list().map((r) => r.id);
  expect(ids).toHaveLength(HISTORY_LIMIT);
  expect(ids[0]).toBe(String(HISTORY_LIMIT + 4));
  expect(ids.at(-1)).toBe('5');
});

test('remove takes one record out; adding the same record again does not duplicate it', () => {
  const history = createTriageHistory(memoryStorage());
  history.add(record('a'));
  history.add(record('b'));
  history.add(record('a'));
  expect(history.list().map((r) => r.id)).toEqual(['a', 'b']);
  history.remove('a');
  expect(history.list().map((r) => r.id)).toEqual(['b']);
});

test('a record that triaged nothing is not kept: there is nothing to undo', () => {
  const history = createTriageHistory(memoryStorage());
  history.add({ ...record('a'), messages: [] });
  expect(history.list()).toEqual([]);
});

test.each([
  ['not JSON', '{oops'],
  ['not a list', '{"id":"a"}'],
  ['null', 'null'],
  ['a number', '42'],
])('corrupt storage (%s) reads as empty', (_, text) => {
  expect(createTriageHistory(memoryStorage({ [HISTORY_KEY]: text })).list()).toEqual([]);
});

test('a bad record is dropped, the good ones kept', () => {
  const bad = [
    { ...record('x'), action: 'delete' },
    { ...record('y'), at: 'yesterday' },
    { ...record('z'), messages: [{ before: { id: 'm' }, destinationFolderId: 'f' }] },
    { ...record('w'), messages: [{ before: state('m'), destinationFolderId: '' }] },
    'text',
    null,
  ];
  const storage = memoryStorage({ [HISTORY_KEY]: JSON.stringify([record('a'), ...bad, record('b')]) });
  expect(createTriageHistory(storage).list().map((r) => r.id)).toEqual(['a', 'b']);
});

test('list() returns the same array until something changes (as useSyncExternalStore needs)', () => {
  const history = createTriageHistory(memoryStorage());
  history.add(record('a'));
  const first = history.list();
  expect(history.list()).toBe(first);
  history.add(record('b'));
  expect(history.list()).not.toBe(first);
});

test('subscribers hear of each change until they unsubscribe; a throwing one does not stop the rest', () => {
  const history = createTriageHistory(memoryStorage());
  const heard = jest.fn();
  history.subscribe(() => {
    throw new Error('broken listener');
  });
  const stop = history.subscribe(heard);
  history.add(record('a'));
  history.remove('a');
  stop();
  history.add(record('b'));
  expect(heard).toHaveBeenCalledTimes(2);
});

test('storage that refuses writes (quota, private mode) still keeps the list for this session', () => {
  const storage = memoryStorage();
  storage.setItem.mockImplementation(() => {
    throw new DOMException('full', 'QuotaExceededError');
  });
  const history = createTriageHistory(storage);
  history.add(record('a'));
  expect(history.list().map((r) => r.id)).toEqual(['a']);
});

test('a change made by another window is seen on the next read', () => {
  const storage = memoryStorage();
  const pane = createTriageHistory(storage);
  const ribbon = createTriageHistory(storage);
  expect(pane.list()).toEqual([]);
  ribbon.add(record('a'));
  expect(pane.list().map((r) => r.id)).toEqual(['a']);
});
