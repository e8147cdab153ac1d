import { GraphRequestError } from '../../../src/graph/errors';
import { createOutbox, OUTBOX_KEY } from '../../../src/services/triage/outbox';
import type { TriageService } from '../../../src/services/triage/triageService';
import type { MessageState, TriageFailure, TriageOptions, TriageResult } from '../../../src/services/triage/types';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { items, getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
}

const state = (id: string): MessageState => ({ id, subject: `Subject ${id}`, parentFolderId: 'AAMkADinbox=', isRead: false, flag: { flagStatus: 'notFlagged' }, categories: [] });
const throttled = new GraphRequestError(429, 'TooManyRequests', 'Please retry again later.');
const unavailable = new GraphRequestError(503, 'serviceNotAvailable', 'Later.');
const failure = (id: string, error = throttled): TriageFailure => ({ messageId: id, subject: `Subject ${id}`, error, before: state(id) });

/** A service whose triage answers as told and records how it was called. */
function fakeService(answer: (ids: readonly string[], options?: TriageOptions) => Promise<TriageResult> | TriageResult) {
  const calls: Array<{ action: string; ids: readonly string[]; options?: TriageOptions }> = [];
  const service = {
    triage: jest.fn(async (action: string, ids: readonly string[], options?: TriageOptions) => {
      calls.push({ action, ids, ...(options ? { options } : {}) });
      return answer(ids, options);
    }),
  } as unknown as TriageService;
  return { service, calls };
}

const result = (done: string[], failed: TriageFailure[] = []): TriageResult => ({
  record: { id: 'r', action: 'asap', at: '2025-03-12T10:00:00.000Z', messages: done.map((id) => ({ before: state(id), destinationFolderId: 'AAMkADasap=' })) },
  failed,
});

test('keeps the failed messages of an action with their subjects, error and earlier state, persisted', () => {
  const storage = memoryStorage();
  const outbox = createOutbox(storage, undefined, () => new Date('2025-03-12T10:00:00Z'));
  const entry = outbox.add('asap', [failure('m1'), failure('m2', unavailable)]);
  expect(entry).toMatchObject({
    action: 'asap',
    messageIds: ['m1', 'm2'],
    subjects: ['Subject m1', 'Subject m2'],
    lastError: '429 TooManyRequests',
    attempts: 1,
    at: '2025-03-12T10:00:00.000Z',
    before: { m1: state('m1'), m2: state('m2') },
  });
  expect(createOutbox(storage).list()).toEqual([entry]);
});

test('nothing failed, nothing to keep', () => {
  expect(() => createOutbox(memoryStorage()).add('archive', [])).toThrow(RangeError);
});

test('the latest action on a message wins: it leaves older entries (and an emptied entry goes)', () => {
  const outbox = createOutbox(memoryStorage());
  const older = outbox.add('asap', [failure('m1'), failure('m2')]);
  outbox.add('readLater', [failure('m3')]);
  const newer = outbox.add('archive', [failure('m1'), failure('m3')]);
  expect(outbox.list().map((e) => [e.id === newer.id ? 'newer' : e.id === older.id ? 'older' : 'other', e.messageIds])).toEqual([
    ['newer', ['m1', 'm3']],
    ['older', ['m2']],
  ]);
  expect(outbox.list()[1]!.before).toEqual({ m2: state('m2') });
});

test('retry reads first, passes the earlier states, and removes the entry when everything got done', async () => {
  const outbox = createOutbox(memoryStorage());
  const entry = outbox.add('asap', [failure('m1'), failure('m2')]);
  const { service, calls } = fakeService((ids) => result([...ids]));
  const done = await outbox.retry(entry.id, service);
  expect(done.failed).toEqual([]);
  expect(calls).toEqual([{ action: 'asap', ids: ['m1', 'm2'], options: { verifyFirst: true, leaveMovedSince: true, beforeWrite: expect.any(Function), before: { m1: state('m1'), m2: state('m2') } } }]);
  expect(outbox.list()).toEqual([]);
});

