// The Office dialog's sign-in page (auth-dialog.html): the last fallback when neither nested app
// authentication nor a popup can sign in. See dialogSignIn.ts for what it does.
import { createStandardPublicClientApplication } from '@azure/msal-browser';
import { runtimeConfig } from '../config';
import { readDialogRequest } from '../../auth/dialogProtocol';
import { runDialogSignIn } from '../../auth/dialogSignIn';
import { msalConfiguration } from '../../auth/msalSignIn';

async function main(): Promise<void> {
  await Office.onReady();
  const { clientId, authority, authDialogUrl } = runtimeConfig.msal;
  // The dialog is its own redirect target: a top-level page can take the answer straight from its URL.
  const pca = await createStandardPublicClientApplication(msalConfiguration({ clientId, authority, redirectUri: authDialogUrl, dialogUrl: authDialogUrl }));
  await runDialogSignIn(pca, readDialogRequest(window.location.search), authDialogUrl, (answer) =>
    Office.context.ui.messageParent(JSON.stringify(answer)),
  );
}

main().catch(() => {
  // Without office.js there is nobody to answer; say so on the page rather than stay blank.
  document.body.textContent = 'Trail could not sign you in here. Close this window and try again.';
});
