import { GraphClientError } from '@microsoft/microsoft-graph-client';

/** Why no access token could be had. */
export type SignInProblem = 'notConfigured' | 'failed';

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
