/**
 * Notes of calls and chance encounters: a headline (nobody writes essays), optional text, when it
 * happened and every entity it belongs to. The creation id is made once per note form and sent with
 * every retry, so a save whose answer was lost never makes a second note.
 */
import type { EntitySummary } from '../../domain/entities';
import type { TrailStore } from '../../record/trailStore';
import { newId } from '../triage/newId';

export interface NoteDraft {
  creationId: string;
  headline: string;
  body: string;
  /** `datetime-local` value (the user's local time), empty for now. */
  when: string;
  entities: EntitySummary[];
}

export const HEADLINE_MAX = 255;

export function newNoteDraft(entities: readonly EntitySummary[]): NoteDraft {
  return { creationId: newId(), headline: '', body: '', when: '', entities: [...entities] };
}

export type NoteSave = { status: 'saved'; entities: EntitySummary[] } | { status: 'failed'; failed: EntitySummary[]; error: unknown };

/** A `datetime-local` value as ISO 8601 (read as the browser's local time), or now. */
export function noteDate(when: string, now: () => Date = () => new Date()): string {
  const parsed = when ? new Date(when) : now();
  return Number.isNaN(parsed.getTime()) ? now().toISOString() : parsed.toISOString();
}

export async function saveNote(store: TrailStore, draft: NoteDraft, now?: () => Date): Promise<NoteSave> {
  const outcomes = await store.addNote(
    { headline: draft.headline.trim(), ...(draft.body.trim() ? { body: draft.body.trim() } : {}), date: noteDate(draft.when, now), creationId: draft.creationId },
    draft.entities,
  );
  const failed = outcomes.filter((o) => o.status === 'failed');
  if (failed.length) return { status: 'failed', failed: failed.map((o) => o.entity), error: (failed[0] as { error: unknown }).error };
  return { status: 'saved', entities: outcomes.map((o) => o.entity) };
}
