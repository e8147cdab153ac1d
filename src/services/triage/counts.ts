/**
 * What is waiting: messages in ASAP (and how many of those are overdue) and in Read later.
 *
 * Totals come from the folders themselves. Overdue cannot be asked of Graph: filtering messages on
 * flag/dueDateTime fails in Exchange (microsoft-graph-docs issue #4083), while filtering on
 * flag/flagStatus works. So the flagged messages of the ASAP folder are read, only their flags, page by
 * page, and their due dates compared here with the same boundary the due-date rule uses.
 */
import type { GraphClient } from '../../graph/client';
import { batchError, expectOk, runBatch, type BatchOptions, type BatchResult, type BatchStep } from '../../graph/batch';
import { isNotFound } from '../../graph/errors';
import { nextPage } from '../../graph/messages';
import { isOverdue } from '../../domain/triage/dueDate';
import { instantOfGraphDateTime } from '../../domain/graphDateTime';
import type { MailboxPaths } from '../../graph/mailboxPaths';
import type { FolderKind } from './mailboxProbe';
import { toFollowupFlag } from './messageState';

export interface WaitingCounts {
  asap: number;
  overdue: number;
  readLater: number;
  readLaterUnread: number;
}

/** The counts, and the names our folders have in the mailbox now (a folder may be named otherwise than the settings say). */
export interface CountsAndNames extends WaitingCounts {
  folderNames: Partial<Record<FolderKind, string>>;
}

/** Flags are small; a page this size keeps even a neglected ASAP folder to a round trip or two. */
export const FLAG_PAGE_SIZE = 500;

interface FlagPage {
  value?: Array<{ flag?: unknown }>;
  '@odata.nextLink'?: string;
}

function countOverdue(page: FlagPage, now: Date): number {
  return (page.value ?? []).filter((message) => {
    const due = instantOfGraphDateTime(toFollowupFlag(message.flag).dueDateTime);
    return due !== undefined && isOverdue(due, now);
  }).length;
}

/** The body of a folder read, or undefined when the folder is gone (reported through `gone`). */
function folderCounts(result: BatchResult | undefined, kind: FolderKind, gone: (kind: FolderKind) => void): { totalItemCount?: number; unreadItemCount?: number; displayName?: string } | undefined {
  if (!result) return undefined;
  if (!result.ok && isNotFound(batchError(result))) {
    gone(kind);
    return undefined;
  }
  return expectOk(result);
}

export async function countWaiting(
  graph: GraphClient,
  paths: MailboxPaths,
  folders: Partial<Record<FolderKind, string>>,
  now: Date,
  gone: (kind: FolderKind) => void,
  batch?: BatchOptions,
  pageSize: number = FLAG_PAGE_SIZE,
): Promise<CountsAndNames> {
  const steps: BatchStep[] = [];
  if (folders.asap) {
    steps.push({ id: 'asap', method: 'GET', url: paths.folder(folders.asap, ['id', 'displayName', 'totalItemCount']) });
    steps.push({ id: 'flags', method: 'GET', url: paths.flaggedInFolder(folders.asap, pageSize) });
  }
  if (folders.readLater) steps.push({ id: 'readLater', method: 'GET', url: paths.folder(folders.readLater, ['id', 'displayName', 'totalItemCount', 'unreadItemCount']) });
  if (steps.length === 0) return { asap: 0, overdue: 0, readLater: 0, readLaterUnread: 0, folderNames: {} };

  const results = new Map((await runBatch(graph, steps, batch)).map((r) => [r.id, r]));
  const asap = folderCounts(results.get('asap'), 'asap', gone);
  const readLater = folderCounts(results.get('readLater'), 'readLater', gone);

  let overdue = 0;
  // An empty folder has nothing overdue, whatever the flag query answered (the sandbox refuses $select on an empty list).
  if (asap?.totalItemCount) {
    let page = expectOk<FlagPage>(results.get('flags')!);
    overdue += countOverdue(page, now);
    while (page['@odata.nextLink']) {
      page = await nextPage<FlagPage>(graph, page['@odata.nextLink']);
      overdue += countOverdue(page, now);
    }
  }
  return {
    asap: asap?.totalItemCount ?? 0,
    overdue,
    readLater: readLater?.totalItemCount ?? 0,
    readLaterUnread: readLater?.unreadItemCount ?? 0,
    folderNames: {
      ...(typeof asap?.displayName === 'string' && asap.displayName ? { asap: asap.displayName } : {}),
      ...(typeof readLater?.displayName === 'string' && readLater.displayName ? { readLater: readLater.displayName } : {}),
    },
  };
}
