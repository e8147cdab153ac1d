import { SignInError } from '../auth/signInError';
import { GraphRequestError, isMailboxAccessDenied, isOffline, isThrottled, isUnauthenticated, toGraphRequestError } from '../graph/errors';
import type { MessageKey } from './messages';

/** One table from failure to words: the key of the message the user reads and its values. */
export function describeError(error: unknown): { key: MessageKey; values: Record<string, string> } {
  if (error instanceof SignInError) {
    return { key: error.problem === 'notConfigured' ? 'error.signInNotConfigured' : 'error.signIn', values: {} };
  }
  const graphError: GraphRequestError = toGraphRequestError(error);
  if (isOffline(graphError)) return { key: 'error.network', values: {} };
  if (isThrottled(graphError)) return { key: 'error.throttled', values: {} };
  if (isUnauthenticated(graphError)) return { key: 'error.signIn', values: {} };
  if (isMailboxAccessDenied(graphError)) return { key: 'error.mailboxAccessDenied', values: {} };
  return { key: 'error.generic', values: { code: `${graphError.status} ${graphError.code}`.trim() } };
}
