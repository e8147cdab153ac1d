/**
 * One message's requests in a `$batch`: a chain in which each step depends on the one before, so Graph
 * runs them in order and skips the rest (424) once one fails. Written blind (before the message is
 * read) a chain carries the goal's state-independent writes; from a known state, only what is missing.
 */
import type { BatchStep } from '../../graph/batch';
import type { Goal } from './goals';
import type { MailboxPaths } from '../../graph/mailboxPaths';
import type { MessageState } from './types';

export type StepKind = 'read' | 'patch' | 'move';

export interface PlannedStep {
  step: BatchStep;
  kind: StepKind;
}

/** `known` absent: written blind. `key` makes the step ids unique within a call. */
export function planChain(goal: Goal, paths: MailboxPaths, key: string, known?: MessageState): PlannedStep[] {
  const patches = known ? goal.patchesFrom(known) : [...goal.blindPatches];
  const writes: Array<{ kind: StepKind; body?: unknown }> = patches.map((body) => ({ kind: 'patch', body }));
  if (!known || known.parentFolderId !== goal.destinationFolderId) {
    const move = { kind: 'move' as const, body: { destinationId: goal.destinationFolderId } };
    if (goal.order === 'patchThenMove') writes.push(move);
    else writes.unshift(move);
  }
  const planned = !known && goal.readInChain ? [{ kind: 'read' as const }, ...writes] : writes;
  return planned.map(({ kind, body }, k) => {
    const url = kind === 'read' ? paths.messageState(goal.messageId) : kind === 'move' ? paths.move(goal.messageId) : paths.message(goal.messageId);
    const method: BatchStep['method'] = kind === 'read' ? 'GET' : kind === 'move' ? 'POST' : 'PATCH';
    const step: BatchStep = { id: `${key}-${k}`, method, url, ...(body !== undefined ? { body } : {}), ...(k > 0 ? { dependsOn: [`${key}-${k - 1}`] } : {}) };
    return { step, kind };
  });
}
