import { GraphError } from '../../../dev/sandbox/core/errors';
import { etagMatches, itemEtag } from '../../../dev/sandbox/sharepoint/etag';
import { decodeSkipToken, encodeSkipToken } from '../../../dev/sandbox/sharepoint/skiptoken';

describe('list item $skiptoken', () => {
  it("is SharePoint's list position, base64 without padding", () => {
    // The token real Graph nextLinks carry for "after item 1".
    expect(encodeSkipToken({ keys: [], id: 1 }, [])).toBe('UGFnZWQ9VFJVRSZwX0lEPTE');
    expect(decodeSkipToken('UGFnZWQ9VFJVRSZwX0lEPTE', 0)).toEqual({ keys: [], id: 1 });
  });

  it('round-trips typed sort keys of an ordered query', () => {
    const position = { keys: ['ab&c=d', 42, null, true], id: 7 };
    const token = encodeSkipToken(position, ['Title', 'Amount', 'Due', 'Done']);
    expect(token).not.toMatch(/[=/+]$/);
    expect(Buffer.from(token, 'base64').toString()).toMatch(/^Paged=TRUE&p_Title=.*&p_ID=7$/);
    expect(decodeSkipToken(token, 4)).toEqual(position);
  });

  it('is stable: the same position gives the same token', () => {
    const a = encodeSkipToken({ keys: ['x'], id: 3 }, ['Title']);
    expect(encodeSkipToken({ keys: ['x'], id: 3 }, ['Title'])).toBe(a);
  });

  it('rejects garbage and tokens from a different ordering with 400', () => {
    expect(() => decodeSkipToken('bm9wZQ', 0)).toThrow(GraphError);
    const ordered = encodeSkipToken({ keys: ['x'], id: 3 }, ['Title']);
    expect(() => decodeSkipToken(ordered, 0)).toThrow(expect.objectContaining({ status: 400 }));
  });
});

describe('list item eTags', () => {
  const current = itemEtag('12b493eb-2452-451b-84e5-ecba8ec898c8', 2);

  it('look like Graph\'s: quoted guid and version', () => {
    expect(current).toBe('"12b493eb-2452-451b-84e5-ecba8ec898c8,2"');
  });

  it('match the current version, * and an absent header only', () => {
    expect(etagMatches(undefined, current)).toBe(true);
    expect(etagMatches('*', current)).toBe(true);
    expect(etagMatches(current, current)).toBe(true);
    expect(etagMatches('W/"12B493EB-2452-451B-84E5-ECBA8EC898C8,2"', current)).toBe(true);
    expect(etagMatches('"{12B493EB-2452-451B-84E5-ECBA8EC898C8},2"', current)).toBe(true);
    expect(etagMatches('"12b493eb-2452-451b-84e5-ecba8ec898c8,1"', current)).toBe(false);
  });
});
