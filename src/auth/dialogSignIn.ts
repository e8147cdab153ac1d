/**
 * The work of the auth dialog page: in a top-level window of our own origin (where a popup could
 * not work), sign in with a full-page redirect and answer the taskpane once. Runs on each load of
 * the page: first to start the redirect, then again when Entra ID sends the browser back.
 */
import type { IPublicClientApplication } from '@azure/msal-browser';
import { failureReply, successReply, type DialogReply, type DialogRequest } from './dialogProtocol';
import { needsInteraction } from './signInProblems';

export async function runDialogSignIn(
  pca: IPublicClientApplication,
  request: DialogRequest | undefined,
  redirectUri: string,
  reply: (answer: DialogReply) => void,
): Promise<void> {
  try {
    // Handle the answer on this very page: its URL (with the request in the query) is not the redirect URI.
    const returned = await pca.handleRedirectPromise({ navigateToLoginRequestUrl: false });
    if (returned) return reply(successReply(returned));
    if (!request) return reply(failureReply({ errorCode: 'dialog_without_request' }));

    const account = request.loginHint ? pca.getAccount({ loginHint: request.loginHint }) : null;
    if (account) {
      try {
        return reply(successReply(await pca.acquireTokenSilent({ scopes: request.scopes, account })));
      } catch (error) {
        if (!needsInteraction(error)) throw error;
      }
    }
    // Navigates away; this page runs again with the answer.
    await pca.acquireTokenRedirect({
      scopes: request.scopes,
      redirectUri,
      ...(request.loginHint ? { loginHint: request.loginHint } : { prompt: 'select_account' }),
    });
  } catch (error) {
    reply(failureReply(error));
  }
}
