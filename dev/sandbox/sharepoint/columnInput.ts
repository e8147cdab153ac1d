/**
 * Turns a columnDefinition request body (POST .../columns, the `columns` of POST .../lists, PATCH
 * .../columns/{id}) into a ColumnRecord, with Graph's validation: exactly one type facet, a usable
 * internal name, and the index/unique rules of columnRules.ts.
 */
import type { SandboxContext } from '../core/types';
import { COLUMN_TYPES, defaultFacet } from './columnFacets';
import { assertCanIndex, assertUniqueHasIndex } from './columnRules';
import { argumentNotAcceptable, columnNameTaken, invalidRequest } from './errors';
import { newGuid } from './ids';
import type { ColumnRecord, ColumnType, ListRecord } from './state';

/** SharePoint internal names: no spaces or punctuation (they would be escaped as _x0020_ and the like). */
const INTERNAL_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;

function asObject(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw argumentNotAcceptable();
  return value as Record<string, unknown>;
}

function facetOf(body: Record<string, unknown>): { type: ColumnType; facet: Record<string, unknown> } {
  const present = COLUMN_TYPES.filter((t) => body[t] !== undefined && body[t] !== null);
  const [type] = present;
  if (present.length !== 1 || type === undefined) throw argumentNotAcceptable();
  const given = asObject(body[type]);
  if (type === 'choice' && given['choices'] !== undefined && !Array.isArray(given['choices'])) {
    throw argumentNotAcceptable();
  }
  return { type, facet: { ...defaultFacet(type), ...given } };
}

type Flag = 'indexed' | 'enforceUniqueValues' | 'required' | 'hidden';

function readFlag(body: Record<string, unknown>, flag: Flag): boolean | undefined {
  const value = body[flag];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw argumentNotAcceptable();
  return value;
}

function findByName(list: ListRecord, name: string): ColumnRecord | undefined {
  const folded = name.toLowerCase();
  return list.columns.find((c) => c.name.toLowerCase() === folded);
}

/** Validates and builds a new column for `list` (not yet added to it). */
export function parseNewColumn(ctx: SandboxContext, list: ListRecord, input: unknown): ColumnRecord {
  const body = asObject(input);
  const name = body['name'];
  if (typeof name !== 'string' || !INTERNAL_NAME.test(name)) throw argumentNotAcceptable();
  if (findByName(list, name)) throw columnNameTaken(name);
  const displayName = body['displayName'] ?? name;
  const description = body['description'] ?? '';
  if (typeof displayName !== 'string' || typeof description !== 'string') throw argumentNotAcceptable();
  const { type, facet } = facetOf(body);
  const column: ColumnRecord = {
    id: newGuid(ctx),
    name,
    displayName,
    description,
    columnGroup: 'Custom Columns',
    type,
    facet,
    indexed: false,
    enforceUniqueValues: readFlag(body, 'enforceUniqueValues') ?? false,
    required: readFlag(body, 'required') ?? false,
    hidden: readFlag(body, 'hidden') ?? false,
    readOnly: false,
    builtIn: false,
  };
  if (readFlag(body, 'indexed') === true) {
    assertCanIndex(list, column);
    column.indexed = true;
  }
  assertUniqueHasIndex(column);
  return column;
}

/** What a PATCH changes that needs more than a field copy (index maintenance, uniqueness check). */
export interface ColumnChange {
  indexedNow?: boolean;
  uniqueNow?: boolean;
}

/** Validates a PATCH body and returns the column as it would be; the caller commits it. */
export function planColumnPatch(
  list: ListRecord,
  column: ColumnRecord,
  input: unknown,
): { next: ColumnRecord; change: ColumnChange } {
  const body = asObject(input);
  if (body['name'] !== undefined && body['name'] !== column.name) {
    throw invalidRequest("The column's internal name cannot be changed.");
  }
  const next = { ...column };
  for (const key of ['displayName', 'description'] as const) {
    const value = body[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw argumentNotAcceptable();
    next[key] = value;
  }
  const typed = COLUMN_TYPES.filter((t) => body[t] !== undefined);
  if (typed.length > 0) {
    if (typed.length > 1 || typed[0] !== column.type) throw argumentNotAcceptable();
    next.facet = { ...column.facet, ...asObject(body[column.type]) };
  }
  next.required = readFlag(body, 'required') ?? column.required;
  next.hidden = readFlag(body, 'hidden') ?? column.hidden;
  next.enforceUniqueValues = readFlag(body, 'enforceUniqueValues') ?? column.enforceUniqueValues;
  const indexed = readFlag(body, 'indexed');
  const change: ColumnChange = {};
  if (indexed === true && !column.indexed) {
    assertCanIndex(list, next);
    change.indexedNow = true;
  } else if (indexed === false && column.indexed) {
    if (column.name === 'ID') throw argumentNotAcceptable();
    change.indexedNow = false;
  }
  next.indexed = indexed ?? column.indexed;
  assertUniqueHasIndex(next);
  if (next.enforceUniqueValues && !column.enforceUniqueValues) change.uniqueNow = true;
  if (column.readOnly && (change.uniqueNow || typed.length > 0)) throw argumentNotAcceptable();
  return { next, change };
}
