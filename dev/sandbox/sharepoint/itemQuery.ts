/**
 * Runs a list item query: validates the columns it names, applies the list view threshold
 * (threshold.ts), then answers from the list's indexes where it can (listIndex.ts) and pages with a
 * key position (skiptoken.ts). Rows are ordered by the order-by keys, then by ID in the direction of
 * the first key, which is also the order an index walk produces.
 */
import { compileFilter, propertyPaths, type Expr, type OrderBy } from '../odata';
import { compareKeys, itemKey, keyOf, queryValue, type IndexKey } from './columnValues';
import { fieldNotIndexed, listViewThresholdExceeded } from './errors';
import { narrowingClause, topLevelConjuncts, type NarrowingClause } from './filterClauses';
import { entryPosition, idsWithKey, listIndex, positionAfter, sortedEntries } from './listIndex';
import { resolveQueryPath, type QueryField } from './queryFields';
import type { SharePointReadings } from './readings';
import type { PagePosition } from './skiptoken';
import type { ColumnRecord, ItemRecord, ListRecord } from './state';
import { decideThreshold } from './threshold';

export interface ItemQuery {
  filter?: Expr;
  orderBy: OrderBy[];
  top: number;
  after?: PagePosition;
  honorNonIndexed: boolean;
  readings: SharePointReadings;
}

export interface ItemPage {
  items: ItemRecord[];
  /** Position of the last row when more rows follow. */
  next?: PagePosition;
  orderColumns: string[];
}

interface OrderKey {
  field: QueryField;
  direction: 1 | -1;
}

/** What a filter reads from an item: `id` is the string id, lookups read like the `...LookupId` fields. */
function resolverFor(list: ListRecord): (item: unknown, path: string[]) => unknown {
  const fields = new Map<string, QueryField>();
  return (item, path) => {
    const record = item as ItemRecord;
    const key = path.join('/');
    const field = fields.get(key) ?? resolveQueryPath(list, path);
    fields.set(key, field);
    if (field.topLevel) return String(record.id);
    const value = queryValue(record, field.column.name);
    const isLookup = field.column.type === 'lookup' || field.column.type === 'personOrGroup';
    return isLookup && typeof value === 'number' ? String(value) : value;
  };
}

/** Ids an indexed clause selects (ascending is not guaranteed), or undefined if its column has no index. */
function candidatesFor(list: ListRecord, clause: NarrowingClause): Set<number> | undefined {
  const { column } = resolveQueryPath(list, clause.path);
  if (!column.indexed) return undefined;
  if (clause.kind === 'in') {
    const ids = new Set<number>();
    for (const value of clause.values) for (const id of idsWithKey(list, column.name, keyOf(column, value))) ids.add(id);
    return ids;
  }
  if (clause.kind === 'compare' && clause.op === 'eq') return new Set(idsWithKey(list, column.name, keyOf(column, clause.value)));
  // A prefix of a date or number is not a key range; such clauses are left to the scan.
  if (clause.kind === 'startsWith' && column.type !== 'text' && column.type !== 'choice') return undefined;
  const [low, high] = rangeOf(column, clause);
  const entries = sortedEntries(list, column.name);
  const from = low === undefined ? entryPosition(entries, null, true) : entryPosition(entries, low.key, !low.inclusive);
  const to = high === undefined ? entries.length : entryPosition(entries, high.key, high.inclusive);
  const ids = new Set<number>();
  for (let i = from; i < to; i++) ids.add((entries[i] as { id: number }).id);
  return ids;
}

type Bound = { key: IndexKey; inclusive: boolean } | undefined;

/** The key interval of a range or startswith clause; nulls are never inside a range. */
function rangeOf(column: ColumnRecord, clause: NarrowingClause): [Bound, Bound] {
  if (clause.kind === 'startsWith') {
    const prefix = keyOf(column, clause.prefix);
    return [{ key: prefix, inclusive: true }, { key: `${String(prefix)}\uffff`, inclusive: true }];
  }
  if (clause.kind !== 'compare') return [undefined, undefined];
  const key = keyOf(column, clause.value);
  switch (clause.op) {
    case 'gt':
      return [{ key, inclusive: false }, undefined];
    case 'ge':
      return [{ key, inclusive: true }, undefined];
    case 'lt':
      return [undefined, { key, inclusive: false }];
    case 'le':
      return [undefined, { key, inclusive: true }];
    default:
      return [{ key, inclusive: true }, { key, inclusive: true }];
  }
}

