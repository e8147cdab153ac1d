import type { IntlShape } from 'react-intl';
import { triageDoneText } from '../../i18n/triage';
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
  const main =
    outcome.kind === 'done'
      ? triageDoneText(intl, { action: outcome.action, count: outcome.total, folder: outcome.folder })
      : intl.formatMessage({ id: 'triage.partial' }, { done: outcome.done, total: outcome.total, subjects: listed(outcome.failed.map((f) => f.subject || f.messageId)) });
  if (outcome.unconfirmed.length === 0) return main;
  return `${main} ${intl.formatMessage({ id: 'triage.unconfirmed' }, { count: outcome.unconfirmed.length, subjects: listed(outcome.unconfirmed) })}`;
}

/** Something the user should look at: not done, not undone, or done without an undo. */
export function outcomeIsWarning(outcome: Said): boolean {
  if (outcome.kind === 'undone') return outcome.failed.length > 0;
  return outcome.kind === 'partial' || outcome.unconfirmed.length > 0;
}
