/**
 * One-click triage over Graph: ASAP, Read later and Archive on any number of messages, undo, and the
 * counts of what is waiting. Everything goes through the one Graph client (immutable ids on every
 * request, inside `$batch` too), so a message keeps its id across the moves and the undo record stays
 * valid. A message that cannot be triaged is reported with its error, never thrown, so the caller can
 * keep it in the outbox; only a sign-in failure is thrown, since no retry can mend that.
 */
import type { GraphClient } from '../../graph/client';
import { SignInError } from '../../graph/tokens';
import type { BatchOptions } from '../../graph/batch';
import { GraphRequestError, isConflict, toGraphRequestError } from '../../graph/errors';
import { checkSettingsChange, destinationName, type SettingsChange, type TriageSettings } from '../../domain/triage/settings';
import { applyGoals, type GoalOutcome } from './applyGoals';
import { countWaiting, type WaitingCounts } from './counts';
import { DESTINATION_CHECK_ID, destinationCheckStep, destinationDeleted, destinationNameOf } from './destinationCheck';
import { asapFlag, restoreGoal, triageGoal, type Goal, type TriageTarget } from './goals';
import { sameFlag } from './flagTimes';
import { renameFolder, topFoldersNamed } from '../../graph/mailFolders';
import { mailboxPath, mailboxPaths } from '../../graph/mailboxPaths';
import { newId } from './newId';
import { FOLDER_KINDS, type FolderKind } from './mailboxProbe';
import { createMailboxSetup, type ContextPart, type RememberedContext } from './mailboxSetup';
import type { FollowupFlag, MessageState, TriageAction, TriageFailure, TriageOptions, TriageRecord, TriageResult } from './types';

export interface TriageServiceOptions {
  graph: GraphClient;
  /** A shared mailbox's address (Office's targetMailbox) to triage in; the user's own when absent. */
  sharedMailbox?: string | null;
  /** Current settings (roaming). */
  settings: () => TriageSettings;
  /** To remember folder ids. */
  saveSettings: (settings: TriageSettings) => Promise<void>;
  now: () => Date;
  /** Tests inject `sleep`; `maxRetries` is per message. */
  batch?: BatchOptions;
  /** The mailbox's time zone and well-known folder ids as last read (roaming settings), so a fresh click need not read them first. */
  rememberedContext?: RememberedContext;
}

export interface TriageService {
  /** The shared mailbox this service triages in, or null for the user's own. */
  readonly mailbox: string | null;
  triage(action: TriageAction, messageIds: readonly string[], options?: TriageOptions): Promise<TriageResult>;
  undo(record: TriageRecord): Promise<{ restored: string[]; failed: TriageFailure[] }>;
  counts(): Promise<WaitingCounts>;
  /** Finds or creates the ASAP and Read later folders (by remembered id, then by name, then create; 409 → find). */
  ensureFolders(): Promise<{ asap: string; readLater: string }>;
  /**
   * New folder names and due rule. A renamed folder that exists is renamed in the mailbox (its mail
   * stays in it); when a folder by the new name already exists, that one becomes ours instead.
   */
  changeSettings(next: SettingsChange): Promise<TriageSettings>;
  /** The settings in force now (as roaming settings hold them). */
  settings(): TriageSettings;
  /**
   * The name of the folder an action moves to, as the mailbox names it once the folder has been seen
   * (found by the remembered id, it may differ from the settings), else as it will be made; '' for Archive.
   */
  destinationName(action: TriageAction): string;
}

/** A new name is the one the other Trail folder has now; renaming one at a time resolves it. */
export class SettingsConflictError extends Error {
  constructor(
    readonly kind: FolderKind,
    readonly folderName: string,
  ) {
    super(`"${folderName}" is already the other Trail folder`);
    this.name = 'SettingsConflictError';
  }
}

const FOLDER_OF: Record<TriageAction, FolderKind | undefined> = { asap: 'asap', readLater: 'readLater', archive: undefined };

/** The parts of the mailbox context each action relies on: what its `$batch` checks when they were remembered. */
const CONTEXT_OF: Record<TriageAction, readonly ContextPart[]> = { asap: ['timeZone', 'deleted'], readLater: ['deleted'], archive: ['archive'] };

