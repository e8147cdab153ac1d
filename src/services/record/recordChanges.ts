/**
 * "The record changed": told by the user's own writes (an entity created, edited, merged or erased),
 * with the entities they touched, once the pane's local index has caught up with them. Views of the
 * open item and of those entities read again at once, without waiting for the replica's freshness
 * (record/replicatedTrailStore.ts) or for another item to be selected.
 */
import type { EntityRef } from '../../domain/entities';

export interface RecordChanges {
  changed(refs: readonly EntityRef[]): void;
  /** `listener` is told of every change; returns the unsubscribe. */
  subscribe(listener: (refs: readonly EntityRef[]) => void): () => void;
}

export function createRecordChanges(): RecordChanges {
  const listeners = new Set<(refs: readonly EntityRef[]) => void>();
  return {
    changed: (refs) => {
      for (const listener of [...listeners]) listener(refs);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
