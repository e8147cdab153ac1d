// The redirect bridge (auth-redirect.html): where Entra ID sends a popup sign-in back to. MSAL 5
// reads the answer here and hands it to the taskpane over a BroadcastChannel, then closes the popup.
// It must not load anything else, and must not be served with a Cross-Origin-Opener-Policy header.
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

broadcastResponseToMainFrame().catch(() => {
  document.body.textContent = 'Sign-in could not be completed. Close this window and try again.';
});
