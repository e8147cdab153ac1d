/**
 * Mail folders as triage keeps its own: found by name at the top of the mailbox, created there,
 * renamed. Errors arrive as GraphRequestError. (Batched folder reads are built by mailboxPaths.)
 */
import { graphCall } from './call';
import type { GraphClient } from './client';
import type { MailboxPaths } from './mailboxPaths';

export interface MailFolder {
  id: string;
  displayName?: string;
  parentFolderId?: string;
}

/** Top-level folders with this name, as Exchange compares names (case-insensitively). */
export async function topFoldersNamed(graph: GraphClient, paths: MailboxPaths, name: string): Promise<Array<Partial<MailFolder>>> {
  const page = await graphCall<{ value?: Array<Partial<MailFolder>> }>(() => graph.api(paths.topFoldersNamed(name)).get());
  return page.value ?? [];
}

/** Creates a top-level folder; Graph's answer, which should carry the new folder's id. */
export function createTopFolder(graph: GraphClient, paths: MailboxPaths, name: string): Promise<Partial<MailFolder> | undefined> {
  return graphCall(() => graph.api(paths.topFolders()).post({ displayName: name }));
}

export async function renameFolder(graph: GraphClient, paths: MailboxPaths, id: string, name: string): Promise<void> {
  await graphCall(() => graph.api(paths.folder(id, [])).patch({ displayName: name }));
}

/**
 * A folder's name as the mailbox shows it (GET mailFolders/{id}, api-reference/v1.0/api/mailfolder-get.md),
 * e.g. the Inbox a message was moved back to.
 */
export async function folderDisplayName(graph: GraphClient, paths: MailboxPaths, id: string): Promise<string | null> {
  const folder = await graphCall<Partial<MailFolder> | undefined>(() => graph.api(paths.folder(id, ['displayName'])).get());
  return folder?.displayName ?? null;
}
