/**
 * In-memory indexes of one list, derived from its JSON state and kept beside it (never persisted):
 * - the item ids in ascending order, for paging without a sort;
 * - per indexed column, a map from folded value to item ids, so `eq` on an indexed column never scans
 *   (ID needs none: the items are keyed by it);
 * - per indexed column, a lazily sorted (key, id) array for ranges, startswith and ordered paging,
 *   dropped on every write and rebuilt on the next query that needs it.
 * The structures hang off the list object in a WeakMap: when the state slice is replaced (reset,
 * load from disk) the new list objects simply get freshly built indexes.
 */
import { PRIMARY_KEY_COLUMN } from './builtinColumns';
import { compareKeys, itemKey, type IndexKey } from './columnValues';
import type { ColumnRecord, ItemRecord, ListRecord } from './state';

export interface SortedEntry {
  key: IndexKey;
  id: number;
}

/** Ids holding one key: a bare number while there is one (most keys in practice), a Set beyond that. */
type Holders = number | Set<number>;

interface ColumnIndex {
  column: ColumnRecord;
  byKey: Map<IndexKey, Holders>;
  sorted?: SortedEntry[];
}

export interface ListIndex {
  ids: number[];
  columns: Map<string, ColumnIndex>;
}

const indexes = new WeakMap<ListRecord, ListIndex>();

function buildColumnIndex(list: ListRecord, column: ColumnRecord): ColumnIndex {
  const byKey = new Map<IndexKey, Holders>();
  for (const item of Object.values(list.items)) addKey(byKey, itemKey(column, item), item.id);
  return { column, byKey };
}

function addKey(byKey: Map<IndexKey, Holders>, key: IndexKey, id: number): void {
  const holders = byKey.get(key);
  if (holders === undefined) byKey.set(key, id);
  else if (typeof holders === 'number') byKey.set(key, new Set([holders, id]));
  else holders.add(id);
}

function removeKey(byKey: Map<IndexKey, Holders>, key: IndexKey, id: number): void {
  const holders = byKey.get(key);
  if (holders === undefined) return;
  if (typeof holders === 'number') {
    if (holders === id) byKey.delete(key);
    return;
  }
  holders.delete(id);
  if (holders.size === 0) byKey.delete(key);
}

const asSet = (holders: Holders | undefined): ReadonlySet<number> =>
  holders === undefined ? new Set() : typeof holders === 'number' ? new Set([holders]) : holders;

/** The list's indexes, built on first use. */
export function listIndex(list: ListRecord): ListIndex {
  const existing = indexes.get(list);
  if (existing) return existing;
  const built: ListIndex = {
    ids: Object.keys(list.items).map(Number).sort((a, b) => a - b),
    columns: new Map(),
  };
  for (const column of list.columns) {
    if (column.indexed && column.name !== PRIMARY_KEY_COLUMN) built.columns.set(column.name, buildColumnIndex(list, column));
  }
  indexes.set(list, built);
  return built;
}

function lowerBound(ids: number[], id: number): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ids[mid] as number) < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First position in the ascending id list holding an id greater than `id`. */
export function positionAfter(ids: number[], id: number): number {
  return lowerBound(ids, id + 1);
}

/** Keeps the indexes in step with one write: `before` absent for a create, `after` absent for a delete. */
export function reindexItem(list: ListRecord, before: ItemRecord | undefined, after: ItemRecord | undefined): void {
  const index = indexes.get(list);
  if (!index) return; // Not built yet: it will be built from the state when first needed.
  const id = (after ?? before)?.id;
  if (id === undefined) return;
  if (!before && after) {
    const last = index.ids[index.ids.length - 1];
    if (last === undefined || last < id) index.ids.push(id);
    else index.ids.splice(lowerBound(index.ids, id), 0, id);
  } else if (before && !after) {
    const at = lowerBound(index.ids, id);
    if (index.ids[at] === id) index.ids.splice(at, 1);
  }
  for (const columnIndex of index.columns.values()) {
    const oldKey = before ? itemKey(columnIndex.column, before) : undefined;
    const newKey = after ? itemKey(columnIndex.column, after) : undefined;
    if (before && after && oldKey === newKey) continue;
    if (oldKey !== undefined) removeKey(columnIndex.byKey, oldKey, id);
    if (newKey !== undefined) addKey(columnIndex.byKey, newKey, id);
    delete columnIndex.sorted;
  }
}

/** Starts or stops maintaining a column's index after its `indexed` flag changed. */
export function setColumnIndexed(list: ListRecord, column: ColumnRecord): void {
  const index = indexes.get(list);
  if (!index || column.name === PRIMARY_KEY_COLUMN) return;
  if (column.indexed) index.columns.set(column.name, buildColumnIndex(list, column));
  else index.columns.delete(column.name);
}

/** Forgets everything derived from `list` (e.g. after a bulk change made outside reindexItem). */
export function dropListIndex(list: ListRecord): void {
  indexes.delete(list);
}

export function columnIndex(list: ListRecord, columnName: string): ColumnIndex | undefined {
  return listIndex(list).columns.get(columnName);
}

/** Ids whose folded value equals `key` (may be shared: do not mutate). ID is answered from the items. */
export function idsWithKey(list: ListRecord, columnName: string, key: IndexKey): ReadonlySet<number> {
  if (columnName === PRIMARY_KEY_COLUMN) {
    return typeof key === 'number' && list.items[key] !== undefined ? new Set([key]) : new Set();
  }
  return asSet(columnIndex(list, columnName)?.byKey.get(key));
}

/** (key, id) pairs of an indexed column in ascending key then id order. */
export function sortedEntries(list: ListRecord, columnName: string): SortedEntry[] {
  if (columnName === PRIMARY_KEY_COLUMN) return listIndex(list).ids.map((id) => ({ key: id, id }));
  const index = columnIndex(list, columnName);
  if (!index) throw new Error(`Column ${columnName} is not indexed`);
  if (!index.sorted) {
    const entries: SortedEntry[] = [];
    for (const [key, holders] of index.byKey) {
      if (typeof holders === 'number') entries.push({ key, id: holders });
      else for (const id of holders) entries.push({ key, id });
    }
    entries.sort((a, b) => compareKeys(a.key, b.key) || a.id - b.id);
    index.sorted = entries;
  }
  return index.sorted;
}

/** First entry position whose key is >= `key` (or > `key` when `strict`). */
export function entryPosition(entries: SortedEntry[], key: IndexKey, strict: boolean): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareKeys((entries[mid] as SortedEntry).key, key);
    if (c < 0 || (strict && c === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
