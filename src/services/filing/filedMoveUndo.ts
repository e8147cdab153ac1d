/**
 * Undoing one click that filed a message and moved it away (After filing: archive it…): the message
 * goes back, then the filings that click made are removed. What fails is kept, so a retry does only
 * what is left and nothing twice.
 */
import type { GraphClient } from '../../graph/client';
import { folderDisplayName } from '../../graph/mailFolders';
import { mailboxPath, mailboxPaths } from '../../graph/mailboxPaths';
import type { Filing } from '../../record/trailStore';
import type { TriageRunner } from '../triage/runner';
import type { TriageRecord } from '../triage/types';

/** What is still to undo: the move (null once the message is back), and the filings still in the record. */
export interface FiledMove {
  record: TriageRecord | null;
  filings: Filing[];
}

export type FiledMoveUndo =
  /** All undone; `folder` is where the message is back, as its mailbox names it (null when that could not be read). */
  | { kind: 'undone'; folder: string | null }
  /** Something is left (`left`): the message back (movedBack) or not, and why it stopped. */
  | { kind: 'partial'; left: FiledMove; movedBack: boolean; folder: string | null; error: unknown };

interface Deps {
  runner: Pick<TriageRunner, 'undo'>;
  unfile(filing: Filing): Promise<void>;
  graph: GraphClient;
}

/** The name of the folder the message was back in; a failure to read it only loses the name. */
async function folderOf(graph: GraphClient, record: TriageRecord): Promise<string | null> {
  const id = record.messages[0]?.before.parentFolderId;
  if (!id) return null;
  return folderDisplayName(graph, mailboxPaths(mailboxPath(record.mailbox)), id).catch(() => null);
}

/**
 * The move first (through Triage's runner, so its Recent list agrees), then each filing. A move that
 * fails stops there: the message stays filed where it is, and Undo is still offered for both.
 */
export async function undoFiledMove(deps: Deps, left: FiledMove, folder: string | null = null): Promise<FiledMoveUndo> {
  let where = folder;
  if (left.record) {
    const undone = await deps.runner.undo(left.record);
    if (undone.kind === 'error') return { kind: 'partial', left, movedBack: false, folder: where, error: undone.error };
    if (undone.failed.length > 0) return { kind: 'partial', left: { ...left, record: undone.record ?? left.record }, movedBack: false, folder: where, error: undone.failed[0]!.error };
    where = await folderOf(deps.graph, left.record);
  }
  const still: Filing[] = [];
  let error: unknown = null;
  for (const filing of left.filings) {
    try {
      await deps.unfile(filing);
    } catch (e) {
      still.push(filing);
      error ??= e;
    }
  }
  if (still.length > 0) return { kind: 'partial', left: { record: null, filings: still }, movedBack: true, folder: where, error };
  return { kind: 'undone', folder: where };
}
