/**
 * One triage action from start to aftermath, whoever asks (the pane, the ribbon, filing's "then
 * archive"): the messages are triaged in their own mailbox, what was done is kept for undo, what
 * could not be done waits in the outbox, and the caller gets an outcome it only has to put in words.
 * Nothing here throws: a failure the action as a whole met (sign-in, no answer) is an outcome too.
 */
import { toGraphRequestError } from '../../graph/errors';
import type { ItemIdentities } from '../itemIdentities';
import { triageOfficeItems } from './officeItems';
import type { Outbox, OutboxEntry } from './outbox';
import type { TriageService } from './triageService';
import type { TriageAction, TriageFailure, TriageRecord, TriageResult } from './types';
import type { TriageHistory } from './undoHistory';

/** What the runner works with: the service of each mailbox, item identities, the undo history, the outbox. */
export interface TriageRunnerDeps {
  /** The triage service of the mailbox the items are in: a shared one by its address, or the own one (null). */
  serviceFor(mailbox: string | null | undefined): TriageService;
  /** Immutable ids of what Office names: a retry must still find the message after the move. */
  identities: Pick<ItemIdentities, 'ofAll'>;
  history: Pick<TriageHistory, 'add' | 'remove'>;
  outbox: Pick<Outbox, 'add' | 'list' | 'retry'>;
}

/** Messages as Office names them (REST ids), all in one mailbox (null: the user's own). */
export interface OfficeItems {
  mailbox: string | null;
  items: ReadonlyArray<{ id: string; subject: string }>;
}

/** A message Trail already knows by its immutable id (a filed one), in its mailbox. */
export interface KnownMessage {
  mailbox: string | null | undefined;
  immutableId: string;
  subject: string;
}

interface Ran {
  action: TriageAction;
  /** The mailbox the action went to (null: the user's own). */
  mailbox: string | null;
  /** How many messages the action was for. */
  total: number;
  /** The folder the action moves to, as the mailbox names it ('' for Archive). */
  folder: string;
  /** What can be undone (kept in the history), or null when nothing was triaged. */
  record: TriageRecord | null;
}

export type TriageRunOutcome =
  /** Every message triaged. */
  | (Ran & { kind: 'done' })
  /** Some (or all) could not be: each with why, kept in the outbox entry for a retry. */
  | (Ran & { kind: 'partial'; done: number; failed: TriageFailure[]; entry: OutboxEntry | null })
  /** The action as a whole failed before any message was reached (sign-in, no answer): nothing kept. */
  | { kind: 'error'; action: TriageAction; mailbox: string | null; error: unknown };

export interface RunOptions {
  /**
   * Told of the undo record just before it is kept, so a listener of the history can tell this
   * caller's own action from one taken elsewhere.
   */
  onRecord?: (record: TriageRecord) => void;
}

export interface TriageRunner {
  /** Triages messages as Office names them (the pane's selection, the ribbon's open message). */
  triageItems(action: TriageAction, items: OfficeItems, options?: RunOptions): Promise<TriageRunOutcome>;
  /**
   * Triages a message already known by its immutable id (filing's move after filing). The filing is
   * done whatever becomes of the move, so even a failure of the whole action is kept for retry.
   */
  triageKnown(action: TriageAction, message: KnownMessage, options?: RunOptions): Promise<TriageRunOutcome>;
  /** Tries an outbox entry again in its own mailbox. */
  retry(entryId: string, options?: RunOptions): Promise<TriageRunOutcome | null>;
  /** Undoes a recorded action in its own mailbox and forgets the record. */
  undo(record: TriageRecord): Promise<{ kind: 'undone'; count: number } | { kind: 'error'; error: unknown }>;
}

export function createTriageRunner(deps: TriageRunnerDeps): TriageRunner {
  /** The aftermath every action shares: the record kept for undo, the failures kept for retry, the outcome. */
  function settle(action: TriageAction, service: TriageService, total: number, result: TriageResult, options: RunOptions, keep = true): TriageRunOutcome {
    const record = result.record.messages.length ? result.record : null;
    if (record) {
      options.onRecord?.(record);
      deps.history.add(record);
    }
    const base = { action, mailbox: service.mailbox, total, folder: service.destinationName(action), record };
    if (result.failed.length === 0) return { kind: 'done', ...base };
    const entry = keep ? deps.outbox.add(action, result.failed, service.mailbox) : null;
    return { kind: 'partial', ...base, done: total - result.failed.length, failed: result.failed, entry };
  }

  return {
    async triageItems(action, { mailbox, items }, options = {}) {
      const service = deps.serviceFor(mailbox);
      let result: TriageResult;
      try {
        result = await triageOfficeItems(service, deps.identities, action, items.map((i) => i.id));
      } catch (error) {
        return { kind: 'error', action, mailbox: service.mailbox, error };
      }
      // A message that never answered has no subject from Graph; Office knows it, and the outbox names it.
      const only = items.length === 1 ? items[0]!.subject : '';
      const failed = result.failed.map((f) => (f.subject || !only ? f : { ...f, subject: only }));
      return settle(action, service, items.length, { ...result, failed }, options);
    },

    async triageKnown(action, message, options = {}) {
      const service = deps.serviceFor(message.mailbox);
      const result = await service
        .triage(action, [message.immutableId])
        .catch((error: unknown): TriageResult => ({ record: { id: '', action, at: '', messages: [] }, failed: [{ messageId: message.immutableId, subject: message.subject, error: toGraphRequestError(error) }] }));
      return settle(action, service, 1, result, options);
    },

    async retry(entryId, options = {}) {
      const entry = deps.outbox.list().find((e) => e.id === entryId);
      if (!entry) return null;
      const service = deps.serviceFor(entry.mailbox);
      let result: TriageResult;
      try {
        result = await deps.outbox.retry(entryId, service);
      } catch (error) {
        return { kind: 'error', action: entry.action, mailbox: service.mailbox, error };
      }
      // What still fails stays in the same entry (the outbox keeps it): nothing is added.
      const outcome = settle(entry.action, service, entry.messageIds.length, result, options, false);
      if (outcome.kind !== 'partial') return outcome;
      const failed = outcome.failed.map((f) => (f.subject ? f : { ...f, subject: entry.subjects[entry.messageIds.indexOf(f.messageId)] ?? '' }));
      return { ...outcome, failed, entry: deps.outbox.list().find((e) => e.id === entryId) ?? null };
    },

    async undo(record) {
      try {
        const result = await deps.serviceFor(record.mailbox ?? null).undo(record);
        deps.history.remove(record.id);
        return { kind: 'undone', count: result.restored.length };
      } catch (error) {
        return { kind: 'error', error };
      }
    },
  };
}
