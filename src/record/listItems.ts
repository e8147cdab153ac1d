import type { Client } from '@microsoft/microsoft-graph-client';
import type { BatchStep } from '../graph/batch';
import { SignInError } from '../graph/tokens';
import { toGraphRequestError } from '../graph/errors';
import { pathSegment, queryString, relativeToVersion } from '../graph/odata';
import type { StoreLocation } from './location';
import { selectFields, type ListName } from './schema';

/** A SharePoint list item as the store reads it: id, ETag, and only the fields Trail owns. */
export interface ListItem {
  id: string;
  etag: string;
  fields: Record<string, unknown>;
  createdAt: string;
  modifiedAt: string;
  createdBy: { name: string; email: string } | null;
}

export interface Page<T> {
  items: T[];
  /** Pass back to read the next page; null on the last one. */
  nextLink: string | null;
}

export interface ItemQuery {
  filter?: string;
  orderby?: string;
  top?: number;
}

interface ItemJson {
  id: string;
  eTag?: string;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  createdBy?: { user?: { displayName?: string; email?: string } };
  fields?: Record<string, unknown>;
}

/** URLs and requests for Trail's lists on one site. Relative URLs work both directly and inside `$batch`. */
export class SiteLists {
  constructor(
    readonly graph: Client,
    readonly location: StoreLocation,
  ) {}

  itemsPath(list: ListName): string {
    return `/sites/${pathSegment(this.location.siteId)}/lists/${pathSegment(this.location.lists[list])}/items`;
  }

  itemPath(list: ListName, id: string): string {
    return `${this.itemsPath(list)}/${pathSegment(id)}`;
  }

  /** Items with the list's own fields, filtered and ordered on indexed columns. */
  queryPath(list: ListName, query: ItemQuery): string {
    return (
      this.itemsPath(list) +
      queryString({ expand: `fields($select=${selectFields(list).join(',')})`, filter: query.filter, orderby: query.orderby, top: query.top })
    );
  }

  queryStep(id: string, list: ListName, query: ItemQuery): BatchStep {
    return { id, method: 'GET', url: this.queryPath(list, query) };
  }

  createStep(id: string, list: ListName, fields: Record<string, unknown>, dependsOn?: string[]): BatchStep {
    return { id, method: 'POST', url: this.itemsPath(list), body: { fields }, ...(dependsOn ? { dependsOn } : {}) };
  }

  updateStep(id: string, list: ListName, itemId: string, fields: Record<string, unknown>, etag: string | '*'): BatchStep {
    return { id, method: 'PATCH', url: `${this.itemPath(list, itemId)}/fields`, body: fields, headers: { 'If-Match': etag } };
  }

  /** One item with the list's own fields, as `get` reads it. */
  getStep(id: string, list: ListName, itemId: string): BatchStep {
    return { id, method: 'GET', url: this.itemPath(list, itemId) + queryString({ expand: `fields($select=${selectFields(list).join(',')})` }) };
  }

  deleteStep(id: string, list: ListName, itemId: string, etag: string | '*' = '*'): BatchStep {
    return { id, method: 'DELETE', url: this.itemPath(list, itemId), headers: { 'If-Match': etag } };
  }

  async query(list: ListName, query: ItemQuery): Promise<Page<ListItem>> {
    return this.page(this.queryPath(list, query));
  }

  /** Reads one page from a query path or from a nextLink Graph gave. */
  async page(pathOrNextLink: string): Promise<Page<ListItem>> {
    const body = (await this.call(() => this.graph.api(relativeToVersion(pathOrNextLink)).get())) as { value: ItemJson[]; '@odata.nextLink'?: string };
    return { items: body.value.map(toListItem), nextLink: body['@odata.nextLink'] ?? null };
  }

  /** Every failure leaves the store as our one error type, never the SDK's. */
  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw error instanceof SignInError ? error : toGraphRequestError(error);
    }
  }

  /** Every item a query matches, following nextLinks. For bounded sets (one entity's rows), not whole lists. */
  async all(list: ListName, query: ItemQuery): Promise<ListItem[]> {
    return this.from(await this.call(() => this.graph.api(this.queryPath(list, { top: 500, ...query })).get()));
  }

  /**
   * The items of a query from its first page on (a page read here or answered inside `$batch`),
   * following nextLinks until `enough` items are in hand or none is left. Never trust one page: a
   * filtered page on a large list may be empty and still not be the last ("A page of results may
   * contain zero or more results", Paging Microsoft Graph data in your app).
   */
  async from(firstPage: unknown, enough = Number.POSITIVE_INFINITY): Promise<ListItem[]> {
    const items = itemsOf(firstPage);
    let next = (firstPage as { '@odata.nextLink'?: string } | undefined)?.['@odata.nextLink'] ?? null;
    while (next && items.length < enough) {
      const page = await this.page(next);
      items.push(...page.items);
      next = page.nextLink;
    }
    return items;
  }

  async get(list: ListName, id: string): Promise<ListItem> {
    const path = this.itemPath(list, id) + queryString({ expand: `fields($select=${selectFields(list).join(',')})` });
    return toListItem((await this.call(() => this.graph.api(path).get())) as ItemJson);
  }

  /** The item as written, with its ETag and fields: read back when the create's answer leaves them out. */
  async create(list: ListName, fields: Record<string, unknown>): Promise<ListItem> {
    const body = (await this.call(() => this.graph.api(this.itemsPath(list)).post({ fields }))) as ItemJson;
    return isWholeItem(body) ? toListItem(body) : this.get(list, String((body as ItemJson).id));
  }

  /**
   * Updates fields only if nobody changed the item since `etag` was read (412 otherwise). The answer
   * is not relied on: it may carry neither the new ETag nor the fields, so read the item for them.
   */
  async update(list: ListName, id: string, fields: Record<string, unknown>, etag: string): Promise<void> {
    await this.call(() => this.graph.api(`${this.itemPath(list, id)}/fields`).header('If-Match', etag).patch(fields));
  }

  async delete(list: ListName, id: string, etag: string | '*' = '*'): Promise<void> {
    await this.call(() => this.graph.api(this.itemPath(list, id)).header('If-Match', etag).delete());
  }
}

export function toListItem(json: ItemJson): ListItem {
  const fields = json.fields ?? {};
  return {
    id: String(json.id),
    etag: json.eTag ?? String(fields['@odata.etag'] ?? ''),
    fields,
    createdAt: json.createdDateTime ?? '',
    modifiedAt: json.lastModifiedDateTime ?? '',
    createdBy: json.createdBy?.user ? { name: json.createdBy.user.displayName ?? '', email: json.createdBy.user.email ?? '' } : null,
  };
}

/**
 * Whether a create's answer is the whole item. Graph's examples show the item with its eTag and
 * fields, but nothing promises them; without both, the item is read back.
 */
export function isWholeItem(json: unknown): boolean {
  const item = json as ItemJson | undefined;
  return !!item?.eTag && typeof item.fields === 'object' && item.fields !== null && Object.keys(item.fields).length > 0;
}

/** The items on one page a batched query answered (see SiteLists.from for the rest). */
export function itemsOf(body: unknown): ListItem[] {
  return ((body as { value?: ItemJson[] } | undefined)?.value ?? []).map(toListItem);
}
