/**
 * Creates Trail's lists, columns and indexes on a site, idempotently: a second run finds nothing to
 * do, a missing column is added, a missing index is set. A column of the wrong type is reported,
 * never changed: it may hold someone's data.
 *
 * Applying needs Sites.Manage.All (or Sites.Selected with a `manage` grant on the site) and the
 * signed-in user's own right to manage lists there; daily use does not (docs/permissions.md).
 */
import { batchError, runBatch, type BatchStep } from '../graph/batch';
import type { GraphClient } from '../graph/client';
import { GraphRequestError, isConflict } from '../graph/errors';
import { pathSegment } from '../graph/odata';
import { listPath, sitePath } from '../graph/sharepoint';
import { fillEntityMonths } from './entityWindows';
import { SiteLists } from './listItems';
import type { StoreLocation } from './location';
import { listNeedsWork, planProvisioning, type ListPlan, type ProvisioningPlan } from './provisionPlan';
import { TENANT_SETTINGS_TITLE } from './tenantSettings';
import { columnDefinition, LIST_NAMES, PROVISIONED_LISTS as LISTS, type ColumnSpec, type ListName as RecordListName, type ProvisionedListName as ListName } from './schema';

export { listNeedsWork, planConflicts, planIsEmpty, planProvisioning, type ListPlan, type ProvisioningPlan } from './provisionPlan';
export type { ColumnConflict, FoundType } from './provisionColumns';


export interface ProvisioningProgress {
  /** Lists finished so far, out of every list in the plan (lists with nothing to do count at once). */
  done: number;
  total: number;
  /** The list just finished. */
  list: string;
}

/** Setup ran but some lists are still not as Trail needs them (something on the site is in the way). */
export class ProvisioningIncompleteError extends Error {
  constructor(
    /** Display names of the unfinished lists. */
    readonly lists: string[],
    detail: string,
  ) {
    super(`Setup did not finish on ${detail}`);
    this.name = 'ProvisioningIncompleteError';
  }
}

type Report = (list: ListPlan) => void;

/**
 * Carries out a plan in as few round trips as Graph allows: all new lists in one `$batch` (each list
 * created with its columns in one POST), then all column additions and indexes in another. If
 * another administrator created a list meanwhile (409), that list is read again and completed
 * rather than duplicated. Conflicting columns are left as they are.
 */
export async function applyProvisioning(
  graph: GraphClient,
  siteId: string,
  plan: ProvisioningPlan,
  onProgress: (progress: ProvisioningProgress) => void = () => undefined,
): Promise<StoreLocation> {
  const ids = new Map<ListName, string>(plan.lists.flatMap((list) => (list.id ? [[list.list, list.id] as const] : [])));
  let done = 0;
  const report: Report = (list) => onProgress({ done: ++done, total: plan.lists.length, list: list.displayName });
  plan.lists.filter((list) => !listNeedsWork(list)).forEach(report);

  const raced = await createLists(graph, siteId, plan.lists.filter((list) => list.create), ids, report);
  const replanned = raced.length ? (await planProvisioning(graph, siteId, raced)).lists : [];
  for (const list of replanned) {
    if (!list.id) throw new ProvisioningIncompleteError([list.displayName], `${list.displayName}: someone else created it and then removed it; check again.`);
    ids.set(list.list, list.id);
  }
  const clashed = await changeColumns(graph, siteId, [...plan.lists.filter((list) => !list.create && listNeedsWork(list)), ...replanned], report);
  if (clashed.length) await confirmFinished(graph, siteId, clashed);

  // A location must name every list, so a plan for only some of them cannot yield one.
  const missing = LIST_NAMES.filter((name) => !ids.has(name)).map((name) => LISTS[name].displayName);
  if (missing.length) throw new ProvisioningIncompleteError(missing, `${missing.join(', ')}: Graph gave no list id.`);
  const location: StoreLocation = { siteId, lists: Object.fromEntries(LIST_NAMES.map((name) => [name, ids.get(name)!])) as Record<RecordListName, string> };
  // Filings written before EntityMonth existed lack it, and an entity past the list-view threshold is
  // read through EntityMonth windows only: fill them the one time the column is added to a list in use.
  if ([...plan.lists, ...replanned].some((list) => list.list === 'filings' && !list.create && list.addColumns.includes('EntityMonth'))) {
    await fillEntityMonths({
      lists: new SiteLists(graph, location),
      filer: { name: '', upn: '' },
      now: () => new Date(),
      extraPublicDomains: [],
      batch: (steps, call) => runBatch(graph, steps, { maxInFlight: 8, ...call }),
    });
  }
  return location;
}

/** Id of the batch step that adds the settings list's one item. */
const SETTINGS_ITEM_STEP = 'settings+item';

