/**
 * The shapes one-click triage speaks in: the action, a message's state as Graph reports it (what undo
 * restores), the record of an action and what could not be done.
 */
import type { GraphRequestError } from '../../graph/errors';

export type TriageAction = 'asap' | 'readLater' | 'archive';

export const TRIAGE_ACTIONS: readonly TriageAction[] = ['asap', 'readLater', 'archive'];

/** Graph's dateTimeTimeZone: a wall-clock time and the zone it is read in. */
export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

/** Graph's followupFlag. */
export interface FollowupFlag {
  flagStatus: 'notFlagged' | 'flagged' | 'complete';
  startDateTime?: DateTimeTimeZone;
  dueDateTime?: DateTimeTimeZone;
  completedDateTime?: DateTimeTimeZone;
}

/** What triage changes and undo restores, as read from Graph (`id` is the immutable id). */
export interface MessageState {
  id: string;
  subject: string;
  parentFolderId: string;
  isRead: boolean;
  flag: FollowupFlag;
  categories: string[];
}

/** One action on one or more messages, with each message's state before it: enough to undo it. */
export interface TriageRecord {
  id: string;
  action: TriageAction;
  /** ISO 8601 instant the action was taken. */
  at: string;
  messages: Array<{ before: MessageState; destinationFolderId: string }>;
  /** The shared mailbox the messages are in (its address); absent for the user's own. Undo must go there. */
  mailbox?: string;
}

/**
 * Why a message could not be triaged or restored, when Graph's error alone does not say:
 * the message no longer exists, or the folder it was to go to no longer does; or (a retry) the message is
 * neither where the action found it nor where it sends it: something newer moved it, and it is left there.
 */
export type TriageFailureReason = 'messageMissing' | 'folderMissing' | 'movedSince';

export interface TriageFailure {
  messageId: string;
  /** '' when the message could not be read at all. */
  subject: string;
  error: GraphRequestError;
  reason?: TriageFailureReason;
  /** The state read before anything was changed, so a later retry still records what the user had. */
  before?: MessageState;
  /** A write may have landed before any read of it (its answer was lost): a later read is no "before". */
  beforeLost?: true;
}

export interface TriageResult {
  /** Only the messages that were triaged. */
  record: TriageRecord;
  failed: TriageFailure[];
  /**
   * Messages triaged whose state before could not be known (an answer was lost after the write): done,
   * but not in the record, so no undo; the caller tells the user. Ids; absent when none.
   */
  unconfirmed?: Array<{ messageId: string; subject: string }>;
}

/** For a retry of an earlier attempt (the outbox): part of it may already have been applied. */
export interface TriageOptions {
  /** Read every message before writing anything, so nothing is applied twice. */
  verifyFirst?: boolean;
  /** States an earlier attempt read before it changed anything, by message id. */
  before?: Readonly<Record<string, MessageState>>;
  /** Messages an earlier attempt wrote to without learning their state (see TriageFailure.beforeLost). */
  beforeLost?: readonly string[];
  /**
   * Leave a message that is neither in its `before` folder nor at the goal (reason 'movedSince'): a
   * newer action moved it, one the caller could not see (a retry of an older intent).
   */
  leaveMovedSince?: boolean;
  /**
   * Told just before the first write is sent (synchronously): from then on a pane closed before the
   * answer cannot know whether it landed, so the written-down intent must say so.
   */
  beforeWrite?: () => void;
}
