import type { IntlShape } from 'react-intl';
import type { TriageRunOutcome } from '../../services/triage/runner';
import { leftText } from './outcomeText';

/**
 * One line on what the pane resumed when it opened (intents a closed pane or ribbon click left
 * unfinished): how many messages are done, which were left where something newer had moved them, and
 * which still wait in Not done yet. '' when nothing was resumed.
 */
export function resumedText(intl: IntlShape, outcomes: readonly TriageRunOutcome[]): string {
  if (outcomes.length === 0) return '';
  const said = outcomes.flatMap((o) => (o.kind === 'error' ? [] : [o]));
  const done = said.reduce((sum, o) => sum + (o.kind === 'done' ? o.total : o.done), 0);
  const failed = said.flatMap((o) => (o.kind === 'partial' ? o.failed : []));
  const left = failed.filter((f) => f.reason === 'movedSince');
  const waiting = failed.filter((f) => f.reason !== 'movedSince').map((f) => f.subject || f.messageId);
  const parts = [intl.formatMessage({ id: 'triage.resumed' }, { count: outcomes.length, done })];
  if (left.length) parts.push(leftText(intl, left));
  // An intent whose resume failed as a whole stays in Not done yet, where its line says why.
  if (waiting.length) parts.push(intl.formatMessage({ id: 'triage.resumedWaiting' }, { count: waiting.length, subjects: waiting.join(', ') }));
  return parts.join(' ');
}
