/**
 * Where each action wants a message to end up, and the Graph writes that get it there: pure, so the
 * rules can be read and tested without a mailbox. A goal answers twice: before the message is read
 * (only writes that are right whatever its state) and after (only what is still missing), which is
 * what lets a retry skip work an earlier attempt already did.
 */
import { asapDue, type DueRule } from '../../domain/triage/dueDate';
import { toDateTimeTimeZone, toIanaZone } from '../../domain/triage/timeZones';
import { sameFlag, sameInstant } from './flagTimes';
import type { FollowupFlag, MessageState, TriageAction } from './types';

/** The body of one PATCH on a message. */
export type MessagePatch = Record<string, unknown>;

export interface Goal {
  messageId: string;
  destinationFolderId: string;
  /** An attempt that writes without reading first reads in the same chain: that state is the undo record's `before`. */
  readInChain: boolean;
  /**
   * Triage flags before it moves, so a message never sits in ASAP unflagged; undo moves back before it
   * restores, so nothing is half restored when the folder it came from is gone.
   */
  order: 'patchThenMove' | 'moveThenPatch';
  /** Writes for an attempt that has not read the message: only what is right whatever its state. */
  blindPatches: readonly MessagePatch[];
  /** Writes still needed from a known state, in order; none when only the folder (or nothing) differs. */
  patchesFrom(state: MessageState): MessagePatch[];
}

export function isReached(goal: Goal, state: MessageState): boolean {
  return state.parentFolderId === goal.destinationFolderId && goal.patchesFrom(state).length === 0;
}

/** The ASAP flag: starts now, due at the end of the working week, written in the mailbox's own zone. */
export function asapFlag(now: Date, mailboxZone: string, rule: DueRule): FollowupFlag {
  // A zone we cannot map is reckoned in UTC, and written so, which keeps the instant right either way.
  const { start, due } = asapDue(now, toIanaZone(mailboxZone) ?? 'Etc/UTC', rule);
  return { flagStatus: 'flagged', startDateTime: toDateTimeTimeZone(start, mailboxZone), dueDateTime: toDateTimeTimeZone(due, mailboxZone) };
}

export interface TriageTarget {
  action: TriageAction;
  destinationFolderId: string;
  /** For ASAP: the flag to set (asapFlag). */
  flag?: FollowupFlag;
}

const nonEmpty = (patch: MessagePatch): MessagePatch[] => (Object.keys(patch).length > 0 ? [patch] : []);

export function triageGoal(messageId: string, target: TriageTarget): Goal {
  const base = { messageId, destinationFolderId: target.destinationFolderId, readInChain: true, order: 'patchThenMove' as const };
  switch (target.action) {
    case 'asap': {
      const flag = target.flag;
      if (!flag) throw new Error('An ASAP goal needs its flag.');
      return {
        ...base,
        blindPatches: [{ isRead: true, flag }],
        patchesFrom: (state) => {
          // A flag already set by an earlier attempt (or by the user, in the ASAP folder) is kept, not restamped.
          const keepFlag =
            state.flag.flagStatus === 'flagged' && (state.parentFolderId === target.destinationFolderId || sameInstant(state.flag.dueDateTime, flag.dueDateTime));
          return nonEmpty({ ...(state.isRead ? {} : { isRead: true }), ...(keepFlag ? {} : { flag }) });
        },
      };
    }
    case 'readLater':
      return {
        ...base,
        // Unread, so the folder's unread count says what is left to read; unflagged, as the task is now "read it".
        // Whether there is a flag to clear is known only once the message is read.
        blindPatches: [{ isRead: false }],
        patchesFrom: (state) =>
          nonEmpty({ ...(state.isRead ? { isRead: false } : {}), ...(state.flag.flagStatus !== 'notFlagged' ? { flag: { flagStatus: 'notFlagged' } } : {}) }),
      };
    case 'archive':
      return {
        ...base,
        // Whether there is a flag to complete is known only once the message is read.
        blindPatches: [{ isRead: true }],
        patchesFrom: (state) =>
          nonEmpty({ ...(state.isRead ? {} : { isRead: true }), ...(state.flag.flagStatus === 'flagged' ? { flag: { flagStatus: 'complete' } } : {}) }),
      };
  }
}

/** The flag as a PATCH body that sets it back. Graph refuses a due date without a start, so a lone due date starts then too. */
export function flagRestoreBody(flag: FollowupFlag): Record<string, unknown> {
  if (flag.flagStatus === 'notFlagged') return { flagStatus: 'notFlagged' };
  const start = flag.startDateTime ?? flag.dueDateTime;
  return {
    flagStatus: flag.flagStatus,
    ...(start ? { startDateTime: start } : {}),
    ...(flag.dueDateTime ? { dueDateTime: flag.dueDateTime } : {}),
    ...(flag.flagStatus === 'complete' && flag.completedDateTime ? { completedDateTime: flag.completedDateTime } : {}),
  };
}

/**
 * A PATCH that omits a flag date keeps the one the message has, so a flag that had fewer dates than the
 * current one is cleared first and then set: two PATCHes, in order.
 */
function needsClearing(before: FollowupFlag): boolean {
  return before.flagStatus !== 'notFlagged' && (!before.startDateTime || !before.dueDateTime);
}

/** Undo: back to the folder, read state and flag the message had before the action. */
export function restoreGoal(before: MessageState): Goal {
  const restore: MessagePatch = { isRead: before.isRead, flag: flagRestoreBody(before.flag) };
  const clear: MessagePatch = { flag: { flagStatus: 'notFlagged' } };
  return {
    messageId: before.id,
    destinationFolderId: before.parentFolderId,
    readInChain: false,
    order: 'moveThenPatch',
    blindPatches: needsClearing(before.flag) ? [clear, restore] : [restore],
    patchesFrom: (state) => {
      const flagAlike = sameFlag(state.flag, before.flag);
      if (flagAlike) return state.isRead === before.isRead ? [] : [{ isRead: before.isRead }];
      return needsClearing(before.flag) && state.flag.flagStatus !== 'notFlagged' ? [clear, restore] : [restore];
    },
  };
}
