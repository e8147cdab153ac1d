/**
 * Programmatic bulk loading for tests and benchmarks: the same validation, uniqueness checks and index
 * maintenance as POST .../items, without HTTP. Rows are `fields` objects; a row may also carry
 * `Created` / `Modified` (ISO strings) to backdate it, which the API itself does not allow.
 */
import type { SandboxContext } from '../core/types';
import { listNotFound, siteNotFound } from './errors';
import { parseFieldWrites } from './fieldWrites';
import { graphTimestamp, nowStamp } from './ids';
import { createItem } from './itemWrites';
import { resolveSiteAddress } from './siteAddress';
import { findList } from './siteCall';
import { sharePointState } from './store';
import type { ListRecord, SiteRecord } from './state';

/** The user bulk rows are attributed to unless one is given. */
export const BULK_LOADER_USER = 'bulk-loader';

/** Finds a site by composite id, `root` or `hostname:/path`, and a list in it by GUID or title. */
export function findSiteList(ctx: SandboxContext, siteId: string, listId: string): { site: SiteRecord; list: ListRecord } {
  const state = sharePointState(ctx);
  const { site, rest } = resolveSiteAddress(state, siteId.split('/').filter((s) => s.length > 0));
  if (rest.length > 0) throw siteNotFound();
  const list = findList(site, listId);
  if (!list) throw listNotFound();
  return { site, list };
}

export function bulkInsertItems(
  ctx: SandboxContext,
  siteId: string,
  listId: string,
  rows: Record<string, unknown>[],
  userId: string = BULK_LOADER_USER,
): void {
  const state = sharePointState(ctx);
  const { list } = findSiteList(ctx, siteId, listId);
  const now = nowStamp(ctx);
  const stamp = (value: unknown): string | undefined =>
    typeof value === 'string' ? graphTimestamp(new Date(Date.parse(value))) : undefined;
  for (const row of rows) {
    const { Created: created, Modified: modified, ...fields } = row;
    const writes = parseFieldWrites(list, fields);
    const options = { created: stamp(created) ?? now, modified: stamp(modified) ?? stamp(created) ?? now };
    createItem(ctx, state, list, writes, userId, options);
  }
}
