/**
 * The list view threshold, decided before a query runs. What real Graph + SharePoint do:
 * 1. A filter or order-by on a column without an index is refused with 400 on any list, however small,
 *    unless `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly` is sent
 *    (microsoftgraph/microsoft-graph-docs #2279).
 * 2. Up to 5,000 items everything the caller was allowed to ask in step 1 works.
 * 3. Above 5,000 items the query must be answerable from an index: one of the AND-ed conditions on an
 *    indexed column has to narrow the rows to at most 5,000 ("a view needs to be filtered first by a
 *    column which reduces the number of items below 5000", MicrosoftDocs/microsoft-365-community #135;
 *    msgraph-sdk-dotnet #827 works while the first indexed clause matches under 5,000 and is throttled
 *    above). OR-ed conditions cannot be served from an index ("not being able to OR columns together,
 *    even if they are both indexed", followcol.com "Large Lists"). Without a filter, ordering must be by
 *    an indexed column; ordering by the listItem property `id` is throttled on a 15k list
 *    (microsoft-graph-docs #8450). Otherwise: 429, see errors.listViewThresholdExceeded.
 */
import { LIST_VIEW_THRESHOLD } from './errors';

export interface ThresholdInput {
  itemCount: number;
  /** Columns the filter and then the order-by name, in order of appearance. */
  referenced: readonly { name: string; indexed: boolean }[];
  honorNonIndexed: boolean;
  hasFilter: boolean;
  /** Fewest rows a single indexed AND-ed clause narrows the list to; undefined when no clause can. */
  narrowedTo: number | undefined;
  orderBy: readonly { indexed: boolean; topLevel: boolean }[];
}

export type ThresholdDecision =
  | { kind: 'allowed' }
  | { kind: 'notIndexed'; field: string }
  | { kind: 'exceedsThreshold' };

export function decideThreshold(input: ThresholdInput): ThresholdDecision {
  if (!input.honorNonIndexed) {
    const unindexed = input.referenced.find((r) => !r.indexed);
    if (unindexed) return { kind: 'notIndexed', field: unindexed.name };
  }
  if (input.itemCount <= LIST_VIEW_THRESHOLD) return { kind: 'allowed' };
  if (input.hasFilter) {
    const narrowed = input.narrowedTo !== undefined && input.narrowedTo <= LIST_VIEW_THRESHOLD;
    return narrowed ? { kind: 'allowed' } : { kind: 'exceedsThreshold' };
  }
  const orderServedByIndex = input.orderBy.every((o) => o.indexed && !o.topLevel);
  return orderServedByIndex ? { kind: 'allowed' } : { kind: 'exceedsThreshold' };
}
