/**
 * The Graph URLs triage uses, relative to the version (as `$batch` wants them), for one mailbox:
 * `/me` or `/users/{id}`. Ids enter only as encoded path segments, names only as OData strings.
 */
import { mailboxSettingsUrl } from './mailboxSettings';
import { odataString, pathSegment, queryString } from './odata';

/** What triage reads of a message: the undo record's `before`. */
export const MESSAGE_STATE_FIELDS = ['id', 'subject', 'parentFolderId', 'isRead', 'flag', 'categories'] as const;

export interface MailboxPaths {
  mailboxSettings(): string;
  /** A folder by id or well-known name (`archive`, `deleteditems`). */
  folder(idOrName: string, select: readonly string[]): string;
  /** Top-level folders (children of the mailbox root) with this display name. */
  topFoldersNamed(name: string): string;
  /** Where top-level folders are created. */
  topFolders(): string;
  message(id: string): string;
  messageState(id: string): string;
  move(id: string): string;
  /** Flagged messages of a folder, only their flags: overdue is counted from these. */
  flaggedInFolder(folderId: string, pageSize: number): string;
}

/** Where Graph reaches a mailbox: the user's own (`/me`), or a shared one by its address or id. */
export function mailboxPath(sharedMailbox: string | null | undefined): string {
  return sharedMailbox ? `/users/${pathSegment(sharedMailbox)}` : '/me';
}

/**
 * `settingsOf` is the mailbox whose mailboxSettings are read (by default the same one): Graph refuses
 * a shared mailbox's settings even to a user with Full Access, so triage there reads the user's own.
 */
export function mailboxPaths(mailbox = '/me', settingsOf: string = mailbox): MailboxPaths {
  const base = mailbox.replace(/\/+$/, '');
  return {
    mailboxSettings: () => mailboxSettingsUrl(settingsOf),
    folder: (idOrName, select) => `${base}/mailFolders/${pathSegment(idOrName)}${queryString({ select })}`,
    topFoldersNamed: (name) =>
      `${base}/mailFolders${queryString({ filter: `displayName eq ${odataString(name)}`, select: ['id', 'displayName', 'parentFolderId'] })}`,
    topFolders: () => `${base}/mailFolders`,
    message: (id) => `${base}/messages/${pathSegment(id)}`,
    messageState: (id) => `${base}/messages/${pathSegment(id)}${queryString({ select: MESSAGE_STATE_FIELDS })}`,
    move: (id) => `${base}/messages/${pathSegment(id)}/move`,
    flaggedInFolder: (folderId, pageSize) =>
      `${base}/mailFolders/${pathSegment(folderId)}/messages${queryString({ filter: "flag/flagStatus eq 'flagged'", select: ['flag'], top: pageSize })}`,
  };
}
