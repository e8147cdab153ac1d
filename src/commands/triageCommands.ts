import { createIntl } from 'react-intl';
import { catalogues, localeFor, type MessageKey } from '../i18n/messages';
import type { CommandEvent, OfficeHost } from '../office/host';

export type TriageAction = 'asap' | 'readLater' | 'archive';

export const TRIAGE_FUNCTIONS: Record<string, TriageAction> = {
  triageAsap: 'asap',
  triageReadLater: 'readLater',
  triageArchive: 'archive',
};

const LABELS: Record<TriageAction, MessageKey> = { asap: 'command.asap', readLater: 'command.readLater', archive: 'command.archive' };

/**
 * A ribbon button's handler: thin by design. It reports through an item notification and always
 * completes the event, or Outlook shows the button as busy until it times out.
 */
export async function runTriageCommand(host: OfficeHost, action: TriageAction, event: CommandEvent): Promise<void> {
  try {
    const locale = localeFor(host.displayLanguage());
    const intl = createIntl({ locale, messages: catalogues[locale] });
    const message = intl.formatMessage({ id: 'command.comingSoon' }, { action: intl.formatMessage({ id: LABELS[action] }) });
    await host.notify({ key: 'trail-triage', kind: 'informational', message });
  } finally {
    event.completed();
  }
}
