import { toGraphRequestError } from './errors';
import { SignInError } from './tokens';

/**
 * Runs one SDK request and converts whatever it throws to a GraphRequestError: the only place the
 * concept modules (calendar, messages, mailFolders, mailboxSettings) turn SDK errors into Trail's.
 * A sign-in failure stays what it is: no retry mends it, and the caller asks the user to sign in.
 */
export async function graphCall<T>(request: () => Promise<unknown>): Promise<T> {
  try {
    return (await request()) as T;
  } catch (error) {
    if (error instanceof SignInError) throw error;
    throw toGraphRequestError(error);
  }
}
