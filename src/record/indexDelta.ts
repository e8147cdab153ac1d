/**
 * Reading lists through list-item delta ("listItem: delta", learn.microsoft.com/graph/api/listitem-delta):
 * the first round enumerates every item, later rounds bring only what changed, deletions with the
 * `deleted` facet. Pages end in `@odata.nextLink` until the last, which carries `@odata.deltaLink`;
 * links are followed as given, since they keep the first request's options. A token Graph can no
 * longer use is answered 410 Gone: the list must be read again from the start.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { expectOk, runBatch, type BatchOptions } from '../graph/batch';
import { toGraphRequestError, type GraphRequestError } from '../graph/errors';
import { queryString } from '../graph/odata';
import { INDEX_FIELDS, type IndexedList } from './indexRecords';
import { relativeToVersion } from '../graph/odata';
import { toListItem, type ListItem, type SiteLists } from './listItems';

/** Items per page: a 20,000-person list in 20 round trips, while one page stays well under a few MB. */
export const DELTA_PAGE_SIZE = 1000;

/** One change in a delta round: an item as it is now, or the id of one deleted. */
export type DeltaEntry = { id: string; item: ListItem } | { id: string; item: null };

type ItemJson = Parameters<typeof toListItem>[0];

interface DeltaPageJson {
  value?: Array<ItemJson & { deleted?: unknown }>;
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

export type BatchedRound = { list: IndexedList; resync: false; entries: DeltaEntry[]; deltaLink: string } | { list: IndexedList; resync: true };

export const isResyncRequired = (error: GraphRequestError): boolean => error.status === 410;

/** Where a list's first delta round starts: only the fields the index needs. */
export function deltaStartPath(lists: SiteLists, list: IndexedList, pageSize = DELTA_PAGE_SIZE): string {
  return `${lists.itemsPath(list)}/delta` + queryString({ expand: `fields($select=${INDEX_FIELDS[list].join(',')})`, top: pageSize });
}

/** Follows a round from `link` to its deltaLink, handing over each page's entries as they come. */
export async function readDeltaRound(graph: Client, link: string, onPage: (entries: DeltaEntry[]) => void): Promise<string> {
  for (let next = link; ; ) {
    let page: DeltaPageJson;
    try {
      page = (await graph.api(relativeToVersion(next)).get()) as DeltaPageJson;
    } catch (error) {
      throw toGraphRequestError(error);
    }
    onPage(entriesOf(page));
    const after = nextOf(page);
    if ('deltaLink' in after) return after.deltaLink;
    next = after.nextLink;
  }
}

/**
 * The next round of several lists in one `$batch` round trip; a list with more changes than fit one
 * page continues on its own. A list whose token expired comes back as `resync`.
 */
export async function readDeltaRounds(graph: Client, links: ReadonlyArray<{ list: IndexedList; link: string }>, options: BatchOptions = {}): Promise<BatchedRound[]> {
  let results;
  try {
    // $batch takes only URLs relative to the version.
    results = await runBatch(graph, links.map(({ list, link }) => ({ id: list, method: 'GET' as const, url: relativeToVersion(link) })), options);
  } catch (error) {
    throw toGraphRequestError(error);
  }
  const rounds: BatchedRound[] = [];
  for (const [i, result] of results.entries()) {
    const list = links[i]!.list;
    if (result.status === 410) {
      rounds.push({ list, resync: true });
      continue;
    }
    const page = expectOk<DeltaPageJson>(result);
    const entries = entriesOf(page);
    const after = nextOf(page);
    if ('deltaLink' in after) {
      rounds.push({ list, resync: false, entries, deltaLink: after.deltaLink });
      continue;
    }
    try {
      const deltaLink = await readDeltaRound(graph, after.nextLink, (more) => {
        for (const entry of more) entries.push(entry);
      });
      rounds.push({ list, resync: false, entries, deltaLink });
    } catch (error) {
      if (!isResyncRequired(toGraphRequestError(error))) throw error;
      rounds.push({ list, resync: true });
    }
  }
  return rounds;
}

function entriesOf(page: DeltaPageJson): DeltaEntry[] {
  return (page.value ?? []).map((json): DeltaEntry => (json.deleted ? { id: String(json.id), item: null } : { id: String(json.id), item: toListItem(json) }));
}

function nextOf(page: DeltaPageJson): { deltaLink: string } | { nextLink: string } {
  if (page['@odata.deltaLink']) return { deltaLink: page['@odata.deltaLink'] };
  if (page['@odata.nextLink']) return { nextLink: page['@odata.nextLink'] };
  throw new Error('A delta page carried neither @odata.nextLink nor @odata.deltaLink.');
}
