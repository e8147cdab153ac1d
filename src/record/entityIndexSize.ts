/**
 * Whether the people or organisations list may hold more than the index can, decided with one `$batch`
 * before the first download, so a record too large to hold is not downloaded to find out.
 *
 * Graph gives no item count for a list: the list resource has displayName, list (listInfo), system and
 * baseItem's properties, none a count (microsoft-graph-docs-contrib api-reference/v1.0/resources/list.md).
 * So the index reads a few single items by id at the cap ("Get listItem", GET .../items/{id}): SharePoint
 * numbers a list's items 1, 2, 3 … as they are created (the ID column) and a list with no item numbered at
 * or past the cap holds fewer. Assumption, no source found: ids are not reused after deletion, so items found
 * there mean that many were created; a record that shrank by mass deletion may be taken as too large and
 * searched on the server until it is measured again a week later (entityIndex.ts). Any other answer decides
 * nothing: the download then stops at the cap as before.
 */
import { runBatch, type BatchStep } from '../graph/batch';
import { queryString } from '../graph/odata';
import type { SiteLists } from './listItems';
import type { ListName } from './schema';

/** The probed lists: projects stay few. */
const PROBED = ['people', 'organisations'] as const;
/** Ids read per list, a little apart, so a few deleted items do not hide a large list. */
const PROBES = [0, 1, 10, 100, 1000];

export function listsMayExceed(lists: SiteLists, cap: number): Promise<boolean> {
  return listMayExceed(lists, PROBED, cap);
}

/** The same probe for any of Trail's lists (the filings replica asks it of the filings list). */
export async function listMayExceed(lists: SiteLists, probed: ListName | readonly ListName[], cap: number): Promise<boolean> {
  const steps: BatchStep[] = (typeof probed === 'string' ? [probed] : probed).flatMap((list) =>
    PROBES.map((offset): BatchStep => ({ id: `${list}${offset}`, method: 'GET', url: lists.itemPath(list, String(cap + offset)) + queryString({ select: ['id'] }) })),
  );
  try {
    const results = await runBatch(lists.graph, steps);
    return results.some((result) => result.ok);
  } catch {
    return false; // not known: the download measures as it goes
  }
}
