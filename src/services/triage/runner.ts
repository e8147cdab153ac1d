/**
 * One triage action from start to aftermath, whoever asks (the pane, the ribbon, filing's "then
 * archive"): the intent is written down in the outbox before anything is sent, the messages are
 * triaged in their own mailbox, what was done is kept for undo and settles the intent (and leaves every
 * older entry: the latest intent per message wins), what could not be done waits in the outbox, what
 * was done but whose earlier state was lost with an answer is named, and the caller gets an outcome
 * it only has to put in words.
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
  outbox: Pick<Outbox, 'begin' | 'settle' | 'rename' | 'supersede' | 'list' | 'retry' | 'discard' | 'writing'>;
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
  /**
   * Subjects of messages triaged whose answer was lost before their earlier state was known: done,
   * but they cannot be undone, and the user is told.
   */
  unconfirmed: string[];
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
  /**
   * Undoes a recorded action in its own mailbox. What could not be restored stays in the history (the
   * record keeps only those messages, so Undo there tries them again) and is named in the outcome.
   */
  undo(record: TriageRecord): Promise<TriageUndoOutcome>;
  /**
   * Intents written down but never settled, by a pane or a ribbon click closed mid-action (not this
   * runner's own running ones): offered in *Not done yet* until resume() takes them.
   */
  interrupted(): OutboxEntry[];
  /**
   * Resumes every interrupted intent (the pane calls it when it opens), each as a Retry does: every
   * message read first, so nothing is applied twice; one moved elsewhere since the intent was written
   * (neither where the action found it nor where it sends it) is left there, named (reason
   * 'movedSince') and dropped; what fails again waits in *Not done yet*. One outcome per intent, for
   * the caller to tell; resuming again finds nothing left.
   */
  resume(options?: RunOptions): Promise<TriageRunOutcome[]>;
  /** True while this runner itself is sending the intent of this outbox entry. */
  isRunning(entryId: string): boolean;
}

export type TriageUndoOutcome =
  | { kind: 'undone'; count: number; failed: TriageFailure[]; record: TriageRecord | null }
  | { kind: 'error'; error: unknown };

