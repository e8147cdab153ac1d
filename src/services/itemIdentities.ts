/**
 * Item identities, made once from what Office hands out. The Office host names an item by its REST id
 * (Office's EWS id through convertToRestId, or the REST id mobile hosts hand out as is: "Use the Outlook
 * REST APIs from an Outlook add-in"); a REST id changes when the item moves, so everything Trail stores
 * or looks up uses the item's immutable id, which Graph translates (`restId` → `restImmutableEntryId`,
 * "user: translateExchangeIds"). A translation starts when first asked (at item change) and later askers
 * share it, so the id costs no round trip of its own where something else is being asked anyway.
 */
import type { GraphClient } from '../graph/client';
import { officeItemKey, type ItemIdentity } from '../domain/itemIdentity';
import { GraphRequestError } from '../graph/errors';
import { translateExchangeIds, type TranslateIds } from '../graph/exchangeIds';

/** An item as the Office host names it: its mailbox (null: the user's own) and its REST id there. */
export interface OfficeItemRef {
  mailbox: string | null;
  id: string;
}

export interface ItemIdentities {
  /**
   * The item's identity; the first ask starts the translation, later asks share it. `via` sends the
   * translation another way (in a `$batch` that goes anyway); it is called at once, or not at all when
   * the identity is already known.
   */
  of(item: OfficeItemRef, via?: TranslateIds): Promise<ItemIdentity>;
  /**
   * The identities of a selection, in one translateExchangeIds call (up to 1000 ids), by REST id.
   * An item Graph cannot translate (gone meanwhile) is absent; a call that fails rejects.
   */
  ofAll(mailbox: string | null, restIds: readonly string[]): Promise<Map<string, ItemIdentity>>;
  /** The REST id the item has now (Office's display forms open an item by it, through convertToEwsId). */
  restIdOf(identity: ItemIdentity): Promise<string>;
}

/** Enough for every item a session looks at; the oldest are forgotten first. */
const REMEMBERED = 500;

/** Graph answered, but not for this id (errorDetails instead of a targetId): the item is gone, or never was. */
class UntranslatedId extends GraphRequestError {
  constructor(id: string) {
    super(404, 'ErrorItemNotFound', `Outlook has no item with the id ${id} in this mailbox.`);
  }
}

export function createItemIdentities(graph: GraphClient): ItemIdentities {
  const known = new Map<string, Promise<ItemIdentity>>();

  const remember = (key: string, identity: Promise<ItemIdentity>) => {
    known.set(key, identity);
    while (known.size > REMEMBERED) known.delete(known.keys().next().value as string);
    // A failed translation is not kept: the next ask tries again.
    identity.catch(() => known.get(key) === identity && known.delete(key));
  };

  /** One promise per id: known ones shared, the rest asked in one call. */
  const direct: TranslateIds = (mailbox, ids, from, to) => translateExchangeIds(graph, mailbox, ids, from, to);

  function identities(mailbox: string | null, restIds: readonly string[], translate = direct): Map<string, Promise<ItemIdentity>> {
    const result = new Map<string, Promise<ItemIdentity>>();
    const missing: string[] = [];
    for (const id of new Set(restIds)) {
      const existing = known.get(officeItemKey(mailbox, id));
      if (existing) result.set(id, existing);
      else missing.push(id);
    }
    if (missing.length === 0) return result;
    const asked = translate(mailbox, missing, 'restId', 'restImmutableEntryId');
    for (const id of missing) {
      const identity = asked.then((found) => {
        const immutableId = found.get(id);
        if (!immutableId) throw new UntranslatedId(id);
        return { mailbox, immutableId };
      });
      remember(officeItemKey(mailbox, id), identity);
      result.set(id, identity);
    }
    return result;
  }

  return {
    of: (item, via) => identities(item.mailbox, [item.id], via).get(item.id)!,
    async ofAll(mailbox, restIds) {
      const settled = await Promise.all([...identities(mailbox, restIds)].map(([id, identity]) => identity.then((value) => [id, value] as const, (error: unknown) => (error instanceof UntranslatedId ? null : Promise.reject(error)))));
      return new Map(settled.filter((entry) => entry !== null));
    },
    async restIdOf(identity) {
      // Never remembered: the REST id is exactly what changes when the item moves.
      const found = await translateExchangeIds(graph, identity.mailbox, [identity.immutableId], 'restImmutableEntryId', 'restId');
      const restId = found.get(identity.immutableId);
      if (!restId) throw new UntranslatedId(identity.immutableId);
      return restId;
    },
  };
}

const perClient = new WeakMap<GraphClient, ItemIdentities>();

/** The identities of one Graph client's session: the filing and triage services share what is translated. */
export function itemIdentitiesFor(graph: GraphClient): ItemIdentities {
  let identities = perClient.get(graph);
  if (!identities) perClient.set(graph, (identities = createItemIdentities(graph)));
  return identities;
}
