/**
 * The timeline beside a message: what colleagues filed about the sender and their organisation
 * (the shared record) mixed with the user's own recent mail with them (their mailbox). Both are
 * asked at once, so the first page costs one round trip.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { EntityRef, EntitySummary } from '../domain/entities';
import { entityKey } from '../domain/entities';
import type { Filing, TrailStore } from '../store/trailStore';

export type TimelineEntry =
  | { kind: 'filing'; key: string; date: string; subject: string; entityNames: string[]; filedBy: string; note: string; webLink: string | null }
  | { kind: 'mail'; key: string; date: string; subject: string; from: string; webLink: string | null };

export interface TimelinePage {
  entries: TimelineEntry[];
  /** Where the record's next page starts, per entity; empty when there is no more. */
  next: Record<string, string>;
}

interface GraphMessage {
  id: string;
  subject?: string;
  receivedDateTime?: string;
  webLink?: string;
  internetMessageId?: string;
  from?: { emailAddress?: { name?: string; address?: string } };
}

const PAGE = 10;

/** KQL inside $search: quotes delimit the phrase, so a quote in an address would end it early. */
const kqlAddress = (address: string) => address.replace(/["\\]/g, '');

const filingEntry = (f: Filing): Extract<TimelineEntry, { kind: 'filing' }> => ({
  kind: 'filing',
  key: `f:${f.id}`,
  date: f.item.date,
  subject: f.item.subject,
  entityNames: [f.entityName],
  filedBy: f.filedBy.name || f.filedBy.upn,
  note: f.note,
  webLink: f.item.webLink ?? null,
});

/** Newest first; a mail that is also filed appears once, as the filing (it says more). */
function merge(filings: Filing[], mail: GraphMessage[]): TimelineEntry[] {
  const filedIds = new Set(filings.flatMap((f) => [f.item.internetMessageId, f.item.immutableId].filter(Boolean)));
  const byItem = new Map<string, Extract<TimelineEntry, { kind: 'filing' }>>();
  const entries: TimelineEntry[] = [];
  for (const f of filings) {
    // Filed to both the person and their organisation: one entry naming both.
    const known = byItem.get(f.itemKey);
    if (known) {
      if (!known.entityNames.includes(f.entityName)) known.entityNames.push(f.entityName);
      continue;
    }
    const entry = filingEntry(f);
    byItem.set(f.itemKey, entry);
    entries.push(entry);
  }
  for (const m of mail) {
    if (filedIds.has(m.internetMessageId) || filedIds.has(m.id)) continue;
    entries.push({ kind: 'mail', key: `m:${m.id}`, date: m.receivedDateTime ?? '', subject: m.subject ?? '', from: m.from?.emailAddress?.name || m.from?.emailAddress?.address || '', webLink: m.webLink ?? null });
  }
  return entries.sort((a, b) => b.date.localeCompare(a.date));
}

export async function firstTimelinePage(store: TrailStore, graph: Client, subjects: readonly EntitySummary[], address: string | null): Promise<TimelinePage> {
  const refs: EntityRef[] = subjects.map((s) => s.ref);
  const [record, mail] = await Promise.all([
    refs.length ? store.history(refs, PAGE) : Promise.resolve({ filings: [], next: {} }),
    address
      ? (graph
          .api('/me/messages')
          .search(`"participants:${kqlAddress(address)}"`)
          .select(['id', 'subject', 'receivedDateTime', 'webLink', 'internetMessageId', 'from'])
          .top(PAGE)
          .get() as Promise<{ value: GraphMessage[] }>)
          // The mailbox half is a bonus: when it fails, the record's half still shows.
          .catch(() => ({ value: [] as GraphMessage[] }))
      : Promise.resolve({ value: [] as GraphMessage[] }),
  ]);
  return { entries: merge(record.filings, mail.value), next: record.next };
}

/** The record's next page for every entity that has one. */
export async function nextTimelinePage(store: TrailStore, subjects: readonly EntitySummary[], next: Record<string, string>): Promise<TimelinePage> {
  const pending = subjects.filter((s) => next[entityKey(s.ref)]);
  const pages = await Promise.all(pending.map((s) => store.filingsOfEntity(s.ref, { pageSize: PAGE, next: next[entityKey(s.ref)]! })));
  const following: Record<string, string> = {};
  pending.forEach((s, i) => {
    const n = pages[i]!.nextLink;
    if (n) following[entityKey(s.ref)] = n;
  });
  return { entries: merge(pages.flatMap((p) => p.items), []), next: following };
}
