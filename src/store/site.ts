import type { Client } from '@microsoft/microsoft-graph-client';
import { isNotFound, toGraphRequestError } from '../graph/errors';
import { pathSegment, queryString } from '../graph/odata';

export interface Site {
  id: string;
  webUrl: string;
  displayName: string;
}

export class NotASiteUrlError extends Error {
  constructor(readonly url: string) {
    super(`Not a SharePoint site URL: ${url}`);
    this.name = 'NotASiteUrlError';
  }
}

export class SiteNotFoundError extends Error {
  constructor(readonly url: string) {
    super(`No SharePoint site at ${url}`);
    this.name = 'SiteNotFoundError';
  }
}

/**
 * A site URL (`https://contoso.sharepoint.com/sites/trail`) to the site, by Graph's site-by-path
 * addressing `/sites/{hostname}:/{server-relative-path}`; the tenant root (`https://host/`) is `/sites/{hostname}`.
 */
export async function resolveSite(graph: Client, siteUrl: string): Promise<Site> {
  let url: URL;
  try {
    url = new URL(siteUrl.trim());
  } catch {
    throw new NotASiteUrlError(siteUrl);
  }
  if (url.protocol !== 'https:' || !url.hostname.includes('.')) throw new NotASiteUrlError(siteUrl);
  const path = url.pathname.replace(/\/+$/, '');
  const address = path ? `/sites/${pathSegment(url.hostname)}:${path.split('/').map(pathSegment).join('/')}` : `/sites/${pathSegment(url.hostname)}`;
  try {
    const site = await graph.api(address + queryString({ select: ['id', 'webUrl', 'displayName'] })).get();
    return { id: site.id, webUrl: site.webUrl, displayName: site.displayName };
  } catch (error) {
    const failure = toGraphRequestError(error);
    if (isNotFound(failure)) throw new SiteNotFoundError(siteUrl);
    throw failure;
  }
}
