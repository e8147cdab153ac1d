/**
 * Finds the site a `/sites/...` path addresses and what follows it. Graph accepts ("Get a site
 * resource"): `root`, the composite id `hostname,siteCollectionId,webId`, a bare hostname (its root
 * site) and the server-relative path form `hostname:/sites/team` — closed by a trailing `:` when more
 * segments follow (`hostname:/sites/team:/lists/...`).
 */
import { invalidHostname, siteNotFound } from './errors';
import type { SharePointState, SiteRecord } from './state';

export interface SiteAddress {
  site: SiteRecord;
  /** Path segments after the site, e.g. ['lists', 'Filings', 'items']. */
  rest: string[];
}

function byPath(state: SharePointState, hostname: string, path: string): SiteRecord {
  if (hostname.toLowerCase() !== state.hostname) throw invalidHostname();
  const wanted = path.replace(/\/+$/, '').toLowerCase() || '/';
  const site = state.sites.find((s) => s.path.toLowerCase() === wanted);
  if (!site) throw siteNotFound();
  return site;
}

function byId(state: SharePointState, id: string): SiteRecord {
  const [hostname, collection, web] = id.toLowerCase().split(',');
  if (hostname !== state.hostname) throw hostname?.includes('.') ? invalidHostname() : siteNotFound();
  const site = state.sites.find((s) => s.siteCollectionId === collection && (web === undefined || s.webId === web));
  if (!site) throw siteNotFound();
  return site;
}

/** `segments` is the path after `/sites/`, split on `/`. */
export function resolveSiteAddress(state: SharePointState, segments: string[]): SiteAddress {
  const [first = '', ...others] = segments;
  if (first.toLowerCase() === 'root') return { site: state.sites.find((s) => s.isRoot) as SiteRecord, rest: others };
  if (first.endsWith(':')) {
    const close = others.findIndex((s) => s.endsWith(':'));
    const pathSegments = close < 0 ? others : others.slice(0, close + 1);
    const path = `/${pathSegments.join('/').replace(/:$/, '')}`;
    return { site: byPath(state, first.slice(0, -1), path), rest: close < 0 ? [] : others.slice(close + 1) };
  }
  if (first.includes(',')) return { site: byId(state, first), rest: others };
  return { site: byPath(state, first, '/'), rest: others };
}
