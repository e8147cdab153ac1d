/**
 * Reading what a site already has and saying, per list, what provisioning would do. Reads need only
 * Sites.Read.All, so anyone can check; only applying the plan needs more (docs/permissions.md).
 */
import { batchError, runBatch } from '../graph/batch';
import type { GraphClient } from '../graph/client';
import { isNotFound } from '../graph/errors';
import { queryString } from '../graph/odata';
import { listPath } from '../graph/sharepoint';
import { COLUMN_FIELDS, diffColumns, listsOverIndexLimit, type ColumnDiff, type ExistingColumn } from './provisionColumns';
import { PROVISIONED_LIST_NAMES, PROVISIONED_LISTS as LISTS, type ProvisionedListName as ListName } from './schema';

export interface ListPlan extends ColumnDiff {
  list: ListName;
  displayName: string;
  /** The list's id when it exists. */
  id: string | null;
  /** The list is missing: it is created with all its columns. */
  create: boolean;
}

export interface ProvisioningPlan {
  siteId: string;
  lists: ListPlan[];
}

export const listNeedsWork = (list: ListPlan): boolean => list.create || list.addColumns.length > 0 || list.indexColumns.length > 0;

/** Nothing to create, add or index. Conflicts are not work: provisioning never touches them. */
export const planIsEmpty = (plan: ProvisioningPlan): boolean => !plan.lists.some(listNeedsWork);

export const planConflicts = (plan: ProvisioningPlan) => plan.lists.flatMap((list) => list.conflicts.map((c) => ({ list: list.displayName, ...c })));

export { sitePath } from '../graph/sharepoint';

/** Graph addresses a list by its title as well as its id ("Get metadata for a list"). */
function listByTitle(siteId: string, name: ListName): string {
  const columns = `columns($select=${COLUMN_FIELDS.join(',')})`;
  return listPath(siteId, LISTS[name].displayName) + queryString({ select: ['id', 'displayName'], expand: columns });
}

/**
 * One `$batch` (one round trip): each of Trail's lists by its title, with its columns. A 404 means
 * the list is missing; addressing by title keeps the read independent of how many other lists the site has.
 */
export async function planProvisioning(graph: GraphClient, siteId: string, only: readonly ListName[] = PROVISIONED_LIST_NAMES): Promise<ProvisioningPlan> {
  const tooMany = listsOverIndexLimit(LISTS);
  if (tooMany.length) throw new Error(`schema.ts asks for more indexes than SharePoint allows on: ${tooMany.join(', ')}`);
  const results = await runBatch(
    graph,
    only.map((name) => ({ id: name, method: 'GET' as const, url: listByTitle(siteId, name) })),
  );
  const lists = only.map((name, index): ListPlan => {
    const result = results[index]!;
    const displayName = LISTS[name].displayName;
    if (!result.ok && isNotFound(batchError(result))) {
      return { list: name, displayName, id: null, create: true, addColumns: [], indexColumns: [], conflicts: [] };
    }
    if (!result.ok) throw batchError(result);
    const found = result.body as { id: string; columns?: ExistingColumn[] };
    return { list: name, displayName, id: found.id, create: false, ...diffColumns(LISTS[name], found.columns ?? []) };
  });
  return { siteId, lists };
}
