/**
 * SharePoint's application budget, metered as SharePoint meters it: every Graph request that reaches
 * SharePoint (`/sites...`) costs resource units (RU), and an app that spends its budget for the minute
 * is answered 429 with Retry-After until the next one.
 *
 * Source: SharePoint/sp-dev-docs, docs/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online.md
 * ("Application throttling" and its table of Microsoft Graph resource-unit costs):
 * - 1 RU: a single-item query (get an item, a list, a site) and a delta request with a token;
 * - 2 RU: a multi-item query (a collection: list items, lists, columns, site search), a delta request
 *   without a token, and any create, update or delete;
 * - 5 RU: permission operations (a `/permissions` path, or `$expand=permissions`);
 * - the requests inside a `$batch` are counted one by one (so `/$batch` itself costs nothing here);
 * - throttled requests count against the limits too ("aggressive retries work against you").
 * Throttled requests get HTTP 429 with a Retry-After header. Through Graph the body is Graph's error
 * envelope; the code for SharePoint/OneDrive throttling is `activityLimitReached` ("The app or user has
 * been throttled", microsoftgraph/microsoft-graph-docs-contrib concepts/onedrive error codes). Inside a
 * `$batch` the 429 is that request's own answer, with its own Retry-After.
 *
 * The limits themselves depend on the tenant's licences (1,250 RU a minute up to 1,000 licences); the
 * sandbox enforces one only when asked (`SandboxOptions.ruBudgetPerMinute`, PUT /_sandbox/budget): the
 * playground runs without. Mail and calendar (Exchange) requests are not SharePoint RUs: they are counted
 * apart, as `exchangeRequests`.
 */
import { GraphError } from './errors';

export type RuKind = 'singleItem' | 'multiItem' | 'deltaWithToken' | 'deltaWithoutToken' | 'write' | 'permissions';

export interface RuCost {
  kind: RuKind;
  units: number;
  /** The path with ids replaced by names (`GET /sites/{site}/lists/{list}/items`). */
  route: string;
}

/** Path segments whose next segment is an id, as the route label names it. */
const ID_AFTER: Record<string, string> = { lists: '{list}', items: '{item}', columns: '{column}', contenttypes: '{contentType}', permissions: '{permission}', versions: '{version}' };
/** Segments that name a collection: reading one is a multi-item query. */
const COLLECTIONS = new Set(['sites', 'lists', 'items', 'columns', 'contenttypes', 'versions', 'permissions', 'children']);

function routeLabel(segments: string[]): string {
  const out: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    const lower = s.toLowerCase();
    out.push(lower);
    if (lower === 'sites' && i + 1 < segments.length) {
      // A site address takes one segment, or `host:/path:` several (path-based addressing).
      let j = i + 1;
      if (segments[j]!.endsWith(':')) while (j + 1 < segments.length && !segments[j + 1]!.endsWith(':')) j++;
      if (segments[j]!.endsWith(':') && j + 1 < segments.length && j > i + 1) j++;
      out.push('{site}');
      i = j;
      continue;
    }
    const name = ID_AFTER[lower];
    const next = segments[i + 1];
    if (name && next !== undefined && !/^(microsoft\.graph\.)?delta(\(\))?$/i.test(next)) {
      out.push(name);
      i++;
    }
  }
  return `/${out.join('/')}`;
}

const isDelta = (segment: string | undefined): boolean => !!segment && /^(microsoft\.graph\.)?delta(\(\))?$/i.test(segment);

/** What one Graph request costs SharePoint; undefined for a request SharePoint does not serve (mail, calendar, the user). */
export function sharePointCost(method: string, path: string, query: Record<string, string>): RuCost | undefined {
  const segments = path.split('/').filter(Boolean);
  if (segments[0]?.toLowerCase() !== 'sites') return undefined;
  const upper = method.toUpperCase();
  const route = `${upper} ${routeLabel(segments)}`;
  const value = (name: string): string | undefined => Object.entries(query).find(([k]) => k.toLowerCase() === name)?.[1];
  const lowerSegments = segments.map((s) => s.toLowerCase());
  if (lowerSegments.includes('permissions') || /(^|,)\s*permissions\b/i.test(value('$expand') ?? '')) return { kind: 'permissions', units: 5, route };
  if (upper !== 'GET') return { kind: 'write', units: 2, route };
  const last = segments[segments.length - 1];
  if (isDelta(last)) {
    const token = value('token') ?? value('$deltatoken') ?? value('$skiptoken');
    return token ? { kind: 'deltaWithToken', units: 1, route } : { kind: 'deltaWithoutToken', units: 2, route };
  }
  // `/sites/{site}` is one site; `/sites` (search) and any collection below a site are multi-item queries.
  const isCollection = segments.length === 1 || (segments.length > 2 && COLLECTIONS.has(lowerSegments[lowerSegments.length - 1]!));
  return isCollection ? { kind: 'multiItem', units: 2, route } : { kind: 'singleItem', units: 1, route };
}