/**
 * A goal that also replaces `wrong`, the flag an attempt wrote from a remembered time zone that proved stale: the
 * ASAP goal keeps any flag in its folder (the user's own included), so only that exact flag is written again.
 */
function restamped(goal: Goal, wrong: FollowupFlag | undefined, right: FollowupFlag | undefined): Goal {
  if (!wrong || !right || sameFlag(wrong, right)) return goal;
  return {
    ...goal,
    patchesFrom: (state) => {
      const patches = goal.patchesFrom(state);
      if (!sameFlag(state.flag, wrong) || patches.some((patch) => 'flag' in patch)) return patches;
      const [first, ...rest] = patches;
      return [{ ...first, flag: right }, ...rest];
    },
  };
}

const isMessageId = (id: unknown): id is string => typeof id === 'string' && id.trim() !== '';

function failureOf(outcome: GoalOutcome, earlier?: MessageState): TriageFailure {
  const before = outcome.before ?? earlier;
  return {
    messageId: outcome.messageId,
    subject: (before ?? outcome.state)?.subject ?? '',
    error: outcome.error ?? new GraphRequestError(0, 'unknown', 'The message could not be triaged.'),
    ...(outcome.reason ? { reason: outcome.reason } : {}),
    ...(before ? { before } : {}),
    ...(outcome.beforeLost && !before ? { beforeLost: true as const } : {}),
  };
}

