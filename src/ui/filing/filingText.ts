import type { IntlShape } from 'react-intl';
import type { SuggestionReason } from '../../domain/suggestions';
import type { MessageKey } from '../../i18n/messages';
import type { FiledTriage } from './useFiling';

/** The folder a filing moved the message to, by name; Archive is Outlook's own, named in the user's language. */
export const folderName = (intl: IntlShape, moved: FiledTriage): string => (moved.action === 'archive' ? intl.formatMessage({ id: 'folder.archive' }) : moved.folder);

/** Why an entity is suggested, in the user's words. */
export function reasonText(intl: IntlShape, reason: SuggestionReason): string {
  switch (reason.kind) {
    case 'person':
      return intl.formatMessage({ id: `filing.reason.${reason.role}` as MessageKey });
    case 'domain':
      return intl.formatMessage({ id: 'filing.reason.domain' }, { domain: reason.domain, role: reason.role });
    case 'conversation':
      return intl.formatMessage({ id: 'filing.reason.conversation' });
    case 'recent':
      return intl.formatMessage({ id: 'filing.reason.recent' });
  }
}
