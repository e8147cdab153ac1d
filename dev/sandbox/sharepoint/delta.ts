/**
 * List item delta ("listItem: delta"): the first round enumerates every item, later rounds return the
 * items changed since the token (latest state only, each once) and deleted ones as
 * `{ id, deleted: { state: 'deleted' } }`. Pages end in `@odata.nextLink` until the last, which carries
 * `@odata.deltaLink`; both use `?token=`. `token=latest` answers no items and a deltaLink from now.
 * Tokens are opaque: a snapshot of the list's change counter plus the position reached.
 */
import { GraphError } from '../core/errors';
import { listIndex, positionAfter } from './listIndex';
import type { ItemRecord, ListRecord, Tombstone } from './state';

interface DeltaCursor {
  /** Changes strictly after this change number are reported (0: full enumeration). */
  since: number;
  /** Change number when the round started; later changes wait for the next round. */
  upTo: number;
  /** Resume point inside the round: an item id (full enumeration) or a change number. */
  after: number;
}

export type DeltaEntry = { kind: 'item'; item: ItemRecord } | { kind: 'deleted'; tombstone: Tombstone };

export interface DeltaPage {
  entries: DeltaEntry[];
  nextToken?: string;
  deltaToken?: string;
}

/** A nextLink continues a round; a deltaLink only remembers where the next round starts. */
const nextToken = (c: DeltaCursor): string => Buffer.from(`dn.${c.since}.${c.upTo}.${c.after}`).toString('base64url');
const deltaToken = (since: number): string => Buffer.from(`dl.${since}`).toString('base64url');

/** 410 with a Location to start over, as "listItem: delta" describes for tokens the service cannot use. */
function resyncRequired(freshLink: string): GraphError {
  return new GraphError(410, 'resyncRequired', 'Resync is required.', { Location: freshLink });
}

function decode(token: string, list: ListRecord, freshLink: string): DeltaCursor {
  const [tag, ...numbers] = Buffer.from(token, 'base64url').toString('utf8').split('.');
  const values = numbers.map(Number);
  const wellFormed = values.every((n) => Number.isInteger(n) && n >= 0);
  if (wellFormed && tag === 'dl' && values.length === 1) {
    const since = values[0] as number;
    // A new round sees every change made up to now.
    if (since <= list.changeSeq) return { since, upTo: list.changeSeq, after: 0 };
  }
  if (wellFormed && tag === 'dn' && values.length === 3) {
    const [since, upTo, after] = values as [number, number, number];
    if (since <= upTo && upTo <= list.changeSeq) return { since, upTo, after };
  }
  throw resyncRequired(freshLink);
}

/**
 * Under the 'repeated' reading a page after the first starts again with the previous page's last
 * entry. Only with pages of two or more, so every page still moves the round on.
 */
const repeatsLast = (cursor: DeltaCursor, top: number, repeat: boolean): boolean => repeat && top > 1 && cursor.after > 0;

function fullEnumeration(list: ListRecord, cursor: DeltaCursor, top: number, repeat: boolean): DeltaPage {
  const { ids } = listIndex(list);
  const after = positionAfter(ids, cursor.after);
  const start = repeatsLast(cursor, top, repeat) && after > 0 && ids[after - 1] === cursor.after ? after - 1 : after;
  const slice = ids.slice(start, start + top);
  const entries = slice.map((id): DeltaEntry => ({ kind: 'item', item: list.items[id] as ItemRecord }));
  const last = slice[slice.length - 1];
  if (start + top < ids.length && last !== undefined) return { entries, nextToken: nextToken({ ...cursor, after: last }) };
  return { entries, deltaToken: deltaToken(cursor.upTo) };
}

function changesSince(list: ListRecord, cursor: DeltaCursor, top: number, repeat: boolean): DeltaPage {
  const from = repeatsLast(cursor, top, repeat) ? cursor.after - 1 : cursor.after;
  const inRound = (seq: number): boolean => seq > cursor.since && seq <= cursor.upTo && seq > from;
  const changes: { seq: number; entry: DeltaEntry }[] = [];
  for (const item of Object.values(list.items)) {
    if (inRound(item.changeSeq)) changes.push({ seq: item.changeSeq, entry: { kind: 'item', item } });
  }
  for (const tombstone of list.tombstones) {
    if (inRound(tombstone.changeSeq)) changes.push({ seq: tombstone.changeSeq, entry: { kind: 'deleted', tombstone } });
  }
  changes.sort((a, b) => a.seq - b.seq);
  const page = changes.slice(0, top);
  const last = page[page.length - 1];
  const entries = page.map((c) => c.entry);
  if (changes.length > top && last) return { entries, nextToken: nextToken({ ...cursor, after: last.seq }) };
  return { entries, deltaToken: deltaToken(cursor.upTo) };
}

/** One page of the delta feed for `token` (undefined: first call); `repeat`: the 'repeated' reading. */
export function deltaPage(list: ListRecord, token: string | undefined, top: number, freshLink: string, repeat = false): DeltaPage {
  if (token === 'latest') return { entries: [], deltaToken: deltaToken(list.changeSeq) };
  const cursor = token === undefined ? { since: 0, upTo: list.changeSeq, after: 0 } : decode(token, list, freshLink);
  if (cursor.since === 0) return fullEnumeration(list, cursor, top, repeat);
  return changesSince(list, cursor, top, repeat);
}
