import type { Client } from '@microsoft/microsoft-graph-client';
import { SignInError } from '../graph/tokens';
import { isNotFound, toGraphRequestError } from '../graph/errors';
import { pathSegment, queryString } from '../graph/odata';

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
export async function resolveSite(graph: Client, siteUrl: string): Promise<Site> {
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
