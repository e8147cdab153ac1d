/** GET .../items/delta: one page of the list's delta feed as listItem JSON (see delta.ts). */
import { deltaPage } from './delta';
import { itemJson } from './itemJson';
import { expandedFields, itemSelectOption, pageSize } from './queryOptions';
import { linkTo, ok, queryWithout, requireList, type SiteCall } from './siteCall';

export function getItemsDelta(call: SiteCall) {
  const list = requireList(call);
  const fields = expandedFields(call.req);
  const select = itemSelectOption(call.req);
  const base = queryWithout(call.req, 'token', '$skiptoken');
  const page = deltaPage(list, call.req.query['token'], pageSize(call.req), linkTo(call.req, base), call.readings.deltaEntries === 'repeated');
  const value = page.entries.map((entry) =>
    entry.kind === 'item'
      ? itemJson(call.state, call.site, list, entry.item, { ...(fields ? { fields } : {}), select })
      : // As "listItem: delta" shows a removed item: its id, site, content type and the deleted facet.
        { id: String(entry.tombstone.id), parentReference: { siteId: call.site.id }, contentType: { id: list.contentTypeId, name: 'Item' }, deleted: { state: 'deleted' } },
  );
  const body: Record<string, unknown> = { value };
  if (page.nextToken) body['@odata.nextLink'] = linkTo(call.req, { ...base, token: page.nextToken });
  if (page.deltaToken) body['@odata.deltaLink'] = linkTo(call.req, { ...base, token: page.deltaToken });
  return ok(body);
}
