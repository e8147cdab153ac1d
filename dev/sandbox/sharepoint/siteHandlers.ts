/** GET a site, and `GET /sites?search=...` over display name, name and description ("Search for sites"). */
import type { SandboxContext, SandboxRequest, SandboxResponse } from '../core/types';
import { pickSelected, selectOption } from './queryOptions';
import { ok, type SiteCall } from './siteCall';
import { siteJson } from './siteJson';
import { sharePointState } from './store';

export function getSite(call: SiteCall) {
  return ok(pickSelected(siteJson(call.state, call.site), selectOption(call.req)));
}

/** `search` is a plain parameter on /sites, but the core also accepts it spelled `$search`. */
export function searchSites(ctx: SandboxContext, req: SandboxRequest): SandboxResponse {
  const state = sharePointState(ctx);
  const raw = req.query['search'] ?? req.query['$search'] ?? '*';
  const term = raw.replace(/^"(.*)"$/, '$1').trim().toLowerCase();
  const matches = state.sites.filter(
    (site) =>
      term === '*' ||
      term === '' ||
      [site.displayName, site.name, site.description].some((text) => text.toLowerCase().includes(term)),
  );
  const select = selectOption(req);
  return ok({ value: matches.map((site) => pickSelected(siteJson(state, site), select)) });
}
