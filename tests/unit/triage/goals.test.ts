import { DEFAULT_DUE_RULE } from '../../../src/domain/triage/dueDate';
import { instantOfGraphDateTime as instantOf } from '../../../src/domain/graphDateTime';
import { sameFlag } from '../../../src/services/triage/flagTimes';
import { asapFlag, flagRestoreBody, isReached, restoreGoal, triageGoal } from '../../../src/services/triage/goals';
import { toMessageState } from '../../../src/services/triage/messageState';
import type { FollowupFlag, MessageState } from '../../../src/services/triage/types';

const INBOX = 'AAMkADinbox=';
const ASAP = 'AAMkADasap=';
const WEDNESDAY_NOON_HELSINKI = new Date('2025-03-12T10:00:00Z');
const utc = (iso: string) => ({ dateTime: iso.replace('Z', '.0000000'), timeZone: 'UTC' });

const message = (overrides: Partial<MessageState> = {}): MessageState => ({
  id: 'm1',
  subject: 'Hello',
  parentFolderId: INBOX,
  isRead: false,
  flag: { flagStatus: 'notFlagged' },
  categories: ['Hanke'],
  ...overrides,
});

describe('asapFlag', () => {
  test('starts now and is due Friday 16:00, both written in the mailbox zone as Graph named it', () => {
    expect(asapFlag(WEDNESDAY_NOON_HELSINKI, 'FLE Standard Time', DEFAULT_DUE_RULE)).toEqual({
      flagStatus: 'flagged',
      startDateTime: { dateTime: '2025-03-12T12:00:00', timeZone: 'FLE Standard Time' },
      dueDateTime: { dateTime: '2025-03-14T16:00:00', timeZone: 'FLE Standard Time' },
    });
  });

  test('an IANA zone works as well, and a zone nobody knows falls back to UTC (still the right instant)', () => {
    expect(asapFlag(WEDNESDAY_NOON_HELSINKI, 'Europe/Helsinki', DEFAULT_DUE_RULE).dueDateTime).toEqual({ dateTime: '2025-03-14T16:00:00', timeZone: 'Europe/Helsinki' });
    expect(asapFlag(WEDNESDAY_NOON_HELSINKI, 'tzone://Microsoft/Custom', DEFAULT_DUE_RULE).dueDateTime).toEqual({ dateTime: '2025-03-14T16:00:00', timeZone: 'UTC' });
  });
});