test('what still fails stays, with one more attempt and the newest error', async () => {
  const outbox = createOutbox(memoryStorage());
  const entry = outbox.add('readLater', [failure('m1'), failure('m2')]);
  const { service } = fakeService(() => result(['m1'], [{ messageId: 'm2', subject: '', error: unavailable }]));
  await outbox.retry(entry.id, service);
  expect(outbox.list()).toEqual([{ ...entry, messageIds: ['m2'], subjects: ['Subject m2'], lastError: '503 serviceNotAvailable', attempts: 2, before: { m2: state('m2') } }]);
});

test('a retry that throws (signed out) counts the attempt and keeps everything', async () => {
  const outbox = createOutbox(memoryStorage());
  const entry = outbox.add('asap', [failure('m1')]);
  const { service } = fakeService(() => Promise.reject(new Error('interaction_required')));
  await expect(outbox.retry(entry.id, service)).rejects.toThrow('interaction_required');
  expect(outbox.list()).toEqual([{ ...entry, attempts: 2, lastError: 'interaction_required' }]);
});

test('two retries of one entry at once share one attempt', async () => {
  const outbox = createOutbox(memoryStorage());
  const entry = outbox.add('asap', [failure('m1')]);
  let release: () => void = () => undefined;
  const { service, calls } = fakeService((ids) => new Promise((resolve) => (release = () => resolve(result([...ids])))));
  const first = outbox.retry(entry.id, service);
  const second = outbox.retry(entry.id, service);
  release();
  expect(await first).toBe(await second);
  expect(calls).toHaveLength(1);
});

test('an entry discarded while its retry runs is not brought back', async () => {
  const outbox = createOutbox(memoryStorage());
  const entry = outbox.add('asap', [failure('m1'), failure('m2')]);
  const { service } = fakeService(() => {
    outbox.discard(entry.id);
    return result([], [failure('m1')]);
  });
  await outbox.retry(entry.id, service);
  expect(outbox.list()).toEqual([]);
});

test('retrying an entry that is not there is an error', async () => {
  const { service } = fakeService(() => result([]));
  await expect(createOutbox(memoryStorage()).retry('nope', service)).rejects.toThrow(RangeError);
});

test('discard removes the entry and tells subscribers', () => {
  const outbox = createOutbox(memoryStorage());
  const heard = jest.fn();
  outbox.subscribe(heard);
  const entry = outbox.add('asap', [failure('m1')]);
  outbox.discard(entry.id);
  expect(outbox.list()).toEqual([]);
  expect(heard).toHaveBeenCalledTimes(2);
});

test.each([
  ['not JSON', 'nope'],
  ['an object', '{}'],
])('corrupt storage (%s) reads as empty', (_, text) => {
  expect(createOutbox(memoryStorage({ [OUTBOX_KEY]: text })).list()).toEqual([]);
});

test('a stored entry is repaired where it can be and dropped where it cannot', () => {
  const good = { id: 'e1', action: 'asap', messageIds: ['m1', 'm2'], subjects: ['Only one'], lastError: '429 TooManyRequests', attempts: 2, at: '2025-03-12T10:00:00.000Z' };
  const stored = [
    good,
    { ...good, id: 'e2', messageIds: [] },
    { ...good, id: 'e3', action: 'flag' },
    { ...good, id: '' },
    { ...good, id: 'e4', attempts: -1, lastError: 7, before: { m1: { id: 'other', parentFolderId: 'f' }, m2: state('m2') } },
  ];
  const list = createOutbox(memoryStorage({ [OUTBOX_KEY]: JSON.stringify(stored) })).list();
  expect(list.map((e) => e.id)).toEqual(['e1', 'e4']);
  expect(list[0]!.subjects).toEqual(['Only one', '']);
  expect(list[1]).toMatchObject({ attempts: 0, lastError: '', before: { m2: state('m2') } });
  expect(list[1]!.before).not.toHaveProperty('m1');
});

