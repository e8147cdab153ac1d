/**
 * A small list kept as JSON in a Storage (the add-in's localStorage), shared by the ribbon's function
 * file and the taskpane. What storage holds may be old, corrupt or written by another version, so each
 * item is parsed on its own and a bad one is dropped, not the whole list. `list()` returns the same
 * array until the stored text changes, as React's useSyncExternalStore requires.
 */

export type ItemStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface PersistedList<T> {
  list(): T[];
  update(change: (items: T[]) => T[]): void;
  subscribe(listener: () => void): () => void;
}

export function createPersistedList<T>(storage: ItemStorage, key: string, parseItem: (raw: unknown) => T | undefined, limit = Infinity): PersistedList<T> {
  let cachedText: string | null | undefined;
  let cached: T[] = [];
  /** Text storage refused (quota, private mode): kept here so this session still sees it. */
  let unsaved: string | undefined;
  const listeners = new Set<() => void>();

  function read(): string | null {
    if (unsaved !== undefined) return unsaved;
    try {
      return storage.getItem(key);
    } catch {
      return null;
    }
  }

  function parse(text: string | null): T[] {
    if (!text) return [];
    try {
      const raw = JSON.parse(text) as unknown;
      if (!Array.isArray(raw)) return [];
      return raw
        .map((item) => parseItem(item))
        .filter((item): item is T => item !== undefined)
        .slice(0, limit);
    } catch {
      return [];
    }
  }

  function list(): T[] {
    const text = read();
    if (text !== cachedText) {
      cachedText = text;
      cached = parse(text);
    }
    return cached;
  }

  function notify(): void {
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch {
        // One broken listener must not keep the others from hearing of the change.
      }
    }
  }

  function update(change: (items: T[]) => T[]): void {
    const next = change([...list()]).slice(0, limit);
    const text = JSON.stringify(next);
    try {
      storage.setItem(key, text);
      unsaved = undefined;
    } catch {
      unsaved = text;
    }
    cachedText = text;
    cached = next;
    notify();
  }

  function subscribe(listener: () => void): () => void {
    listeners.add(listener);
    // Another window of the add-in (the ribbon's runtime, another pane) wrote to the same storage.
    const onStorage = (event: StorageEvent) => {
      if (event.key === key && event.storageArea === storage) listener();
    };
    const canListen = typeof window !== 'undefined' && typeof window.addEventListener === 'function';
    if (canListen) window.addEventListener('storage', onStorage);
    return () => {
      listeners.delete(listener);
      if (canListen) window.removeEventListener('storage', onStorage);
    };
  }

  return { list, update, subscribe };
}
