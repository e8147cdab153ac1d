/**
 * What a merge makes of the entity that stays: the duplicate's phone, job title and organisation fill
 * the kept person's empty fields (where both have a different value the kept one's stays and the
 * duplicate's is named as dropped), roles are the union (as many as fit the one line of 255
 * characters the record keeps them on; the rest are named as dropped, never cut), and the duplicate's
 * notes are appended, once: a merge run again after it stopped part-way does not append them twice.
 * Pure; the preview shows it and the store writes it.
 */
import type { Entity, Person } from './entities';

export type MergedField = 'phone' | 'jobTitle' | 'organisationId';
const MERGED_FIELDS: readonly MergedField[] = ['phone', 'jobTitle', 'organisationId'];

export interface MergedDetails {
  /** The kept entity's fields that change; empty when nothing does. */
  changes: { phone?: string; jobTitle?: string; organisationId?: string; roles?: string[]; notes?: string };
  /** The duplicate's values filled into the kept entity's empty fields. */
  gained: Array<{ field: MergedField; value: string }>;
  /** The duplicate's values that go, and the kept entity's value that stays instead. */
  dropped: Array<{ field: MergedField; value: string; kept: string }>;
  rolesGained: string[];
  /** Roles that did not fit the line. */
  rolesDropped: string[];
  notesAppended: boolean;
}

const valueOf = (entity: Entity, field: MergedField): string => ((entity as Person)[field] ?? '').trim();

export function mergedDetails(kept: Entity, duplicate: Entity, rolesMax = 255): MergedDetails {
  const details: MergedDetails = { changes: {}, gained: [], dropped: [], rolesGained: [], rolesDropped: [], notesAppended: false };
  if (kept.ref.kind === 'person' && duplicate.ref.kind === 'person') {
    for (const field of MERGED_FIELDS) {
      const ours = valueOf(kept, field);
      const theirs = valueOf(duplicate, field);
      if (!theirs || theirs === ours) continue;
      if (ours) details.dropped.push({ field, value: theirs, kept: ours });
      else {
        details.changes[field] = theirs;
        details.gained.push({ field, value: theirs });
      }
    }
  }

  const roles = kept.roles.map((role) => role.trim()).filter(Boolean);
  for (const role of duplicate.roles.map((r) => r.trim()).filter(Boolean)) {
    if (roles.includes(role)) continue;
    if ([...roles, role].join(';').length > rolesMax) details.rolesDropped.push(role);
    else {
      roles.push(role);
      details.rolesGained.push(role);
    }
  }
  if (details.rolesGained.length) details.changes.roles = roles;

  const ourNotes = kept.notes.trim();
  const theirNotes = duplicate.notes.trim();
  if (theirNotes && !ourNotes.includes(theirNotes)) {
    details.changes.notes = ourNotes ? `${ourNotes}\n\n${theirNotes}` : theirNotes;
    details.notesAppended = true;
  }
  return details;
}