export function createTriageService(options: TriageServiceOptions): TriageService {
  const shared = options.sharedMailbox || null;
  // The ASAP due date follows the clock of the person acting: a shared mailbox's own settings are out of reach.
  const paths = mailboxPaths(mailboxPath(shared), '/me');
  const batch: BatchOptions = { now: options.now, ...options.batch };
  const setup = createMailboxSetup({
    graph: options.graph,
    paths,
    settings: options.settings,
    saveSettings: options.saveSettings,
    batch,
    ...(options.rememberedContext ? { rememberedContext: options.rememberedContext } : {}),
  });
  const applyBase = { graph: options.graph, paths, batch };

  async function targetOf(action: TriageAction, at: Date): Promise<TriageTarget> {
    const kind = FOLDER_OF[action];
    // Folders first: their lookup reads the mailbox context in the same round trip.
    const noFolders: Partial<Record<FolderKind, string>> = {};
    // A remembered folder id is taken unread: the action's own `$batch` checks it (destinationCheck.ts).
    const [folders, context] = await Promise.all([kind ? setup.folders([kind], true, true) : noFolders, setup.context()]);
    if (action === 'archive') {
      if (typeof context.archiveFolderId !== 'string') throw context.archiveFolderId;
      return { action, destinationFolderId: context.archiveFolderId };
    }
    const destinationFolderId = folders[kind!]!;
    if (action === 'readLater') return { action, destinationFolderId };
    if (typeof context.timeZone !== 'string') throw context.timeZone;
    return { action, destinationFolderId, flag: asapFlag(at, context.timeZone, options.settings().dueRule) };
  }

  /** The destination was deleted while we used it: move what went there (and what found it gone) into a fresh one. */
  async function intoFreshFolder(kind: FolderKind, target: TriageTarget, outcomes: GoalOutcome[], before: TriageOptions['before']): Promise<{ target: TriageTarget; outcomes: GoalOutcome[] }> {
    setup.forget(kind);
    const fresh = (await setup.folders([kind], true))[kind]!;
    return redoInto({ ...target, destinationFolderId: fresh }, outcomes, before);
  }

  /** What went (or found its folder gone) is brought to `freshTarget`, each message checked first. */
  async function redoInto(
    freshTarget: TriageTarget,
    outcomes: GoalOutcome[],
    before: TriageOptions['before'],
    /** The flag the first attempt wrote (from a time zone that proved wrong): where it still stands, it is written again. */
    wrongFlag?: FollowupFlag,
  ): Promise<{ target: TriageTarget; outcomes: GoalOutcome[] }> {
    const redo = outcomes.filter((o) => o.reached || o.reason === 'folderMissing');
    const known = new Map(redo.filter((o) => o.reached && o.state).map((o) => [o.messageId, o.state!]));
    const earlier = { ...before, ...Object.fromEntries(redo.filter((o) => o.before).map((o) => [o.messageId, o.before!])) };
    const lost = new Set(redo.filter((o) => o.beforeLost).map((o) => o.messageId));
    const again = await applyGoals(
      redo.map((o) => restamped(triageGoal(o.messageId, freshTarget), wrongFlag, freshTarget.flag)),
      { ...applyBase, verifyFirst: true, known, before: earlier, beforeLost: lost },
    );
    const replaced = new Map(again.outcomes.map((o) => [o.messageId, o]));
    return { target: freshTarget, outcomes: outcomes.map((o) => replaced.get(o.messageId) ?? o) };
  }

  async function triage(action: TriageAction, messageIds: readonly string[], triageOptions: TriageOptions = {}): Promise<TriageResult> {
    const unique = [...new Set(messageIds)];
    const ids = unique.filter(isMessageId);
    // An empty id would address the message collection itself, so it never reaches Graph.
    const malformed = unique.filter((id) => !isMessageId(id)).map((id) => ({ messageId: id, subject: '', error: new GraphRequestError(400, 'ErrorInvalidIdMalformed', 'Not a message id.') }));
    const at = options.now();
    const record: TriageRecord = { id: newId(), action, at: at.toISOString(), messages: [], ...(shared ? { mailbox: shared } : {}) };
    if (ids.length === 0) return { record, failed: malformed };

    let target: TriageTarget;
    try {
      target = await targetOf(action, at);
    } catch (thrown) {
      if (thrown instanceof SignInError) throw thrown;
      const error = toGraphRequestError(thrown);
      const lost = new Set(triageOptions.beforeLost);
      return { record, failed: [...ids.map((id) => failureOf({ messageId: id, reached: false, error, ...(lost.has(id) ? { beforeLost: true as const } : {}) }, triageOptions.before?.[id])), ...malformed] };
    }

    const kind = FOLDER_OF[action];
    const run = await applyGoals(
      ids.map((id) => triageGoal(id, target)),
      {
        ...applyBase,
        ...(triageOptions.verifyFirst ? { verifyFirst: true } : {}),
        ...(triageOptions.leaveMovedSince ? { leaveMovedSince: true } : {}),
        ...(triageOptions.beforeWrite ? { beforeWrite: triageOptions.beforeWrite } : {}),
        ...(triageOptions.before ? { before: triageOptions.before } : {}),
        ...(triageOptions.beforeLost?.length ? { beforeLost: new Set(triageOptions.beforeLost) } : {}),
        alongside: [...(kind ? [destinationCheckStep(paths, target.destinationFolderId)] : []), ...setup.contextChecks(CONTEXT_OF[action])],
      },
    );
    let outcomes = run.outcomes;
    // A remembered Archive id or time zone that proved wrong: what went is moved (or flagged) again, rightly.
    const wrong = setup.checkedContext(run.alongside);
    if ((action === 'archive' && wrong.has('archive')) || (action === 'asap' && wrong.has('timeZone'))) {
      try {
        ({ target, outcomes } = await redoInto(await targetOf(action, at), outcomes, triageOptions.before, target.flag));
      } catch (thrown) {
        if (thrown instanceof SignInError) throw thrown;
        const error = toGraphRequestError(thrown);
        outcomes = outcomes.map((o) => ({ ...o, reached: false, error }));
      }
    }
    if (kind) {
      const context = await setup.context();
      const check = run.alongside.get(DESTINATION_CHECK_ID);
      const gone = destinationDeleted(check, context.deletedItemsFolderId) || outcomes.some((o) => o.reason === 'folderMissing');
      const name = destinationNameOf(check);
      if (!gone && name) setup.learnNames({ [kind]: name });
      if (gone) {
        try {
          ({ target, outcomes } = await intoFreshFolder(kind, target, outcomes, triageOptions.before));
        } catch (thrown) {
          if (thrown instanceof SignInError) throw thrown;
          const error = toGraphRequestError(thrown);
          outcomes = outcomes.map((o) => ({ ...o, reached: false, error, reason: 'folderMissing' as const }));
        }
      }
    }

    const unconfirmed: NonNullable<TriageResult['unconfirmed']> = [];
    for (const outcome of outcomes) {
      if (!outcome.reached) continue;
      if (outcome.before) record.messages.push({ before: outcome.before, destinationFolderId: target.destinationFolderId });
      // Triaged, but the answer that held its earlier state was lost: an undo could not restore it, so none is
      // offered, and the caller says so.
      else unconfirmed.push({ messageId: outcome.messageId, subject: outcome.state?.subject ?? '' });
    }
    const failed = outcomes.filter((o) => !o.reached).map((o) => failureOf(o, triageOptions.before?.[o.messageId]));
    return { record, failed: [...failed, ...malformed], ...(unconfirmed.length ? { unconfirmed } : {}) };
  }

  async function undo(record: TriageRecord): Promise<{ restored: string[]; failed: TriageFailure[] }> {
    // An id means nothing outside its own mailbox: restoring elsewhere would touch the wrong mail.
    if ((record.mailbox ?? null) !== shared) throw new RangeError(`Triage record ${record.id} belongs to ${record.mailbox ?? 'the own mailbox'}.`);
    if (record.messages.length === 0) return { restored: [], failed: [] };
    const { outcomes } = await applyGoals(
      record.messages.map((m) => restoreGoal(m.before)),
      applyBase,
    );
    const beforeOf = new Map(record.messages.map((m) => [m.before.id, m.before]));
    return {
      restored: outcomes.filter((o) => o.reached).map((o) => o.messageId),
      // Named as the record knows the message, whatever it became since.
      failed: outcomes
        .filter((o) => !o.reached)
        .map((o) => ({
          messageId: o.messageId,
          subject: beforeOf.get(o.messageId)?.subject ?? '',
          error: o.error ?? new GraphRequestError(0, 'unknown', 'The message could not be restored.'),
          ...(o.reason ? { reason: o.reason } : {}),
        })),
    };
  }

  async function changeSettings(requested: SettingsChange): Promise<TriageSettings> {
    const check = checkSettingsChange(requested);
    if (!check.ok) throw new RangeError(`triage settings refused: ${JSON.stringify(check.problems)}`);
    const next = check.change;
    const current = options.settings();
    const folderIds = { ...current.folderIds };
    const nameOf = (settings: SettingsChange, kind: FolderKind) => (kind === 'asap' ? settings.asapFolderName : settings.readLaterFolderName);
    const known = await setup.folders(FOLDER_KINDS, false);
    for (const kind of FOLDER_KINDS) {
      const name = nameOf(next, kind);
      if (name === nameOf(current, kind)) continue;
      setup.forget(kind);
      const id = known[kind];
      if (!id) {
        delete folderIds[kind]; // made under the new name on first use
        continue;
      }
      try {
        await renameFolder(options.graph, paths, id, name);
        folderIds[kind] = id;
      } catch (error) {
        // Already a GraphRequestError (or a sign-in failure): the folders module converts its own.
        if (!(error instanceof GraphRequestError) || !isConflict(error)) throw error;
        const existing = (await topFoldersNamed(options.graph, paths, name))[0]?.id;
        if (!existing) throw error;
        // Swapping the two names would make both actions file into one folder.
        if (Object.values(known).includes(existing)) throw new SettingsConflictError(kind, name);
        folderIds[kind] = existing;
      }
    }
    const renamed = FOLDER_KINDS.some((kind) => nameOf(next, kind) !== nameOf(current, kind));
    const settings: TriageSettings = { ...current, ...next, folderIds, ...(renamed || current.folderNamesChosen ? { folderNamesChosen: true } : {}) };
    await options.saveSettings(settings);
    return settings;
  }

  return {
    mailbox: shared,
    triage,
    undo,
    changeSettings,
    settings: options.settings,
    counts: async () => {
      const { folderNames, ...counts } = await countWaiting(options.graph, paths, await setup.folders(FOLDER_KINDS, false), options.now(), setup.forget, batch);
      setup.learnNames(folderNames);
      return counts;
    },
    destinationName: (action) => {
      const kind = FOLDER_OF[action];
      return (kind && setup.nameOf(kind)) ?? destinationName(options.settings(), action);
    },
    ensureFolders: async () => {
      const ids = await setup.folders(FOLDER_KINDS, true);
      return { asap: ids.asap!, readLater: ids.readLater! };
    },
  };
}
