/**
 * Which list column a query path names. List item queries reach columns as `fields/{internalName}`
 * (lookups also as `fields/{name}LookupId`, the author as `fields/AuthorLookupId`); of the listItem's
 * own properties only `id` is accepted. Anything else is Graph's "Invalid filter clause"
 * (microsoftgraph/microsoft-graph-docs #7040: `ProjectNumber eq 'New'` without `fields/`).
 */
import { findColumn } from './columnValues';
import { fieldNotRecognized, invalidFilterClause } from './errors';
import type { ColumnRecord, ListRecord } from './state';

export interface QueryField {
  column: ColumnRecord;
  /** True for the listItem property `id` rather than `fields/...`. */
  topLevel: boolean;
}

/** Maps a field key as written in a query or a fields body to the column's internal name. */
export function columnNameForKey(list: ListRecord, key: string): string | undefined {
  if (findColumn(list, key)) return key;
  if (key === 'id') return 'ID';
  if (key.endsWith('LookupId')) {
    const base = key.slice(0, -'LookupId'.length);
    const column = findColumn(list, base);
    if (column && (column.type === 'lookup' || column.type === 'personOrGroup')) return base;
  }
  return undefined;
}

export function resolveQueryPath(list: ListRecord, path: readonly string[]): QueryField {
  const [head, name, ...rest] = path;
  if (path.length === 1 && head?.toLowerCase() === 'id') {
    return { column: findColumn(list, 'ID') as ColumnRecord, topLevel: true };
  }
  if (head?.toLowerCase() !== 'fields' || name === undefined || rest.length > 0) throw invalidFilterClause();
  const columnName = columnNameForKey(list, name);
  const column = columnName === undefined ? undefined : findColumn(list, columnName);
  if (!column) throw fieldNotRecognized(name);
  return { column, topLevel: false };
}
