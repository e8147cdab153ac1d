import { useEffect, useState } from 'react';
import type { EntitySummary } from '../../domain/entities';
import type { FilingRuntime } from '../../services/filingRuntime';

/**
 * Entities found for what is typed, of the kinds `accept` takes: at once from a warm index, after a
 * short pause from the server. Nothing while `paused` (a choice has been made) or the text is empty.
 * `accept` is a module-level function, so it is the same on every render.
 */
export function useEntitySearch(runtime: FilingRuntime, query: string, accept: (entity: EntitySummary) => boolean, paused: boolean): EntitySummary[] {
  const [results, setResults] = useState<EntitySummary[]>([]);
  useEffect(() => {
    const text = query.trim();
    if (!text || paused) {
      setResults([]);
      return;
    }
    let live = true;
    const timer = setTimeout(
      () =>
        void runtime.searchEntities(text, 8).then(
          (found) => live && setResults(found.results.filter(accept)),
          () => live && setResults([]),
        ),
      runtime.index.state === 'warm' ? 0 : 200,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [runtime, query, paused, accept]);
  return results;
}
