/**
 * site, list and columnDefinition JSON as Graph returns them ("Get a site resource", "Get
 * metadata for a list", "columnDefinition resource type").
 */
import type { ColumnRecord, ListRecord, SharePointState, SiteRecord } from './state';
import { identitySet } from './users';

export function siteWebUrl(state: SharePointState, site: SiteRecord): string {
  return `https://${state.hostname}${site.isRoot ? '' : site.path}`;
}

export function listWebUrl(state: SharePointState, site: SiteRecord, list: ListRecord): string {
  return `${siteWebUrl(state, site)}/Lists/${encodeURIComponent(list.name)}`;
}

export function siteJson(state: SharePointState, site: SiteRecord): Record<string, unknown> {
  return {
    createdDateTime: site.createdDateTime,
    description: site.description,
    id: site.id,
    lastModifiedDateTime: site.lastModifiedDateTime,
    name: site.name,
    webUrl: siteWebUrl(state, site),
    displayName: site.displayName,
    ...(site.isRoot ? { root: {} } : {}),
    siteCollection: { hostname: state.hostname },
  };
}

export function columnJson(column: ColumnRecord): Record<string, unknown> {
  return {
    columnGroup: column.columnGroup,
    description: column.description,
    displayName: column.displayName,
    enforceUniqueValues: column.enforceUniqueValues,
    hidden: column.hidden,
    id: column.id,
    indexed: column.indexed,
    name: column.name,
    readOnly: column.readOnly,
    required: column.required,
    [column.type]: column.facet,
  };
}

export function listJson(
  state: SharePointState,
  site: SiteRecord,
  list: ListRecord,
  withColumns: boolean,
): Record<string, unknown> {
  const etag = `"${list.id},${list.version}"`;
  return {
    '@odata.etag': etag,
    createdDateTime: list.createdDateTime,
    description: list.description,
    eTag: etag,
    id: list.id,
    lastModifiedDateTime: list.lastModifiedDateTime,
    name: list.name,
    webUrl: listWebUrl(state, site, list),
    displayName: list.displayName,
    createdBy: identitySet(state, list.createdBy),
    // "Create list" answers with lastModifiedBy next to createdBy. The sandbox keeps no other editor of
    // a list's own metadata (column changes do not count in it), so the creator is the last modifier.
    lastModifiedBy: identitySet(state, list.createdBy),
    parentReference: { siteId: site.id },
    list: { contentTypesEnabled: false, hidden: false, template: list.template },
    ...(withColumns ? { columns: list.columns.map(columnJson) } : {}),
  };
}
