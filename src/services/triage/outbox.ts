/**
 * Triage intents not yet done: each is written down before it is sent (state 'sending'), settled when
 * its answer comes (gone when all of it was done, else kept with what failed), and kept in storage, so
 * closing the pane mid-action loses nothing. What waits here stays until the user retries or discards
 * it. A retry reads each message before writing: an earlier attempt may have applied part of the
 * action, and nothing may be applied twice.
 *
 * One rule: the latest intent per message wins. Beginning an action, or settling one (done or not),
 * takes its messages out of every other entry, so a Retry of an older entry can never undo a newer action.
 */
import { GraphRequestError } from '../../graph/errors';
import { newId } from './newId';
import { OUTBOX_KEY } from '../storage/keys';
import { createPersistedList, type ItemStorage } from '../storage/persistedList';
import { parseOutboxEntry, type OutboxEntry } from './storedShapes';
import type { TriageService } from './triageService';
import type { MessageState, TriageAction, TriageFailure, TriageResult } from './types';

export type { OutboxEntry } from './storedShapes';

export { OUTBOX_KEY };

export interface Outbox {
  list(): OutboxEntry[];
  /**
   * Keeps the failed messages of one action (in a shared mailbox when `mailbox` names it). Throws
   * when there are none: there is nothing to keep.
   */
  add(action: TriageAction, failures: readonly TriageFailure[], mailbox?: string | null): OutboxEntry;
  /**
   * Writes an intent down before it is sent (state 'sending'), with any states already known; its
   * messages leave every older entry.
   */
  begin(action: TriageAction, messages: ReadonlyArray<{ id: string; subject: string }>, mailbox?: string | null, before?: Record<string, MessageState>, named?: 'rest' | 'immutable'): OutboxEntry;
  /**
   * Settles an intent: what was done (by id as Graph names it) leaves every entry; what failed stays
   * in this one (or the entry goes). Returns the entry when something still waits.
   */
  settle(id: string, done: readonly string[], failures: readonly TriageFailure[]): OutboxEntry | null;
  /**
   * Names an entry's messages by the ids that survive a move (immutable ones), as soon as they are
   * known; those messages leave every older entry (one that named them by an immutable id all along).
   */
  rename(id: string, ids: ReadonlyMap<string, string>): void;
  /** An attempt of this entry is about to send its first write (see OutboxEntry.writing). */
  writing(id: string): void;
  /** A newer intent kept elsewhere (an undo) takes these messages (immutable ids) out of every entry. */
  supersede(messageIds: readonly string[]): void;
  /**
   * Tries the entry again with the service of the entry's mailbox; what still fails stays in it
   * (with one more attempt counted), the rest leaves.
   */
  retry(id: string, service: TriageService): Promise<TriageResult>;
  discard(id: string): void;
  subscribe(listener: () => void): () => void;
}

/** Status and Graph's code: stable, and what support asks for. */
function errorText(error: unknown): string {
  const graph = error as Partial<GraphRequestError> | undefined;
  if (graph && typeof graph.status === 'number' && typeof graph.code === 'string') return `${graph.status} ${graph.code}`;
  return error instanceof Error ? error.message : String(error);
}

/** The entry's last error again, from what errorText kept: so it can be said in words (describeError). */
export function lastErrorOf(entry: Pick<OutboxEntry, 'lastError'>): Error {
  const match = /^(-?\d+) (\S+)$/.exec(entry.lastError);
  return match ? new GraphRequestError(Number(match[1]), match[2]!, entry.lastError) : new Error(entry.lastError);
}

function beforeOf(failures: readonly TriageFailure[], earlier?: Record<string, MessageState>): Record<string, MessageState> | undefined {
  const states = failures.map((f) => [f.messageId, f.before ?? earlier?.[f.messageId]] as const).filter((e): e is readonly [string, MessageState] => !!e[1]);
  return states.length > 0 ? Object.fromEntries(states) : undefined;
}

