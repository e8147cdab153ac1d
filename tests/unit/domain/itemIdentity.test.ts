import { MAX_TRANSLATE_IDS, officeItemKey, translatedIds, translationChunks } from '../../../src/domain/itemIdentity';

describe('translatedIds', () => {
  test.each([
    ['answers in order', ['a', 'b'], [{ sourceId: 'a', targetId: 'A' }, { sourceId: 'b', targetId: 'B' }], [['a', 'A'], ['b', 'B']]],
    ['answers out of order are matched by sourceId', ['a', 'b'], [{ sourceId: 'b', targetId: 'B' }, { sourceId: 'a', targetId: 'A' }], [['a', 'A'], ['b', 'B']]],
    ['an id with errorDetails is left out', ['a', 'b'], [{ sourceId: 'a', errorDetails: { code: 'ErrorInvalidIdMalformed', message: 'Id is malformed.' } }, { sourceId: 'b', targetId: 'B' }], [['b', 'B']]],
    ['an answer for an id not asked is ignored', ['a'], [{ sourceId: 'z', targetId: 'Z' }, { sourceId: 'a', targetId: 'A' }], [['a', 'A']]],
    ['a null or empty target is no target', ['a', 'b'], [{ sourceId: 'a', targetId: null }, { sourceId: 'b', targetId: '' }], []],
    ['the first answer for an id wins', ['a'], [{ sourceId: 'a', targetId: 'A1' }, { sourceId: 'a', targetId: 'A2' }], [['a', 'A1']]],
    ['no answers', ['a'], [], []],
  ] as const)('%s', (_name, inputs, results, expected) => {
    expect([...translatedIds(inputs, results)]).toEqual(expected);
  });
});

describe('translationChunks', () => {
  test('Graph takes at most 1000 ids a call', () => expect(MAX_TRANSLATE_IDS).toBe(1000));
  test('none, one, exactly a call, one over', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `id${i}`);
    expect(translationChunks([])).toEqual([]);
    expect(translationChunks(['x'])).toEqual([['x']]);
    expect(translationChunks(ids(1000)).map((c) => c.length)).toEqual([1000]);
    expect(translationChunks(ids(1001)).map((c) => c.length)).toEqual([1000, 1]);
  });
  test('a duplicate is asked once, in first-seen order', () => expect(translationChunks(['b', 'a', 'b'], 2)).toEqual([['b', 'a']]));
});

describe('officeItemKey', () => {
  test('an id means something only in its mailbox; addresses compare without case', () => {
    expect(officeItemKey(null, 'X')).not.toBe(officeItemKey('team@seutuopisto.fi', 'X'));
    expect(officeItemKey('Team@Seutuopisto.fi', 'X')).toBe(officeItemKey('team@seutuopisto.fi', 'X'));
    expect(officeItemKey(undefined, 'X')).toBe(officeItemKey(null, 'X'));
    expect(officeItemKey(null, 'x')).not.toBe(officeItemKey(null, 'X'));
  });
});
