/**
 * Validates the `fields` of a create or the body of PATCH .../fields against the list's columns and
 * returns the values to store. Unknown names are Graph's 400 "Field 'X' is not recognized"; values of
 * the wrong JSON type are refused with OData's conversion message (the wording SharePoint's REST layer
 * uses: "Cannot convert a primitive value to the expected type 'Edm.Double'"). Lookup and person
 * columns are written through `{Name}LookupId` as in Graph. `required` is not enforced: SharePoint
 * checks it in its forms, not in the API.
 */
import { findColumn } from './columnValues';
import { isMultiValued } from './columnFacets';
import { fieldNotRecognized, invalidRequest } from './errors';
import { graphTimestamp } from './ids';
import type { ColumnRecord, ListRecord } from './state';

const EDM_TYPE: Record<ColumnRecord['type'], string> = {
  text: 'Edm.String',
  choice: 'Edm.String',
  number: 'Edm.Double',
  currency: 'Edm.Double',
  boolean: 'Edm.Boolean',
  dateTime: 'Edm.DateTimeOffset',
  lookup: 'Edm.Int32',
  personOrGroup: 'Edm.Int32',
  hyperlinkOrPicture: 'Edm.String',
};

const cannotConvert = (column: ColumnRecord) =>
  invalidRequest(`Cannot convert a primitive value to the expected type '${EDM_TYPE[column.type]}'. See the inner exception for more details.`);

// Issue microsoftgraph/microsoft-graph-docs-contrib #858: an object written to a person field.
const untypedValue = () =>
  invalidRequest(
    'A value without a type name was found and no expected type is available. When the model is specified, each value in the payload must have a type which can be either specified in the payload, explicitly by the caller or implicitly inferred from the parent value.',
  );

function lookupIds(column: ColumnRecord, value: unknown): number | number[] {
  const one = (v: unknown): number => {
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw cannotConvert(column);
    return n;
  };
  if (Array.isArray(value)) {
    if (!isMultiValued(column.type, column.facet)) throw cannotConvert(column);
    return value.map(one);
  }
  return one(value);
}

function convert(column: ColumnRecord, value: unknown): unknown {
  switch (column.type) {
    case 'text':
    case 'choice': {
      if (typeof value !== 'string') throw cannotConvert(column);
      const max = column.facet['maxLength'];
      if (column.type === 'text' && column.facet['allowMultipleLines'] !== true && typeof max === 'number' && value.length > max) {
        // Wording not verified against a live tenant.
        throw invalidRequest(`The value of field '${column.name}' is longer than the maximum of ${max} characters.`);
      }
      return value;
    }
    case 'number':
    case 'currency':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw cannotConvert(column);
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw cannotConvert(column);
      return value;
    case 'dateTime': {
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw cannotConvert(column);
      return graphTimestamp(new Date(Date.parse(value)));
    }
    case 'hyperlinkOrPicture': {
      const link = value as { Url?: unknown; Description?: unknown } | null;
      if (typeof link !== 'object' || link === null || typeof link.Url !== 'string') throw cannotConvert(column);
      return { Description: typeof link.Description === 'string' ? link.Description : link.Url, Url: link.Url };
    }
    case 'lookup':
    case 'personOrGroup':
      throw untypedValue();
  }
}

/** Column name -> value to store (null clears). */
export function parseFieldWrites(list: ListRecord, body: unknown): Map<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalidRequest('Invalid request');
  const writes = new Map<string, unknown>();
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key.startsWith('@odata.') || key.includes('@odata.')) continue; // annotations, e.g. `Tags@odata.type`
    const lookupBase = key.endsWith('LookupId') ? key.slice(0, -'LookupId'.length) : undefined;
    const lookupColumn = lookupBase === undefined ? undefined : findColumn(list, lookupBase);
    const column = lookupColumn && (lookupColumn.type === 'lookup' || lookupColumn.type === 'personOrGroup') ? lookupColumn : findColumn(list, key);
    if (!column) throw fieldNotRecognized(key);
    if (column.readOnly) throw invalidRequest(`Field '${key}' is read-only`); // wording not verified
    if (value === null) writes.set(column.name, null);
    else if (column === lookupColumn) writes.set(column.name, lookupIds(column, value));
    else writes.set(column.name, convert(column, value));
  }
  return writes;
}
