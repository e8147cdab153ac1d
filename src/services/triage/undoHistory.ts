/**
 * Recent triage actions, for undo: newest first, at most 20, kept in storage so that an action taken
 * from the ribbon can be undone in the pane, and a closed pane forgets nothing.
 */
import { HISTORY_KEY } from '../storage/keys';
import { createPersistedList, type ItemStorage } from '../storage/persistedList';
import { parseTriageRecord } from './storedShapes';
import type { TriageRecord } from './types';

export { HISTORY_KEY };
export const HISTORY_LIMIT = 20;

export interface TriageHistory {
  list(): TriageRecord[];
  add(record: TriageRecord): void;
  remove(id: string): void;
  subscribe(listener: () => void): () => void;
}

export function createTriageHistory(storage: ItemStorage, key: string = HISTORY_KEY): TriageHistory {
  const records = createPersistedList(storage, key, parseTriageRecord, HISTORY_LIMIT);
  return {
    list: () => records.list(),
    add: (record) => {
      // Nothing was triaged: there is nothing to undo.
      if (record.messages.length === 0) return;
      records.update((items) => [record, ...items.filter((item) => item.id !== record.id)]);
    },
    remove: (id) => records.update((items) => items.filter((item) => item.id !== id)),
    subscribe: (listener) => records.subscribe(listener),
  };
}
