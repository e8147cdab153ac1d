/**
 * A data subject's requests: everything about one person as a JSON file, and erasing them. Both are
 * for the organisation's record keepers (domain/recordKeepers.ts) and both are audited by the store.
 * Before erasing, the user is told what will go, counted from the record without exporting (an
 * export is itself audited).
 */
import type { EntityRef, Person } from '../../domain/entities';
import type { PersonExport, TrailStore } from '../../record/trailStore';

export interface ErasePreview {
  person: Person;
  addresses: number;
  filings: number;
  notes: number;
  participations: number;
}

export async function previewErase(store: TrailStore, ref: EntityRef): Promise<ErasePreview> {
  const person = (await store.get(ref)) as Person;
  const [participations, filings] = await Promise.all([store.projectsOf(ref), countFilings(store, ref)]);
  return { person, addresses: person.emails.length, ...filings, participations: participations.length };
}

async function countFilings(store: TrailStore, ref: EntityRef): Promise<{ filings: number; notes: number }> {
  let filings = 0;
  let notes = 0;
  let next: string | undefined;
  do {
    const page = await store.filingsOfEntity(ref, { pageSize: 200, ...(next ? { next } : {}) });
    for (const f of page.items) if (f.item.kind === 'note') notes++;
    else filings++;
    next = page.nextLink ?? undefined;
  } while (next);
  return { filings, notes };
}

export interface ExportFile {
  fileName: string;
  json: string;
  data: PersonExport;
}

/**
 * The file's name: the person's primary address and the day of the export as the user's own clock has
 * it (the local date; in Finland the UTC date is still the day before until 02:00 or 03:00).
 */
export function exportFileName(emails: readonly string[], id: string, exportedAt: string, timeZone?: string): string {
  const who = (emails[0] ?? `person-${id}`).replace(/[^a-z0-9@._-]+/gi, '_');
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(exportedAt));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `trail-export-${who}-${part('year')}-${part('month')}-${part('day')}.json`;
}

/** The export as a file to download: named by the person's primary address and the day. */
export async function exportPersonFile(store: TrailStore, ref: EntityRef): Promise<ExportFile> {
  const data = await store.exportPerson(ref);
  return { fileName: exportFileName(data.person.emails, ref.id, data.exportedAt), json: JSON.stringify(data, null, 2), data };
}

export function erasePerson(store: TrailStore, ref: EntityRef): Promise<{ filings: number; keys: number; notes: number }> {
  return store.erasePerson(ref);
}
