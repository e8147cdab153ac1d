/**
 * Brings messages to their goals over `$batch`, in rounds, so that nothing is ever applied twice.
 *
 * A click on a few messages writes without reading first when all of it fits one call: per message a
 * chain (read → PATCH → move, each step depending on the one before), so one click is one round trip.
 * A larger selection reads every message first (its reads cost no more calls than blind chains would)
 * and then writes only what each message still needs. Undo, which knows every earlier state from its
 * record, always writes straight away.
 *
 * What failed is tried again after a backoff, and how depends on what Graph may have done:
 *  - refused before any work (429, or 424 because an earlier step failed): sent again as planned;
 *  - a PATCH that failed: sent again (PATCH is idempotent: the same body leaves the same state);
 *  - a move that failed otherwise (503, dropped connection, a lost `$batch` answer): the move may have
 *    happened, so the message is read again and only what is still missing is written.
 * A retry of an earlier action (`verifyFirst`) reads every message first.
 *
 * Every call is one Graph accepts (sendInCalls): the chains of a write round go whole, one after another,
 * in serial calls (a step Graph skipped only because an earlier message in its call failed is sent again,
 * and is no failure of its own message), several calls side by side within Exchange's 4 requests in
 * flight per mailbox.
 */
import type { GraphClient } from '../../graph/client';
import { batchError, MAX_BATCH, type BatchOptions, type BatchResult, type BatchStep } from '../../graph/batch';
import { GraphRequestError, isThrottled } from '../../graph/errors';
import { asksLongerThanAllowed, retryDelayMs } from '../../graph/retryPolicy';
import { sendInCalls } from './batchCalls';
import { planChain, type PlannedStep, type StepKind } from './chains';
import { nextMoveAfter } from './failureRules';
import { isReached, type Goal } from './goals';
import type { MailboxPaths } from '../../graph/mailboxPaths';
import { toMessageState } from './messageState';
import type { MessageState, TriageFailureReason } from './types';

export interface GoalOutcome {
  messageId: string;
  reached: boolean;
  /**
   * The first state read, before this run changed anything (or as given). Absent when the only read
   * came after a write whose answer was lost: it may already show this run's changes.
   */
  before?: MessageState;
  /** The last state Graph reported. */
  state?: MessageState;
  error?: GraphRequestError;
  reason?: TriageFailureReason;
  /** A write of this run (or of an earlier attempt) may have landed before any read: no "before" can be known. */
  beforeLost?: true;
}

export interface ApplyGoalsOptions {
  graph: GraphClient;
  paths: MailboxPaths;
  /** `maxRetries` (3) counts failed attempts per message; `sleep` and `now` let tests skip real waiting. */
  batch?: BatchOptions;
  /** Read every message before writing anything: an earlier attempt may have applied part of the action. */
  verifyFirst?: boolean;
  /** States read by an earlier attempt, by message id. */
  before?: Readonly<Record<string, MessageState>>;
  /** States already known (from an earlier run just now): write from them without reading. */
  known?: ReadonlyMap<string, MessageState>;
  /** Messages an earlier attempt wrote to without learning their state: a first read here is no "before". */
  beforeLost?: ReadonlySet<string>;
  /** A message read in neither its `before` folder nor the goal's is left as it is (reason 'movedSince'). */
  leaveMovedSince?: boolean;
  /** Called once, just before the first write call is sent. */
  beforeWrite?: () => void;
  /** Requests to send along with the first write call (a check of the destination folder); their results come back as `alongside`. */
  alongside?: readonly BatchStep[];
}

type Mode = 'blind' | 'read' | 'known';

interface Tracker {
  index: number;
  goal: Goal;
  mode: Mode;
  status: 'pending' | 'reached' | 'failed';
  before?: MessageState;
  known?: MessageState;
  failures: number;
  /** A write was sent and its answer lost before this message was read: a later read is no "before". */
  beforeLost?: boolean;
  error?: GraphRequestError;
  reason?: TriageFailureReason;
  /** A move answered 404: the next read tells whether the message or the folder is gone. */
  moveNotFound?: GraphRequestError;
}

interface Chain {
  tracker: Tracker;
  blind: boolean;
  steps: PlannedStep[];
}

