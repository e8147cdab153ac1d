import type { Client } from '@microsoft/microsoft-graph-client';
import { batchError, expectOk, runBatch, type BatchStep } from '../graph/batch';
import { isConflict } from '../graph/errors';
import { pathSegment, queryString } from '../graph/odata';
import type { StoreLocation } from './location';
import { columnDefinition, LIST_NAMES, LISTS, type ColumnSpec, type ListName } from './schema';

/**
 * Creates Trail's lists, columns and indexes on a site, idempotently: a second run finds nothing
 * to do, a missing column is added, a missing index is set. A column of the wrong type is reported,
 * never changed: it may hold someone's data.
 *
 * Needs Sites.Manage.All (or Sites.Selected with a manage grant); daily use does not (docs/permissions.md).
 */

export interface ListPlan {
  list: ListName;
  displayName: string;
  /** The list's id when it exists. */
  id: string | null;
  create: boolean;
  addColumns: string[];
  /** Columns that exist but lack the index (or uniqueness) the schema needs: name → column id. */
  indexColumns: Array<{ name: string; id: string }>;
  /** Columns whose type differs from the schema's: left alone, for an administrator to resolve. */
  conflicts: Array<{ name: string; expected: string; found: string }>;
}

export interface ProvisioningPlan {
  siteId: string;
  lists: ListPlan[];
}

export const planIsEmpty = (plan: ProvisioningPlan): boolean =>
  plan.lists.every((list) => !list.create && list.addColumns.length === 0 && list.indexColumns.length === 0);

interface ColumnJson {
  id: string;
  name: string;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
  text?: { allowMultipleLines?: boolean };
  dateTime?: object;
  number?: object;
  boolean?: object;
  choice?: object;
}

function typeOf(column: ColumnJson): string {
  if (column.text) return column.text.allowMultipleLines ? 'note' : 'text';
  if (column.dateTime) return 'dateTime';
  if (column.number) return 'number';
  if (column.boolean) return 'boolean';
  if (column.choice) return 'choice';
  return 'other';
}

const sitePath = (siteId: string) => `/sites/${pathSegment(siteId)}`;

/** Reads what exists (two round trips: the lists, then Trail's lists' columns in one $batch) and says what to do. */
export async function planProvisioning(graph: Client, siteId: string): Promise<ProvisioningPlan> {
  const existing = (await graph.api(`${sitePath(siteId)}/lists` + queryString({ select: ['id', 'displayName'], top: 500 })).get()) as {
    value: Array<{ id: string; displayName: string }>;
  };
  const idOf = (name: ListName) => existing.value.find((l) => l.displayName.toLowerCase() === LISTS[name].displayName.toLowerCase())?.id ?? null;
  const present = LIST_NAMES.filter((name) => idOf(name));
  const columnResults = await runBatch(
    graph,
    present.map((name) => ({ id: name, method: 'GET' as const, url: `${sitePath(siteId)}/lists/${pathSegment(idOf(name)!)}/columns` })),
  );
  const columnsOf = new Map(present.map((name, i) => [name, expectOk<{ value: ColumnJson[] }>(columnResults[i]!).value]));

  return {
    siteId,
    lists: LIST_NAMES.map((name): ListPlan => {
      const spec = LISTS[name];
      const id = idOf(name);
      const plan: ListPlan = { list: name, displayName: spec.displayName, id, create: !id, addColumns: [], indexColumns: [], conflicts: [] };
      if (!id) return plan;
      const have = columnsOf.get(name) ?? [];
      for (const column of spec.columns as readonly ColumnSpec[]) {
        const found = have.find((c) => c.name === column.name);
        if (!found) plan.addColumns.push(column.name);
        else if (typeOf(found) !== column.type) plan.conflicts.push({ name: column.name, expected: column.type, found: typeOf(found) });
        else if ((column.indexed && !found.indexed) || (column.unique && !found.enforceUniqueValues)) plan.indexColumns.push({ name: column.name, id: found.id });
      }
      return plan;
    }),
  };
}

export interface ProvisioningProgress {
  done: number;
  total: number;
  /** The list just handled. */
  list: string;
}

/**
 * Carries out a plan. New lists are created with all their columns in one POST each, all in one
 * $batch; columns and indexes on existing lists in a second. If another administrator created a
 * list meanwhile (409), that list is planned again and completed rather than duplicated.
 */
export async function applyProvisioning(
  graph: Client,
  siteId: string,
  plan: ProvisioningPlan,
  onProgress: (progress: ProvisioningProgress) => void,
): Promise<StoreLocation> {
  const total = plan.lists.length;
  let done = 0;
  const report = (list: string) => onProgress({ done: ++done, total, list });

  const toCreate = plan.lists.filter((list) => list.create);
  const created = await runBatch(
    graph,
    toCreate.map((list) => ({
      id: list.list,
      method: 'POST' as const,
      url: `${sitePath(siteId)}/lists`,
      body: {
        displayName: list.displayName,
        description: LISTS[list.list].description,
        columns: (LISTS[list.list].columns as readonly ColumnSpec[]).map(columnDefinition),
        list: { template: 'genericList' },
      },
    })),
  );
  const raced = created.filter((result) => !result.ok && isConflict(batchError(result)));
  const failed = created.find((result) => !result.ok && !isConflict(batchError(result)));
  if (failed) throw batchError(failed);
  toCreate.filter((list) => !raced.some((r) => r.id === list.list)).forEach((list) => report(list.displayName));

  // Lists someone else created meanwhile are completed like existing ones.
  const replanned = raced.length ? (await planProvisioning(graph, siteId)).lists.filter((l) => raced.some((r) => r.id === l.list)) : [];
  const existing = [...plan.lists.filter((list) => !list.create), ...replanned];
  const steps: BatchStep[] = existing.flatMap((list) => {
    const listPath = `${sitePath(siteId)}/lists/${pathSegment(list.id!)}/columns`;
    const specOf = (name: string) => (LISTS[list.list].columns as readonly ColumnSpec[]).find((c) => c.name === name)!;
    return [
      ...list.addColumns.map((name) => ({ id: `${list.list}+${name}`, method: 'POST' as const, url: listPath, body: columnDefinition(specOf(name)) })),
      ...list.indexColumns.map(({ name, id }) => ({
        id: `${list.list}~${name}`,
        method: 'PATCH' as const,
        url: `${listPath}/${pathSegment(id)}`,
        body: { indexed: true, ...(specOf(name).unique ? { enforceUniqueValues: true } : {}) },
      })),
    ];
  });
  const changed = await runBatch(graph, steps);
  const refused = changed.find((result) => !result.ok && !isConflict(batchError(result)));
  if (refused) throw batchError(refused);
  existing.forEach((list) => report(list.displayName));

  return locate(graph, siteId);
}

/** The ids of Trail's lists on a site (one round trip); throws when any is missing. */
export async function locate(graph: Client, siteId: string): Promise<StoreLocation> {
  const found = (await graph.api(`${sitePath(siteId)}/lists` + queryString({ select: ['id', 'displayName'], top: 500 })).get()) as {
    value: Array<{ id: string; displayName: string }>;
  };
  const lists = {} as Record<ListName, string>;
  for (const name of LIST_NAMES) {
    const list = found.value.find((l) => l.displayName.toLowerCase() === LISTS[name].displayName.toLowerCase());
    if (!list) throw new Error(`The list "${LISTS[name].displayName}" is missing on this site; run provisioning.`);
    lists[name] = list.id;
  }
  return { siteId, lists };
}
