import { useState } from 'react';
import type { Entity, EntitySummary, Person } from '../../domain/entities';
import type { RecordKeeping } from '../../services/record/recordKeeping';

export type KeepingPanel = 'none' | 'edit' | 'note' | 'merge' | 'data';

/** Which keeping panel is open under an entity view, and what each may do for this entity. */
export function useEntityKeeping(keeping: RecordKeeping, entity: EntitySummary, full: Entity | null, organisation: EntitySummary | null) {
  const [panel, setPanel] = useState<KeepingPanel>('none');
  // The duplicate the merge starts with, when it was opened from a warning that names one.
  const [mergeWith, setMergeWith] = useState<EntitySummary | null>(null);
  const person = full?.ref.kind === 'person' ? (full as Person) : null;
  return {
    panel,
    open: (next: KeepingPanel) => {
      setMergeWith(null);
      setPanel((current) => (current === next ? 'none' : next));
    },
    mergeWith,
    /** The merge, opened with this duplicate chosen (its preview shown). */
    mergeFrom: (duplicate: EntitySummary) => {
      setMergeWith(duplicate);
      setPanel('merge');
    },
    close: () => setPanel('none'),
    person,
    /** The note starts with the open entity and, for a person, their organisation: it shows in both timelines. */
    prefilled: [entity, ...(organisation ? [organisation] : [])],
    canEdit: !!person,
    canMerge: entity.ref.kind !== 'project',
    /** For a person; whether the user keeps the record is asked when the panel opens (DataRights). */
    canKeepData: entity.ref.kind === 'person',
  };
}
