/**
 * One identity for an Outlook item past the Office boundary: the mailbox it lives in and its immutable
 * id there. Office hands out EWS ids (REST ids on mobile) and a message's REST id changes whenever it
 * moves folder; the immutable id (Graph's `restImmutableEntryId`) stays for the item's life in its
 * mailbox ("Get immutable identifiers for Outlook resources"), so it is what Trail stores and looks up.
 */

export interface ItemIdentity {
  /** The shared mailbox (its address) the item lives in; null for the user's own. */
  mailbox: string | null;
  /** Graph's immutable id of the item in that mailbox. */
  immutableId: string;
}

/** The `exchangeIdFormat` values Trail translates between ("user: translateExchangeIds"). */
export type ExchangeIdFormat = 'ewsId' | 'restId' | 'restImmutableEntryId';

/** translateExchangeIds takes at most this many ids per call, all of one mailbox and one format. */
export const MAX_TRANSLATE_IDS = 1000;

/** One answer of translateExchangeIds (a convertIdResult): a target id, or why there is none. */
export interface ConvertIdResult {
  sourceId?: string | null;
  targetId?: string | null;
  errorDetails?: { code?: string | null; message?: string | null } | null;
}

/**
 * The translated id of each input, by input, in the inputs' order. Results are matched by `sourceId` (the
 * answer's order is not promised); an input without a target id (an item gone, an id Exchange rejects) is left out.
 */
export function translatedIds(inputIds: readonly string[], results: readonly ConvertIdResult[]): Map<string, string> {
  const answers = new Map<string, string>();
  for (const r of results) if (r.sourceId && r.targetId && !answers.has(r.sourceId)) answers.set(r.sourceId, r.targetId);
  const found = new Map<string, string>();
  for (const id of inputIds) {
    const target = answers.get(id);
    if (target) found.set(id, target);
  }
  return found;
}

/** Ids in calls of at most `size`, duplicates asked once. */
export function translationChunks(ids: readonly string[], size = MAX_TRANSLATE_IDS): string[][] {
  const unique = [...new Set(ids)];
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += size) chunks.push(unique.slice(i, i + size));
  return chunks;
}

/** A stable key for an item Office handed out, per mailbox (ids are only meaningful in their mailbox). */
export const officeItemKey = (mailbox: string | null | undefined, id: string): string => `${(mailbox ?? '').toLowerCase()}|${id}`;
