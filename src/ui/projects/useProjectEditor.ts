import { useCallback, useEffect, useState } from 'react';
import type { EntitySummary } from '../../domain/entities';
import type { FilingRuntime } from '../../services/filingRuntime';
import { projectKeepingOf, type Participation, type Project } from '../../services/record/projectKeeping';
import { useAsync } from '../shared/useAsync';
import { useRecordSave } from '../shared/useRecordSave';
import type { ProjectFieldValues } from './ProjectFields';
import { useRefusedDates } from './useDayField';

export type ProjectEdit = { kind: 'saved' };
const SAVED: ProjectEdit = { kind: 'saved' };

const fieldsOf = (p: Project): ProjectFieldValues => ({ projectKind: p.projectKind, status: p.status, startDate: p.startDate?.slice(0, 10) ?? null, endDate: p.endDate?.slice(0, 10) ?? null });

/**
 * A project's status, kind, dates and participants, changed in its view. Fields are saved with the
 * version read (If-Match): a colleague's change to another field merges; one to the same field is
 * shown as a conflict, with what was typed kept for saving again against the latest version.
 */
export function useProjectEditor(runtime: FilingRuntime, me: { name: string }, entity: EntitySummary, onChanged?: () => void) {
  const service = projectKeepingOf(runtime, me);
  const read = useCallback(async () => {
    const [project, participants] = await Promise.all([service.project(entity.ref), service.participants(entity.ref)]);
    return { project, participants, owner: await service.owner(project, participants) };
  }, [service, entity.ref]);
  const { state, reload } = useAsync(read, `project:${entity.ref.id}`);
  const project = state.status === 'ready' ? state.value.project : null;
  const [fields, setFields] = useState<ProjectFieldValues | null>(null);
  const { busy, outcome, run, edited } = useRecordSave<ProjectEdit>(reload, onChanged);
  const dates = useRefusedDates();
  const projectId = project?.ref.id;
  useEffect(() => {
    if (project && !fields) setFields(fieldsOf(project));
  }, [project, fields, projectId]);

  const act = (work: () => Promise<unknown>) => run(work, () => SAVED);

  const set = <K extends keyof ProjectFieldValues>(field: K, value: ProjectFieldValues[K]) => {
    setFields((f) => (f ? { ...f, [field]: value } : f));
    edited();
  };
  const changed = !!project && !!fields && JSON.stringify(fields) !== JSON.stringify(fieldsOf(project));
  const save = () =>
    act(async () => {
      if (!project || !fields) return;
      const before = fieldsOf(project);
      const changes = Object.fromEntries(Object.entries(fields).filter(([k, v]) => before[k as keyof ProjectFieldValues] !== v));
      await service.updateProject(project, changes);
    });
  const involve = (who: EntitySummary, role: string) => act(() => service.involve(entity, who, role));
  const changeRole = (p: Participation, role: string) => (role.trim() === p.role ? Promise.resolve(true) : act(() => service.involve(entity, p.entity, role.trim())));
  const remove = (p: Participation) => act(() => service.uninvolve(p));
  /** The Owner field set to another person, against the version read (If-Match), as the other fields. */
  const changeOwner = (person: EntitySummary) => act(async () => project && (await service.updateProject(project, { ownerId: person.ref.id })));

  return { state, fields, set, reportDate: dates.report, datesRefused: dates.any, edited, changed, save, involve, changeRole, remove, changeOwner, busy, outcome };
}
