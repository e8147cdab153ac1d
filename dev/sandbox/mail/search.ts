/**
 * A small `$search` for messages: Outlook's KQL is far richer, but a quoted word or phrase matched
 * against subject, body preview and sender covers what a search box sends. Results are newest first,
 * which is how Outlook orders search results (it refuses `$orderby` with `$search`).
 */
import type { MessageRecord } from './state';

function terms(search: string): string[] {
  const unquoted = search.trim().replace(/^"(.*)"$/, '$1');
  return unquoted.split(/\s+/).filter((t) => t.length > 0).map((t) => t.toLowerCase());
}

function haystack(record: MessageRecord): string {
  const d = record.data as { subject?: string; bodyPreview?: string; from?: { emailAddress?: { name?: string; address?: string } } };
  return [d.subject, d.bodyPreview, d.from?.emailAddress?.name, d.from?.emailAddress?.address].filter(Boolean).join(' ').toLowerCase();
}

type Address = { emailAddress?: { name?: string; address?: string } };

/** KQL property restrictions Outlook supports for people: `from:`, `to:`, `cc:`, `participants:` (all three). */
function addressesFor(record: MessageRecord, property: string): string[] {
  const d = record.data as { from?: Address; toRecipients?: Address[]; ccRecipients?: Address[] };
  const of = (list: Array<Address | undefined>) => list.flatMap((a) => [a?.emailAddress?.address ?? '', a?.emailAddress?.name ?? '']).map((x) => x.toLowerCase());
  if (property === 'from') return of([d.from]);
  if (property === 'to') return of(d.toRecipients ?? []);
  if (property === 'cc') return of(d.ccRecipients ?? []);
  return of([d.from, ...(d.toRecipients ?? []), ...(d.ccRecipients ?? [])]);
}

function matches(record: MessageRecord, term: string): boolean {
  const restricted = /^(from|to|cc|participants):(.+)$/.exec(term);
  if (restricted) return addressesFor(record, restricted[1]!).some((a) => a.includes(restricted[2]!));
  return haystack(record).includes(term);
}

export function searchMessages(records: MessageRecord[], search: string): MessageRecord[] {
  const wanted = terms(search);
  return records
    .filter((r) => wanted.every((t) => matches(r, t)))
    .sort((a, b) => String(b.data.receivedDateTime ?? '').localeCompare(String(a.data.receivedDateTime ?? '')));
}
