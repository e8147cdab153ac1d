/**
 * Triage clicks as the pane and the ribbon make them, through the runner of a pane's triage runtime:
 * single and multi-select actions, undo of the newest record, Retry of a Not-done-yet entry, and pane
 * restarts (between actions, or mid-action: the pane stops sending and storing at a seeded request).
 *
 * Every user intent is written down here (the campaign's ledger) with the message's state just
 * before it, read from the sandbox; the outcome the runner returns is what the user is told.
 */
import type { MessageRecord } from '../sandbox/mail';
import type { MessageState, TriageAction, TriageRecord } from '../../src/services/triage/types';
import type { TriageRunOutcome } from '../../src/services/triage/runner';
import { actionSilence, judgeLatestIntent, staleMove, undoCounts, type Tally } from './counts';
import type { Random } from './random';
import type { Pane, World } from './world';

const ACTIONS: readonly TriageAction[] = ['asap', 'readLater', 'archive'];

/** What triage changes and undo restores, read from the sandbox. */
export interface Observed {
  folderId: string;
  isRead: boolean;
  flag: string;
  categories: string;
}

export function observe(m: MessageRecord): Observed {
  const flag = (m.data.flag ?? {}) as { flagStatus?: string; startDateTime?: { dateTime?: string }; dueDateTime?: { dateTime?: string } };
  return {
    folderId: m.folderId,
    isRead: m.data.isRead === true,
    flag: [flag.flagStatus ?? 'notFlagged', flag.startDateTime?.dateTime ?? '', flag.dueDateTime?.dateTime ?? ''].join('|'),
    categories: [...((m.data.categories as string[] | undefined) ?? [])].sort().join(';'),
  };
}

/** The state an undo record says a message had, as observe() reads it. */
function observeState(state: MessageState): Observed {
  return {
    folderId: state.parentFolderId,
    isRead: state.isRead,
    flag: [state.flag.flagStatus, state.flag.startDateTime?.dateTime ?? '', state.flag.dueDateTime?.dateTime ?? ''].join('|'),
    categories: [...state.categories].sort().join(';'),
  };
}

const differences = (a: Observed, b: Observed): string[] => (Object.keys(a) as Array<keyof Observed>).filter((k) => a[k] !== b[k]).map((k) => `${k} ${JSON.stringify(a[k])} -> ${JSON.stringify(b[k])}`);

interface Intent {
  click: number;
  kind: 'action' | 'restore';
  action: TriageAction;
  /** restore: the folder the undo puts it back in. */
  restoreTo?: string;
  before: Observed;
  /** The user was told this intent failed (the outcome named the message). */
  told: boolean;
  /** The click's own outcome kept an undo record with this message. */
  recorded?: boolean;
}

export interface TriageStats {
  clicks: number;
  actions: number;
  multi: number;
  undos: number;
  retries: number;
  restarts: number;
  midActionCloses: number;
}

export interface TriageDriver {
  click(n: number): Promise<void>;
  /** Scripted clicks, for the counters' own tests: this action on these messages (immutable ids). */
  act(n: number, action: TriageAction, ids: string[]): Promise<void>;
  /** Scripted: undo the newest record, as the pane's Undo does. */
  undoLatest(n: number): Promise<boolean>;
  /** Scripted: the pane closes and opens again (a fresh pane: nothing cached, the storage kept). */
  restartPane(): Promise<void>;
  /** Scripted: Retry this Not-done-yet entry, as the pane's Retry does. */
  retryEntry(n: number, entryId: string): Promise<boolean>;
  /** Judges every message's latest intent once the campaign is over (faults off, a fresh pane open). */
  finish(pane: Pane): void;
  stats: TriageStats;
  pane(): Pane;
}

