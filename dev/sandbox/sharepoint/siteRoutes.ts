/**
 * Routing below `/sites/{site}`. The site part has a variable number of segments (path addressing),
 * so the core routes every `/sites/...` request here through one `{*rest}` pattern; this table then
 * matches what follows the site, with the core's answers for an unknown segment (400) or a known
 * path with the wrong method (405). `delta` may be written `delta()` or namespace-qualified.
 */
import { methodNotAllowed, unknownSegment } from '../core/errors';
import type { SandboxContext, SandboxRequest, SandboxResponse } from '../core/types';
import { createColumn, deleteColumn, getColumn, getColumns, updateColumn } from './columnHandlers';
import { getItemsDelta } from './deltaHandler';
import {
  createListItem,
  deleteListItem,
  getItem,
  getItemFields,
  getItems,
  updateItemFields,
  updateListItem,
} from './itemHandlers';
import { createList, deleteList, getList, getLists } from './listHandlers';
import type { SharePointReadings } from './readings';
import { resolveSiteAddress } from './siteAddress';
import type { SiteHandler } from './siteCall';
import { getSite } from './siteHandlers';
import { sharePointState } from './store';

interface SiteRoute {
  /** Literal segments, or `:name` for a parameter. */
  pattern: string[];
  methods: Partial<Record<string, SiteHandler>>;
}

const DELTA_NAMES = new Set(['delta', 'delta()', 'microsoft.graph.delta', 'microsoft.graph.delta()']);

// Earlier routes win, so `items/delta` is listed before `items/:item`.
const ROUTES: SiteRoute[] = [
  { pattern: [], methods: { GET: getSite } },
  { pattern: ['lists'], methods: { GET: getLists, POST: createList } },
  { pattern: ['lists', ':list'], methods: { GET: getList, DELETE: deleteList } },
  { pattern: ['lists', ':list', 'columns'], methods: { GET: getColumns, POST: createColumn } },
  { pattern: ['lists', ':list', 'columns', ':column'], methods: { GET: getColumn, PATCH: updateColumn, DELETE: deleteColumn } },
  { pattern: ['lists', ':list', 'items'], methods: { GET: getItems, POST: createListItem } },
  { pattern: ['lists', ':list', 'items', 'delta'], methods: { GET: getItemsDelta } },
  { pattern: ['lists', ':list', 'items', ':item'], methods: { GET: getItem, PATCH: updateListItem, DELETE: deleteListItem } },
  { pattern: ['lists', ':list', 'items', ':item', 'fields'], methods: { GET: getItemFields, PATCH: updateItemFields } },
];

function segmentMatches(pattern: string, actual: string): boolean {
  if (pattern.startsWith(':')) return true;
  const lower = actual.toLowerCase();
  return pattern === 'delta' ? DELTA_NAMES.has(lower) : lower === pattern;
}

/** Number of leading segments `route` matches, and its params when it matches all of `rest`. */
function matchRoute(route: SiteRoute, rest: string[]): { depth: number; params?: Record<string, string> } {
  const params: Record<string, string> = {};
  for (let i = 0; i < route.pattern.length; i++) {
    const pattern = route.pattern[i] as string;
    const actual = rest[i];
    if (actual === undefined || !segmentMatches(pattern, actual)) return { depth: i };
    if (pattern.startsWith(':')) params[pattern.slice(1)] = actual;
  }
  return rest.length === route.pattern.length ? { depth: rest.length, params } : { depth: route.pattern.length };
}

export function handleSitePath(ctx: SandboxContext, req: SandboxRequest, readings: SharePointReadings): SandboxResponse {
  const state = sharePointState(ctx);
  const segments = req.path.split('/').filter((s) => s.length > 0).slice(1); // drop 'sites'
  const { site, rest } = resolveSiteAddress(state, segments);
  let deepest = 0;
  let pathKnown = false;
  for (const route of ROUTES) {
    const { depth, params } = matchRoute(route, rest);
    deepest = Math.max(deepest, depth);
    if (!params) continue;
    pathKnown = true;
    const handler = route.methods[req.method];
    if (handler) return handler({ ctx, req, state, site, params, readings });
  }
  if (pathKnown) throw methodNotAllowed();
  throw unknownSegment(rest[deepest] ?? rest[rest.length - 1] ?? '');
}
