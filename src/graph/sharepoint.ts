/**
 * SharePoint through Graph: sites, lists and list items. The only code that calls the SDK for them:
 * every function here returns Trail's own types and leaves failures as GraphRequestError (or the
 * SignInError that kept the request from being sent), converted once, here.
 * Batched requests go through src/graph/batch.ts; the paths built here work both directly and inside `$batch`.
 */
import type { GraphClient } from './client';
import { isNotFound, toGraphRequestError } from './errors';
import { pathSegment, queryString, relativeToVersion } from './odata';
import { SignInError } from './tokens';

/**
 * Delegated scopes the admin path asks for on top of daily use (creating lists and columns; Graph's
 * "Create list" page lists only this one). Daily use never asks for it. docs/permissions.md says why.
 */
export const PROVISIONING_SCOPES = ['Sites.Manage.All'] as const;

// ---------------------------------------------------------------------------------------------- sites

export interface Site {
  id: string;
  webUrl: string;
  displayName: string;
}

/** The text typed is not a SharePoint site address at all (the UI says what one looks like). */
export class NotASiteUrlError extends Error {
  constructor(readonly url: string) {
    super(`Not a SharePoint site address: ${url}`);
    this.name = 'NotASiteUrlError';
  }
}

/** No site there that the signed-in user can see, or a host outside the user's tenant. */
export class SiteNotFoundError extends Error {
  constructor(readonly url: string) {
    super(`No SharePoint site at ${url}`);
    this.name = 'SiteNotFoundError';
  }
}

/**
 * Path segments that start a page or library inside a site, so a URL copied from the browser
 * (`…/sites/trail/SitePages/Home.aspx`, `…/sites/trail/Lists/Trail%20People/AllItems.aspx`) still
 * finds the site. Graph's site-by-path needs the site's own path.
 */
const INSIDE_A_SITE = /^(sitepages|lists|shared documents|_layouts|forms|siteassets)$|\.aspx$/i;

/**
 * Graph's address for a site URL: `/sites/{hostname}:/{server-relative path}` ("Get a site resource
 * by path"), or `/sites/{hostname}` for the tenant's root site. Throws NotASiteUrlError.
 */
export function siteAddress(siteUrl: string): string {
  const typed = siteUrl.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(typed) ? typed : `https://${typed}`);
  } catch {
    throw new NotASiteUrlError(siteUrl);
  }
  if (url.protocol !== 'https:' || !url.hostname.includes('.') || url.username || url.port) throw new NotASiteUrlError(siteUrl);
  let segments: string[];
  try {
    segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    throw new NotASiteUrlError(siteUrl);
  }
  const inside = segments.findIndex((segment) => INSIDE_A_SITE.test(segment));
  const sitePath = inside < 0 ? segments : segments.slice(0, inside);
  const host = pathSegment(url.hostname);
  return sitePath.length ? `/sites/${host}:/${sitePath.map(pathSegment).join('/')}` : `/sites/${host}`;
}

/** The site a URL names, as the signed-in user sees it. Needs Sites.Read.All (or a Sites.Selected grant). */
export async function resolveSite(graph: GraphClient, siteUrl: string): Promise<Site> {
  const address = siteAddress(siteUrl);
  try {
    const site = (await graph.api(address + queryString({ select: ['id', 'webUrl', 'displayName'] })).get()) as Site;
    return { id: site.id, webUrl: site.webUrl, displayName: site.displayName };
  } catch (error) {
    const failure = toGraphRequestError(error);
    // Another tenant's host: 400 invalidRequest "Invalid hostname for this tenancy" (as the sandbox models it;
    // the wording is not verified). To the user that is simply no such site.
    if (isNotFound(failure) || (failure.status === 400 && failure.code === 'invalidRequest')) throw new SiteNotFoundError(siteUrl);
    // No token is a sign-in problem, not a Graph answer: keep it so the words say so.
    throw error instanceof SignInError ? error : failure;
  }
}

/**
 * The id of a Microsoft 365 group's team site: `GET /groups/{group-id}/sites/root` ("Access a group
 * team site", api-reference/v1.0/api/site-get.md). Failures leave as GraphRequestError (a group with no
 * site, or none the user can see, is a 404).
 */
export async function groupSiteId(graph: GraphClient, groupId: string): Promise<string> {
  try {
    const site = (await graph.api(`/groups/${pathSegment(groupId)}/sites/root${queryString({ select: ['id'] })}`).get()) as { id: string };
    return site.id;
  } catch (error) {
    throw error instanceof SignInError ? error : toGraphRequestError(error);
  }
}

export const sitePath = (siteId: string): string => `/sites/${pathSegment(siteId)}`;

/** A list by its id, or by its title: Graph addresses a list by either ("Get metadata for a list"). */
export const listPath = (siteId: string, listIdOrTitle: string): string => `${sitePath(siteId)}/lists/${pathSegment(listIdOrTitle)}`;

// ----------------------------------------------------------------------------------------- list items

/** A SharePoint list item as Trail reads it: id, ETag, and only the fields asked for. */
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

/** A list item as Graph sends it (only what Trail reads). */
export interface ListItemJson {
  id: string;
  eTag?: string;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  createdBy?: { user?: { displayName?: string; email?: string } };
  fields?: Record<string, unknown>;
}

export function toListItem(json: ListItemJson): ListItem {
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
  const item = json as ListItemJson | undefined;
  return !!item?.eTag && typeof item.fields === 'object' && item.fields !== null && Object.keys(item.fields).length > 0;
}

/** The items on one page of a query (read here or answered inside `$batch`). */
export function itemsOf(body: unknown): ListItem[] {
  return ((body as { value?: ListItemJson[] } | undefined)?.value ?? []).map(toListItem);
}

/** The link to the page after this one, or null on the last. */
export function nextLinkOf(body: unknown): string | null {
  return (body as { '@odata.nextLink'?: string } | undefined)?.['@odata.nextLink'] ?? null;
}

/** Every failure leaves here as our one error type, never the SDK's; a missing token stays a sign-in problem. */
async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw error instanceof SignInError ? error : toGraphRequestError(error);
  }
}

/** One page of items, from a query path or from a nextLink Graph gave. */
export async function readItemsPage(graph: GraphClient, pathOrNextLink: string): Promise<Page<ListItem>> {
  const body = await call(() => graph.api(relativeToVersion(pathOrNextLink)).get());
  return { items: itemsOf(body), nextLink: nextLinkOf(body) };
}

/** One item at its path (with whatever `$expand` the path asks for). */
export async function readItem(graph: GraphClient, itemPath: string): Promise<ListItem> {
  return toListItem((await call(() => graph.api(itemPath).get())) as ListItemJson);
}

/** Creates an item; the answer is the whole item when Graph sent it, else only its id (read it back for the rest). */
export async function createItem(graph: GraphClient, itemsPath: string, fields: Record<string, unknown>): Promise<{ id: string; item: ListItem | null }> {
  const body = (await call(() => graph.api(itemsPath).post({ fields }))) as ListItemJson;
  return { id: String(body.id), item: isWholeItem(body) ? toListItem(body) : null };
}

/** Updates an item's fields if nobody changed it since `etag` was read (412 otherwise). The answer is not read. */
export async function updateItemFields(graph: GraphClient, itemPath: string, fields: Record<string, unknown>, etag: string): Promise<void> {
  await call(() => graph.api(`${itemPath}/fields`).header('If-Match', etag).patch(fields));
}

export async function deleteItem(graph: GraphClient, itemPath: string, etag: string | '*' = '*'): Promise<void> {
  await call(() => graph.api(itemPath).header('If-Match', etag).delete());
}
