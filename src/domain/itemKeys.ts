/**
 * The keys that find an Outlook item again after triage moves it, and across colleagues' mailboxes.
 * A message's immutable id is stable within one mailbox; its internetMessageId is the same in every
 * recipient's copy, so two colleagues filing the same mail file the same item.
 */
import { cutAt } from './text';

export type FiledItemKind = 'message' | 'event' | 'series' | 'note';

export interface FiledItem {
  kind: FiledItemKind;
  /** Graph immutable id in the filer's mailbox (or the note's id). */
  immutableId: string;
  internetMessageId?: string | null;
  /** Events: iCalUId of this occurrence or single meeting; for a series, of the series master. */
  iCalUId?: string | null;
  seriesMasterId?: string | null;
  conversationId?: string | null;
  subject: string;
  from?: { name: string; address: string } | null;
  /** When the mail was received or the meeting starts (ISO 8601). */
  date: string;
  webLink?: string | null;
  /** The mailbox the item lives in (a shared mailbox's address), when not the user's own. */
  mailbox?: string | null;
}

/** SharePoint single-line text columns hold 255 characters. */
export const MAX_KEY_LENGTH = 255;

export function itemKey(item: FiledItem): string {
  switch (item.kind) {
    case 'message':
      return boundedKey(item.internetMessageId ? `mail:${item.internetMessageId}` : `mailid:${item.immutableId}`);
    case 'event':
      return boundedKey(item.iCalUId ? `event:${item.iCalUId}` : `eventid:${item.immutableId}`);
    case 'series':
      return boundedKey(item.iCalUId ? `series:${item.iCalUId}` : `seriesid:${item.seriesMasterId ?? item.immutableId}`);
    case 'note':
      return boundedKey(`note:${item.immutableId}`);
  }
}

/** One filing per (item, entity): the unique key that makes filing idempotent. */
export function filingKey(item: string, entity: string): string {
  return boundedKey(`${item}|${entity}`);
}

/**
 * Keeps a key within the column's limit while keeping it unique: a long key keeps its head and
 * gains a 64-bit FNV-1a hash of the whole (internetMessageIds may legally run to 998 characters).
 */
export function boundedKey(key: string): string {
  if (key.length <= MAX_KEY_LENGTH) return key;
  return `${cutAt(key, MAX_KEY_LENGTH - 17)}#${fnv1a64(key)}`;
}

function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * prime) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}
