/**
 * Finding the shared record for daily use: the site by its URL, then Trail's lists on it by title,
 * with only read rights. Remembered per site in local storage, so an everyday open costs no round
 * trip; a remembered location that turns out wrong (a list deleted) is forgotten by the caller.
 */
import type { GraphClient } from '../graph/client';
import type { StoreLocation } from './location';
import { planProvisioning } from './provisionPlan';
import { LIST_NAMES, LISTS, type ListName, type ProvisionedListName } from './schema';
import { resolveSite } from './site';

/** The site exists but Trail's lists are not (all) on it: an administrator has to set Trail up. */
export class StoreNotSetUpError extends Error {
  constructor(
    readonly siteUrl: string,
    readonly missing: readonly ProvisionedListName[],
  ) {
    super(`Trail is not set up on ${siteUrl} (missing: ${missing.join(', ')})`);
    this.name = 'StoreNotSetUpError';
  }
}

/**
 * Trail's lists are there but were set up by an older version: they lack columns this one writes (for example
 * OwnerId on projects). Running the setup again adds them (provisioning repairs what is missing); until then a
 * save that writes such a column would fail, so the record is not used.
 */
export class StoreOutdatedError extends Error {
  constructor(
    readonly siteUrl: string,
    /** "List: Column" for each column missing. */
    readonly columns: readonly string[],
  ) {
    super(`Trail's lists on ${siteUrl} need to be set up again for this version (missing columns: ${columns.join(', ')})`);
    this.name = 'StoreOutdatedError';
  }
}

/**
 * The columns this version reads and writes, as a short fingerprint kept with a remembered location: a location
 * remembered by another version (other columns) is checked again once, so lists set up by an older version are
 * noticed on the first open after an update rather than on a failed save.
 */
export const RECORD_SCHEMA = fingerprint(LIST_NAMES.map((name) => `${name}:${LISTS[name].columns.map((c) => c.name).join(',')}`).join(';'));

/** The build names no site (`--env siteUrl=`): no request could find the record, so none is sent. */
export class StoreSiteUnknownError extends Error {
  constructor() {
    super('This build of Trail names no SharePoint site for the shared record (build with --env siteUrl=)');
    this.name = 'StoreSiteUnknownError';
  }
}

/** Where a location is remembered: local storage and the key the caller chose for the site (services/storage/keys.ts). */
export interface RememberedLocation<S = Pick<Storage, 'getItem' | 'setItem'>> {
  storage: S;
  key: string;
}

/**
 * `onSite` is told the site's id as soon as it is known, before the lists are looked up, so a caller can read
 * what else it needs from the site alongside them (the taskpane's organisation settings: filingRuntime.ts).
 */
export async function locateStore(graph: GraphClient, siteUrl: string, remember?: RememberedLocation, onSite?: (siteId: string) => void): Promise<StoreLocation> {
  if (!siteUrl.trim()) throw new StoreSiteUnknownError();
  const remembered = readRemembered(remember?.storage.getItem(remember.key) ?? null);
  if (remembered) return remembered;
  const site = await resolveSite(graph, siteUrl);
  onSite?.(site.id);
  // The record's lists only: the settings list is optional (absent means the defaults).
  const plan = await planProvisioning(graph, site.id, LIST_NAMES);
  const missing = plan.lists.filter((l) => !l.id).map((l) => l.list);
  if (missing.length) throw new StoreNotSetUpError(siteUrl, missing);
  const outdated = plan.lists.flatMap((l) => l.addColumns.map((column) => `${l.displayName}: ${column}`));
  if (outdated.length) throw new StoreOutdatedError(siteUrl, outdated);
  const location: StoreLocation = { siteId: site.id, lists: Object.fromEntries(plan.lists.map((l) => [l.list, l.id!])) as Record<ListName, string> };
  try {
    remember?.storage.setItem(remember.key, JSON.stringify({ ...location, schema: RECORD_SCHEMA }));
  } catch {
    // Storage full or refused: we simply look again next time.
  }
  return location;
}

export function forgetStoreLocation(remembered: RememberedLocation<Pick<Storage, 'removeItem'>>): void {
  remembered.storage.removeItem(remembered.key);
}

function readRemembered(text: string | null): StoreLocation | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<StoreLocation> & { schema?: unknown };
    if (value.schema !== RECORD_SCHEMA) return undefined;
    const lists = value.lists as Record<string, unknown> | undefined;
    if (typeof value.siteId !== 'string' || !lists || !LIST_NAMES.every((n) => typeof lists[n] === 'string')) return undefined;
    return { siteId: value.siteId, lists: lists as Record<ListName, string> };
  } catch {
    return undefined;
  }
}

/** FNV-1a, 32 bits, as hex: enough to tell one version's columns from another's. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
