import { useEffect, useState } from 'react';
import type { EntitySummary } from '../../domain/entities';
import type { FilingRuntime } from '../../services/filingRuntime';

/** Finding a person or organisation to take part in a project, and the role they have in it. */
export function useParticipantPicker(runtime: FilingRuntime, onAdd: (entity: EntitySummary, role: string) => Promise<boolean> | boolean) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<EntitySummary[]>([]);
  const [chosen, setChosen] = useState<EntitySummary | null>(null);
  const [role, setRole] = useState('');
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    const text = query.trim();
    if (!text || chosen) {
      setResults([]);
      return;
    }
    let live = true;
    const timer = setTimeout(
      () =>
        void runtime.searchEntities(text, 8).then(
          (found) => live && setResults(found.results.filter((e) => e.ref.kind !== 'project')),
          () => live && setResults([]),
        ),
      runtime.index.state === 'warm' ? 0 : 200,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [runtime, query, chosen]);

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