export function createOutbox(storage: ItemStorage, key: string = OUTBOX_KEY, now: () => Date = () => new Date()): Outbox {
  const entries = createPersistedList(storage, key, parseOutboxEntry);
  const retrying = new Map<string, Promise<TriageResult>>();

  function add(action: TriageAction, failures: readonly TriageFailure[], mailbox?: string | null): OutboxEntry {
    if (failures.length === 0) throw new RangeError('An outbox entry needs at least one failed message.');
    const ids = new Set(failures.map((f) => f.messageId));
    const before = beforeOf(failures);
    const entry: OutboxEntry = {
      id: newId(),
      action,
      messageIds: failures.map((f) => f.messageId),
      subjects: failures.map((f) => f.subject),
      lastError: errorText(failures[0]!.error),
      attempts: 1,
      at: now().toISOString(),
      ...(before ? { before } : {}),
      ...(mailbox ? { mailbox } : {}),
      ...lostOf(failures),
    };
    entries.update((items) => [entry, ...items.map((item) => withoutMessages(item, ids)).filter((item): item is OutboxEntry => !!item)]);
    return entry;
  }

  function begin(action: TriageAction, messages: ReadonlyArray<{ id: string; subject: string }>, mailbox?: string | null, before?: Record<string, MessageState>, named: 'rest' | 'immutable' = 'immutable'): OutboxEntry {
    const entry: OutboxEntry = {
      id: newId(),
      action,
      messageIds: messages.map((m) => m.id),
      subjects: messages.map((m) => m.subject),
      lastError: '',
      attempts: 0,
      at: now().toISOString(),
      state: 'sending',
      ...(before && Object.keys(before).length ? { before } : {}),
      ...(mailbox ? { mailbox } : {}),
      ...(named === 'rest' ? { restIds: messages.map((m) => m.id) } : {}),
    };
    const ids = new Set(entry.messageIds);
    entries.update((items) => [entry, ...items.map((item) => withoutMessages(item, ids)).filter((item): item is OutboxEntry => !!item)]);
    return entry;
  }

  function settle(id: string, done: readonly string[], failures: readonly TriageFailure[]): OutboxEntry | null {
    const ids = new Set([...done, ...failures.map((f) => f.messageId)]);
    let kept = null as OutboxEntry | null;
    entries.update((items) =>
      items
        .map((item) => {
          if (item.id !== id) return withoutMessages(item, ids);
          if (failures.length === 0) return undefined;
          const before = beforeOf(failures, item.before);
          const { before: _old, state: _state, beforeLost: _lost, restIds: _rest, writing: _writing, ...rest } = item;
          const restIds = item.restIds?.filter((messageId) => failures.some((f) => f.messageId === messageId));
          kept = {
            ...rest,
            ...(restIds?.length ? { restIds } : {}),
            messageIds: failures.map((f) => f.messageId),
            subjects: failures.map((f) => f.subject || item.subjects[item.messageIds.indexOf(f.messageId)] || ''),
            lastError: errorText(failures[0]!.error),
            attempts: item.attempts + 1,
            ...(before ? { before } : {}),
            ...lostOf(failures, item.beforeLost),
          };
          return kept;
        })
        .filter((item): item is OutboxEntry => !!item),
    );
    return kept;
  }

  function rename(id: string, ids: ReadonlyMap<string, string>): void {
    const renamed = (old: string) => ids.get(old) ?? old;
    entries.update((items) => {
      const at = items.findIndex((item) => item.id === id);
      // Discarded meanwhile: nothing to rename, and no newer intent to speak for.
      if (at < 0) return items;
      const entry = items[at]!;
      const messageIds = entry.messageIds.map(renamed);
      if (messageIds.every((messageId, i) => messageId === entry.messageIds[i])) return items;
      const before = entry.before ? Object.fromEntries(Object.entries(entry.before).map(([old, state]) => [renamed(old), state])) : undefined;
      const { restIds: wereRest, ...unchanged } = entry;
      const restIds = wereRest?.filter((old) => !ids.has(old));
      const next: OutboxEntry = {
        ...unchanged,
        messageIds,
        ...(before ? { before } : {}),
        ...(entry.beforeLost ? { beforeLost: entry.beforeLost.map(renamed) } : {}),
        ...(restIds?.length ? { restIds } : {}),
      };
      // Entries are kept newest first: the ones after this one are older intents, which this one supersedes.
      const known = new Set(messageIds);
      const older = items.slice(at + 1).map((item) => withoutMessages(item, known)).filter((item): item is OutboxEntry => !!item);
      return [...items.slice(0, at), next, ...older];
    });
  }

  function writing(id: string): void {
    change(id, (entry) => (entry.writing ? entry : { ...entry, writing: true }));
  }

  /** Applies a change to the entry if it is still there (the user may have discarded it meanwhile). */
  function change(id: string, next: (entry: OutboxEntry) => OutboxEntry | undefined): void {
    entries.update((items) => items.map((item) => (item.id === id ? next(item) : item)).filter((item): item is OutboxEntry => !!item));
  }

  async function attempt(id: string, service: TriageService): Promise<TriageResult> {
    const entry = entries.list().find((item) => item.id === id);
    if (!entry) throw new RangeError(`No outbox entry ${id}.`);
    if ((entry.mailbox ?? null) !== (service.mailbox ?? null)) throw new RangeError(`Outbox entry ${id} belongs to ${entry.mailbox ?? 'the own mailbox'}.`);
    let result: TriageResult;
    // An attempt that never settled (a pane closed mid-action) may have written: no state read now is a "before".
    const unsettled = entry.writing ? entry.messageIds.filter((m) => !entry.before?.[m]) : [];
    const beforeLost = [...new Set([...(entry.beforeLost ?? []), ...unsettled])];
    try {
      result = await service.triage(entry.action, entry.messageIds, {
        verifyFirst: true,
        beforeWrite: () => writing(id),
        // The latest intent wins, even one the outbox never saw: a message moved elsewhere since is left there.
        leaveMovedSince: true,
        ...(entry.before ? { before: entry.before } : {}),
        ...(beforeLost.length ? { beforeLost } : {}),
      });
    } catch (error) {
      // Thrown before or without any write landing unseen? Not knowable: what was marked stays marked.
      change(id, ({ state: _sending, ...current }) => ({ ...current, attempts: current.attempts + 1, lastError: errorText(error), ...(beforeLost.length ? { beforeLost } : {}) }));
      throw error;
    }
    // One moved elsewhere since waits no more (a Retry would only find it moved again); the outcome names it.
    const left = result.failed.filter((f) => f.reason === 'movedSince').map((f) => f.messageId);
    const done = [...result.record.messages.map((m) => m.before.id), ...(result.unconfirmed ?? []).map((m) => m.messageId), ...left];
    settle(id, done, result.failed.filter((f) => f.reason !== 'movedSince'));
    return result;
  }

  function retry(id: string, service: TriageService): Promise<TriageResult> {
    // A second click while the first retry runs joins it rather than sending everything again.
    const running = retrying.get(id);
    if (running) return running;
    const promise = attempt(id, service).finally(() => retrying.delete(id));
    retrying.set(id, promise);
    return promise;
  }

  return {
    list: () => entries.list(),
    add,
    begin,
    settle,
    rename,
    writing,
    supersede: (messageIds) => {
      const ids = new Set(messageIds);
      entries.update((items) => items.map((item) => withoutMessages(item, ids)).filter((item): item is OutboxEntry => !!item));
    },
    retry,
    discard: (id) => entries.update((items) => items.filter((item) => item.id !== id)),
    subscribe: (listener) => entries.subscribe(listener),
  };
}

