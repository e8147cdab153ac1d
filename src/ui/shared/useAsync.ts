import { useCallback, useEffect, useRef, useState } from 'react';

/** What the pane knows of something it reads: still reading, read, or failed with the reason. */
export type AsyncState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown };

const LOADING = { status: 'loading' } as const;

export interface Async<T> {
  state: AsyncState<T>;
  /** Reads again keeping what is shown until the answer comes (the record changed under it). */
  reload: () => Promise<void>;
  /** Reads again from a skeleton (Try again after a failure). */
  retry: () => Promise<void>;
}

/**
 * The one loading/ready/error hook of the UI. `work` reads; callers memoise it (useCallback), so a
 * new `work` means new inputs and it runs again. `key` names what is read: when it changes the state
 * goes back to loading at once, so data about the previous thing never shows beside the next one;
 * when only `work` (or `version`: the thing changed under it) changes under the same key, what is
 * shown stays until the new answer comes. A late answer for an older read is dropped.
 */
export function useAsync<T>(work: () => Promise<T>, key = '', version?: unknown): Async<T> {
  const [shown, setShown] = useState<{ key: string; state: AsyncState<T> }>({ key, state: LOADING });
  const generation = useRef(0);
  const run = useCallback(
    (fromSkeleton: boolean): Promise<void> => {
      const mine = ++generation.current;
      if (fromSkeleton) setShown({ key, state: LOADING });
      return new Promise<T>((resolve) => resolve(work())).then(
        (value) => {
          if (mine === generation.current) setShown({ key, state: { status: 'ready', value } });
        },
        (error: unknown) => {
          if (mine === generation.current) setShown({ key, state: { status: 'error', error } });
        },
      );
    },
    [work, key],
  );
  useEffect(() => {
    void run(false);
    // Inputs changed or the pane closed: whatever is still being read is about something else now.
    const reads = generation;
    return () => {
      reads.current++;
    };
  }, [run, version]);
  const reload = useCallback(() => run(false), [run]);
  const retry = useCallback(() => run(true), [run]);
  return { state: shown.key === key ? shown.state : LOADING, reload, retry };
}

/**
 * The latest value, for an effect that must read it without re-running when it changes (a
 * notification callback, the state a retry is decided in). Updated after every render.
 */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}
