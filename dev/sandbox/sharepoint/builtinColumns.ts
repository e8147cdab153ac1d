/**
 * The columns every generic list carries before any custom column is added. Names, display names and
 * the read-only set follow the fields Graph returns for a generic-list item (Title, id, ContentType,
 * Modified, Created, AuthorLookupId, EditorLookupId, _UIVersionString, Attachments, Edit, LinkTitle...).
 */
import type { SandboxContext } from '../core/types';
import { newGuid } from './ids';
import { defaultFacet } from './columnFacets';
import type { ColumnRecord, ColumnType } from './state';

interface BuiltInSpec {
  name: string;
  displayName: string;
  type: ColumnType;
  readOnly: boolean;
  hidden?: boolean;
  required?: boolean;
  /** Indexed from the start. ID is the list's primary key. Created and Modified are indexed too, as the
   *  brief asks (large-list guidance filters on them); unlike ID they take index slots, the cautious choice. */
  indexed?: boolean;
  facet?: Record<string, unknown>;
}

const SPECS: readonly BuiltInSpec[] = [
  { name: 'Title', displayName: 'Title', type: 'text', readOnly: false, required: true },
  { name: 'ID', displayName: 'ID', type: 'number', readOnly: true, indexed: true },
  { name: 'ContentType', displayName: 'Content Type', type: 'text', readOnly: true },
  { name: 'Modified', displayName: 'Modified', type: 'dateTime', readOnly: true, indexed: true },
  { name: 'Created', displayName: 'Created', type: 'dateTime', readOnly: true, indexed: true },
  { name: 'Author', displayName: 'Created By', type: 'personOrGroup', readOnly: true },
  { name: 'Editor', displayName: 'Modified By', type: 'personOrGroup', readOnly: true },
  { name: '_UIVersionString', displayName: 'Version', type: 'text', readOnly: true },
  { name: 'Attachments', displayName: 'Attachments', type: 'boolean', readOnly: true },
  { name: 'Edit', displayName: 'Edit', type: 'text', readOnly: true },
  { name: 'LinkTitleNoMenu', displayName: 'Title', type: 'text', readOnly: true },
  { name: 'LinkTitle', displayName: 'Title', type: 'text', readOnly: true },
  { name: 'ItemChildCount', displayName: 'Item Child Count', type: 'text', readOnly: true },
  { name: 'FolderChildCount', displayName: 'Folder Child Count', type: 'text', readOnly: true },
];

/** ID is the row key itself: it is always indexed and does not take one of the list's 20 index slots. */
export const PRIMARY_KEY_COLUMN = 'ID';

export function createBuiltInColumns(ctx: SandboxContext): ColumnRecord[] {
  return SPECS.map((spec) => ({
    id: newGuid(ctx),
    name: spec.name,
    displayName: spec.displayName,
    description: '',
    columnGroup: spec.name === 'Title' ? 'Custom Columns' : '_Hidden',
    type: spec.type,
    facet: { ...defaultFacet(spec.type), ...(spec.facet ?? {}) },
    indexed: spec.indexed ?? false,
    enforceUniqueValues: false,
    required: spec.required ?? false,
    hidden: spec.hidden ?? false,
    readOnly: spec.readOnly,
    builtIn: true,
  }));
}

/** Built-in columns whose values come from the item record rather than from stored values. */
export const SYSTEM_VALUE_COLUMNS = new Set(['ID', 'Created', 'Modified', 'Author', 'Editor']);
