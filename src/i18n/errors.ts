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

/** The most characters of a value the user typed that an error text quotes. */
export const EXCERPT_MAX = 40;

/**
 * A value quoted in an error text, cut to a short excerpt with an ellipsis (by code points, so no
 * character is split): a 2,000-character name must not fill the pane with itself.
 */
export function excerpt(value: string, max = EXCERPT_MAX): string {
  const chars = Array.from(value);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : value;
}

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
  return { key: 'error.generic', values: { code: excerpt(`${graphError.status} ${graphError.code}`.trim()) } };
}
