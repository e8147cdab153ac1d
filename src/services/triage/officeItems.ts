/**
 * Triage of messages as Office names them: by REST id (Office's EWS id through convertToRestId, or as
 * mobile hosts hand it out). A REST id changes when the message moves, so what is kept for a retry
 * must name the message by its immutable id ("Get immutable identifiers for Outlook resources"); the
 * undo record already does, as Graph answers every read with immutable ids (Prefer: IdType).
 *
 * One message: its translation rides beside the triage call (two requests in flight, within
 * Exchange's four per mailbox), so a click stays one round trip. A selection: translated first in one
 * call, so the triage calls keep all four requests per mailbox to themselves.
 */
import type { ItemIdentities } from '../itemIdentities';
import type { TriageService } from './triageService';
import type { TriageAction, TriageOptions, TriageResult } from './types';

export async function triageOfficeItems(
  service: Pick<TriageService, 'triage' | 'mailbox'>,
  identities: Pick<ItemIdentities, 'ofAll'>,
  action: TriageAction,
  restIds: readonly string[],
  /** Told the immutable id of each REST id as soon as it is known (the written-down intent keeps those). */
  onTranslated: (immutable: ReadonlyMap<string, string>) => void = () => undefined,
  /** Passed to the triage call (beforeWrite). */
  options: Pick<TriageOptions, 'beforeWrite'> = {},
  /**
   * Set while an older intent in this mailbox waits (Not done yet). A move changes the REST id, so a
   * click whose translation failed and whose blind write landed unanswered could never be matched with
   * that older intent, and its Retry would move the message back. So one message is then read before
   * anything is written (one more round trip, only then): the read names it by its immutable id (Graph
   * answers with those), and a read that never answers writes nothing, leaving the REST id alive to be
   * translated later.
   */
  olderWaits = false,
): Promise<TriageResult> {
  const told = (translated: Map<string, { immutableId: string }>) => {
    onTranslated(new Map([...translated].map(([rest, identity]) => [rest, identity.immutableId])));
    return translated;
  };
  if (restIds.length === 1) {
    // A translation that fails costs nothing but the retry key: the REST id stays the best we have.
    const translating = identities.ofAll(service.mailbox, restIds).then(told, () => new Map<string, never>());
    const result = await service.triage(action, [...restIds], { ...options, ...(olderWaits ? { verifyFirst: true } : {}) });
    let translated = await translating;
    // Not translated, and it did not go through: asked once more, so the intent kept for it (and what it
    // supersedes) names it by the id that survives a move. A REST id dead after a landed move stays as it is.
    const unsettled = [...result.failed, ...(result.unconfirmed ?? [])].some((m) => m.messageId === restIds[0]);
    if (translated.size === 0 && unsettled) translated = await identities.ofAll(service.mailbox, restIds).then(told, () => new Map<string, never>());
    const immutable = <T extends { messageId: string }>(m: T): T => ({ ...m, messageId: translated.get(m.messageId)?.immutableId ?? m.messageId });
    // "Missing" by its REST id, yet translated: the REST id died with a move whose answer was lost (most
    // likely this click's own). Read again by the id that survives the move, without taking that read for
    // a "before": done then, or what is missing is written; named by the immutable id either way.
    const missing = result.failed.find((f) => f.messageId === restIds[0] && f.reason === 'messageMissing');
    const immutableId = translated.get(restIds[0]!)?.immutableId;
    if (missing && immutableId) {
      return service.triage(action, [immutableId], {
        ...options,
        verifyFirst: true,
        ...(missing.before ? { before: { [immutableId]: missing.before } } : { beforeLost: [immutableId] }),
      });
    }
    return { ...result, failed: result.failed.map(immutable), ...(result.unconfirmed ? { unconfirmed: result.unconfirmed.map(immutable) } : {}) };
  }
  // An id Graph cannot translate (the message is gone) keeps Office's, and triage reports it missing.
  const translated = told(await identities.ofAll(service.mailbox, restIds));
  return service.triage(
    action,
    restIds.map((id) => translated.get(id)?.immutableId ?? id),
    options,
  );
}
