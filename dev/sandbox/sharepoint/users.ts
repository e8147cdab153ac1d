/**
 * Site users: who created or modified an item. SharePoint gives every user a per-site-collection
 * lookup id (the `AuthorLookupId` of list items) the first time they touch the site; display name and
 * e-mail come from the sandbox's user directory.
 */
import type { SandboxContext } from '../core/types';
import type { SharePointState, SiteUser } from './state';

function fromDirectory(ctx: SandboxContext, userId: string): { displayName: string; email: string } | undefined {
  const user = ctx.directory.find(userId);
  return user ? { displayName: user.displayName, email: user.mail ?? user.userPrincipalName } : undefined;
}

/** The site user for `userId`, registered on first use. */
export function ensureSiteUser(ctx: SandboxContext, state: SharePointState, userId: string): SiteUser {
  const known = state.users[userId];
  if (known) return known;
  const entry = fromDirectory(ctx, userId) ?? { displayName: userId, email: '' };
  const user: SiteUser = { id: userId, lookupId: state.nextUserLookupId++, ...entry };
  state.users[userId] = user;
  return user;
}

/** Graph's identitySet for createdBy / lastModifiedBy. */
export function identitySet(state: SharePointState, userId: string): { user: { email: string; id: string; displayName: string } } {
  const user = state.users[userId];
  return { user: { email: user?.email ?? '', id: userId, displayName: user?.displayName ?? userId } };
}
