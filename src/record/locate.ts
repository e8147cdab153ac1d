/**
 * Finding the shared record for daily use: the site by its URL, then Trail's lists on it by title,
 * with only read rights. Remembered per site in local storage, so an everyday open costs no round
 * trip; a remembered location that turns out wrong (a list deleted) is forgotten by the caller.
 */
import type { GraphClient } from '../graph/client';
import type { StoreLocation } from './location';
import { planProvisioning } from './provisionPlan';
import { LIST_NAMES, type ListName, type ProvisionedListName } from './schema';
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

export async function locateStore(graph: GraphClient, siteUrl: string, remember?: RememberedLocation): Promise<StoreLocation> {
  if (!siteUrl.trim()) throw new StoreSiteUnknownError();
  const remembered = readRemembered(remember?.storage.getItem(remember.key) ?? null);
  if (remembered) return remembered;
  const site = await resolveSite(graph, siteUrl);
  // The record's lists only: the settings list is optional (absent means the defaults).
  const plan = await planProvisioning(graph, site.id, LIST_NAMES);
  const missing = plan.lists.filter((l) => !l.id).map((l) => l.list);
  if (missing.length) throw new StoreNotSetUpError(siteUrl, missing);
  const location: StoreLocation = { siteId: site.id, lists: Object.fromEntries(plan.lists.map((l) => [l.list, l.id!])) as Record<ListName, string> };
  try {
    remember?.storage.setItem(remember.key, JSON.stringify(location));
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
    const value = JSON.parse(text) as Partial<StoreLocation>;
    const lists = value.lists as Record<string, unknown> | undefined;
    if (typeof value.siteId !== 'string' || !lists || !LIST_NAMES.every((n) => typeof lists[n] === 'string')) return undefined;
    return { siteId: value.siteId, lists: lists as Record<ListName, string> };
  } catch {
    return undefined;
  }
}