export async function triageDriver(world: World, random: Random, tally: Tally, pool: readonly string[]): Promise<TriageDriver> {
  let pane = await world.openPane();
  const ledger = new Map<string, Intent[]>();
  /** The latest intent a stale move was already counted against, by message: counted once, not again at the end. */
  const staleAt = new Map<string, Intent>();
  /** Which click kept each undo record, with each message's state just before that click. */
  const recordOrigins = new Map<string, { click: number; befores: Map<string, Observed> }>();
  const stats: TriageStats = { clicks: 0, actions: 0, multi: 0, undos: 0, retries: 0, restarts: 0, midActionCloses: 0 };
  const internetIds = () => world.mailbox().messages.map((m) => String(m.data.internetMessageId ?? m.immutableId));
  const duplicateCount = (ids: string[]) => ids.length - new Set(ids).size;
  const duplicatesAtStart = duplicateCount(internetIds());

  const subjectOf = (id: string) => String(world.message(id)?.data.subject ?? '');
  const latest = (id: string) => ledger.get(id)?.at(-1);

  /** The folders an action puts a message in, as the mailbox has them now. */
  function goalFolders(action: TriageAction, runtime = pane.triage): Set<string> {
    const folders = world.mailbox().folders;
    if (action === 'archive') return new Set(folders.filter((f) => f.wellKnownName === 'archive').map((f) => f.id));
    const name = runtime.service.destinationName(action).toLowerCase();
    return new Set(folders.filter((f) => f.displayName.toLowerCase() === name).map((f) => f.id));
  }

  const inRecord = (record: TriageRecord | null, id: string) => !!record?.messages.some((m) => m.before.id === id);
  const named = (outcome: TriageRunOutcome, id: string, restId: string) =>
    outcome.kind === 'error' || (outcome.kind === 'partial' && outcome.failed.some((f) => f.messageId === id || f.messageId === restId));

  async function act(n: number, closing: boolean, chosen?: { action: TriageAction; ids: string[] }): Promise<void> {
    const action = chosen?.action ?? random.pick(ACTIONS);
    const count = chosen ? chosen.ids.length : random.chance(0.25) ? 2 + random.int(4) : 1;
    const ids = chosen?.ids ?? random.sample(pool, count);
    const records = ids.map((id) => world.message(id)!);
    const restIds = records.map((m) => m.restId);
    const befores = records.map(observe);
    stats.actions += 1;
    if (count > 1) stats.multi += 1;
    const intents = ids.map((id, i): Intent => ({ click: n, kind: 'action', action, before: befores[i]!, told: false }));
    ids.forEach((id, i) => ledger.set(id, [...(ledger.get(id) ?? []), intents[i]!]));
    const acting = pane;
    if (closing) acting.closeAt = acting.requests + 1 + random.int(3);
    const onRecord = (record: TriageRecord) => {
      recordOrigins.set(record.id, { click: n, befores: new Map(ids.map((id, i) => [id, befores[i]!])) });
      ids.forEach((id, i) => inRecord(record, id) && (intents[i]!.recorded = true));
    };
    const outcome = await acting.triage.runner.triageItems(action, { mailbox: null, items: records.map((m) => ({ id: m.restId, subject: String(m.data.subject ?? '') })) }, { onRecord });
    // A closed pane told the user nothing.
    if (acting.closed) return;
    const goal = goalFolders(action);
    ids.forEach((id, i) => {
      if (named(outcome, id, restIds[i]!)) {
        intents[i]!.told = true;
        return;
      }
      const record = outcome.kind === 'error' ? null : outcome.record;
      // Done, but named as one that cannot be undone (its earlier state was lost with an answer): told.
      const unconfirmed = ((outcome as { unconfirmed?: string[] }).unconfirmed ?? []).includes(String(records[i]!.data.subject ?? ''));
      const verdict = actionSilence({ atGoal: goal.has(world.message(id)!.folderId), wasAtGoal: goal.has(befores[i]!.folderId), inRecord: unconfirmed || inRecord(record, id) });
      if (verdict === 'notMoved') tally.add('silent', 1, `click ${n}: ${action} of "${subjectOf(id)}" answered ${outcome.kind}, but the message is not in the ${action} folder and no failure names it`);
      if (verdict === 'noUndoRecord') tally.add('silent', 1, `click ${n}: ${action} of "${subjectOf(id)}" moved it, answered ${outcome.kind}, but keeps no undo record for it and names no failure`);
    });
  }

  async function undo(n: number): Promise<boolean> {
    const record = pane.triage.history.list()[0];
    if (!record) return false;
    stats.undos += 1;
    const ids = record.messages.map((m) => m.before.id);
    // Compared only where this record is what the user last did to the message (else undo is ambiguous):
    // the click that kept it, or (a record a Retry kept) the latest click, of that action, that kept none.
    const origin = recordOrigins.get(record.id);
    const reference = new Map<string, Observed>();
    for (const id of ids) {
      const last = latest(id);
      if (last?.kind !== 'action' || last.action !== record.action) continue;
      if (origin ? last.click === origin.click && origin.befores.has(id) : !last.recorded) reference.set(id, origin?.befores.get(id) ?? last.before);
    }
    const atUndo = new Map(ids.map((id) => [id, world.message(id) ? observe(world.message(id)!) : undefined]));
    const outcome = await pane.triage.runner.undo(record);
    const failedNames = new Set(
      ((outcome as { failed?: Array<{ messageId?: string }> }).failed ?? []).map((f) => f.messageId ?? ''),
    );
    ids.forEach((id, i) => {
      const at = atUndo.get(id);
      if (!at) return;
      const restoreTo = reference.get(id)?.folderId ?? record.messages[i]!.before.parentFolderId;
      ledger.set(id, [
        ...(ledger.get(id) ?? []),
        { click: n, kind: 'restore', action: record.action, restoreTo, before: at, told: outcome.kind === 'error' || failedNames.has(id) },
      ]);
    });
    if (outcome.kind !== 'undone') return true;
    const differing = [...reference].filter(([id]) => !failedNames.has(id)).map(([id, before]) => [id, differences(before, observe(world.message(id)!))] as const).filter(([, d]) => d.length > 0);
    // A message not counted back, but already as its record had it, did not fail: only one that is not back can be a silent failure.
    const notBack = record.messages.filter((m) => !failedNames.has(m.before.id) && world.message(m.before.id))
      .filter((m) => differences(reference.get(m.before.id) ?? observeState(m.before), observe(world.message(m.before.id)!)).length > 0).length;
    const { silent: unnamed, inexact } = undoCounts({ total: ids.length, count: outcome.count, named: failedNames.size, notBack, differing: differing.length });
    tally.add('silent', unnamed, `click ${n}: undo of ${record.action} on ${ids.length} message(s) said ${outcome.count} are back and named no failure for the other ${unnamed}`);
    if (inexact > 0) {
      const [id, diff] = differing[0]!;
      if (process.env.CAMPAIGN_DEBUG) process.stderr.write(`DEBUG inexact undo: record ${JSON.stringify(record)} origin ${JSON.stringify(origin ? { click: origin.click } : null)}\n  ledger ${JSON.stringify(ledger.get(world.message(id)!.immutableId))}\n`);
      tally.add('undoInexact', inexact, `click ${n}: undo of ${record.action} said "back where it was" but "${subjectOf(id)}" differs in ${diff.join(', ')} from before the action`);
    }
    return true;
  }

  async function retry(n: number, entryId?: string): Promise<boolean> {
    const entries = pane.triage.outbox.list();
    if (entries.length === 0) return false;
    const entry = entryId ? entries.find((e) => e.id === entryId) : random.pick(entries);
    if (!entry) return false;
    stats.retries += 1;
    const folderBefore = new Map(entry.messageIds.map((id) => [id, world.message(id)?.folderId ?? '']));
    const outcome = await pane.triage.runner.retry(entry.id);
    const goal = goalFolders(entry.action);
    for (const id of entry.messageIds) {
      const m = world.message(id);
      if (!m) continue;
      // A Retry of an older action that moves a message the user has since sent elsewhere (issue 17, defect 3).
      const last = latest(m.immutableId);
      const lastGoal = last && (last.kind === 'restore' ? new Set([last.restoreTo!]) : goalFolders(last.action));
      if (last && lastGoal && staleAt.get(m.immutableId) !== last && staleMove({ folderBefore: folderBefore.get(id)!, folderAfter: m.folderId, retryGoal: goal, latestGoal: lastGoal })) {
        staleAt.set(m.immutableId, last);
        if (process.env.CAMPAIGN_DEBUG) process.stderr.write(`DEBUG stale retry: entry ${JSON.stringify(entry)}\n  ledger ${JSON.stringify(ledger.get(m.immutableId))}\n  folderBefore ${folderBefore.get(id)} now ${m.folderId}\n`);
        tally.add('stale', 1, `click ${n}: Retry of an older ${entry.action} moved "${subjectOf(id)}" after the user's ${last.kind === 'restore' ? 'undo' : last.action} (click ${last.click})`);
      }
      if (!outcome || outcome.kind === 'error' || named(outcome, m.immutableId, m.restId)) continue;
      // What this Retry sent again: a newer intent may have taken a message out of the entry first (the
      // latest intent per message wins); leaving such a message is right, and its latest intent is judged at
      // the end (a newer intent of the same action that failed waits in its own entry). One dropped while its
      // latest intent is still this action, and waiting nowhere else, is counted below.
      const held = inRecord(outcome.record, m.immutableId) || outcome.unconfirmed.includes(subjectOf(id));
      const waitsElsewhere = pane.triage.outbox.list().some((e) => e.id !== entry.id && (e.messageIds.includes(m.immutableId) || e.messageIds.includes(m.restId)));
      if (!held && last && (last.kind === 'restore' || last.action !== entry.action || waitsElsewhere)) continue;
      if (!goal.has(m.folderId)) {
        if (process.env.CAMPAIGN_DEBUG) process.stderr.write(`DEBUG silent retry: entry ${JSON.stringify(entry)}\n  outcome ${JSON.stringify(outcome)}\n  message ${JSON.stringify({ immutableId: m.immutableId, restId: m.restId, folderBefore: folderBefore.get(id), now: m.folderId })}\n  ledger ${JSON.stringify(ledger.get(m.immutableId))}\n`);
        tally.add('silent', 1, `click ${n}: Retry of ${entry.action} answered ${outcome.kind}, but "${subjectOf(id)}" is not there and no failure names it`);
      }
    }
    return true;
  }

  async function restart(): Promise<void> {
    stats.restarts += 1;
    pane.close();
    pane = await world.openPane();
  }

  return {
    stats,
    pane: () => pane,
    act: (n, action, ids) => act(n, false, { action, ids }),
    undoLatest: (n) => undo(n),
    retryEntry: (n, entryId) => retry(n, entryId),
    restartPane: () => restart(),
    async click(n) {
      stats.clicks += 1;
      const roll = random.next();
      if (roll < 0.12 && (await undo(n))) return;
      if (roll >= 0.12 && roll < 0.18 && (await retry(n))) return;
      if (roll >= 0.18 && roll < 0.21) {
        await restart();
        return;
      }
      if (roll >= 0.21 && roll < 0.24) {
        // The pane closes while this action is on its way.
        stats.midActionCloses += 1;
        await act(n, true);
        await restart();
        return;
      }
      await act(n, false);
    },
    finish(final) {
      const outbox = final.triage.outbox.list();
      for (const [id, intents] of ledger) {
        const last = intents.at(-1)!;
        const m = world.message(id);
        if (!m) {
          tally.add('lost', 1, `"${id}" is no longer in the mailbox`);
          continue;
        }
        const goals = last.kind === 'restore' ? new Set([last.restoreTo!]) : goalFolders(last.action, final.triage);
        const queued = last.kind === 'action' && outbox.some((e) => e.action === last.action && (e.messageIds.includes(m.immutableId) || e.messageIds.includes(m.restId)));
        const verdict = judgeLatestIntent({ goalFolders: goals, folderAtIntent: last.before.folderId, finalFolder: m.folderId, waiting: last.told || queued });
        const what = last.kind === 'restore' ? `undo of ${last.action}` : last.action;
        const folderName = (fid: string) => world.mailbox().folders.find((f) => f.id === fid)?.displayName ?? fid;
        if (verdict === 'lost') tally.add('lost', 1, `click ${last.click}: ${what} of "${subjectOf(id)}" never happened, is not in Not done yet, and no outcome said it failed`);
        if (verdict === 'stale' && staleAt.get(m.immutableId) !== last)
          tally.add('stale', 1, `click ${last.click}: the latest intent for "${subjectOf(id)}" was ${what}, but it ends in ${folderName(m.folderId)} (it was in ${folderName(last.before.folderId)} when asked)`);
      }
      const doubled = duplicateCount(internetIds()) - duplicatesAtStart;
      tally.add('doubled', doubled, `${doubled} message(s) now exist twice in the mailbox`);
    },
  };
}
