/**
 * One item's value for one column, as queries see it (filter, order, indexes), and the folded keys
 * indexes and sorting use. SharePoint compares text case-insensitively, so text keys are lower-cased.
 */
import type { ColumnRecord, ItemRecord, ListRecord } from './state';

export type IndexKey = string | number | boolean | null;

/** The raw value behind a column: system columns come from the item record, the rest from stored values. */
export function queryValue(item: ItemRecord, columnName: string): unknown {
  switch (columnName) {
    case 'ID':
      return item.id;
    case 'Created':
      return item.created;
    case 'Modified':
      return item.modified;
    case 'Author':
      return item.authorLookupId;
    case 'Editor':
      return item.editorLookupId;
    default:
      return item.values[columnName] ?? null;
  }
}

function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

/** Dates keep Graph's `2024-01-01T00:00:00Z` form so they sort as text; other spellings are normalised. */
function toDateKey(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(value)) return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The comparable, case-folded key of a value in `column` (a stored value or a filter literal). */
export function keyOf(column: ColumnRecord, value: unknown): IndexKey {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'number':
    case 'currency':
    case 'lookup':
    case 'personOrGroup':
      return toNumber(value);
    case 'boolean':
      return typeof value === 'boolean' ? value : value === 1 || value === '1' || value === 'true';
    case 'dateTime':
      return toDateKey(value);
    default:
      return typeof value === 'string' ? value.toLowerCase() : String(value).toLowerCase();
  }
}

export function itemKey(column: ColumnRecord, item: ItemRecord): IndexKey {
  return keyOf(column, queryValue(item, column.name));
}

const RANK = { null: 0, boolean: 1, number: 2, string: 3 } as const;

function rank(key: IndexKey): number {
  return key === null ? RANK.null : RANK[typeof key as 'boolean' | 'number' | 'string'];
}

/** Total order over keys: null first (as SharePoint sorts empty values first ascending), then by type. */
export function compareKeys(a: IndexKey, b: IndexKey): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (a === b || a === null || b === null) return 0;
  return a < b ? -1 : 1;
}

export function findColumn(list: ListRecord, name: string): ColumnRecord | undefined {
  return list.columns.find((c) => c.name === name);
}