describe('the latest intent per message wins (issue 17)', () => {
  test('an intent is written down before it is sent, and takes its messages out of older entries', () => {
    const storage = memoryStorage();
    const outbox = createOutbox(storage, undefined, () => new Date('2025-03-12T10:00:00Z'));
    const older = outbox.add('asap', [failure('m1'), failure('m2')]);
    const intent = outbox.begin('archive', [{ id: 'm1', subject: 'Subject m1' }], null);
    expect(createOutbox(storage).list()).toEqual([
      { id: intent.id, action: 'archive', messageIds: ['m1'], subjects: ['Subject m1'], lastError: '', attempts: 0, at: '2025-03-12T10:00:00.000Z', state: 'sending' },
      { ...older, messageIds: ['m2'], subjects: ['Subject m2'], before: { m2: state('m2') } },
    ]);
  });

  test('settled with nothing failed, the intent goes; what was done also leaves every other entry (ids as Graph names them)', () => {
    const outbox = createOutbox(memoryStorage());
    outbox.add('asap', [failure('immutable-m1'), failure('m2')]);
    const intent = outbox.begin('archive', [{ id: 'rest-m1', subject: 'Subject m1' }]);
    expect(outbox.settle(intent.id, ['immutable-m1'], [])).toBeNull();
    expect(outbox.list().map((e) => [e.action, e.messageIds])).toEqual([['asap', ['m2']]]);
  });

  test('settled with failures, the intent becomes an ordinary entry that remembers which "before" states are unknown', () => {
    const outbox = createOutbox(memoryStorage());
    const intent = outbox.begin('asap', [
      { id: 'm1', subject: 'Subject m1' },
      { id: 'm2', subject: 'Subject m2' },
    ]);
    const lost: TriageFailure = { messageId: 'm2', subject: '', error: unavailable, beforeLost: true };
    const kept = outbox.settle(intent.id, [], [failure('m1'), lost]);
    expect(kept).toEqual({
      id: intent.id,
      action: 'asap',
      messageIds: ['m1', 'm2'],
      subjects: ['Subject m1', 'Subject m2'],
      lastError: '429 TooManyRequests',
      attempts: 1,
      at: intent.at,
      before: { m1: state('m1') },
      beforeLost: ['m2'],
    });
    expect(outbox.list()).toEqual([kept]);
  });

  test('a retry passes on which messages have no knowable "before", so its first read is never taken for one', async () => {
    const outbox = createOutbox(memoryStorage());
    const entry = outbox.add('asap', [{ messageId: 'm2', subject: 'Subject m2', error: unavailable, beforeLost: true }]);
    const { service, calls } = fakeService(() => ({ ...result([]), unconfirmed: [{ messageId: 'm2', subject: 'Subject m2' }] }));
    await outbox.retry(entry.id, service);
    expect(calls[0]!.options).toEqual({ verifyFirst: true, leaveMovedSince: true, beforeWrite: expect.any(Function), beforeLost: ['m2'] });
    expect(outbox.list()).toEqual([]);
  });

  test('stored entries of an older version still parse; an intent and its unknown states are read back', () => {
    const old = { id: 'e1', action: 'readLater', messageIds: ['m1'], subjects: ['S'], lastError: '503 x', attempts: 2, at: '2025-03-12T10:00:00.000Z' };
    const sending = { ...old, id: 'e2', state: 'sending', beforeLost: ['m1', 'not-in-entry', 7] };
    const odd = { ...old, id: 'e3', state: 'flying' };
    const outbox = createOutbox(memoryStorage({ [OUTBOX_KEY]: JSON.stringify([old, sending, odd]) }));
    expect(outbox.list()).toEqual([old, { ...old, id: 'e2', state: 'sending', beforeLost: ['m1'] }, { ...old, id: 'e3' }]);
  });
});

test("an intent's messages are renamed to the ids that survive a move, with what is known of them", () => {
  const outbox = createOutbox(memoryStorage());
  const intent = outbox.begin('archive', [{ id: 'rest-1', subject: 'S' }, { id: 'rest-2', subject: 'T' }]);
  outbox.rename(intent.id, new Map([['rest-1', 'immutable-1']]));
  expect(outbox.list()[0]).toMatchObject({ id: intent.id, messageIds: ['immutable-1', 'rest-2'], subjects: ['S', 'T'], state: 'sending' });
});
