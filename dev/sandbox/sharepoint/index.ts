/**
 * The `sharepoint` sandbox module: the tenant's sites, lists, columns and list items behind
 * `/sites/...`, with SharePoint's indexing rules and list view threshold. State lives in
 * `ctx.state.sharepoint` (see state.ts); derived indexes are kept in memory (listIndex.ts).
 */
import type { SandboxModule } from '../core/types';
import { registerGroupRoutes } from './groups';
import { PESSIMISTIC, type SharePointReadings } from './readings';
import { registerSiteRoutes } from './siteRoutes';
import { sharePointState } from './store';

/** The module under the given readings (readings.ts); each one not given is the pessimistic one. */
export function createSharePointModule(readings: Partial<SharePointReadings> = {}): SandboxModule {
  const chosen: SharePointReadings = { ...PESSIMISTIC, ...readings };
  return {
    name: 'sharepoint',
    register(router, ctx) {
      sharePointState(ctx);
      registerSiteRoutes(router, ctx, chosen);
      registerGroupRoutes(router, ctx);
    },
  };
}

export const sharepointModule: SandboxModule = createSharePointModule();

export { GENEROUS, PESSIMISTIC, type SharePointReadings } from './readings';
export { bulkInsertItems, findSiteList, BULK_LOADER_USER } from './bulkLoad';
export { teamSiteGroup } from './groups';
export { sharePointState, TENANT_HOST, TEAM_SITE_PATH } from './store';
export type { SharePointState } from './state';
