/**
 * Our folders are looked up once per service, so the user may delete one while the pane stays open.
 * Deleting a folder moves it into Deleted Items, where a move into it still succeeds: the mail would
 * quietly end up in the bin. So the first call of each action also reads the destination folder, and
 * when it turns out to be gone the messages are moved on into a folder found or created afresh.
 */
import type { BatchResult, BatchStep } from '../../graph/batch';
import type { MailboxPaths } from '../../graph/mailboxPaths';
import type { FolderJson } from './mailboxProbe';

export const DESTINATION_CHECK_ID = 'destination-check';

/** The name the destination has now, as the check read it (a folder taken by its remembered id was not read before). */
export function destinationNameOf(check: BatchResult | undefined): string | undefined {
  const name = check?.ok ? (check.body as FolderJson | undefined)?.displayName : undefined;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

export function destinationCheckStep(paths: MailboxPaths, folderId: string): BatchStep {
  return { id: DESTINATION_CHECK_ID, method: 'GET', url: paths.folder(folderId, ['id', 'displayName', 'parentFolderId']) };
}

/** True when the check shows the folder deleted; an unanswered check proves nothing either way. */
export function destinationDeleted(check: BatchResult | undefined, deletedItemsFolderId: string | undefined): boolean {
  if (!check) return false;
  if (check.status === 404) return true;
  return check.ok && deletedItemsFolderId !== undefined && (check.body as FolderJson | undefined)?.parentFolderId === deletedItemsFolderId;
}
