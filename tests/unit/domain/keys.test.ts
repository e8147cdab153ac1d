import { boundedKey, filingKey, itemKey, MAX_KEY_LENGTH, type FiledItem } from '../../../src/domain/itemKeys';
import { nameWords } from '../../../src/domain/nameWords';

const base: FiledItem = { kind: 'message', immutableId: 'AAMkImm=', subject: 's', date: '2026-11-20T08:00:00Z' };

test.each([
  [{ ...base, internetMessageId: '<a@b.fi>' }, 'mail:<a@b.fi>'],
  [{ ...base, internetMessageId: null }, 'mailid:AAMkImm='],
  [{ ...base, kind: 'event' as const, iCalUId: '040000008200E0' }, 'event:040000008200E0'],
  [{ ...base, kind: 'series' as const, iCalUId: 'MASTER' }, 'series:MASTER'],
  [{ ...base, kind: 'note' as const, immutableId: '17' }, 'note:17'],
])('item key of %o is %s', (item, key) => {
  expect(itemKey(item)).toBe(key);
});

test('a message keeps its key across mailboxes and moves (immutable ids differ, internetMessageId does not)', () => {
  const mine = { ...base, internetMessageId: '<x@y.fi>' };
  expect(itemKey({ ...mine, immutableId: 'other-mailbox' })).toBe(itemKey(mine));
});

test('long keys stay within SharePoint’s 255 characters and stay distinct', () => {
  const a = boundedKey(`mail:<${'a'.repeat(900)}1@x.fi>`);
  const b = boundedKey(`mail:<${'a'.repeat(900)}2@x.fi>`);
  expect(a).toHaveLength(MAX_KEY_LENGTH);
  expect(b).toHaveLength(MAX_KEY_LENGTH);
  expect(a).not.toBe(b);
  expect(boundedKey('short')).toBe('short');
  expect(filingKey('mail:<a@b>', 'person:1')).toBe('mail:<a@b>|person:1');
});

test.each([
  ['Mikko Heikkinen', ['mikko heikkinen', 'mikko', 'heikkinen']],
  ['Hämeen ELY-keskus', ['hämeen ely-keskus', 'hämeen', 'ely', 'keskus']],
  ["Siobhán O'Brien", ["siobhán o'brien", 'siobhán', 'o', 'brien']],
  ['  Osaava   Harjuseutu -hanke ', ['osaava harjuseutu -hanke', 'osaava', 'harjuseutu', 'hanke']],
  ['Ｍｉｋｋｏ', ['mikko']],
  // Direction marks a mail client wraps a right-to-left name in are not part of any word.
  ['\u200Fفاطمة الحسيني\u200F', ['فاطمة الحسيني', 'فاطمة', 'الحسيني']],
  ['\u2067Leila\u2069 Haddad\u200B', ['leila haddad', 'leila', 'haddad']],
  ['', []],
])('name words of %j', (name, words) => {
  expect(nameWords(name)).toEqual(words);
});

test('a very long name gives a bounded number of bounded words', () => {
  const words = nameWords('sana '.repeat(2000));
  expect(words.length).toBeLessThanOrEqual(9);
  expect(Math.max(...words.map((w) => w.length))).toBeLessThanOrEqual(100);
});

test('a name word is never cut inside a character: no lone surrogate, so it can travel in a URL', () => {
  for (const word of nameWords(`${'a'.repeat(99)}😀 ${'b'.repeat(99)}😀`)) {
    expect(() => encodeURIComponent(word)).not.toThrow();
  }
});
