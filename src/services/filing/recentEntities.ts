/**
 * The entities the user filed to lately, kept on this device (local storage) for the "you filed to it
 * lately" suggestion. An entity the record no longer holds (merged into another, or erased) is forgotten
 * as soon as the pane learns it, so it is never offered again.
 */
import { entityKey, type EntityRef, type EntitySummary } from '../../domain/entities';
import { EntityGoneError } from '../../domain/entityGone';
import { GraphRequestError, isNotFound } from '../../graph/errors';
import { RECENT_ENTITIES_KEY as RECENT_KEY } from '../storage/keys';

const MAX_RECENT = 10;

/** Whether a failure says the entity is no longer in the record: refused as gone, or its row not found (404). */
export const isEntityGone = (error: unknown): boolean => error instanceof EntityGoneError || (error instanceof GraphRequestError && isNotFound(error));

/** A remembered entity, with the filing that last made it recent (its item's key), so undoing that filing undoes this. */
type Remembered = EntitySummary & { because?: string };

export function createRecentEntities(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined) {
  const stored = (): Remembered[] => {
    try {
      const value = JSON.parse(storage?.getItem(RECENT_KEY) ?? '[]') as unknown;
      return Array.isArray(value) ? (value as Remembered[]).filter((e) => e?.ref?.kind && e.ref.id && typeof e.name === 'string') : [];
    } catch {
      return [];
    }
  };
  const keep = (entities: readonly Remembered[]) => {
    try {
      storage?.setItem(RECENT_KEY, JSON.stringify(entities.slice(0, MAX_RECENT)));
    } catch {
      // Recent entities are a convenience; a full storage costs only that.
    }
  };
  const drop = (keeps: (e: Remembered) => boolean) => {
    const before = stored();
    const after = before.filter(keeps);
    if (after.length !== before.length) keep(after);
  };
  return {
    list: (): EntitySummary[] => stored().map(({ because: _because, ...entity }) => entity),
    /** The entities just filed to come first, each remembering the filing (the item's key) that made it recent. */
    remember(entities: readonly EntitySummary[], because?: string) {
      const keys = new Set(entities.map((e) => entityKey(e.ref)));
      keep([...entities.map((e) => ({ ...e, ...(because ? { because } : {}) })), ...stored().filter((e) => !keys.has(entityKey(e.ref)))]);
    },
    /** Entities no longer in the record (merged away, erased) are never suggested again. */
    forget(refs: readonly EntityRef[]) {
      const gone = new Set(refs.map(entityKey));
      drop((e) => !gone.has(entityKey(e.ref)));
    },
    /** A filing undone: its entity is no longer "filed to lately" when that filing was what made it so. */
    unfiled(ref: EntityRef, itemKey: string) {
      drop((e) => !(entityKey(e.ref) === entityKey(ref) && e.because === itemKey));
    },
  };
}