/** The messages whose "before" is unknown, kept so no later read is taken for it. */
function lostOf(failures: readonly TriageFailure[], earlier: readonly string[] = []): { beforeLost?: string[] } {
  const lost = failures.filter((f) => !f.before && (f.beforeLost || earlier.includes(f.messageId))).map((f) => f.messageId);
  return lost.length ? { beforeLost: lost } : {};
}

function withoutMessages(entry: OutboxEntry, ids: ReadonlySet<string>): OutboxEntry | undefined {
  if (!entry.messageIds.some((id) => ids.has(id))) return entry;
  const keep = entry.messageIds.map((id, i) => [id, entry.subjects[i] ?? ''] as const).filter(([id]) => !ids.has(id));
  if (keep.length === 0) return undefined;
  const before = entry.before ? Object.fromEntries(Object.entries(entry.before).filter(([id]) => !ids.has(id))) : undefined;
  const lost = entry.beforeLost?.filter((id) => !ids.has(id));
  const restIds = entry.restIds?.filter((id) => !ids.has(id));
  const { before: _old, beforeLost: _lost, restIds: _rest, ...rest } = entry;
  return {
    ...rest,
    ...(restIds?.length ? { restIds } : {}),
    messageIds: keep.map(([id]) => id),
    subjects: keep.map(([, subject]) => subject),
    ...(before && Object.keys(before).length ? { before } : {}),
    ...(lost?.length ? { beforeLost: lost } : {}),
  };
}