/** The smallest candidate set any single indexed AND-ed clause gives. */
function narrowestCandidates(list: ListRecord, filter: Expr): Set<number> | undefined {
  let best: Set<number> | undefined;
  for (const conjunct of topLevelConjuncts(filter)) {
    const clause = narrowingClause(conjunct);
    if (!clause) continue;
    const ids = candidatesFor(list, clause);
    if (ids && (!best || ids.size < best.size)) best = ids;
  }
  return best;
}

function compareRows(keys: readonly OrderKey[], a: IndexKey[], aId: number, b: IndexKey[], bId: number): number {
  for (let i = 0; i < keys.length; i++) {
    const c = compareKeys(a[i] ?? null, b[i] ?? null);
    if (c !== 0) return c * (keys[i] as OrderKey).direction;
  }
  return (aId - bId) * (keys[0]?.direction ?? 1);
}

function keysOf(keys: readonly OrderKey[], item: ItemRecord): IndexKey[] {
  return keys.map((k) => itemKey(k.field.column, item));
}

/** Sorts rows in memory and returns the page after `after`. */
function pageOfRows(rows: ItemRecord[], keys: readonly OrderKey[], query: ItemQuery): ItemPage {
  const keyed = rows.map((item) => ({ item, keys: keysOf(keys, item) }));
  keyed.sort((a, b) => compareRows(keys, a.keys, a.item.id, b.keys, b.item.id));
  const after = query.after;
  let start = 0;
  if (after) {
    while (start < keyed.length) {
      const row = keyed[start] as (typeof keyed)[number];
      if (compareRows(keys, row.keys, row.item.id, after.keys, after.id) > 0) break;
      start++;
    }
  }
  const slice = keyed.slice(start, start + query.top);
  const last = slice[slice.length - 1];
  const more = start + query.top < keyed.length;
  return {
    items: slice.map((r) => r.item),
    ...(more && last ? { next: { keys: last.keys, id: last.item.id } } : {}),
    orderColumns: keys.map((k) => k.field.column.name),
  };
}

/** No filter, ordered by ID (or nothing): walk the ascending id list from the position. */
function pageById(list: ListRecord, query: ItemQuery, direction: 1 | -1, explicitOrder: boolean): ItemPage {
  const { ids } = listIndex(list);
  const out: ItemRecord[] = [];
  if (direction === 1) {
    for (let i = query.after ? positionAfter(ids, query.after.id) : 0; i < ids.length && out.length <= query.top; i++) {
      out.push(list.items[ids[i] as number] as ItemRecord);
    }
  } else {
    const start = query.after ? positionAfter(ids, query.after.id - 1) - 1 : ids.length - 1;
    for (let i = start; i >= 0 && out.length <= query.top; i--) out.push(list.items[ids[i] as number] as ItemRecord);
  }
  return explicitOrder ? finishWalk(out, query, (item) => [item.id], ['ID']) : finishWalk(out, query, () => []);
}

/** No filter, one indexed order key: walk that column's sorted entries. */
function pageByIndex(list: ListRecord, key: OrderKey, query: ItemQuery): ItemPage {
  const entries = sortedEntries(list, key.field.column.name);
  const out: ItemRecord[] = [];
  const after = query.after;
  if (key.direction === 1) {
    let i = 0;
    if (after) {
      i = entryPosition(entries, after.keys[0] ?? null, false);
      while (i < entries.length && compareKeys(entries[i]!.key, after.keys[0] ?? null) === 0 && entries[i]!.id <= after.id) i++;
    }
    for (; i < entries.length && out.length <= query.top; i++) out.push(list.items[entries[i]!.id] as ItemRecord);
  } else {
    let i = entries.length - 1;
    if (after) {
      i = entryPosition(entries, after.keys[0] ?? null, true) - 1;
      while (i >= 0 && compareKeys(entries[i]!.key, after.keys[0] ?? null) === 0 && entries[i]!.id >= after.id) i--;
    }
    for (; i >= 0 && out.length <= query.top; i--) out.push(list.items[entries[i]!.id] as ItemRecord);
  }
  return finishWalk(out, query, (item) => [itemKey(key.field.column, item)], [key.field.column.name]);
}

