import { useEffect, useState } from 'react';
import type { EntitySummary } from '../../domain/entities';
import type { FilingRuntime } from '../../services/filingRuntime';

export interface EntitySearch {
  results: EntitySummary[];
  /** The text these results answer; null while none has been answered (then no "no one found" is said). */
  answered: string | null;
}
const NONE: EntitySearch = { results: [], answered: null };

/**
 * Entities found for what is typed, of the kinds `accept` takes: at once from a warm index, after a
 * short pause from the server. Nothing while `paused` (a choice has been made) or the text is empty.
 * `accept` is a module-level function, so it is the same on every render.
 */
export function useEntitySearch(runtime: FilingRuntime, query: string, accept: (entity: EntitySummary) => boolean, paused: boolean): EntitySearch {
  const [found, setFound] = useState<EntitySearch>(NONE);
  useEffect(() => {
    const text = query.trim();
    if (!text || paused) {
      setFound(NONE);
      return;
    }
    let live = true;
    const timer = setTimeout(
      () =>
        void runtime.searchEntities(text, 8).then(
          (answer) => live && setFound({ results: answer.results.filter(accept), answered: text }),
          () => live && setFound(NONE),
        ),
      runtime.index.state === 'warm' ? 0 : 200,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [runtime, query, paused, accept]);
  // Hits stand only for the text they answer: while the next is sought, the last ones stay, never "no one found".
  return found.answered === null || found.answered === query.trim() ? found : { results: found.results, answered: null };
}
