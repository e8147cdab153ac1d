import type { IntlShape } from 'react-intl';
import { describeError } from '../../i18n/errors';
import { triageLabel } from '../../i18n/triage';
import { lastErrorOf, type OutboxEntry } from '../../services/triage/outbox';

/** One "Not done yet" line: the action, the messages by subject, why in the words errors read everywhere else, and the tries. */
export function outboxEntryText(intl: IntlShape, entry: OutboxEntry): string {
  const subjects = entry.subjects.map((subject) => subject || intl.formatMessage({ id: 'triage.outbox.noSubject' })).join(', ');
  // Written down before it was sent, never settled: the pane or the ribbon closed mid-action.
  if (entry.state === 'sending') return intl.formatMessage({ id: 'triage.outbox.interrupted' }, { action: triageLabel(intl, entry.action), subjects });
  const { key, values } = describeError(lastErrorOf(entry));
  return intl.formatMessage(
    { id: 'triage.outbox.entry' },
    { action: triageLabel(intl, entry.action), subjects, reason: intl.formatMessage({ id: key }, values), attempts: entry.attempts },
  );
}
