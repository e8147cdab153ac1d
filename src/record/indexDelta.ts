/**
 * The entity index's lists read through list-item delta (src/graph/delta.ts does the reading): where
 * a list's first round starts, asking only for what the index needs.
 *
 * "listItem: delta" (microsoft-graph-docs-contrib api-reference/v1.0/api/listitem-delta.md): "This
 * method also supports the `$select`, `$expand`, and `$top` OData query parameters". So `$select=id`
 * drops the list-item metadata (createdBy, parentReference, contentType, webUrl, eTag, dates: about
 * 0.9 KB an item) and `$expand=fields($select=...)` keeps only the columns read here. The docs do not
 * say what a deleted item carries under `$select` (their tombstone shows `deleted`, but `deleted` is
 * no declared listItem property to select): an entry without `fields` counts as deleted too
 * (src/graph/delta.ts), and the sandbox takes that pessimistic reading (dev/sandbox/sharepoint/README.md).
 */
import { queryString } from '../graph/odata';
import { INDEX_FIELDS, type IndexedList } from './indexRecords';
import type { SiteLists } from './listItems';

export { isResyncRequired, readDeltaRound, readDeltaRounds, type DeltaEntry } from '../graph/delta';
import type { DeltaRound } from '../graph/delta';

/** Items per page: a 20,000-person list in 20 round trips, while one page stays well under a few MB. */
export const DELTA_PAGE_SIZE = 1000;

export type BatchedRound = DeltaRound<IndexedList>;

/** Where a list's first delta round starts: the item's id and the fields the index needs, nothing else. */
export function deltaStartPath(lists: SiteLists, list: IndexedList, pageSize = DELTA_PAGE_SIZE): string {
  return `${lists.itemsPath(list)}/delta` + queryString({ select: ['id'], expand: `fields($select=${INDEX_FIELDS[list].join(',')})`, top: pageSize });
}
