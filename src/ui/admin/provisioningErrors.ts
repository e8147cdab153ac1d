import { SignInError } from '../../graph/tokens';
import { GraphRequestError } from '../../graph/errors';
import { describeError } from '../../i18n/errors';
import type { MessageKey } from '../../i18n/messages';
import { ProvisioningIncompleteError } from '../../record/provision';
import { NotASiteUrlError, SiteNotFoundError } from '../../record/site';

export interface Words {
  key: MessageKey;
  values: Record<string, string>;
}

/**
 * What went wrong while checking or setting up, as a message key. Graph's own failures (offline,
 * throttled, sign-in) read as they do everywhere else; a 403 here means the rights to manage lists.
 */
export function provisioningErrorWords(error: unknown): Words {
  if (error instanceof NotASiteUrlError) return { key: 'admin.error.notASite', values: {} };
  if (error instanceof SiteNotFoundError) return { key: 'admin.error.notFound', values: {} };
  if (error instanceof ProvisioningIncompleteError) return { key: 'admin.error.incomplete', values: { lists: error.lists.join(', ') } };
  if (error instanceof GraphRequestError && error.status === 403) return { key: 'admin.error.forbidden', values: {} };
  if (error instanceof GraphRequestError || error instanceof SignInError) return describeError(error);
  // Anything else is a fault in Trail itself: its own text is the most useful thing to show support.
  return { key: 'admin.error.unexpected', values: { detail: error instanceof Error ? error.message : String(error) } };
}
