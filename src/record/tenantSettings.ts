/**
 * Reading the organisation's settings item (the "Trail Settings" list on the record's site) for
 * every client, with a local cache: the pane and the ribbon's function file read it synchronously,
 * and a fresh copy is fetched at most once an hour. Any failure (no list, no item, a corrupt value,
 * no network) leaves the last good copy or the defaults in force: settings never break the pane.
 */
import { DEFAULT_TENANT_SETTINGS, parseTenantSettings, tenantSettingsFromCache, type TenantSettingProblem, type TenantSettings } from '../domain/tenantSettings';
import type { GraphClient } from '../graph/client';
import { GraphRequestError, isNotFound } from '../graph/errors';
import { queryString } from '../graph/odata';
import { listPath, readItemsPage, type ListItem } from '../graph/sharepoint';
import { PROVISIONED_LISTS } from './schema';

/** The settings item's Title, as provisioning creates it. */
export const TENANT_SETTINGS_TITLE = 'Trail settings';

/** How long a cached copy is used without asking SharePoint again. */
export const TENANT_SETTINGS_MAX_AGE_MS = 60 * 60 * 1000;

const SETTINGS_FIELDS = ['Title', ...PROVISIONED_LISTS.settings.columns.map((column) => column.name)];

export interface TenantSettingsRead {
  settings: TenantSettings;
  /** Values Trail ignored (and why), for the admin's eyes. */
  problems: TenantSettingProblem[];
  /** Where the settings came from: the item, or the defaults because there is no list or no item. */
  source: 'item' | 'noItem' | 'noList';
}

/**
 * The settings as the site holds them. The list is addressed by its title, so this needs no list id
 * and works on a site set up before the list existed. Several items: the first created (lowest id)
 * counts, so adding a second by mistake changes nothing. Throws only on failures worth retrying.
 */
export async function readTenantSettings(graph: GraphClient, siteId: string): Promise<TenantSettingsRead> {
  const path =
    `${listPath(siteId, PROVISIONED_LISTS.settings.displayName)}/items` + queryString({ expand: `fields($select=${SETTINGS_FIELDS.join(',')})`, top: 20 });
  let items: ListItem[];
  try {
    items = (await readItemsPage(graph, path)).items;
  } catch (error) {
    if (error instanceof GraphRequestError && isNotFound(error)) return { settings: { ...DEFAULT_TENANT_SETTINGS }, problems: [], source: 'noList' };
    throw error;
  }
  const first = [...items].sort((a, b) => Number(a.id) - Number(b.id))[0];
  if (!first) return { settings: { ...DEFAULT_TENANT_SETTINGS }, problems: [], source: 'noItem' };
  return { ...parseTenantSettings(first.fields), source: 'item' };
}

/**
 * Where the settings are cached: local storage and the key the caller chose (services/storage/keys.ts
 * keys it by the site's URL, which the function file knows from the build without asking Graph).
 */
export interface TenantSettingsCache {
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  key: string;
}

function readCache(cache: TenantSettingsCache | undefined): { settings: TenantSettings; fetchedAt: number } | undefined {
  try {
    const value = JSON.parse(cache?.storage.getItem(cache.key) ?? 'null') as { settings?: unknown; fetchedAt?: unknown } | null;
    const settings = tenantSettingsFromCache(value?.settings);
    return settings && typeof value?.fetchedAt === 'number' ? { settings, fetchedAt: value.fetchedAt } : undefined;
  } catch {
    return undefined;
  }
}

/** The settings last read for the site, or the defaults: synchronous, never throws. */
export function cachedTenantSettings(cache: TenantSettingsCache | undefined): TenantSettings {
  return readCache(cache)?.settings ?? { ...DEFAULT_TENANT_SETTINGS };
}

/**
 * The settings in force: the cached copy while it is fresh, else read from the site and cached.
 * A failed read keeps the last copy (however old) or the defaults.
 */
export async function loadTenantSettings(
  graph: GraphClient,
  siteId: string,
  cache?: TenantSettingsCache,
  now: () => number = Date.now,
): Promise<TenantSettings> {
  const cached = readCache(cache);
  if (cached && now() - cached.fetchedAt < TENANT_SETTINGS_MAX_AGE_MS) return cached.settings;
  try {
    const { settings } = await readTenantSettings(graph, siteId);
    try {
      cache?.storage.setItem(cache.key, JSON.stringify({ settings, fetchedAt: now() }));
    } catch {
      // Storage full or refused: read again next time.
    }
    return settings;
  } catch {
    return cached?.settings ?? { ...DEFAULT_TENANT_SETTINGS };
  }
}
