import { GraphClientError } from '@microsoft/microsoft-graph-client';

/**
 * Why no access token could be had. Each kind has its own words (src/i18n/errors.ts), because what
 * the user can do differs: accept again, ask the administrator, allow pop-ups, reconnect.
 */
export type SignInProblem =
  /** This build has no app registration (no client id). */
  | 'notConfigured'
  /** The user has not granted the permissions yet, or must grant them again. */
  | 'consentRequired'
  /** The tenant lets only an administrator grant these permissions. */
  | 'adminConsentRequired'
  /** The user declined the permissions on the consent screen. */
  | 'consentDeclined'
  /** The user closed the sign-in window. */
  | 'cancelled'
  /** No sign-in window could open (pop-up blocker, dialog ignored). */
  | 'blocked'
  /** Conditional access or user assignment keeps this account out. */
  | 'blockedByPolicy'
  /** The app registration does not match this installation (redirect URI, client id, platform). */
  | 'misconfigured'
  /** Entra ID could not be reached. */
  | 'offline'
  | 'failed';

/**
 * A failure to get a token. It extends the SDK's GraphClientError because that is the one error type
 * the SDK passes through its middleware unchanged; anything else it re-wraps as a status -1 error,
 * which would read to the user as "offline".
 */
export class SignInError extends GraphClientError {
  constructor(
    readonly problem: SignInProblem,
    message: string,
    readonly reason?: unknown,
  ) {
    super(message);
    this.name = 'SignInError';
    Object.setPrototypeOf(this, SignInError.prototype);
  }
}
