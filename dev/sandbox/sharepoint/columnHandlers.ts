/**
 * Columns of a list: enumerate, get, add, PATCH (e.g. `{ "indexed": true }`) and DELETE. Turning on
 * `enforceUniqueValues` fails while the list already holds duplicates, as SharePoint refuses it.
 */
import { planColumnPatch, parseNewColumn } from './columnInput';
import { itemKey, type IndexKey } from './columnValues';
import { columnNotFound, duplicateValues, invalidRequest } from './errors';
import { dropListIndex, setColumnIndexed } from './listIndex';
import { ok, requireList, type SiteCall } from './siteCall';
import { columnJson } from './siteJson';
import type { ColumnRecord, ListRecord } from './state';

function requireColumn(list: ListRecord, ref: string): ColumnRecord {
  const folded = ref.toLowerCase();
  const column = list.columns.find((c) => c.id === folded) ?? list.columns.find((c) => c.name.toLowerCase() === folded);
  if (!column) throw columnNotFound();
  return column;
}

function assertNoDuplicates(list: ListRecord, column: ColumnRecord): void {
  const seen = new Set<IndexKey>();
  for (const item of Object.values(list.items)) {
    const key = itemKey(column, item);
    if (key === null) continue;
    if (seen.has(key)) throw duplicateValues([column.name]);
    seen.add(key);
  }
}

export function getColumns(call: SiteCall) {
  return ok({ value: requireList(call).columns.map(columnJson) });
}

export function getColumn(call: SiteCall) {
  return ok(columnJson(requireColumn(requireList(call), call.params['column'] ?? '')));
}

export function createColumn(call: SiteCall) {
  const list = requireList(call);
  const column = parseNewColumn(call.ctx, list, call.req.body);
  list.columns.push(column);
  if (column.indexed) setColumnIndexed(list, column);
  return ok(columnJson(column), 201);
}

export function updateColumn(call: SiteCall) {
  const list = requireList(call);
  const column = requireColumn(list, call.params['column'] ?? '');
  const { next, change } = planColumnPatch(list, column, call.req.body);
  if (change.uniqueNow) assertNoDuplicates(list, next);
  Object.assign(column, next);
  if (change.indexedNow !== undefined) setColumnIndexed(list, column);
  return ok(columnJson(column));
}

/** Graph's "Delete columnDefinition": 204, and the column's values go with it. SharePoint's own columns stay. */
export function deleteColumn(call: SiteCall) {
  const list = requireList(call);
  const column = requireColumn(list, call.params['column'] ?? '');
  if (column.readOnly || column.name === 'Title') throw invalidRequest(`The column '${column.name}' is part of the list and cannot be deleted.`);
  list.columns = list.columns.filter((c) => c !== column);
  for (const item of Object.values(list.items)) delete item.values[column.name];
  dropListIndex(list);
  return { status: 204 };
}
