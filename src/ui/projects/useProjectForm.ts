import { useState } from 'react';
import { entityKey, type EntitySummary } from '../../domain/entities';
import { NAME_MAX, type FilingRuntime } from '../../services/filingRuntime';
import { useRefusedDates } from './useDayField';
import { emptyProjectDraft, projectKeepingOf, type ProjectDraft } from '../../services/record/projectKeeping';

export type ProjectFormProblem = { kind: 'nameMissing' } | { kind: 'nameTooLong' } | { kind: 'endBeforeStart' } | { kind: 'dateInvalid' } | { kind: 'failed'; error: unknown };

/** What a draft lacks before it is sent: a name the record holds, and an end not before its start. */
export function draftProblem(draft: ProjectDraft): ProjectFormProblem | null {
  if (!draft.name.trim()) return { kind: 'nameMissing' };
  if (draft.name.trim().length > NAME_MAX) return { kind: 'nameTooLong' };
  if (draft.startDate && draft.endDate && draft.endDate < draft.startDate) return { kind: 'endBeforeStart' };
  return null;
}

/**
 * A new project's form: the draft, and its save. A failed save keeps every field as typed and says
 * why; saving again is the same creation (its creation id is kept), so it never makes two projects.
 */
export function useProjectForm(runtime: FilingRuntime, me: { name: string }, initialName: string, onCreated: (project: EntitySummary) => Promise<unknown> | void) {
  const [draft, setDraft] = useState<ProjectDraft>(() => emptyProjectDraft(initialName));
  const [problem, setProblem] = useState<ProjectFormProblem | null>(null);
  const [saving, setSaving] = useState(false);
  const dates = useRefusedDates();
  const set = <K extends keyof ProjectDraft>(field: K, value: ProjectDraft[K]) => setDraft((d) => ({ ...d, [field]: value }));

  const addParticipant = (entity: EntitySummary, role: string) => {
    setDraft((d) => ({ ...d, participants: [...d.participants.filter((p) => entityKey(p.entity.ref) !== entityKey(entity.ref)), { entity, role }] }));
    return true;
  };
  const removeParticipant = (entity: EntitySummary) => setDraft((d) => ({ ...d, participants: d.participants.filter((p) => entityKey(p.entity.ref) !== entityKey(entity.ref)) }));

  const save = async () => {
    if (saving) return;
    // A date typed that is no day stays at its field to correct: never saved as the day before it, or none.
    const invalid = draftProblem(draft) ?? (dates.any ? { kind: 'dateInvalid' as const } : null);
    setProblem(invalid);
    if (invalid) return;
    setSaving(true);
    try {
      const { project } = await projectKeepingOf(runtime, me).createProject({ ...draft, name: draft.name.trim() });
      await onCreated(project);
    } catch (error) {
      setProblem({ kind: 'failed', error });
    } finally {
      setSaving(false);
    }
  };
  return { draft, set, reportDate: dates.report, addParticipant, removeParticipant, problem, saving, save };
}
