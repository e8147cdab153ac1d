import { useEffect, useState } from 'react';
import type { EntitySummary } from '../../domain/entities';
import { searchEntitiesFor, type FilingRuntime } from '../../services/filingRuntime';

/** Search as you type: from the local index when it is warm (no wait), else the server, latest answer only. */
export function useEntitySearch(runtime: FilingRuntime, text: string): { results: EntitySummary[]; searching: boolean } {
  const [results, setResults] = useState<EntitySummary[]>([]);
  const [searching, setSearching] = useState(false);
  // A refresh of the index (a colleague's new entity, our own create) re-runs the search.
  const [indexVersion, setIndexVersion] = useState(0);
  useEffect(() => runtime.index.subscribe(() => setIndexVersion((v) => v + 1)), [runtime]);
  useEffect(() => {
    const query = text.trim();
    if (!query) {
      setResults([]);
      setSearching(false);
      return;
    }
    let live = true;
    const search = () =>
      searchEntitiesFor(runtime, query, 10).then(
        (found) => live && (setResults(found), setSearching(false)),
        () => live && (setResults([]), setSearching(false)),
      );
    // Warm, the index answers at once; else the server is asked once typing pauses.
    if (runtime.index.state === 'warm') {
      setSearching(false);
      void search();
      return () => {
        live = false;
      };
    }
    setSearching(true);
    const timer = setTimeout(() => void search(), 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [runtime, text, indexVersion]);
  return { results, searching };
}