/** Walks collect top + 1 rows; the extra one only says that another page exists. */
function finishWalk(rows: ItemRecord[], query: ItemQuery, keysFor: (item: ItemRecord) => IndexKey[], orderColumns: string[] = []): ItemPage {
  const items = rows.slice(0, query.top);
  const last = items[items.length - 1];
  return {
    items,
    ...(rows.length > query.top && last ? { next: { keys: keysFor(last), id: last.id } } : {}),
    orderColumns,
  };
}

/** Distinct indexed columns a filter names (ID, the list's own key, needs no index and is not counted). */
function indexedColumnsNamed(fields: readonly QueryField[]): string[] {
  return [...new Set(fields.filter((f) => f.column.indexed && f.column.name !== 'ID').map((f) => f.column.name))];
}

/**
 * The 'windowed' reading: SharePoint walks the list `scanWindow` ids at a time from the position and
 * the page holds that walk's matches (at most `top`), so it may be empty and still not be the last.
 */
function pageByWindows(list: ListRecord, matches: ItemRecord[], query: ItemQuery): ItemPage {
  const { ids } = listIndex(list);
  const start = query.after?.id ?? 0;
  const windowEnd = start + query.readings.scanWindow;
  const inWindow = matches.filter((item) => item.id > start && item.id <= windowEnd).sort((a, b) => a.id - b.id);
  const items = inWindow.slice(0, query.top);
  const last = items[items.length - 1];
  if (inWindow.length > query.top && last) return { items, next: { keys: [], id: last.id }, orderColumns: [] };
  const more = (ids[ids.length - 1] ?? 0) > windowEnd;
  return { items, ...(more ? { next: { keys: [], id: windowEnd } } : {}), orderColumns: [] };
}

/** How many order-by keys a page position carries: none when the order is ignored. */
export function servedOrderCount(orderBy: readonly OrderBy[], readings: SharePointReadings): number {
  return readings.orderBy === 'ignored' ? 0 : orderBy.length;
}

export function runItemQuery(list: ListRecord, query: ItemQuery): ItemPage {
  const filterFields = query.filter ? propertyPaths(query.filter).map((p) => resolveQueryPath(list, p)) : [];
  const asked: OrderKey[] = query.orderBy.map((o) => ({
    field: resolveQueryPath(list, o.path),
    direction: o.direction === 'desc' ? -1 : 1,
  }));
  if (query.readings.twoIndexedColumns === 'refused' && indexedColumnsNamed(filterFields).length > 1) {
    throw listViewThresholdExceeded();
  }
  const itemCount = listIndex(list).ids.length;
  const candidates = query.filter && itemCount > 0 ? narrowestCandidates(list, query.filter) : undefined;
  const decision = decideThreshold({
    itemCount,
    referenced: [...filterFields, ...asked.map((k) => k.field)].map((f) => ({ name: f.column.name, indexed: f.column.indexed })),
    honorNonIndexed: query.honorNonIndexed,
    hasFilter: query.filter !== undefined,
    narrowedTo: candidates?.size,
    orderBy: asked.map((k) => ({ indexed: k.field.column.indexed, topLevel: k.field.topLevel })),
  });
  if (decision.kind === 'notIndexed') throw fieldNotIndexed(decision.field);
  if (decision.kind === 'exceedsThreshold') throw listViewThresholdExceeded();
  // An ignored order-by is still checked like any other (above), then not applied.
  const keys = query.readings.orderBy === 'ignored' ? [] : asked;

  if (query.filter) {
    const predicate = compileFilter(query.filter, { caseInsensitive: true, resolve: resolverFor(list) });
    const pool = candidates ? [...candidates].map((id) => list.items[id] as ItemRecord) : Object.values(list.items);
    const matches = pool.filter(predicate);
    if (keys.length === 0 && query.readings.filteredPaging === 'windowed') return pageByWindows(list, matches, query);
    return pageOfRows(matches, keys, query);
  }
  const [first] = keys;
  if (!first) return pageById(list, query, 1, false);
  if (keys.length === 1 && first.field.column.name === 'ID') return pageById(list, query, first.direction, true);
  if (keys.length === 1 && first.field.column.indexed) return pageByIndex(list, first, query);
  return pageOfRows(Object.values(list.items), keys, query);
}
