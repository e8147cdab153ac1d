import { decideThreshold, type ThresholdInput } from '../../../dev/sandbox/sharepoint/threshold';

const base: ThresholdInput = {
  itemCount: 10,
  referenced: [],
  honorNonIndexed: false,
  hasFilter: false,
  narrowedTo: undefined,
  orderBy: [],
};

describe('list view threshold decision', () => {
  it('refuses a non-indexed column even on a tiny list without the Prefer header', () => {
    const decision = decideThreshold({ ...base, hasFilter: true, referenced: [{ name: 'Email', indexed: false }] });
    expect(decision).toEqual({ kind: 'notIndexed', field: 'Email' });
  });

  it('names the first non-indexed column (filter before order-by)', () => {
    const decision = decideThreshold({
      ...base,
      hasFilter: true,
      referenced: [
        { name: 'Kind', indexed: true },
        { name: 'Note', indexed: false },
        { name: 'Title', indexed: false },
      ],
    });
    expect(decision).toEqual({ kind: 'notIndexed', field: 'Note' });
  });

  it('allows non-indexed queries with the Prefer header up to 5,000 items', () => {
    const input = { ...base, hasFilter: true, honorNonIndexed: true, referenced: [{ name: 'Note', indexed: false }] };
    expect(decideThreshold({ ...input, itemCount: 5000 })).toEqual({ kind: 'allowed' });
    expect(decideThreshold({ ...input, itemCount: 5001 })).toEqual({ kind: 'exceedsThreshold' });
  });

  it('allows a large list when an indexed clause narrows it to the threshold', () => {
    const input = { ...base, itemCount: 100_000, hasFilter: true, referenced: [{ name: 'Email', indexed: true }] };
    expect(decideThreshold({ ...input, narrowedTo: 1 })).toEqual({ kind: 'allowed' });
    expect(decideThreshold({ ...input, narrowedTo: 5000 })).toEqual({ kind: 'allowed' });
    expect(decideThreshold({ ...input, narrowedTo: 5001 })).toEqual({ kind: 'exceedsThreshold' });
    expect(decideThreshold({ ...input, narrowedTo: undefined })).toEqual({ kind: 'exceedsThreshold' });
  });

  it('orders a large unfiltered list only by indexed columns', () => {
    const large = { ...base, itemCount: 20_000 };
    expect(decideThreshold(large)).toEqual({ kind: 'allowed' });
    expect(decideThreshold({ ...large, orderBy: [{ indexed: true, topLevel: false }] })).toEqual({ kind: 'allowed' });
    expect(
      decideThreshold({ ...large, honorNonIndexed: true, orderBy: [{ indexed: false, topLevel: false }] }),
    ).toEqual({ kind: 'exceedsThreshold' });
    // microsoft-graph-docs #8450: `$orderby=id desc` on a 15k list is throttled.
    expect(decideThreshold({ ...large, orderBy: [{ indexed: true, topLevel: true }] })).toEqual({ kind: 'exceedsThreshold' });
  });
});
