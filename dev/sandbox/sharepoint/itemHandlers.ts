/**
 * List items: query (itemQuery.ts), get, create ("Create a new entry in a SharePoint list": 201 with
 * the item and its fields), update fields ("Update listItem": 200 with the fieldValueSet, If-Match
 * honoured) and delete (204, If-Match honoured).
 */
import { asUniqueViolationReading, invalidRequest, itemNotFound } from './errors';
import { assertIfMatch, itemEtag } from './etag';
import { parseFieldWrites } from './fieldWrites';
import { allFields, itemJson, selectedFields } from './itemJson';
import { runItemQuery, servedOrderCount } from './itemQuery';
import { createItem, deleteItem, updateItem } from './itemWrites';
import {
  expandedFields,
  honorsNonIndexedQueries,
  itemSelectOption,
  listItemFilterOption,
  orderByOption,
  pageSize,
  selectOption,
} from './queryOptions';
import { linkTo, noContent, ok, queryWithout, requireList, type SiteCall } from './siteCall';
import { decodeSkipToken, encodeSkipToken } from './skiptoken';
import type { ItemRecord, ListRecord } from './state';

function requireItem(list: ListRecord, ref: string | undefined): ItemRecord {
  const item = ref !== undefined && /^\d+$/.test(ref) ? list.items[ref] : undefined;
  if (!item) throw itemNotFound();
  return item;
}

/** A write, its unique-value refusal answered as the sandbox's reading says (readings.ts). */
function underReadings<T>(call: SiteCall, write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw asUniqueViolationReading(error, call.readings.uniqueViolation);
  }
}

export function getItems(call: SiteCall) {
  const list = requireList(call);
  const orderBy = orderByOption(call.req);
  const token = call.req.query['$skiptoken'];
  const filter = listItemFilterOption(call.req);
  const fields = expandedFields(call.req);
  const select = itemSelectOption(call.req);
  const page = runItemQuery(list, {
    ...(filter ? { filter } : {}),
    orderBy,
    top: pageSize(call.req),
    ...(token !== undefined ? { after: decodeSkipToken(token, servedOrderCount(orderBy, call.readings)) } : {}),
    honorNonIndexed: honorsNonIndexedQueries(call.req),
    readings: call.readings,
  });
  const body: Record<string, unknown> = {
    value: page.items.map((item) =>
      itemJson(call.state, call.site, list, item, { ...(fields ? { fields } : {}), select }),
    ),
  };
  if (page.next) {
    const skiptoken = encodeSkipToken(page.next, page.orderColumns);
    body['@odata.nextLink'] = linkTo(call.req, { ...queryWithout(call.req, '$skiptoken'), $skiptoken: skiptoken });
  }
  return ok(body);
}

export function getItem(call: SiteCall) {
  const list = requireList(call);
  const item = requireItem(list, call.params['item']);
  const fields = expandedFields(call.req);
  return ok(itemJson(call.state, call.site, list, item, { ...(fields ? { fields } : {}), select: itemSelectOption(call.req) }));
}

export function getItemFields(call: SiteCall) {
  const list = requireList(call);
  const item = requireItem(list, call.params['item']);
  const select = selectOption(call.req);
  return ok(select.length > 0 ? selectedFields(list, item, select) : allFields(list, item));
}

export function createListItem(call: SiteCall) {
  const list = requireList(call);
  const body = call.req.body as { fields?: unknown } | undefined;
  if (typeof body !== 'object' || body === null) throw invalidRequest('Invalid request');
  const writes = parseFieldWrites(list, body.fields ?? {});
  const item = underReadings(call, () => createItem(call.ctx, call.state, list, writes, call.req.userId));
  if (call.readings.writeResponse === 'bare') return ok({ id: String(item.id) }, 201);
  return ok(itemJson(call.state, call.site, list, item, { fields: [] }), 201);
}

function patchItem(call: SiteCall, fieldsBody: unknown): { list: ListRecord; item: ItemRecord } {
  const list = requireList(call);
  const current = requireItem(list, call.params['item']);
  assertIfMatch(call.req.headers, itemEtag(current.guid, current.version));
  const writes = parseFieldWrites(list, fieldsBody);
  return { list, item: underReadings(call, () => updateItem(call.ctx, call.state, list, current, writes, call.req.userId)) };
}

export function updateItemFields(call: SiteCall) {
  const { list, item } = patchItem(call, call.req.body);
  return ok(call.readings.writeResponse === 'bare' ? {} : allFields(list, item));
}

/** PATCH on the listItem itself: its only writable part here is `fields`. */
export function updateListItem(call: SiteCall) {
  const body = call.req.body as { fields?: unknown } | undefined;
  if (typeof body !== 'object' || body === null) throw invalidRequest('Invalid request');
  const { list, item } = patchItem(call, body.fields ?? {});
  if (call.readings.writeResponse === 'bare') return ok({ id: String(item.id) });
  return ok(itemJson(call.state, call.site, list, item, { fields: [] }));
}

export function deleteListItem(call: SiteCall) {
  const list = requireList(call);
  const item = requireItem(list, call.params['item']);
  assertIfMatch(call.req.headers, itemEtag(item.guid, item.version));
  deleteItem(list, item);
  return noContent();
}
