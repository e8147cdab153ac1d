/**
 * Whether the signed-in user owns the record's SharePoint site, for the record keepers' default (site
 * owners, when Trail Settings names none). A group-connected team site's owners are its Microsoft 365
 * group's owners, so: the groups the user owns (`GET /me/ownedObjects`, User.Read), each group's team
 * site (`GET /groups/{id}/sites/root`), compared with the record's site. No other documented delegated
 * read says "am I an owner of this site" with the scopes Trail has.
 *
 * Pessimistic: a failure, a site with no group behind it, or a group whose site cannot be read all
 * mean "not an owner"; the pane then says who names record keepers. Asked once per session (the
 * answer, whatever it was, is kept), and only when a keeper-gated action is about to be shown.
 */
import { ownedGroupIds } from '../../graph/directory';
import type { GraphClient } from '../../graph/client';
import { groupSiteId } from '../../graph/sharepoint';

const sameSite = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export async function ownsSite(graph: GraphClient, siteId: string): Promise<boolean> {
  try {
    for (const groupId of await ownedGroupIds(graph)) {
      const site = await groupSiteId(graph, groupId).catch(() => null); // a group without a team site
      if (site && sameSite(site, siteId)) return true;
    }
    return false;
  } catch {
    return false;
  }
}

/** The question asked at most once: later calls get the first answer. */
export function onceAnswered(ask: () => Promise<boolean>): () => Promise<boolean> {
  let answer: Promise<boolean> | undefined;
  return () => (answer ??= ask().catch(() => false));
}
