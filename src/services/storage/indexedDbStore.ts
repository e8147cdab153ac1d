/**
 * The add-in's IndexedDB: one database, one object store of keyed values (structured clones, no
 * character cap as localStorage has). The entity index keeps its snapshot here
 * (record/indexSnapshot.ts). Where IndexedDB is missing or refused (some private modes), a store in
 * memory stands in: the index then lives for the session only, as it did when a snapshot did not fit.
 */
import { createMemorySnapshotStore, type SnapshotStore } from '../../record/indexSnapshot';

export const DATABASE = 'trail';
const OBJECTS = 'values';

export function createIndexedDbStore(factory: IDBFactory | undefined = globalThis.indexedDB, name = DATABASE): SnapshotStore {
  if (!factory) return createMemorySnapshotStore();
  let opened: Promise<IDBDatabase> | undefined;
  const database = (): Promise<IDBDatabase> =>
    (opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(name, 1);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(OBJECTS)) request.result.createObjectStore(OBJECTS);
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB did not open.'));
      request.onblocked = () => reject(new Error('IndexedDB is blocked by another window of the add-in.'));
    }).catch((error: unknown) => {
      opened = undefined; // the next call tries again
      throw error;
    }));

  async function run<T>(mode: IDBTransactionMode, work: (objects: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const db = await database();
    return new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(OBJECTS, mode);
      const request = work(transaction.objectStore(OBJECTS));
      // A write counts once its transaction has committed; a read as soon as it answers.
      if (mode === 'readonly') request.onsuccess = () => resolve(request.result);
      else transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? request.error ?? new Error('IndexedDB failed.'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB aborted.'));
    });
  }

  return {
    get: (key) => run('readonly', (objects) => objects.get(key)),
    set: async (key, value) => void (await run('readwrite', (objects) => objects.put(value, key))),
    delete: async (key) => void (await run('readwrite', (objects) => objects.delete(key))),
  };
}
