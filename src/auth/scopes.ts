import { PROVISIONING_SCOPES } from '../graph/sharepoint';

/** A delegated Microsoft Graph permission Trail asks for, and what it is for. */
export interface ScopeNeed {
  scope: string;
  why: string;
}

/**
 * What every user's daily work needs (docs/permissions.md, "Daily use"). Requested together, so
 * one consent covers the pane, the ribbon buttons and the shared record.
 */
export const DAILY_SCOPE_NEEDS: readonly ScopeNeed[] = [
  { scope: 'User.Read', why: 'who is signed in (name, address) for "filed by"; the groups they own, to tell a site owner (record keepers by default)' },
  { scope: 'Mail.ReadWrite', why: 'triage: move, flag, mark read and categorise the user\'s own mail' },
  { scope: 'Mail.ReadWrite.Shared', why: 'the same in shared mailboxes and delegated folders the user has rights to' },
  { scope: 'MailboxSettings.Read', why: 'the mailbox time zone, for the ASAP due date' },
  { scope: 'Calendars.ReadWrite', why: 'meetings beside a contact, linking meetings, booking time for an ASAP mail' },
  // Read only: an ASAP mail in a shared mailbox still books time in the user's own calendar.
  { scope: 'Calendars.Read.Shared', why: 'a meeting opened from a shared calendar: its identity (iCalUId) for linking' },
  {
    scope: 'Sites.ReadWrite.All',
    why: 'read and write the shared record\'s list items (a tenant may grant Sites.Selected instead; see docs/deploy.md)',
  },
];

/**
 * Added on top of the daily set only when the admin screen sets up the shared record (creating lists
 * and columns). Never requested for daily use.
 */
export const ADMIN_SCOPE_NEEDS: readonly ScopeNeed[] = PROVISIONING_SCOPES.map((scope) => ({
  scope,
  why: 'create Trail\'s SharePoint lists, columns and indexes (admin screen, once per tenant)',
}));

/** Bare names: Entra ID reads a scope without a resource as Microsoft Graph's. */
const onGraph = (needs: readonly ScopeNeed[]): string[] => needs.map((need) => need.scope);

export const DAILY_SCOPES: readonly string[] = onGraph(DAILY_SCOPE_NEEDS);

/** The daily set plus provisioning: the admin token must still do everything the admin screen reads. */
export const ADMIN_SCOPES: readonly string[] = [...DAILY_SCOPES, ...onGraph(ADMIN_SCOPE_NEEDS)];

export type ScopeSet = 'daily' | 'admin';

/** How the shared record's site is reached: every site the user can edit, or only the granted one. */
export type SiteScope = 'Sites.ReadWrite.All' | 'Sites.Selected';

/**
 * The scopes of a set. With Sites.Selected (`--env siteScope=Sites.Selected`) the app reaches only
 * the site an administrator granted it (docs/deploy.md); the admin set still adds provisioning.
 */
export function scopesFor(set: ScopeSet, siteScope: SiteScope = 'Sites.ReadWrite.All'): readonly string[] {
  const scopes = set === 'admin' ? ADMIN_SCOPES : DAILY_SCOPES;
  return siteScope === 'Sites.ReadWrite.All' ? scopes : scopes.map((s) => (s === 'Sites.ReadWrite.All' ? siteScope : s));
}
