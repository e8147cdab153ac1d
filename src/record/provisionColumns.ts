/**
 * Comparing what a list has with what the schema wants, column by column. Pure: no Graph here, so
 * the rules (what counts as the same type, what needs an index) are read in one place.
 */
import type { ColumnSpec, ColumnType, ListSpec } from './schema';

/** The columnDefinition fields provisioning reads (the facets say the type). */
export interface ExistingColumn {
  id: string;
  name: string;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
  text?: { allowMultipleLines?: boolean };
  number?: object;
  dateTime?: object;
  boolean?: object;
  choice?: object;
}

/** The facets asked for in `$select`: enough to tell Trail's types apart, and to name a stranger. */
export const COLUMN_FIELDS = ['id', 'name', 'indexed', 'enforceUniqueValues', 'text', 'number', 'dateTime', 'boolean', 'choice'] as const;

export type FoundType = ColumnType | 'other';

export interface ColumnConflict {
  name: string;
  expected: ColumnType;
  found: FoundType;
}

export interface ColumnDiff {
  /** Missing columns, to be created. */
  addColumns: string[];
  /** Columns that exist but lack the index (or uniqueness) the schema needs. */
  indexColumns: Array<{ name: string; id: string }>;
  /** Columns whose type differs from the schema's: left alone, they may hold someone's data. */
  conflicts: ColumnConflict[];
}

/**
 * SharePoint allows 20 indexed columns per list. Created and Modified are assumed to hold two of
 * them (the sandbox does the same; no source says either way), so Trail's own indexes get 18.
 */
export const MAX_INDEXED_COLUMNS = 20;
export const SYSTEM_INDEXES = 2;

export function columnTypeOf(column: ExistingColumn): FoundType {
  if (column.text) return column.text.allowMultipleLines ? 'note' : 'text';
  if (column.number) return 'number';
  if (column.dateTime) return 'dateTime';
  if (column.boolean) return 'boolean';
  if (column.choice) return 'choice';
  return 'other';
}

const needsIndex = (spec: ColumnSpec, found: ExistingColumn): boolean =>
  (!!spec.indexed && !found.indexed) || (!!spec.unique && !found.enforceUniqueValues);

/** SharePoint matches internal names case-insensitively, so this does too. */
export function diffColumns(spec: ListSpec, existing: readonly ExistingColumn[]): ColumnDiff {
  const diff: ColumnDiff = { addColumns: [], indexColumns: [], conflicts: [] };
  for (const column of spec.columns) {
    const found = existing.find((c) => c.name.toLowerCase() === column.name.toLowerCase());
    const foundType = found && columnTypeOf(found);
    if (!found) diff.addColumns.push(column.name);
    else if (foundType !== column.type) diff.conflicts.push({ name: column.name, expected: column.type, found: foundType ?? 'other' });
    else if (needsIndex(column, found)) diff.indexColumns.push({ name: column.name, id: found.id });
  }
  return diff;
}

export const indexedColumnCount = (spec: ListSpec): number => spec.columns.filter((c) => c.indexed || c.unique).length;

/** The schema's lists whose indexes would not fit in a new list: a mistake in schema.ts, caught before any write. */
export function listsOverIndexLimit(lists: Record<string, ListSpec>): string[] {
  return Object.values(lists)
    .filter((spec) => indexedColumnCount(spec) + SYSTEM_INDEXES > MAX_INDEXED_COLUMNS)
    .map((spec) => spec.displayName);
}
