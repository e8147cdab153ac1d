/**
 * Group-connected team sites: the team site `/sites/trail` belongs to a Microsoft 365 group, and the
 * group's owners are the site's owners. Two documented reads let a user with only User.Read and
 * Sites.ReadWrite.All tell whether they own the site:
 *
 * - `GET /me/ownedObjects` (api-reference/v1.0/api/user-list-ownedobjects.md, delegated User.Read): the
 *   directory objects the user owns. With User.Read a group comes with limited information, only its
 *   `@odata.type` and `id` (api-reference/includes/limited-info.md); the sandbox sends exactly those
 *   (pessimistic: no display name to lean on).
 * - `GET /groups/{group-id}/sites/root` (api-reference/v1.0/api/site-get.md, "Access a group team
 *   site"): the group's team site, as `GET /sites/{site-id}` answers it. An unknown group: 404
 *   `Request_ResourceNotFound`, the directory's answer for an object nobody knows.
 *
 * The slice is made on first use (no random draws, so the rest of the seeded state is unchanged): one
 * group for the team site, owned by the signed-in user (the directory's first user). Tests take
 * ownership away with `teamSiteGroup(ctx).owners = []` and `control.stateChanged()`.
 */
import { GraphError } from '../core/errors';
import type { Router, SandboxContext, SandboxRequest, SandboxResponse } from '../core/types';
import { pickSelected, selectOption } from './queryOptions';
import { ok } from './siteCall';
import { siteJson } from './siteJson';
import type { GroupRecord, SharePointState, SiteRecord } from './state';
import { sharePointState, TEAM_SITE_PATH } from './store';

/** A group id made from its site's collection id (a GUID's shape, digits reversed): no random draw. */
function groupIdFor(site: SiteRecord): string {
  const hex = site.siteCollectionId.replace(/-/g, '').split('').reverse().join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function groupsOf(ctx: SandboxContext, state: SharePointState): GroupRecord[] {
  if (state.groups) return state.groups;
  const site = state.sites.find((s) => s.path === TEAM_SITE_PATH);
  const signedIn = ctx.directory.all()[0];
  state.groups = site ? [{ id: groupIdFor(site), displayName: site.displayName, siteId: site.id, owners: signedIn ? [signedIn.id] : [] }] : [];
  return state.groups;
}

/** The group behind the team site `/sites/trail` (for tests that change its owners). */
export function teamSiteGroup(ctx: SandboxContext): GroupRecord {
  const state = sharePointState(ctx);
  const site = state.sites.find((s) => s.path === TEAM_SITE_PATH);
  const group = groupsOf(ctx, state).find((g) => g.siteId === site?.id);
  if (!group) throw new Error('The sandbox has no team site group');
  return group;
}

const groupNotFound = (id: string): GraphError =>
  new GraphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);

function ownedObjects(ctx: SandboxContext, req: SandboxRequest): SandboxResponse {
  const owner = req.params.mailbox ?? req.userId;
  const owned = groupsOf(ctx, sharePointState(ctx)).filter((g) => g.owners.includes(owner));
  return ok({
    '@odata.context': `${req.baseUrl}/$metadata#directoryObjects`,
    value: owned.map((g) => ({ '@odata.type': '#microsoft.graph.group', id: g.id })),
  });
}

function groupSite(ctx: SandboxContext, req: SandboxRequest): SandboxResponse {
  const state = sharePointState(ctx);
  const id = req.params.group ?? '';
  const group = groupsOf(ctx, state).find((g) => g.id.toLowerCase() === id.toLowerCase());
  const site = group && state.sites.find((s) => s.id === group.siteId);
  if (!site) throw groupNotFound(id);
  return ok(pickSelected(siteJson(state, site), selectOption(req)));
}

export function registerGroupRoutes(router: Router, ctx: SandboxContext): void {
  router.add('GET', '/me/ownedObjects', (req) => ownedObjects(ctx, req));
  router.add('GET', '/groups/{group}/sites/root', (req) => groupSite(ctx, req));
}
