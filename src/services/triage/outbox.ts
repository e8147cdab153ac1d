/**
 * Actions that could not be done even after retrying, kept (in storage, so closing the pane loses
 * nothing) until the user retries or discards them. A retry reads each message before writing: the
 * failed attempt may have applied part of the action, and nothing may be applied twice. The latest
 * action on a message wins: adding one takes that message out of any older entry.
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
    };
    entries.update((items) => [entry, ...items.map((item) => withoutMessages(item, ids)).filter((item): item is OutboxEntry => !!item)]);
    return entry;
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
    try {
      result = await service.triage(entry.action, entry.messageIds, { verifyFirst: true, ...(entry.before ? { before: entry.before } : {}) });
    } catch (error) {
      change(id, (current) => ({ ...current, attempts: current.attempts + 1, lastError: errorText(error) }));
      throw error;
    }
    change(id, (current) => {
      if (result.failed.length === 0) return undefined;
      const before = beforeOf(result.failed, current.before);
      const { before: _old, ...rest } = current;
      return {
        ...rest,
        messageIds: result.failed.map((f) => f.messageId),
        subjects: result.failed.map((f) => f.subject || current.subjects[current.messageIds.indexOf(f.messageId)] || ''),
        lastError: errorText(result.failed[0]!.error),
        attempts: current.attempts + 1,
        ...(before ? { before } : {}),
      };
    });
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
    retry,
    discard: (id) => entries.update((items) => items.filter((item) => item.id !== id)),
    subscribe: (listener) => entries.subscribe(listener),
  };
}

function withoutMessages(entry: OutboxEntry, ids: ReadonlySet<string>): OutboxEntry | undefined {
  if (!entry.messageIds.some((id) => ids.has(id))) return entry;
  const keep = entry.messageIds.map((id, i) => [id, entry.subjects[i] ?? ''] as const).filter(([id]) => !ids.has(id));
  if (keep.length === 0) return undefined;
  const before = entry.before ? Object.fromEntries(Object.entries(entry.before).filter(([id]) => !ids.has(id))) : undefined;
  const { before: _old, ...rest } = entry;
  return { ...rest, messageIds: keep.map(([id]) => id), subjects: keep.map(([, subject]) => subject), ...(before && Object.keys(before).length ? { before } : {}) };
}