describe('triage goals', () => {
  const flag = asapFlag(WEDNESDAY_NOON_HELSINKI, 'FLE Standard Time', DEFAULT_DUE_RULE);
  const asap = triageGoal('m1', { action: 'asap', destinationFolderId: ASAP, flag });

  test('ASAP written blind: read and flag, then move', () => {
    expect(asap).toMatchObject({ readInChain: true, order: 'patchThenMove', blindPatches: [{ isRead: true, flag }] });
  });

  test('ASAP from a known state writes only what is missing', () => {
    expect(asap.patchesFrom(message())).toEqual([{ isRead: true, flag }]);
    expect(asap.patchesFrom(message({ isRead: true }))).toEqual([{ flag }]);
    // Flagged by an earlier attempt (same due, as Graph returns it: in UTC): kept, not restamped.
    const ours: FollowupFlag = { flagStatus: 'flagged', startDateTime: utc('2025-03-11T08:00:00Z'), dueDateTime: utc('2025-03-14T14:00:00Z') };
    expect(asap.patchesFrom(message({ isRead: true, flag: ours }))).toEqual([]);
    // Someone else's flag in the inbox is replaced; in the ASAP folder it is left as it is.
    const theirs: FollowupFlag = { flagStatus: 'flagged', startDateTime: utc('2025-03-01T08:00:00Z'), dueDateTime: utc('2025-03-03T08:00:00Z') };
    expect(asap.patchesFrom(message({ isRead: true, flag: theirs }))).toEqual([{ flag }]);
    expect(asap.patchesFrom(message({ isRead: true, flag: theirs, parentFolderId: ASAP }))).toEqual([]);
    expect(isReached(asap, message({ isRead: true, flag: theirs, parentFolderId: ASAP }))).toBe(true);
  });

  // Read later used to only move (read state and flag kept); the README promises unread and unflagged, so the
  // unread count in Read later says what is left to read and a flag the user set no longer asks for a task.
  test('Read later marks unread blind; clearing a flag waits until the message is read and shows one', () => {
    const goal = triageGoal('m1', { action: 'readLater', destinationFolderId: 'AAMkADlater=' });
    expect(goal.blindPatches).toEqual([{ isRead: false }]);
    expect(goal.patchesFrom(message())).toEqual([]);
    expect(goal.patchesFrom(message({ isRead: true }))).toEqual([{ isRead: false }]);
    expect(goal.patchesFrom(message({ isRead: true, flag: { flagStatus: 'flagged' } }))).toEqual([{ isRead: false, flag: { flagStatus: 'notFlagged' } }]);
    expect(goal.patchesFrom(message({ flag: { flagStatus: 'complete' } }))).toEqual([{ flag: { flagStatus: 'notFlagged' } }]);
    expect(isReached(goal, message())).toBe(false);
    expect(isReached(goal, message({ parentFolderId: 'AAMkADlater=' }))).toBe(true);
    expect(isReached(goal, message({ parentFolderId: 'AAMkADlater=', isRead: true }))).toBe(false);
  });

  test('Archive marks read blind; completing a flag waits until the message is read and shows one', () => {
    const goal = triageGoal('m1', { action: 'archive', destinationFolderId: 'AAMkADarchive=' });
    expect(goal.blindPatches).toEqual([{ isRead: true }]);
    expect(goal.patchesFrom(message({ flag: { flagStatus: 'flagged' } }))).toEqual([{ isRead: true, flag: { flagStatus: 'complete' } }]);
    expect(goal.patchesFrom(message({ isRead: true, flag: { flagStatus: 'complete' } }))).toEqual([]);
    expect(goal.patchesFrom(message({ isRead: true }))).toEqual([]);
  });

  test('an ASAP goal without its flag is a programming error', () => {
    expect(() => triageGoal('m1', { action: 'asap', destinationFolderId: ASAP })).toThrow();
  });
});

describe('restore goals (undo)', () => {
  test('back to the folder, read state and flag; moved first, then patched', () => {
    const before = message({ flag: { flagStatus: 'flagged', startDateTime: utc('2025-03-01T08:00:00Z'), dueDateTime: utc('2025-03-03T08:00:00Z') } });
    const goal = restoreGoal(before);
    expect(goal).toMatchObject({ destinationFolderId: INBOX, order: 'moveThenPatch', readInChain: false });
    expect(goal.blindPatches).toEqual([{ isRead: false, flag: flagRestoreBody(before.flag) }]);
    expect(goal.patchesFrom(before)).toEqual([]);
    expect(goal.patchesFrom({ ...before, isRead: true })).toEqual([{ isRead: false }]);
  });

  test('a flag with fewer dates than the current one is cleared first', () => {
    const before = message({ flag: { flagStatus: 'flagged' } });
    const goal = restoreGoal(before);
    expect(goal.blindPatches).toEqual([{ flag: { flagStatus: 'notFlagged' } }, { isRead: false, flag: { flagStatus: 'flagged' } }]);
    const current = message({ parentFolderId: ASAP, isRead: true, flag: { flagStatus: 'flagged', startDateTime: utc('2025-03-12T10:00:00Z'), dueDateTime: utc('2025-03-14T14:00:00Z') } });
    expect(goal.patchesFrom(current)).toEqual(goal.blindPatches);
    expect(goal.patchesFrom(message({ isRead: true }))).toEqual([{ isRead: false, flag: { flagStatus: 'flagged' } }]);
  });

  test('flag bodies: cleared, flagged, completed; a lone due date starts then too', () => {
    expect(flagRestoreBody({ flagStatus: 'notFlagged' })).toEqual({ flagStatus: 'notFlagged' });
    const done: FollowupFlag = { flagStatus: 'complete', startDateTime: utc('2025-03-01T08:00:00Z'), dueDateTime: utc('2025-03-03T08:00:00Z'), completedDateTime: utc('2025-03-02T08:00:00Z') };
    expect(flagRestoreBody(done)).toEqual(done);
    expect(flagRestoreBody({ flagStatus: 'flagged', dueDateTime: utc('2025-03-03T08:00:00Z') })).toEqual({ flagStatus: 'flagged', startDateTime: utc('2025-03-03T08:00:00Z'), dueDateTime: utc('2025-03-03T08:00:00Z') });
  });
});

