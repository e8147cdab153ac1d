import type { BatchStep } from '../graph/batch';
import type { GraphClient } from '../graph/client';
import { pathSegment, queryString } from '../graph/odata';
import { createItem, deleteItem, itemsOf, nextLinkOf, readItem, readItemsPage, updateItemFields, type ListItem, type Page } from '../graph/sharepoint';
import type { StoreLocation } from './location';
import { selectFields, type ListName } from './schema';

export { isWholeItem, itemsOf, toListItem, type ListItem, type Page } from '../graph/sharepoint';

export interface ItemQuery {
  filter?: string;
  orderby?: string;
  top?: number;
}

/** URLs and requests for Trail's lists on one site. Relative URLs work both directly and inside `$batch`. */
export class SiteLists {
  constructor(
    readonly graph: GraphClient,
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
    return readItemsPage(this.graph, pathOrNextLink);
  }

  /** Every item a query matches, following nextLinks. For bounded sets (one entity's rows), not whole lists. */
  async all(list: ListName, query: ItemQuery): Promise<ListItem[]> {
    return this.following(await this.page(this.queryPath(list, { top: 500, ...query })));
  }

  /**
   * The items of a query from its first page on (a page read here or answered inside `$batch`),
   * following nextLinks until `enough` items are in hand or none is left. Never trust one page: a
   * filtered page on a large list may be empty and still not be the last ("A page of results may
   * contain zero or more results", Paging Microsoft Graph data in your app).
   */
  async from(firstPage: unknown, enough = Number.POSITIVE_INFINITY): Promise<ListItem[]> {
    return this.following({ items: itemsOf(firstPage), nextLink: nextLinkOf(firstPage) }, enough);
  }

  private async following(first: Page<ListItem>, enough = Number.POSITIVE_INFINITY): Promise<ListItem[]> {
    const items = [...first.items];
    let next = first.nextLink;
    while (next && items.length < enough) {
      const page = await this.page(next);
      items.push(...page.items);
      next = page.nextLink;
    }
    return items;
  }

  async get(list: ListName, id: string): Promise<ListItem> {
    return readItem(this.graph, this.itemPath(list, id) + queryString({ expand: `fields($select=${selectFields(list).join(',')})` }));
  }

  /** The item as written, with its ETag and fields: read back when the create's answer leaves them out. */
  async create(list: ListName, fields: Record<string, unknown>): Promise<ListItem> {
    const created = await createItem(this.graph, this.itemsPath(list), fields);
    return created.item ?? this.get(list, created.id);
  }

  /**
   * Updates fields only if nobody changed the item since `etag` was read (412 otherwise). The answer
   * is not relied on: it may carry neither the new ETag nor the fields, so read the item for them.
   */
  async update(list: ListName, id: string, fields: Record<string, unknown>, etag: string): Promise<void> {
    await updateItemFields(this.graph, this.itemPath(list, id), fields, etag);
  }

  async delete(list: ListName, id: string, etag: string | '*' = '*'): Promise<void> {
    await deleteItem(this.graph, this.itemPath(list, id), etag);
  }
}
