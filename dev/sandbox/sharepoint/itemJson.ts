/**
 * listItem and fieldValueSet JSON in the shape Graph returns for a generic list (compare the
 * responses of "Create a new entry in a SharePoint list" and "List items"): string ids, quoted
 * eTags, `createdBy.user`, `contentType {id, name: 'Item'}`, and in `fields` the stored values plus
 * SharePoint's computed ones (`AuthorLookupId`, `_UIVersionString`, `LinkTitle`...). Columns without
 * a value are left out of `fields`, as Graph does.
 */
import { itemEtag } from './etag';
import type { ItemRecord, ListRecord, SharePointState, SiteRecord } from './state';
import { identitySet } from './users';
import { listWebUrl } from './siteJson';

function lookupFieldName(list: ListRecord, name: string): string {
  const column = list.columns.find((c) => c.name === name);
  return column && (column.type === 'lookup' || column.type === 'personOrGroup') ? `${name}LookupId` : name;
}

function storedFieldValue(list: ListRecord, name: string, value: unknown): [string, unknown] {
  const key = lookupFieldName(list, name);
  if (key === name) return [key, value];
  return [key, Array.isArray(value) ? value.map(String) : String(value)];
}

/** Every field Graph returns for the item when no `$select` narrows them. */
export function allFields(list: ListRecord, item: ItemRecord): Record<string, unknown> {
  const fields: Record<string, unknown> = { '@odata.etag': itemEtag(item.guid, item.version) };
  const title = item.values['Title'];
  if (title !== undefined) fields['Title'] = title;
  for (const [name, value] of Object.entries(item.values)) {
    if (name === 'Title') continue;
    const [key, shown] = storedFieldValue(list, name, value);
    fields[key] = shown;
  }
  Object.assign(fields, {
    id: String(item.id),
    ContentType: 'Item',
    Modified: item.modified,
    Created: item.created,
    AuthorLookupId: String(item.authorLookupId),
    EditorLookupId: String(item.editorLookupId),
    _UIVersionString: `${item.version}.0`,
    Attachments: false,
    Edit: '',
    LinkTitleNoMenu: title ?? '',
    LinkTitle: title ?? '',
    ItemChildCount: '0',
    FolderChildCount: '0',
    _ComplianceFlags: '',
    _ComplianceTag: '',
    _ComplianceTagWrittenTime: '',
    _ComplianceTagUserId: '',
  });
  return fields;
}

/** `fields($select=A,B)`: the eTag plus the named fields that have values (`ID` and `id` both give the id). */
export function selectedFields(list: ListRecord, item: ItemRecord, select: readonly string[]): Record<string, unknown> {
  const all = allFields(list, item);
  const out: Record<string, unknown> = { '@odata.etag': all['@odata.etag'] };
  for (const name of select) {
    if (name === 'ID') out['ID'] = item.id;
    else if (name === 'Author' || name === 'Editor') out[`${name}LookupId`] = all[`${name}LookupId`];
    else if (all[name] !== undefined) out[name] = all[name];
    else if (all[`${name}LookupId`] !== undefined) out[`${name}LookupId`] = all[`${name}LookupId`];
  }
  return out;
}

export interface ItemJsonOptions {
  /** Undefined: no fields; [] : all fields; otherwise the selected ones. */
  fields?: readonly string[];
  select?: readonly string[];
}

export function itemJson(
  state: SharePointState,
  site: SiteRecord,
  list: ListRecord,
  item: ItemRecord,
  options: ItemJsonOptions,
): Record<string, unknown> {
  const etag = itemEtag(item.guid, item.version);
  const json: Record<string, unknown> = {
    '@odata.etag': etag,
    createdDateTime: item.created,
    eTag: etag,
    id: String(item.id),
    lastModifiedDateTime: item.modified,
    webUrl: `${listWebUrl(state, site, list)}/${item.id}_.000`,
    createdBy: identitySet(state, item.authorId),
    lastModifiedBy: identitySet(state, item.editorId),
    // path: the list's folder relative to its site, as "listItem: delta" shows it (URL-encoded, "Shared%20Documents").
    parentReference: { id: list.rootFolderId, path: `Lists/${encodeURIComponent(list.name)}`, siteId: site.id },
    contentType: { id: list.contentTypeId, name: 'Item' },
  };
  if (options.fields !== undefined) {
    json['fields'] = options.fields.length === 0 ? allFields(list, item) : selectedFields(list, item, options.fields);
  }
  if (!options.select || options.select.length === 0) return json;
  const picked: Record<string, unknown> = { '@odata.etag': etag };
  for (const name of options.select) if (json[name] !== undefined) picked[name] = json[name];
  // An expanded navigation property is returned whatever $select says.
  if (json['fields'] !== undefined) picked['fields'] = json['fields'];
  return picked;
}