describe('flag times', () => {
  test('the same instant in different zones and precisions', () => {
    expect(instantOf({ dateTime: '2025-03-14T16:00:00', timeZone: 'FLE Standard Time' })?.toISOString()).toBe('2025-03-14T14:00:00.000Z');
    expect(instantOf({ dateTime: '2025-03-14T14:00:00.0000000', timeZone: 'UTC' })?.toISOString()).toBe('2025-03-14T14:00:00.000Z');
    expect(instantOf({ dateTime: '2025-07-14T16:00:00.5', timeZone: 'Europe/Helsinki' })?.toISOString()).toBe('2025-07-14T13:00:00.500Z');
    expect(instantOf({ dateTime: 'Friday', timeZone: 'UTC' })).toBeUndefined();
    expect(instantOf({ dateTime: '2025-03-14T16:00:00', timeZone: 'Nowhere Standard Time' })).toBeUndefined();
  });

  test('flags alike by status and instants, not by text', () => {
    const written: FollowupFlag = { flagStatus: 'flagged', startDateTime: { dateTime: '2025-03-12T12:00:00', timeZone: 'FLE Standard Time' }, dueDateTime: { dateTime: '2025-03-14T16:00:00', timeZone: 'FLE Standard Time' } };
    const returned: FollowupFlag = { flagStatus: 'flagged', startDateTime: utc('2025-03-12T10:00:00Z'), dueDateTime: utc('2025-03-14T14:00:00Z') };
    expect(sameFlag(written, returned)).toBe(true);
    expect(sameFlag(written, { ...returned, flagStatus: 'complete' })).toBe(false);
    expect(sameFlag({ flagStatus: 'notFlagged' }, { flagStatus: 'notFlagged' })).toBe(true);
    expect(sameFlag(returned, { flagStatus: 'flagged' })).toBe(false);
  });
});

describe('message state from Graph or storage', () => {
  test('takes what triage needs, with defaults for what Graph left out', () => {
    expect(toMessageState({ '@odata.etag': 'W/"x"', id: 'm1', parentFolderId: INBOX, flag: { flagStatus: 'flagged', dueDateTime: { dateTime: '2025-03-14T14:00:00' } }, extra: 1 })).toEqual({
      id: 'm1',
      subject: '',
      parentFolderId: INBOX,
      isRead: false,
      flag: { flagStatus: 'flagged', dueDateTime: { dateTime: '2025-03-14T14:00:00', timeZone: 'UTC' } },
      categories: [],
    });
  });

  test('no id or folder: not a message; odd flag values: not flagged', () => {
    expect(toMessageState({ id: 'm1' })).toBeUndefined();
    expect(toMessageState('m1')).toBeUndefined();
    expect(toMessageState({ id: 'm1', parentFolderId: INBOX, flag: { flagStatus: 'red' }, categories: ['a', 2] })).toMatchObject({ flag: { flagStatus: 'notFlagged' }, categories: ['a'] });
  });
});
