/**
 * The entity index's lists read through list-item delta (src/graph/delta.ts does the reading): where
 * a list's first round starts, with only the fields the index needs.
 */
import { deltaStartPath as startPath } from '../graph/delta';
import { INDEX_FIELDS, type IndexedList } from './indexRecords';
import type { SiteLists } from './listItems';

export { isResyncRequired, readDeltaRound, readDeltaRounds, type DeltaEntry } from '../graph/delta';
import type { DeltaRound } from '../graph/delta';

/** Items per page: a 20,000-person list in 20 round trips, while one page stays well under a few MB. */
export const DELTA_PAGE_SIZE = 1000;

export type BatchedRound = DeltaRound<IndexedList>;

/** Where a list's first delta round starts: only the fields the index needs. */
export function deltaStartPath(lists: SiteLists, list: IndexedList, pageSize = DELTA_PAGE_SIZE): string {
  return startPath(lists.itemsPath(list), INDEX_FIELDS[list], pageSize);
}
