/**
 * Reading lists through list-item delta ("listItem: delta", learn.microsoft.com/graph/api/listitem-delta):
 * the first round enumerates every item, later rounds bring only what changed, deletions with the
 * `deleted` facet. Pages end in `@odata.nextLink` until the last, which carries `@odata.deltaLink`;
 * links are followed as given, since they keep the first request's options. A token Graph can no
 * longer use is answered 410 Gone: the list must be read again from the start.
 * Failures leave here as GraphRequestError, converted once.
 */
import { expectOk, runBatch, type BatchOptions } from './batch';
import type { GraphClient } from './client';
import { toGraphRequestError, type GraphRequestError } from './errors';
import { queryString, relativeToVersion } from './odata';
import { toListItem, type ListItem, type ListItemJson } from './sharepoint';

/** One change in a delta round: an item as it is now, or the id of one deleted. */
export type DeltaEntry = { id: string; item: ListItem } | { id: string; item: null };

interface DeltaPageJson {
  value?: Array<ListItemJson & { deleted?: unknown }>;
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

/** One list's next round: its changes and the link to the round after, or `resync` when its token expired. */
export type DeltaRound<L extends string> = { list: L; resync: false; entries: DeltaEntry[]; deltaLink: string } | { list: L; resync: true };

export const isResyncRequired = (error: GraphRequestError): boolean => error.status === 410;

/** Where a list's first delta round starts, given the list's items path: only the fields asked for. */
export function deltaStartPath(itemsPath: string, fields: readonly string[], pageSize: number): string {
  return `${itemsPath}/delta` + queryString({ expand: `fields($select=${fields.join(',')})`, top: pageSize });
}

/** Follows a round from `link` to its deltaLink, handing over each page's entries as they come (the next page is asked for once `onPage` has settled). */
export async function readDeltaRound(graph: GraphClient, link: string, onPage: (entries: DeltaEntry[]) => void | Promise<void>): Promise<string> {
  for (let next = link; ; ) {
    let page: DeltaPageJson;
    try {
      page = (await graph.api(relativeToVersion(next)).get()) as DeltaPageJson;
    } catch (error) {
      throw toGraphRequestError(error);
    }
    await onPage(entriesOf(page));
    const after = nextOf(page);
    if ('deltaLink' in after) return after.deltaLink;
    next = after.nextLink;
  }
}

/**
 * The next round of several lists in one `$batch` round trip; a list with more changes than fit one
 * page continues on its own. A list whose token expired comes back as `resync`.
 */
export async function readDeltaRounds<L extends string>(
  graph: GraphClient,
  links: ReadonlyArray<{ list: L; link: string }>,
  options: BatchOptions = {},
): Promise<Array<DeltaRound<L>>> {
  let results;
  try {
    // $batch takes only URLs relative to the version.
    results = await runBatch(graph, links.map(({ list, link }) => ({ id: list, method: 'GET' as const, url: relativeToVersion(link) })), options);
  } catch (error) {
    throw toGraphRequestError(error);
  }
  const rounds: Array<DeltaRound<L>> = [];
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

/**
 * A deleted item carries the `deleted` facet in the docs' example; under `$select` the docs do not say
 * it still does, so an entry without `fields` (every round here expands them) is deleted as well.
 */
function entriesOf(page: DeltaPageJson): DeltaEntry[] {
  return (page.value ?? []).map((json): DeltaEntry => (json.deleted || !json.fields ? { id: String(json.id), item: null } : { id: String(json.id), item: toListItem(json) }));
}

function nextOf(page: DeltaPageJson): { deltaLink: string } | { nextLink: string } {
  if (page['@odata.deltaLink']) return { deltaLink: page['@odata.deltaLink'] };
  if (page['@odata.nextLink']) return { nextLink: page['@odata.nextLink'] };
  throw new Error('A delta page carried neither @odata.nextLink nor @odata.deltaLink.');
}
