/**
 * A message's triage state from what Graph (or storage) gave us. Graph omits a property it has no value
 * for and storage may hold anything, so every field is checked; a message without an id or folder is
 * not a message state at all.
 */
import type { DateTimeTimeZone, FollowupFlag, MessageState } from './types';

const FLAG_STATUSES: ReadonlyArray<FollowupFlag['flagStatus']> = ['notFlagged', 'flagged', 'complete'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toDateTimeTimeZone(raw: unknown): DateTimeTimeZone | undefined {
  if (!isRecord(raw) || typeof raw.dateTime !== 'string' || raw.dateTime === '') return undefined;
  // Graph may leave out the zone of a flag date; it then means UTC.
  return { dateTime: raw.dateTime, timeZone: typeof raw.timeZone === 'string' && raw.timeZone !== '' ? raw.timeZone : 'UTC' };
}

export function toFollowupFlag(raw: unknown): FollowupFlag {
  if (!isRecord(raw)) return { flagStatus: 'notFlagged' };
  const status = FLAG_STATUSES.find((s) => s === raw.flagStatus) ?? 'notFlagged';
  if (status === 'notFlagged') return { flagStatus: status };
  const flag: FollowupFlag = { flagStatus: status };
  const start = toDateTimeTimeZone(raw.startDateTime);
  const due = toDateTimeTimeZone(raw.dueDateTime);
  const completed = toDateTimeTimeZone(raw.completedDateTime);
  if (start) flag.startDateTime = start;
  if (due) flag.dueDateTime = due;
  if (completed && status === 'complete') flag.completedDateTime = completed;
  return flag;
}

/** The state in a Graph message (or a stored one), or undefined when it is not one. */
export function toMessageState(raw: unknown): MessageState | undefined {
  if (!isRecord(raw) || typeof raw.id !== 'string' || raw.id === '' || typeof raw.parentFolderId !== 'string' || raw.parentFolderId === '') {
    return undefined;
  }
  return {
    id: raw.id,
    subject: typeof raw.subject === 'string' ? raw.subject : '',
    parentFolderId: raw.parentFolderId,
    isRead: raw.isRead === true,
    flag: toFollowupFlag(raw.flag),
    categories: Array.isArray(raw.categories) ? raw.categories.filter((c): c is string => typeof c === 'string') : [],
  };
}
