/**
 * SharePoint's routes, added to the sandbox's one router like mail's. A site address may span several
 * segments (path-based addressing, `contoso.sharepoint.com:/sites/team:`), which the router's `{~site}`
 * segment captures whole; siteAddress.ts then finds the site it names. Unknown segments (400) and
 * known paths with the wrong method (405) are the router's answers, as for mail. `delta()` also
 * matches `delta` and the namespace-qualified names (the router's rule for a final function segment).
 */
import type { Router, SandboxContext, SandboxResponse } from '../core/types';
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
import { getSite, searchSites } from './siteHandlers';
import { sharePointState } from './store';

const SITE = '/sites/{~site}';
const LIST = `${SITE}/lists/{list}`;

type Methods = Partial<Record<'GET' | 'POST' | 'PATCH' | 'DELETE', SiteHandler>>;

const SITE_ROUTES: ReadonlyArray<[pattern: string, methods: Methods]> = [
  [SITE, { GET: getSite }],
  [`${SITE}/lists`, { GET: getLists, POST: createList }],
  [LIST, { GET: getList, DELETE: deleteList }],
  [`${LIST}/columns`, { GET: getColumns, POST: createColumn }],
  [`${LIST}/columns/{column}`, { GET: getColumn, PATCH: updateColumn, DELETE: deleteColumn }],
  [`${LIST}/items`, { GET: getItems, POST: createListItem }],
  [`${LIST}/items/delta()`, { GET: getItemsDelta }],
  [`${LIST}/items/{item}`, { GET: getItem, PATCH: updateListItem, DELETE: deleteListItem }],
  [`${LIST}/items/{item}/fields`, { GET: getItemFields, PATCH: updateItemFields }],
];

export function registerSiteRoutes(router: Router, ctx: SandboxContext, readings: SharePointReadings): void {
  router.add('GET', '/sites', (req) => searchSites(ctx, req));
  for (const [pattern, methods] of SITE_ROUTES) {
    for (const [method, handler] of Object.entries(methods)) {
      router.add(method, pattern, (req): SandboxResponse => {
        const state = sharePointState(ctx);
        const { site: address = '', ...params } = req.params;
        const { site } = resolveSiteAddress(state, address.split('/'));
        return handler({ ctx, req, state, site, params, readings });
      });
    }
  }
}
