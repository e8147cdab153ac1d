import { createIntl, type IntlShape } from 'react-intl';
import { describeError } from '../../i18n/errors';
import { catalogues, localeFor, type MessageKey } from '../../i18n/messages';
import type { ItemIdentities } from '../../services/itemIdentities';
import type { CommandEvent, OfficeHost } from '../../office/host';
import { triageOfficeItems } from '../../services/triage/officeItems';
import type { TriageService } from '../../services/triage/triageService';
import type { TriageAction, TriageFailure, TriageRecord } from '../../services/triage/types';

export type { TriageAction };

export const TRIAGE_FUNCTIONS: Record<string, TriageAction> = {
  triageAsap: 'asap',
  triageReadLater: 'readLater',
  triageArchive: 'archive',
};

const LABELS: Record<TriageAction, MessageKey> = { asap: 'command.asap', readLater: 'command.readLater', archive: 'command.archive' };
const DONE: Record<TriageAction, MessageKey> = { asap: 'triage.done.asap', readLater: 'triage.done.readLater', archive: 'triage.done.archive' };

/** What a ribbon command needs besides the host: the triage service and where undo and retries are kept. */
export interface TriageCommandDeps {
  /** The triage service of the mailbox the item is in: a shared one by its address, or the own one (null). */
  triageFor: (mailbox: string | null) => TriageService;
  /** Immutable ids of what Office names: a retry must still find the message after the move. */
  identities: Pick<ItemIdentities, 'ofAll'>;
  /** Records the action so the taskpane can undo it. */
  remember: (record: TriageRecord) => void;
  /** Keeps what could not be done, for the taskpane's outbox (with the mailbox it must be retried in). */
  keepForRetry: (action: TriageAction, failures: TriageFailure[], mailbox: string | null) => void;
}

/**
 * A ribbon button's handler: thin by design. It triages the open message, reports through an item
 * notification (with undo in the taskpane), and always completes the event, or Outlook shows the
 * button as busy until it times out.
 */
export async function runTriageCommand(host: OfficeHost, deps: TriageCommandDeps, action: TriageAction, event: CommandEvent): Promise<void> {
  const intl: IntlShape = createIntl({ locale: localeFor(host.displayLanguage()), messages: catalogues[localeFor(host.displayLanguage())] });
  try {
    const item = await host.currentItem();
    if (!item || item.kind !== 'message') {
      await host.notify({ key: 'trail-triage', kind: 'error', message: intl.formatMessage({ id: 'triage.noMessage' }) });
      return;
    }
    await host.notify({
      key: 'trail-triage',
      kind: 'progress',
      message: intl.formatMessage({ id: 'triage.working' }, { action: intl.formatMessage({ id: LABELS[action] }), count: 1 }),
    });
    const triage = deps.triageFor(item.mailbox);
    const result = await triageOfficeItems(triage, deps.identities, action, [item.id]);
    if (result.failed.length > 0) {
      // A message that never answered has no subject from Graph; Office knows it, and the outbox names it.
      const failed = result.failed.map((f) => (f.subject ? f : { ...f, subject: item.subject }));
      deps.keepForRetry(action, failed, triage.mailbox);
      const { key, values } = describeError(result.failed[0]!.error);
      await host.notify({ key: 'trail-triage', kind: 'error', message: intl.formatMessage({ id: 'triage.failedNotification' }, { error: intl.formatMessage({ id: key }, values) }) });
      return;
    }
    deps.remember(result.record);
    const done = intl.formatMessage({ id: DONE[action] }, { count: 1, folder: triage.destinationName(action) });
    await host.notify({ key: 'trail-triage', kind: 'informational', message: intl.formatMessage({ id: 'triage.notification' }, { message: done }) });
  } catch (error) {
    const { key, values } = describeError(error);
    await host
      .notify({ key: 'trail-triage', kind: 'error', message: intl.formatMessage({ id: 'triage.failedNotification' }, { error: intl.formatMessage({ id: key }, values) }) })
      .catch(() => undefined);
  } finally {
    event.completed();
  }
}