/**
 * Creates lists; returns the ones someone else created first (409 nameAlreadyExists). A new settings
 * list gets its one item, empty (every setting at its default), in the same round trip, so an
 * administrator edits it rather than having to know to add one. Only into a list created here:
 * whoever won a race for it adds its item, and an existing list's items are the administrator's.
 */
async function createLists(graph: GraphClient, siteId: string, lists: ListPlan[], ids: Map<ListName, string>, report: Report): Promise<ListName[]> {
  const steps: BatchStep[] = lists.map((list) => ({
    id: list.list,
    method: 'POST' as const,
    url: `${sitePath(siteId)}/lists`,
    body: {
      displayName: list.displayName,
      description: LISTS[list.list].description,
      columns: specsOf(list.list).map(columnDefinition),
      list: { template: 'genericList' },
    },
  }));
  if (lists.some((list) => list.list === 'settings')) {
    steps.push({
      id: SETTINGS_ITEM_STEP,
      method: 'POST',
      // By title: the list's id is not known until the step it depends on has run.
      url: `${listPath(siteId, LISTS.settings.displayName)}/items`,
      body: { fields: { Title: TENANT_SETTINGS_TITLE } },
      dependsOn: ['settings'],
    });
  }
  const results = await runBatch(graph, steps);
  const raced: ListName[] = [];
  for (const [index, list] of lists.entries()) {
    const result = results[index]!;
    if (result.ok) {
      ids.set(list.list, (result.body as { id: string }).id);
      report(list);
    } else if (isConflict(batchError(result))) raced.push(list.list);
    else throw at(list.displayName, batchError(result));
  }
  const item = results.find((result) => result.id === SETTINGS_ITEM_STEP);
  // 424: the list itself was not created here (raced), so its item is not ours to add.
  if (item && !item.ok && item.status !== 424) throw at(`${LISTS.settings.displayName}, its settings item`, batchError(item));
  return raced;
}

/**
 * Adds missing columns and sets missing indexes. Returns the lists where a column turned out to
 * exist already (409 on add: another administrator got there first), to be checked again.
 */
async function changeColumns(graph: GraphClient, siteId: string, lists: ListPlan[], report: Report): Promise<ListName[]> {
  const steps = lists.flatMap((list) => columnSteps(siteId, list));
  const results = await runBatch(graph, steps);
  const clashed = new Set<ListName>();
  for (const [index, result] of results.entries()) {
    const step = steps[index]!;
    if (result.ok) continue;
    const error = batchError(result);
    // A 409 on PATCH is not a race: it is SharePoint refusing uniqueness over duplicate values.
    if (step.method === 'POST' && isConflict(error)) clashed.add(step.list);
    else throw at(`${LISTS[step.list].displayName}, column ${step.column}`, error);
  }
  lists.forEach(report);
  return [...clashed];
}

function columnSteps(siteId: string, list: ListPlan): Array<BatchStep & { list: ListName; column: string }> {
  const columns = `${listPath(siteId, list.id!)}/columns`;
  const spec = (name: string) => specsOf(list.list).find((column) => column.name === name)!;
  return [
    ...list.addColumns.map((name) => ({ id: `${list.list}+${name}`, method: 'POST' as const, url: columns, body: columnDefinition(spec(name)), list: list.list, column: name })),
    ...list.indexColumns.map(({ name, id }) => ({
      id: `${list.list}~${name}`,
      method: 'PATCH' as const,
      url: `${columns}/${pathSegment(id)}`,
      // Uniqueness needs the index; sending both in one PATCH sets them together.
      body: { indexed: true, ...(spec(name).unique ? { enforceUniqueValues: true } : {}) },
      list: list.list,
      column: name,
    })),
  ];
}

async function confirmFinished(graph: GraphClient, siteId: string, lists: ListName[]): Promise<void> {
  const unfinished = (await planProvisioning(graph, siteId, lists)).lists.filter(listNeedsWork);
  if (unfinished.length) {
    const what = unfinished.map((list) => `${list.displayName} (${[...list.addColumns, ...list.indexColumns.map((c) => c.name)].join(', ')})`);
    throw new ProvisioningIncompleteError(
      unfinished.map((list) => list.displayName),
      `${what.join('; ')}: a column of the same name is in the way; rename or remove it in SharePoint and check again.`,
    );
  }
}

const specsOf = (list: ListName): readonly ColumnSpec[] => LISTS[list].columns;

/** Graph's error with where it happened, keeping status and code for the words the user reads. */
const at = (where: string, error: GraphRequestError): GraphRequestError =>
  new GraphRequestError(error.status, error.code, `${where}: ${error.message}`, error.requestId);
