/**
 * Triage records and outbox entries as read back from storage: every field checked, anything that does
 * not fit is refused (undefined), so a record undo relies on is always complete.
 */
import { toMessageState } from './messageState';
import { TRIAGE_ACTIONS, type MessageState, type TriageAction, type TriageRecord } from './types';

export interface OutboxEntry {
  id: string;
  action: TriageAction;
  messageIds: string[];
  subjects: string[];
  lastError: string;
  attempts: number;
  at: string;
  /** States read before the failed attempt changed anything, by message id: a retry's undo record uses them. */
  before?: Record<string, MessageState>;
  /** The shared mailbox the messages are in; absent for the user's own. A retry must go there. */
  mailbox?: string;
  /**
   * 'sending': the intent, written down before it was sent and not yet settled. Left so by a pane or
   * ribbon closed mid-action (or still running in another window); absent once an attempt has failed.
   */
  state?: 'sending';
  /** Messages an attempt may have written to before any read of them (its answer was lost): their "before" is unknown. */
  beforeLost?: string[];
  /**
   * Messages still named as Office named them (REST ids, which change on a move): the intent could not
   * be matched against entries that name the message by its immutable id, so a Retry of an older
   * entry translates these first (the latest intent per message wins).
   */
  restIds?: string[];
  /**
   * An attempt's writes were on their way when this was last stored: if its answer never settled the
   * entry (a pane closed), a message's state read now may show them, so it is no "before".
   */
  writing?: true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isAction = (value: unknown): value is TriageAction => TRIAGE_ACTIONS.includes(value as TriageAction);
const isInstant = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));

export function parseTriageRecord(raw: unknown): TriageRecord | undefined {
  if (!isRecord(raw) || !isNonEmptyString(raw.id) || !isAction(raw.action) || !isInstant(raw.at) || !Array.isArray(raw.messages)) return undefined;
  const messages: TriageRecord['messages'] = [];
  for (const item of raw.messages) {
    const before = isRecord(item) ? toMessageState(item.before) : undefined;
    // A record missing any message's state cannot be undone exactly: none of it is trusted.
    if (!before || !isRecord(item) || !isNonEmptyString(item.destinationFolderId)) return undefined;
    messages.push({ before, destinationFolderId: item.destinationFolderId });
  }
  return { id: raw.id, action: raw.action, at: raw.at, messages, ...(isNonEmptyString(raw.mailbox) ? { mailbox: raw.mailbox } : {}) };
}

function parseBefore(raw: unknown, ids: readonly string[]): Record<string, MessageState> | undefined {
  if (!isRecord(raw)) return undefined;
  const states = ids.map((id) => [id, toMessageState(raw[id])] as const).filter((entry): entry is readonly [string, MessageState] => entry[1]?.id === entry[0]);
  return states.length > 0 ? Object.fromEntries(states) : undefined;
}

export function parseOutboxEntry(raw: unknown): OutboxEntry | undefined {
  if (!isRecord(raw) || !isNonEmptyString(raw.id) || !isAction(raw.action) || !isInstant(raw.at) || !Array.isArray(raw.messageIds)) return undefined;
  const messageIds = raw.messageIds.filter(isNonEmptyString);
  if (messageIds.length === 0) return undefined;
  const subjects = Array.isArray(raw.subjects) ? raw.subjects : [];
  const before = parseBefore(raw.before, messageIds);
  const beforeLost = Array.isArray(raw.beforeLost) ? raw.beforeLost.filter((id): id is string => isNonEmptyString(id) && messageIds.includes(id)) : [];
  const restIds = Array.isArray(raw.restIds) ? raw.restIds.filter((id): id is string => isNonEmptyString(id) && messageIds.includes(id)) : [];
  return {
    id: raw.id,
    action: raw.action,
    messageIds,
    // One subject per message, whatever storage held.
    subjects: messageIds.map((_, i) => (typeof subjects[i] === 'string' ? (subjects[i] as string) : '')),
    lastError: typeof raw.lastError === 'string' ? raw.lastError : '',
    attempts: typeof raw.attempts === 'number' && Number.isInteger(raw.attempts) && raw.attempts >= 0 ? raw.attempts : 0,
    at: raw.at,
    ...(before ? { before } : {}),
    ...(isNonEmptyString(raw.mailbox) ? { mailbox: raw.mailbox } : {}),
    ...(raw.state === 'sending' ? { state: 'sending' as const } : {}),
    ...(beforeLost.length ? { beforeLost } : {}),
    ...(restIds.length ? { restIds } : {}),
    ...(raw.writing === true ? { writing: true as const } : {}),
  };
}
