import { parsedFormatter } from '../../i18n/format';
import { localeFor } from '../../i18n/locale';
import { ribbonCatalogues } from '../../i18n/ribbonCatalogue';
import { errorText, triageDoneText, triageWorkingText, type MessageFormatter } from '../../i18n/triage';
import type { CommandEvent, OfficeHost } from '../../office/host';
import type { TriageRunner } from '../../services/triage/runner';
import type { TriageAction } from '../../services/triage/types';

export type { TriageAction };

export const TRIAGE_FUNCTIONS: Record<string, TriageAction> = {
  triageAsap: 'asap',
  triageReadLater: 'readLater',
  triageArchive: 'archive',
};

/**
 * A ribbon button's handler: thin by design. The runner triages the open message (and keeps the undo
 * record and what failed); this only reports the outcome through an item notification (with undo in
 * the taskpane), and always completes the event, or Outlook shows the button as busy until it times out.
 */
export async function runTriageCommand(host: OfficeHost, runner: Pick<TriageRunner, 'triageItems'>, action: TriageAction, event: CommandEvent): Promise<void> {
  // Only the ribbon's own messages and no react-intl: the function file must stay within 30 KB gzip (issue 18).
  const locale = localeFor(host.displayLanguage());
  const intl: MessageFormatter = parsedFormatter(locale, ribbonCatalogues[locale]);
  const failed = (error: unknown) => host.notify({ key: 'trail-triage', kind: 'error', message: intl.formatMessage({ id: 'triage.failedNotification' }, { error: errorText(intl, error) }) });
  try {
    const item = await host.currentItem();
    if (!item || item.kind !== 'message') {
      await host.notify({ key: 'trail-triage', kind: 'error', message: intl.formatMessage({ id: 'triage.noMessage' }) });
      return;
    }
    await host.notify({ key: 'trail-triage', kind: 'progress', message: triageWorkingText(intl, action, 1) });
    const outcome = await runner.triageItems(action, { mailbox: item.mailbox, items: [{ id: item.id, subject: item.subject }] });
    if (outcome.kind === 'error') return await failed(outcome.error);
    if (outcome.kind === 'partial') return await failed(outcome.failed[0]!.error);
    // Done, but its answer was lost before its earlier state was known: no undo, and the user is told.
    const unconfirmed = outcome.unconfirmed.length ? ` ${intl.formatMessage({ id: 'triage.unconfirmed' }, { count: outcome.unconfirmed.length, subjects: outcome.unconfirmed.join(', ') })}` : '';
    const done = triageDoneText(intl, { action, count: 1, folder: outcome.folder }) + unconfirmed;
    await host.notify({ key: 'trail-triage', kind: 'informational', message: intl.formatMessage({ id: 'triage.notification' }, { message: done }) });
  } catch (error) {
    await failed(error).catch(() => undefined);
  } finally {
    event.completed();
  }
}
