import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ENTITY_KINDS, type EntitySummary } from '../../domain/entities';
import { isSearchTooBroad, type FilingRuntime } from '../../services/filingRuntime';

export interface EntitySearchState {
  results: EntitySummary[];
  searching: boolean;
  /** Why the last search has no answer: SharePoint found too many to search ('tooBroad'), or it failed; null when it answered. */
  problem: { kind: 'tooBroad' } | { kind: 'failed'; error: unknown } | null;
}

/**
 * Search as you type: from the local index when it is warm (no wait), else the server, latest answer
 * only. A failed search is a problem shown as such, never "no results".
 */
export function useEntitySearch(runtime: FilingRuntime, text: string): EntitySearchState {
  const [results, setResults] = useState<EntitySummary[]>([]);
  const [searching, setSearching] = useState(false);
  const [problem, setProblem] = useState<EntitySearchState['problem']>(null);
  // A refresh of the index (a colleague's new entity, our own create) re-runs the search.
  const [indexVersion, setIndexVersion] = useState(0);
  useEffect(() => runtime.index.subscribe(() => setIndexVersion((v) => v + 1)), [runtime]);
  useEffect(() => {
    const query = text.trim();
    if (!query) {
      setResults([]);
      setSearching(false);
      setProblem(null);
      return;
    }
    let live = true;
    const search = () =>
      runtime.searchEntities(query, 10).then(
        (found) => live && (setResults(found.results), setProblem(null), setSearching(false)),
        (error: unknown) => live && (setResults([]), setProblem(isSearchTooBroad(error) ? { kind: 'tooBroad' } : { kind: 'failed', error }), setSearching(false)),
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
  return { results, searching, problem };
}

/**
 * The search box's state: what is typed, the results grouped by kind, and keys that move from the box
 * to the results' File buttons and between them (Down, Up, Home, End; Escape back to the box or clears it).
 */
export function useSearchBox(runtime: FilingRuntime) {
  const [query, setQuery] = useState('');
  const search = useEntitySearch(runtime, query);
  const input = useRef<HTMLInputElement>(null);
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const groups = ENTITY_KINDS.map((kind) => ({ kind, results: search.results.filter((e) => e.ref.kind === kind) })).filter((g) => g.results.length > 0);
  const ordered = groups.flatMap((g) => g.results);
  buttons.current = buttons.current.slice(0, ordered.length);

  const focusResult = (index: number) => {
    const targets = buttons.current.filter((b): b is HTMLButtonElement => !!b);
    if (targets.length === 0) return;
    targets[Math.max(0, Math.min(index, targets.length - 1))]!.focus();
  };
  const onInputKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      focusResult(0);
    } else if (e.key === 'Escape' && query) {
      e.preventDefault();
      setQuery('');
    }
  };
  const onResultKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const targets = buttons.current.filter((b): b is HTMLButtonElement => !!b);
    const at = targets.indexOf(e.currentTarget);
    if (e.key === 'ArrowDown') focusResult(at + 1);
    else if (e.key === 'ArrowUp') {
      if (at <= 0) input.current?.focus();
      else focusResult(at - 1);
    }
    else if (e.key === 'Home') focusResult(0);
    else if (e.key === 'End') focusResult(targets.length - 1);
    else if (e.key === 'Escape') input.current?.focus();
    else return;
    e.preventDefault();
  };

  return { query, setQuery, search, groups, input, buttons, onInputKey, onResultKey };
}
