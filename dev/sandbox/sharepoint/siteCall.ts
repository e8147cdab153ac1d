/** What every SharePoint handler receives once the site in the URL has been resolved. */
import type { SandboxContext, SandboxRequest, SandboxResponse } from '../core/types';
import { listNotFound } from './errors';
import type { SharePointReadings } from './readings';
import type { ListRecord, SharePointState, SiteRecord } from './state';

export interface SiteCall {
  ctx: SandboxContext;
  req: SandboxRequest;
  state: SharePointState;
  site: SiteRecord;
  /** Path parameters after the site: `list`, `column`, `item`. */
  params: Record<string, string>;
  /** Where the sandbox reads Microsoft pessimistically (readings.ts). */
  readings: SharePointReadings;
}

export type SiteHandler = (call: SiteCall) => SandboxResponse;

export const ok = (body: unknown, status = 200): SandboxResponse => ({ status, body });

export const noContent = (): SandboxResponse => ({ status: 204 });

/** Graph accepts a list's GUID or its title (display name) where a list id goes. */
export function findList(site: SiteRecord, ref: string): ListRecord | undefined {
  const folded = ref.toLowerCase();
  return (
    site.lists.find((l) => l.id === folded) ??
    site.lists.find((l) => l.displayName.toLowerCase() === folded || l.name.toLowerCase() === folded)
  );
}

export function requireList(call: SiteCall): ListRecord {
  const list = findList(call.site, call.params['list'] ?? '');
  if (!list) throw listNotFound();
  return list;
}

/** `@odata.nextLink` / `deltaLink` for the same path with the given query (path re-encoded, `,` and `:` kept). */
export function linkTo(req: SandboxRequest, query: Record<string, string>): string {
  const path = req.path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%2C/gi, ',').replace(/%3A/gi, ':'))
    .join('/');
  const search = Object.entries(query)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  return `${req.baseUrl}${path}${search ? `?${search}` : ''}`;
}

/** The request's query without the given option names (e.g. the old `$skiptoken`). */
export function queryWithout(req: SandboxRequest, ...names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(req.query).filter(([key]) => !names.includes(key)));
}
