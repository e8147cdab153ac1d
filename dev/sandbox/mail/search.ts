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

export function searchMessages(records: MessageRecord[], search: string): MessageRecord[] {
  const wanted = terms(search);
  return records
    .filter((r) => {
      const text = haystack(r);
      return wanted.every((t) => text.includes(t));
    })
    .sort((a, b) => String(b.data.receivedDateTime ?? '').localeCompare(String(a.data.receivedDateTime ?? '')));
}
