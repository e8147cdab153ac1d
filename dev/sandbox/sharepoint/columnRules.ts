/**
 * Rules SharePoint applies to indexes and unique columns:
 * - at most 20 indexed columns per list ("You can index up to 20 columns", List Indexes in SharePoint 2013,
 *   c-sharpcorner); ID is the row key and takes no slot;
 * - some column kinds cannot be indexed at all (columnFacets.canBeIndexed);
 * - "Any column that you define to have a unique value requires an index" (same source, and
 *   iedaddy.com "Indexing columns in a SharePoint list": "you must index any columns that enforce uniqueness").
 */
import { PRIMARY_KEY_COLUMN } from './builtinColumns';
import { canBeIndexed } from './columnFacets';
import { invalidRequest, tooManyIndexes } from './errors';
import type { ColumnRecord, ListRecord } from './state';

export const MAX_INDEXED_COLUMNS = 20;

export function indexSlotsUsed(list: ListRecord): number {
  return list.columns.filter((c) => c.indexed && c.name !== PRIMARY_KEY_COLUMN).length;
}

/** Throws unless `column` may become indexed in `list` (it is not yet indexed). */
export function assertCanIndex(list: ListRecord, column: ColumnRecord): void {
  if (!canBeIndexed(column.type, column.facet)) {
    // SharePoint's answer to indexing e.g. a multi-line text column (pnp/PnP-PowerShell #80).
    throw invalidRequest('Cannot complete this action. Please try again.');
  }
  if (indexSlotsUsed(list) >= MAX_INDEXED_COLUMNS) throw tooManyIndexes();
}

/** Unique values need an index; the exact SharePoint wording for this refusal was not found. */
export function assertUniqueHasIndex(column: Pick<ColumnRecord, 'indexed' | 'enforceUniqueValues' | 'name'>): void {
  if (column.enforceUniqueValues && !column.indexed) {
    throw invalidRequest(`Column '${column.name}' must be indexed to enforce unique values.`);
  }
}
