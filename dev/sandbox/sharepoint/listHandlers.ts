/**
 * Lists of a site: enumerate (with `$filter`, `$select`, `$expand=columns`), get by GUID or title,
 * create a generic list with its columns ("Create a SharePoint list"), delete.
 */
import { compileFilter } from '../odata';
import { createBuiltInColumns } from './builtinColumns';
import { parseNewColumn } from './columnInput';
import { invalidRequest, listNameTaken } from './errors';
import { newGuid, nowStamp } from './ids';
import { dropListIndex, listIndex } from './listIndex';
import { expandsColumns, listFilterOption, listSelectOption, pickSelected } from './queryOptions';
import { noContent, ok, requireList, type SiteCall } from './siteCall';
import { listJson } from './siteJson';
import type { ListRecord } from './state';
import { ensureSiteUser } from './users';

export function getLists(call: SiteCall) {
  const withColumns = expandsColumns(call.req);
  const select = listSelectOption(call.req);
  let lists = call.site.lists.map((list) => listJson(call.state, call.site, list, withColumns));
  const filter = listFilterOption(call.req);
  if (filter) lists = lists.filter(compileFilter(filter, { caseInsensitive: true }));
  return ok({ value: lists.map((l) => pickSelected(l, select, ['columns'])) });
}

export function getList(call: SiteCall) {
  const list = requireList(call);
  const json = listJson(call.state, call.site, list, expandsColumns(call.req));
  return ok(pickSelected(json, listSelectOption(call.req), ['columns']));
}

/** SharePoint derives the list's URL name from its title; punctuation and spaces are dropped. */
function urlName(displayName: string): string {
  const name = displayName.replace(/[^A-Za-z0-9_-]/g, '');
  return name.length > 0 ? name : 'List';
}

export function createList(call: SiteCall) {
  const body = call.req.body as Record<string, unknown> | undefined;
  if (typeof body !== 'object' || body === null) throw invalidRequest('Invalid request');
  // Graph's answer to a client-chosen name (OneDrive/onedrive-api-docs #645).
  if (body['name'] !== undefined) {
    throw invalidRequest("Cannot define a 'name' for a list as it is assigned by the server. Instead, provide 'displayName'");
  }
  const displayName = body['displayName'];
  if (typeof displayName !== 'string' || displayName.trim() === '') throw invalidRequest('Invalid request');
  const folded = displayName.toLowerCase();
  if (call.site.lists.some((l) => l.displayName.toLowerCase() === folded)) throw listNameTaken();
  const template = (body['list'] as { template?: unknown } | undefined)?.template ?? 'genericList';
  const columnsInput = body['columns'] ?? [];
  if (typeof template !== 'string' || !Array.isArray(columnsInput)) throw invalidRequest('Invalid request');
  const stamp = nowStamp(call.ctx);
  ensureSiteUser(call.ctx, call.state, call.req.userId);
  const list: ListRecord = {
    id: newGuid(call.ctx),
    name: urlName(displayName),
    displayName,
    description: typeof body['description'] === 'string' ? body['description'] : '',
    template,
    createdDateTime: stamp,
    lastModifiedDateTime: stamp,
    createdBy: call.req.userId,
    contentTypeId: `0x0100${newGuid(call.ctx).replace(/-/g, '').toUpperCase()}`,
    rootFolderId: newGuid(call.ctx),
    version: 1,
    columns: createBuiltInColumns(call.ctx),
    items: {},
    nextItemId: 1,
    changeSeq: 0,
    tombstones: [],
  };
  for (const input of columnsInput) list.columns.push(parseNewColumn(call.ctx, list, input));
  call.site.lists.push(list);
  listIndex(list); // built now, so writes maintain it and the first query finds it ready
  return ok(listJson(call.state, call.site, list, false), 201);
}

export function deleteList(call: SiteCall) {
  const list = requireList(call);
  call.site.lists = call.site.lists.filter((l) => l !== list);
  dropListIndex(list);
  return noContent();
}
