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

/** The export as a file to download: named by the person's primary address and the day. */
export async function exportPersonFile(store: TrailStore, ref: EntityRef): Promise<ExportFile> {
  const data = await store.exportPerson(ref);
  const who = (data.person.emails[0] ?? `person-${ref.id}`).replace(/[^a-z0-9@._-]+/gi, '_');
  return { fileName: `trail-export-${who}-${data.exportedAt.slice(0, 10)}.json`, json: JSON.stringify(data, null, 2), data };
}

export function erasePerson(store: TrailStore, ref: EntityRef): Promise<{ filings: number; keys: number; notes: number }> {
  return store.erasePerson(ref);
}
