import { useState } from 'react';
import type { EntitySummary } from '../../domain/entities';
import type { FilingRuntime } from '../../services/filingRuntime';
import { useEntitySearch } from './useEntitySearch';

const aPerson = (e: EntitySummary) => e.ref.kind === 'person';

/** Changing a project's owner: "Change" opens a search of people; choosing one hands them on and closes it. */
export function useOwnerField(runtime: FilingRuntime, onChoose: (person: EntitySummary) => Promise<boolean> | boolean) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [choosing, setChoosing] = useState(false);
  const { results } = useEntitySearch(runtime, query, aPerson, !open);
  const close = () => {
    setOpen(false);
    setQuery('');
  };
  const choose = async (person: EntitySummary) => {
    if (choosing) return;
    setChoosing(true);
    try {
      // A failed change keeps the search as typed, for another try.
      if (await onChoose(person)) close();
    } finally {
      setChoosing(false);
    }
  };
  return { open, toggle: () => (open ? close() : setOpen(true)), query, setQuery, results, choose, choosing };
}