/** What a round learnt about waiting: whether anything should be tried again, and what Graph asked for. */
interface RoundWaits {
  retry: boolean;
  attempt: number;
  retryAfter: Array<string | undefined>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const isPending = (t: Tracker): boolean => t.status === 'pending';

export async function applyGoals(goals: readonly Goal[], options: ApplyGoalsOptions): Promise<{ outcomes: GoalOutcome[]; alongside: Map<string, BatchResult> }> {
  const maxRetries = options.batch?.maxRetries ?? 3;
  const sleep = options.batch?.sleep ?? defaultSleep;
  const now = options.batch?.now ?? (() => new Date());
  const alongside = new Map<string, BatchResult>();
  let alongsidePending = [...(options.alongside ?? [])];

  // A state read inside a blind chain is lost with the call's answer; within one call that risk stays small.
  // Goals that need no earlier state (undo knows it from the record) write blind however many calls it takes.
  const blindSteps = goals.reduce((sum, g) => sum + (g.readInChain ? 1 : 0) + g.blindPatches.length + 1, options.alongside?.length ?? 0);
  const startBlind = !options.verifyFirst && (blindSteps <= MAX_BATCH || goals.every((g) => !g.readInChain));
  const trackers: Tracker[] = goals.map((goal, index) => {
    const known = options.known?.get(goal.messageId);
    const before = options.before?.[goal.messageId];
    const mode: Mode = known ? 'known' : startBlind ? 'blind' : 'read';
    const lost = !before && options.beforeLost?.has(goal.messageId);
    return { index, goal, mode, status: 'pending', failures: 0, ...(before ? { before } : {}), ...(known ? { known } : {}), ...(lost ? { beforeLost: true } : {}) };
  });

  const finish = (t: Tracker, error: GraphRequestError, reason?: TriageFailureReason): void => {
    t.status = 'failed';
    t.error = error;
    if (reason) t.reason = reason;
  };
  const failOnce = (t: Tracker, error: GraphRequestError, waits: RoundWaits, retryAfter?: string): void => {
    t.failures += 1;
    t.error = error;
    if (t.failures > maxRetries || asksLongerThanAllowed(retryAfter, now())) return finish(t, error);
    waits.retry = true;
    waits.attempt = Math.max(waits.attempt, t.failures - 1);
    waits.retryAfter.push(retryAfter);
  };
  const learn = (t: Tracker, body: unknown, isRead: boolean): MessageState | undefined => {
    const state = toMessageState(body);
    if (!state) return undefined;
    t.known = state;
    if (isRead && !t.beforeLost) t.before ??= state;
    return state;
  };
  /** A write call went unanswered: from here on, a first read may already show this run's changes. */
  const answerLost = (t: Tracker): void => {
    if (t.status !== 'pending') return;
    t.mode = 'read';
    if (!t.before) t.beforeLost = true;
  };

  /** Read where neither the action found it nor it sends it: something newer moved it (a retry leaves it). */
  const movedSince = (t: Tracker, state: MessageState): boolean => {
    const earlier = options.before?.[t.goal.messageId];
    return !!options.leaveMovedSince && !!earlier && state.parentFolderId !== earlier.parentFolderId && state.parentFolderId !== t.goal.destinationFolderId;
  };

  async function readPhase(readers: Tracker[], waits: RoundWaits): Promise<void> {
    const byStep = new Map(readers.map((t) => [`${t.index}-read`, t]));
    const steps: BatchStep[] = readers.map((t) => ({ id: `${t.index}-read`, method: 'GET', url: options.paths.messageState(t.goal.messageId) }));
    await sendInCalls(options.graph, steps, options.batch ?? {}, (results, chunk) => {
      for (const step of chunk) {
        const t = byStep.get(step.id)!;
        const result = results instanceof GraphRequestError ? undefined : results.get(step.id);
        if (!result) {
          failOnce(t, results instanceof GraphRequestError ? results : noAnswer(), waits);
          continue;
        }
        if (!result.ok) {
          const error = batchError(result);
          const next = nextMoveAfter('read', error);
          if (next === 'messageMissing') finish(t, error, 'messageMissing');
          else if (next === 'giveUp') finish(t, error);
          else failOnce(t, error, waits, result.headers['retry-after']);
          continue;
        }
        const state = learn(t, result.body, true);
        if (!state) finish(t, new GraphRequestError(result.status, 'unreadableMessage', 'Graph answered with something that is not a message.'));
        else if (isReached(t.goal, state)) t.status = 'reached';
        else if (movedSince(t, state)) finish(t, new GraphRequestError(409, 'movedSince', 'The message was moved elsewhere after this action was asked for; it is left there.'), 'movedSince');
        else if (t.moveNotFound) finish(t, t.moveNotFound, 'folderMissing');
        else t.mode = 'known';
      }
    });
  }

  function chainFor(t: Tracker): Chain {
    const blind = t.mode === 'blind';
    return { tracker: t, blind, steps: planChain(t.goal, options.paths, String(t.index), blind ? undefined : t.known) };
  }

  function settleChain(chain: Chain, results: Map<string, BatchResult> | GraphRequestError, waits: RoundWaits): void {
    const t = chain.tracker;
    const writes = chain.steps.some((s) => s.kind !== 'read');
    if (results instanceof GraphRequestError) {
      failOnce(t, results, waits);
      // A whole call refused with 429 did nothing; any other failure may have come after the writes.
      if (writes && !isThrottled(results)) answerLost(t);
      return;
    }
    for (const { step, kind } of chain.steps) {
      const result = results.get(step.id);
      if (!result) {
        failOnce(t, noAnswer(), waits);
        answerLost(t);
        return;
      }
      if (result.ok) {
        learn(t, result.body, kind === 'read');
        continue;
      }
      settleFailedStep(t, kind, batchError(result), waits, result.headers['retry-after']);
      return;
    }
    // Every step succeeded. A blind attempt may still leave work only its read could reveal (a flag to complete).
    if (chain.blind && t.known && !isReached(t.goal, t.known)) t.mode = 'known';
    else t.status = 'reached';
  }

  function settleFailedStep(t: Tracker, kind: StepKind, error: GraphRequestError, waits: RoundWaits, retryAfter: string | undefined): void {
    switch (nextMoveAfter(kind, error)) {
      case 'messageMissing':
        return finish(t, error, 'messageMissing');
      case 'giveUp':
        return finish(t, error);
      case 'locate':
        t.moveNotFound = error;
        t.mode = 'read';
        t.failures += 1;
        if (t.failures > maxRetries) finish(t, error);
        return;
      case 'readThenRetry':
        failOnce(t, error, waits, retryAfter);
        if (isPending(t)) t.mode = 'read';
        return;
      case 'retry':
        failOnce(t, error, waits, retryAfter);
        // Re-planned from what is known (the PATCH, if it did land, changes nothing when sent again).
        if (isPending(t) && t.known) t.mode = 'known';
        return;
    }
  }

  let writing = false;
  async function writePhase(writers: Tracker[], waits: RoundWaits): Promise<void> {
    if (!writing) {
      writing = true;
      options.beforeWrite?.();
    }
    const chains = writers.map(chainFor);
    const byStep = new Map(chains.flatMap((chain) => chain.steps.map(({ step }) => [step.id, chain] as const)));
    const extra = alongsidePending;
    alongsidePending = [];
    const extraIds = new Set(extra.map((s) => s.id));
    await sendInCalls(options.graph, [...extra, ...chains.flatMap((c) => c.steps.map((s) => s.step))], options.batch ?? {}, (results, chunk) => {
      const settled = new Set<Chain>();
      for (const step of chunk) {
        if (extraIds.has(step.id)) {
          if (!(results instanceof GraphRequestError) && results.has(step.id)) alongside.set(step.id, results.get(step.id)!);
          continue;
        }
        const chain = byStep.get(step.id)!;
        if (settled.has(chain)) continue;
        settled.add(chain);
        settleChain(chain, results, waits);
      }
    });
  }

  while (trackers.some(isPending)) {
    const waits: RoundWaits = { retry: false, attempt: 0, retryAfter: [] };
    const readers = trackers.filter((t) => isPending(t) && t.mode === 'read');
    if (readers.length > 0) await readPhase(readers, waits);
    for (const t of trackers) if (isPending(t) && t.mode === 'known' && isReached(t.goal, t.known!)) t.status = 'reached';
    const writers = trackers.filter((t) => isPending(t) && t.mode !== 'read');
    if (writers.length > 0) await writePhase(writers, waits);
    if (waits.retry && trackers.some(isPending)) {
      const at = now();
      await sleep(Math.max(...waits.retryAfter.map((header) => retryDelayMs(waits.attempt, header, at))));
    }
  }

  const outcomes = trackers.map((t): GoalOutcome => ({
    messageId: t.goal.messageId,
    reached: t.status === 'reached',
    ...(t.before ? { before: t.before } : {}),
    ...(t.known ? { state: t.known } : {}),
    ...(t.status === 'failed' && t.error ? { error: t.error } : {}),
    ...(t.status === 'failed' && t.reason ? { reason: t.reason } : {}),
    ...(t.beforeLost && !t.before ? { beforeLost: true as const } : {}),
  }));
  return { outcomes, alongside };
}

function noAnswer(): GraphRequestError {
  return new GraphRequestError(0, 'network', 'Graph sent no answer for this request.');
}
