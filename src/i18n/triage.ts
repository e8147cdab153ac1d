/**
 * The words of one-click triage, for every surface that speaks them (the pane, the ribbon's
 * notifications, the outbox lines): one label and one confirmation per action, in one place.
 */
import { describeError } from './errors';
import type { MessageKey } from './messages';

/**
 * What these words need of a formatter: react-intl's IntlShape is one (the pane); the ribbon's function file uses
 * src/i18n/format.ts's, which carries no react-intl.
 */
export interface MessageFormatter {
  formatMessage(descriptor: { id: MessageKey }, values?: Record<string, string | number>): string;
}

/** The actions as the words know them (the services' TriageAction). */
export type TriageActionName = 'asap' | 'readLater' | 'archive';

/** The action's name, as on its button. */
export const TRIAGE_LABEL: Record<TriageActionName, MessageKey> = { asap: 'command.asap', readLater: 'command.readLater', archive: 'command.archive' };
/** What was done, by action: `{count}` messages to `{folder}`. */
export const TRIAGE_DONE: Record<TriageActionName, MessageKey> = { asap: 'triage.done.asap', readLater: 'triage.done.readLater', archive: 'triage.done.archive' };

export const triageLabel = (intl: MessageFormatter, action: TriageActionName): string => intl.formatMessage({ id: TRIAGE_LABEL[action] });

/** "Moved to Read later." / "3 messages archived." */
export const triageDoneText = (intl: MessageFormatter, done: { action: TriageActionName; count: number; folder: string }): string =>
  intl.formatMessage({ id: TRIAGE_DONE[done.action] }, { count: done.count, folder: done.folder });

/** "ASAP: 2 messages…" while it runs. */
export const triageWorkingText = (intl: MessageFormatter, action: TriageActionName, count: number): string =>
  intl.formatMessage({ id: 'triage.working' }, { action: triageLabel(intl, action), count });

/** Why, in the words errors read everywhere. */
export function errorText(intl: MessageFormatter, error: unknown): string {
  const { key, values } = describeError(error);
  return intl.formatMessage({ id: key }, values);
}
