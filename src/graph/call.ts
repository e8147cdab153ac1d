import { toGraphRequestError } from './errors';

/**
 * Runs one SDK request and converts whatever it throws to a GraphRequestError: the only place the
 * concept modules (calendar, messages, mailFolders, mailboxSettings) turn SDK errors into Trail's.
 */
export async function graphCall<T>(request: () => Promise<unknown>): Promise<T> {
  try {
    return (await request()) as T;
  } catch (error) {
    throw toGraphRequestError(error);
  }
}