interface Tally {
  requests: number;
  ru: number;
}

export interface UsageWindow {
  /** The minute's start (ISO). */
  minute: string;
  ru: number;
  requests: number;
  throttled: number;
}

export interface UsageReport {
  /** Resource units spent since the last reset (throttled requests included, as SharePoint counts them). */
  totalRu: number;
  /** SharePoint requests (each request inside a $batch on its own). */
  requests: number;
  /** Of those, answered 429 because the minute's budget was spent. */
  throttled: number;
  byKind: Partial<Record<RuKind, Tally>>;
  byRoute: Record<string, Tally>;
  /** One entry per minute in which anything was spent, oldest first. */
  perMinute: UsageWindow[];
  /** Mail and calendar requests: Exchange's, not SharePoint RUs. */
  exchangeRequests: number;
  /** RU per minute the app may spend; null when no budget is enforced. */
  budgetPerMinute: number | null;
  since: string;
}

const MINUTE_MS = 60_000;

export class ResourceUnitMeter {
  private budget: number | null;
  private report!: UsageReport;
  private windows = new Map<number, UsageWindow>();

  constructor(private readonly now: () => Date, budgetPerMinute: number | null = null) {
    this.budget = budgetPerMinute;
    this.reset();
  }

  setBudget(perMinute: number | null): void {
    if (perMinute !== null && (!Number.isFinite(perMinute) || perMinute <= 0)) throw new Error('A budget is a positive number of RU per minute, or null for none.');
    this.budget = perMinute;
    this.report.budgetPerMinute = perMinute;
  }

  budgetPerMinute(): number | null {
    return this.budget;
  }

  reset(): void {
    this.windows = new Map();
    this.report = { totalRu: 0, requests: 0, throttled: 0, byKind: {}, byRoute: {}, perMinute: [], exchangeRequests: 0, budgetPerMinute: this.budget, since: this.now().toISOString() };
  }

  usage(): UsageReport {
    return JSON.parse(JSON.stringify({ ...this.report, perMinute: [...this.windows.values()] })) as UsageReport;
  }

  /**
   * Counts one request (top-level or inside a $batch) and throws the 429 when the minute's budget
   * cannot cover it. The throttled request is counted too.
   */
  charge(method: string, path: string, query: Record<string, string>): void {
    const cost = sharePointCost(method, path, query);
    if (!cost) {
      this.report.exchangeRequests++;
      return;
    }
    const at = this.now().getTime();
    const start = Math.floor(at / MINUTE_MS) * MINUTE_MS;
    let window = this.windows.get(start);
    if (!window) {
      window = { minute: new Date(start).toISOString(), ru: 0, requests: 0, throttled: 0 };
      this.windows.set(start, window);
    }
    const over = this.budget !== null && window.ru + cost.units > this.budget;
    window.ru += cost.units;
    window.requests++;
    this.report.totalRu += cost.units;
    this.report.requests++;
    const kind = (this.report.byKind[cost.kind] ??= { requests: 0, ru: 0 });
    kind.requests++;
    kind.ru += cost.units;
    const route = (this.report.byRoute[cost.route] ??= { requests: 0, ru: 0 });
    route.requests++;
    route.ru += cost.units;
    if (over) {
      window.throttled++;
      this.report.throttled++;
      const seconds = Math.max(1, Math.ceil((start + MINUTE_MS - at) / 1000));
      throw new GraphError(429, 'activityLimitReached', 'The app or user has been throttled.', { 'Retry-After': String(seconds) });
    }
  }
}
