import { SignInError, type SignInProblem } from '../graph/tokens';
import { GraphRequestError, isMailboxAccessDenied, isOffline, isThrottled, isUnauthenticated, toGraphRequestError } from '../graph/errors';
import { EntityGoneError } from '../domain/entityGone';
import type { MessageKey } from './messages';

/** What each sign-in problem says to the user; 'offline' reads as any other lost connection. */
export const SIGN_IN_WORDS: Record<SignInProblem, MessageKey> = {
  notConfigured: 'error.signInNotConfigured',
  consentRequired: 'error.signInConsent',
  adminConsentRequired: 'error.signInAdminConsent',
  consentDeclined: 'error.signInConsentDeclined',
  cancelled: 'error.signInCancelled',
  blocked: 'error.signInBlocked',
  blockedByPolicy: 'error.signInPolicy',
  misconfigured: 'error.signInMisconfigured',
  offline: 'error.network',
  failed: 'error.signIn',
};

/** One table from failure to words: the key of the message the user reads and its values. */
export function describeError(error: unknown): { key: MessageKey; values: Record<string, string> } {
  if (error instanceof SignInError) {
    return { key: SIGN_IN_WORDS[error.problem], values: {} };
  }
  // Merged into another entry or erased by the time it was used: nothing was written for it.
  if (error instanceof EntityGoneError) return { key: 'entity.gone', values: { kind: error.ref.kind } };
  const graphError: GraphRequestError = toGraphRequestError(error);
  if (isOffline(graphError)) return { key: 'error.network', values: {} };
  if (isThrottled(graphError)) return { key: 'error.throttled', values: {} };
  if (isUnauthenticated(graphError)) return { key: 'error.signIn', values: {} };
  if (isMailboxAccessDenied(graphError)) return { key: 'error.mailboxAccessDenied', values: {} };
  // Triage's own reason (applyGoals): a Retry or a resume left a message something newer had moved.
  if (graphError.code === 'movedSince') return { key: 'triage.movedSince', values: {} };
  return { key: 'error.generic', values: { code: `${graphError.status} ${graphError.code}`.trim() } };
}
