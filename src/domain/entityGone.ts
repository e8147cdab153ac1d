import type { EntityRef } from './entities';

/**
 * The entity is no longer in the shared record: merged into another, or erased. Nothing was written
 * for it; the UI says so in words, and forgets it wherever it was remembered.
 */
export class EntityGoneError extends Error {
  constructor(readonly ref: EntityRef) {
    super(`The ${ref.kind} ${ref.id} is no longer in the record (merged or erased)`);
    this.name = 'EntityGoneError';
  }
}
