import { useState } from 'react';
import type { EntitySummary } from '../../domain/entities';
import type { FilingRuntime } from '../../services/filingRuntime';
import { useEntitySearch } from './useEntitySearch';

const notAProject = (e: EntitySummary) => e.ref.kind !== 'project';

/** Finding a person or organisation to take part in a project, and the role they have in it. */
export function useParticipantPicker(runtime: FilingRuntime, onAdd: (entity: EntitySummary, role: string) => Promise<boolean> | boolean) {
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<EntitySummary | null>(null);
  const [role, setRole] = useState('');
  const [adding, setAdding] = useState(false);

  const results = useEntitySearch(runtime, query, notAProject, !!chosen);

  const choose = (entity: EntitySummary) => {
    setChosen(entity);
    setQuery(entity.name);
  };
  const change = (text: string) => {
    setQuery(text);
    setChosen(null);
  };
  const add = async () => {
    if (!chosen || adding) return;
    setAdding(true);
    try {
      // What was chosen and typed stays when the add fails, for another try.
      if (await onAdd(chosen, role.trim())) {
        setChosen(null);
        setQuery('');
        setRole('');
      }
    } finally {
      setAdding(false);
    }
  };
  return { query, change, results, chosen, choose, role, setRole, add, adding };
}
