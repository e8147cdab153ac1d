import type { IntlShape } from 'react-intl';
import { triageDoneText } from '../../i18n/triage';
import type { TriageFailure } from '../../services/triage/types';
import type { TriageOutcome } from './useTriage';

type Said = Exclude<TriageOutcome, { kind: 'error' }>;

const listed = (subjects: readonly string[]) => subjects.join(', ');

/** What the pane says of the runner's outcome (an error is said by ErrorNotice): only words, no decisions. */
export function outcomeText(intl: IntlShape, outcome: Said): string {
  if (outcome.kind === 'undone') {
    if (outcome.failed.length === 0) return intl.formatMessage({ id: 'triage.undone' }, { count: outcome.count });
    return intl.formatMessage(
      { id: 'triage.undoneSome' },
      { count: outcome.count, failed: outcome.failed.length, subjects: listed(outcome.failed.map((f) => f.subject || f.messageId)) },
    );
  }
  const main = outcome.kind === 'done' ? triageDoneText(intl, { action: outcome.action, count: outcome.total, folder: outcome.folder }) : partialText(intl, outcome);
  if (outcome.unconfirmed.length === 0) return main;
  return `${main} ${intl.formatMessage({ id: 'triage.unconfirmed' }, { count: outcome.unconfirmed.length, subjects: listed(outcome.unconfirmed) })}`;
}

/** Not all done: what waits for Retry, and apart from it what was left where something newer had moved it. */
function partialText(intl: IntlShape, outcome: Extract<Said, { kind: 'partial' }>): string {
  const subjectOf = (f: TriageFailure) => f.subject || f.messageId;
  const left = outcome.failed.filter((f) => f.reason === 'movedSince');
  const waiting = outcome.failed.filter((f) => f.reason !== 'movedSince');
  const head = waiting.length
    ? intl.formatMessage({ id: 'triage.partial' }, { done: outcome.done, total: outcome.total, subjects: listed(waiting.map(subjectOf)) })
    : intl.formatMessage({ id: 'triage.partialDone' }, { done: outcome.done, total: outcome.total });
  return left.length ? `${head} ${leftText(intl, left)}` : head;
}

/** "1 message had been moved elsewhere since, so Trail left it there: …" */
export const leftText = (intl: IntlShape, left: readonly TriageFailure[]): string =>
  intl.formatMessage({ id: 'triage.leftMovedSince' }, { count: left.length, subjects: listed(left.map((f) => f.subject || f.messageId)) });

/** Something the user should look at: not done, not undone, or done without an undo. */
export function outcomeIsWarning(outcome: Said): boolean {
  if (outcome.kind === 'undone') return outcome.failed.length > 0;
  return outcome.kind === 'partial' || outcome.unconfirmed.length > 0;
}
