import { useCallback } from 'react';
import type { Entity, EntitySummary, Participation, Person } from '../../domain/entities';
import type { FilingRuntime } from '../../services/filingRuntime';
import { rolesToNarrow } from '../projects/projectRoles';
import { useAsync, type AsyncState } from '../shared/useAsync';
import { useRecordVersion } from './useRecordVersion';

export interface Related {
  entity: Entity;
  /** `role` is shown beside the name; `roles` are what "Show only" offers and narrows by. */
  people: Array<{ entity: EntitySummary; role: string; roles?: string[] }>;
}

/** A role in a project with the stakeholder roles, once each: the list is narrowed by the roles it shows too (issue 16). */
const withProjectRole = rolesToNarrow;

/** The entity and who is involved; one no longer in the record (merged away, erased) is forgotten as a recent one. */
export async function loadRelated(runtime: FilingRuntime, summary: EntitySummary): Promise<Related> {
  try {
    return await readRelated(runtime, summary);
  } catch (error) {
    if (runtime.filing.isEntityGone(error)) runtime.filing.forgetEntity(summary.ref);
    throw error;
  }
}

async function readRelated(runtime: FilingRuntime, summary: EntitySummary): Promise<Related> {
  const { store } = runtime.filing;
  switch (summary.ref.kind) {
    case 'organisation': {
      const [entity, members, projects] = await Promise.all([store.get(summary.ref), store.members(summary.ref), store.projectsOf(summary.ref)]);
      return {
        entity,
        people: [
          ...members.map((p) => ({ entity: { ref: p.ref, name: p.name, detail: p.jobTitle }, role: p.jobTitle, roles: p.roles })),
          ...projects.map((p: Participation) => ({ entity: p.project, role: p.role, roles: withProjectRole(p.role) })),
        ],
      };
    }
    case 'project': {
      const [entity, participants] = await Promise.all([store.get(summary.ref), store.participants(summary.ref)]);
      // Their roles in the project and their stakeholder roles as the index knows them, so the participants can be narrowed to one.
      return { entity, people: participants.map((p) => ({ entity: p.entity, role: p.role, roles: withProjectRole(p.role, runtime.index.entity(p.entity.ref)?.roles) })) };
    }
    case 'person': {
      const [entity, projects] = await Promise.all([store.get(summary.ref), store.projectsOf(summary.ref)]);
      return { entity, people: projects.map((p) => ({ entity: p.project, role: p.role, roles: withProjectRole(p.role) })) };
    }
  }
}

/** An entity opened from the pane with who is involved: read once per entity. */
export function useRelated(runtime: FilingRuntime, entity: EntitySummary, version?: unknown): AsyncState<Related> {
  const read = useCallback(() => loadRelated(runtime, entity), [runtime, entity]);
  const changed = useRecordVersion(runtime, [entity.ref]);
  // A new version (the entity was edited in its view, or elsewhere by the user) reads it again, keeping what is shown meanwhile.
  return useAsync(read, `${entity.ref.kind}:${entity.ref.id}`, `${String(version)}:${changed}`).state;
}

/** A known person's details as the record has them (null for someone Trail does not know): read once per person. */
export function usePersonDetails(runtime: FilingRuntime, person: EntitySummary | undefined): AsyncState<Person | null> {
  const personId = person?.ref.id;
  const read = useCallback(
    () => (personId ? (runtime.filing.store.get({ kind: 'person', id: personId }) as Promise<Person>) : Promise.resolve(null)),
    [runtime, personId],
  );
  // Edited (title, roles…) in their view while the card stayed beside the message: read again at once.
  const changed = useRecordVersion(runtime, [person?.ref]);
  return useAsync(read, personId ?? 'none', changed).state;
}
