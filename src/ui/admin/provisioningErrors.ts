import { describeError } from '../../i18n/errors';
import type { MessageKey } from '../../i18n/messages';
import { provisioningFailure } from '../../services/provisioning/provisioningService';

export interface Words {
  key: MessageKey;
  values: Record<string, string>;
}

/**
 * What went wrong while checking or setting up, as a message key. Graph's own failures (offline,
 * throttled, sign-in) read as they do everywhere else; a 403 here means the rights to manage lists.
 */
export function provisioningErrorWords(error: unknown): Words {
  const failure = provisioningFailure(error);
  switch (failure.kind) {
    case 'notASite':
      return { key: 'admin.error.notASite', values: {} };
    case 'siteNotFound':
      return { key: 'admin.error.notFound', values: {} };
    case 'incomplete':
      return { key: 'admin.error.incomplete', values: { lists: failure.lists.join(', ') } };
    case 'forbidden':
      return { key: 'admin.error.forbidden', values: {} };
    case 'graph':
      return describeError(failure.error);
    case 'unexpected':
      return { key: 'admin.error.unexpected', values: { detail: failure.detail } };
  }
}
