import { useRef, useState } from 'react';
import { entityKey, type EntitySummary } from '../../domain/entities';
import type { NoteDraft, RecordKeeping } from '../../services/record/recordKeeping';

export type NoteProblem = 'needHeadline' | 'needEntity';

export type NoteStatus = { kind: 'editing' } | { kind: 'saving' } | { kind: 'saved'; count: number } | { kind: 'failed'; names: string[]; error: unknown };

/**
 * One note form: the draft (with its creation id, made once and kept across every retry, so saving
 * twice never makes two notes) and its saving. A failed save keeps every word typed.
 */
export function useNoteForm(keeping: RecordKeeping, prefilled: readonly EntitySummary[], onSaved?: () => void) {
  const first = useRef<NoteDraft | null>(null);
  first.current ??= keeping.newNote(prefilled);
  const [draft, setDraft] = useState<NoteDraft>(first.current);
  const [status, setStatus] = useState<NoteStatus>({ kind: 'editing' });
  const [problem, setProblem] = useState<NoteProblem | null>(null);
  const update = (changes: Partial<Omit<NoteDraft, 'creationId'>>) => setDraft((d) => ({ ...d, ...changes }));
  const add = (entity: EntitySummary) =>
    setDraft((d) => (d.entities.some((e) => entityKey(e.ref) === entityKey(entity.ref)) ? d : { ...d, entities: [...d.entities, entity] }));
  const remove = (entity: EntitySummary) => setDraft((d) => ({ ...d, entities: d.entities.filter((e) => entityKey(e.ref) !== entityKey(entity.ref)) }));
  const save = async () => {
    if (status.kind === 'saving') return;
    if (!draft.headline.trim()) return setProblem('needHeadline');
    if (draft.entities.length === 0) return setProblem('needEntity');
    setProblem(null);
    setStatus({ kind: 'saving' });
    try {
      const result = await keeping.saveNote(draft);
      if (result.status === 'saved') {
        setStatus({ kind: 'saved', count: result.entities.length });
        onSaved?.();
      } else setStatus({ kind: 'failed', names: result.failed.map((e) => e.name), error: result.error });
    } catch (error) {
      setStatus({ kind: 'failed', names: draft.entities.map((e) => e.name), error });
    }
  };
  return { draft, update, add, remove, save, status, problem };
}