export function createTriageRunner(deps: TriageRunnerDeps): TriageRunner {
  /** Intents this runner is sending now (an interrupted one is any other left 'sending'). */
  const running = new Set<string>();

  /**
   * The aftermath every action shares: the record kept for undo, the intent settled (what was done
   * leaves every outbox entry, what failed stays in this one), the outcome.
   */
  function settle(action: TriageAction, service: TriageService, total: number, result: TriageResult, options: RunOptions, entryId: string | null): TriageRunOutcome {
    const record = result.record.messages.length ? result.record : null;
    if (record) {
      options.onRecord?.(record);
      deps.history.add(record);
    }
    const unconfirmed = (result.unconfirmed ?? []).map((m) => m.subject);
    const done = [...result.record.messages.map((m) => m.before.id), ...(result.unconfirmed ?? []).map((m) => m.messageId)];
    const entry = entryId ? deps.outbox.settle(entryId, done, result.failed) : null;
    const base = { action, mailbox: service.mailbox, total, folder: service.destinationName(action), record, unconfirmed };
    if (result.failed.length === 0) return { kind: 'done', ...base };
    return { kind: 'partial', ...base, done: total - result.failed.length, failed: result.failed, entry };
  }

  /** Writes the intent down, runs it, and settles it; a failure of the whole action forgets the intent. */
  async function run(
    action: TriageAction,
    service: TriageService,
    messages: ReadonlyArray<{ id: string; subject: string }>,
    send: (entryId: string) => Promise<TriageResult>,
    options: RunOptions,
    named: 'rest' | 'immutable',
  ): Promise<TriageRunOutcome> {
    const entry = deps.outbox.begin(action, messages, service.mailbox, undefined, named);
    running.add(entry.id);
    try {
      let result: TriageResult;
      try {
        result = await send(entry.id);
      } catch (error) {
        // Nothing was reached (sign-in, no answer at all): nothing waits, the caller says why. But this is
        // still the latest intent for its messages: once they are named by immutable ids, they leave every
        // older entry. If even that cannot be learnt now, the intent waits (as failed) so that a Retry of an
        // older entry translates it first (nameNewerIntents) and cannot move its messages.
        if (await namedOrKept(entry.id, service.mailbox, error)) deps.outbox.discard(entry.id);
        return { kind: 'error', action, mailbox: service.mailbox, error };
      }
      // A message that never answered has no subject from Graph; the caller knows it, and the outbox names it.
      const only = messages.length === 1 ? messages[0]!.subject : '';
      const named = (f: { subject: string }) => f.subject || only;
      // A failure read before its write is named by the immutable id it read (Office's REST id may be
      // untranslated, and dead once the move landed): so it supersedes older entries and a Retry finds it.
      const failed = result.failed.map((f) => ({ ...f, subject: named(f), messageId: f.before?.id ?? f.messageId }));
      const unconfirmed = result.unconfirmed?.map((m) => ({ ...m, subject: named(m) }));
      return settle(action, service, messages.length, { ...result, failed, ...(unconfirmed ? { unconfirmed } : {}) }, options, entry.id);
    } finally {
      running.delete(entry.id);
    }
  }

  /**
   * An intent that failed as a whole: its messages still named by REST ids are translated (one call, on
   * this failure path only) so they leave older entries. True when the intent may go; false when it was
   * kept as failed, because its REST ids could not be translated now.
   */
  async function namedOrKept(entryId: string, mailbox: string | null, error: unknown): Promise<boolean> {
    const entry = deps.outbox.list().find((e) => e.id === entryId);
    const restIds = entry?.restIds ?? [];
    if (!entry || restIds.length === 0) return true;
    try {
      const translated = await deps.identities.ofAll(mailbox, restIds);
      deps.outbox.rename(entryId, new Map([...translated].map(([rest, identity]) => [rest, identity.immutableId])));
      // An id Graph could not translate is gone from the mailbox: there is nothing older to take it from.
      return true;
    } catch {
      const failure = toGraphRequestError(error);
      // A write may have gone out unanswered: no state read later is a "before".
      const lost = entry.writing ? { beforeLost: true as const } : {};
      const failures = entry.messageIds.map((messageId, i) => ({ messageId, subject: entry.subjects[i] ?? '', error: failure, ...(entry.before?.[messageId] ? { before: entry.before[messageId] } : lost) }));
      deps.outbox.settle(entryId, [], failures);
      return false;
    }
  }

  /**
   * Newer intents still named by REST ids (their translation was lost) are named by immutable ids
   * first, so they take their messages out of this older entry: the latest intent per message wins.
   */
  async function nameNewerIntents(entryId: string): Promise<void> {
    const list = deps.outbox.list();
    const at = list.findIndex((e) => e.id === entryId);
    const mailbox = list[at]?.mailbox ?? null;
    const newer = list.slice(0, Math.max(0, at)).filter((e) => (e.mailbox ?? null) === mailbox && e.restIds?.length);
    const restIds = [...new Set(newer.flatMap((e) => e.restIds ?? []))];
    if (restIds.length === 0) return;
    // A REST id that no longer translates belongs to a message moved since: nothing more can be learnt of it.
    const translated = await deps.identities.ofAll(mailbox, restIds);
    const immutable = new Map([...translated].map(([rest, identity]) => [rest, identity.immutableId]));
    for (const e of newer) deps.outbox.rename(e.id, immutable);
  }

  async function retry(entryId: string, options: RunOptions = {}): Promise<TriageRunOutcome | null> {
    const asked = deps.outbox.list().find((e) => e.id === entryId);
    if (!asked) return null;
    const service = deps.serviceFor(asked.mailbox);
    let result: TriageResult;
    running.add(entryId);
    let entry = asked;
    try {
      await nameNewerIntents(entryId);
      // Every message of it has a newer intent: nothing of it is left to retry.
      const left = deps.outbox.list().find((e) => e.id === entryId);
      if (!left) return null;
      entry = left;
      result = await deps.outbox.retry(entryId, service);
    } catch (error) {
      return { kind: 'error', action: asked.action, mailbox: service.mailbox, error };
    } finally {
      running.delete(entryId);
    }
    // The outbox has settled the entry itself (what still fails stays in it): nothing more to settle.
    const subjectOf = (m: { messageId: string; subject: string }) => m.subject || entry.subjects[entry.messageIds.indexOf(m.messageId)] || '';
    const unconfirmed = result.unconfirmed?.map((m) => ({ ...m, subject: subjectOf(m) }));
    const outcome = settle(entry.action, service, entry.messageIds.length, { ...result, ...(unconfirmed ? { unconfirmed } : {}) }, options, null);
    if (outcome.kind !== 'partial') return outcome;
    const failed = outcome.failed.map((f) => ({ ...f, subject: subjectOf(f) }));
    return { ...outcome, failed, entry: deps.outbox.list().find((e) => e.id === entryId) ?? null };
  }

  /**
   * Intents another runner (a pane or ribbon click closed mid-action) wrote down and never settled.
   * Resumed by resume(): a Retry reads first, and leaves a message something newer moved.
   */
  const interrupted = (): OutboxEntry[] => deps.outbox.list().filter((e) => e.state === 'sending' && !running.has(e.id));

  return {
    async triageItems(action, { mailbox, items }, options = {}) {
      const service = deps.serviceFor(mailbox);
      // While an older intent in this mailbox waits, a message's immutable id is learnt before any write, so
      // this newer intent can always take it out of that one (the latest intent per message wins).
      const olderWaits = deps.outbox.list().some((e) => (e.mailbox ?? null) === (service.mailbox ?? null));
      // The intent names each message by its REST id until its immutable one is known: that one survives the move.
      const send = (entryId: string) =>
        triageOfficeItems(service, deps.identities, action, items.map((i) => i.id), (ids) => deps.outbox.rename(entryId, ids), { beforeWrite: () => deps.outbox.writing(entryId) }, olderWaits);
      return run(action, service, items, send, options, 'rest');
    },

    async triageKnown(action, message, options = {}) {
      const service = deps.serviceFor(message.mailbox);
      const send = (entryId: string) =>
        service
          .triage(action, [message.immutableId], { beforeWrite: () => deps.outbox.writing(entryId) })
          .catch((error: unknown): TriageResult => ({ record: { id: '', action, at: '', messages: [] }, failed: [{ messageId: message.immutableId, subject: message.subject, error: toGraphRequestError(error) }] }));
      return run(action, service, [{ id: message.immutableId, subject: message.subject }], send, options, 'immutable');
    },

    retry,

    async undo(record) {
      // An undo is the newest intent for its messages: no older queued action may move them after it.
      deps.outbox.supersede(record.messages.map((m) => m.before.id));
      try {
        const result = await deps.serviceFor(record.mailbox ?? null).undo(record);
        deps.history.remove(record.id);
        // What could not be restored stays undoable: the record, narrowed to those messages, goes back to Recent.
        const failedIds = new Set(result.failed.map((f) => f.messageId));
        const rest = record.messages.filter((m) => failedIds.has(m.before.id));
        const left = rest.length ? { ...record, messages: rest } : null;
        if (left) deps.history.add(left);
        return { kind: 'undone', count: result.restored.length, failed: result.failed, record: left };
      } catch (error) {
        return { kind: 'error', error };
      }
    },

    interrupted,
    async resume(options = {}) {
      const outcomes: TriageRunOutcome[] = [];
      // One at a time: each reads its messages first, and Exchange allows only four requests in flight.
      for (const entry of interrupted()) {
        const outcome = await retry(entry.id, options);
        if (outcome) outcomes.push(outcome);
      }
      return outcomes;
    },
    isRunning: (entryId) => running.has(entryId),
  };
}
