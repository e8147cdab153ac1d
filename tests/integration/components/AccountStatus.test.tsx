/**
 * @jest-environment ./tests/support/jsdomWithFetch.js
 *
 * Signing in from a click: when no sign-in window could open, the pane says so in words and offers
 * Sign in; the click retries and, once connected, tells the pane to load what failed.
 */
import { fireEvent, screen } from '@testing-library/react';
import { SandboxTokenSource } from '../../../src/auth/sandboxTokens';
import { SignInError } from '../../../src/graph/tokens';
import { AccountStatus } from '../../../src/ui/account/AccountStatus';
import { createGraphClient } from '../../../src/graph/client';
import { createAccountService } from '../../../src/services/account';
import type { AccessTokenSource } from '../../../src/graph/middleware/auth';
import { panelHarnessOfFile } from './harness';

const h = panelHarnessOfFile();

/** MSAL's side as the pane sees it: the first attempt finds its window blocked, the next one signs in. */
class BlockedOnceTokens implements AccessTokenSource {
  calls = 0;
  private readonly sandbox = new SandboxTokenSource(h.s.t.sandbox.origin);
  getAccessToken(): Promise<string> {
    this.calls += 1;
    return this.calls === 1 ? Promise.reject(new SignInError('blocked', 'popup_window_error')) : this.sandbox.getAccessToken();
  }
}

test.each([
  ['en' as const, /could not open/i, 'Sign in'],
  ['fi' as const, /ikkuna/i, 'Kirjaudu sisään'],
])('a blocked sign-in window is retried from a click, then the pane is told (%s)', async (locale, words, button) => {
  const tokens = new BlockedOnceTokens();
  const graph = createGraphClient({ baseUrl: h.s.t.sandbox.origin, tokens, retry: { sleep: async () => undefined } });
  let signedIn = 0;
  h.render(<AccountStatus account={createAccountService(graph)} onSignedIn={() => (signedIn += 1)} />, locale);
  expect((await screen.findByRole('alert')).textContent).toMatch(words);
  fireEvent.click(screen.getByRole('button', { name: button }));
  expect((await screen.findByTestId('account-status')).textContent).toContain(h.s.t.user.displayName);
  expect(signedIn).toBe(1);
  expect(tokens.calls).toBe(2);
});

test('a problem a click cannot fix (no app registration in this build) offers no button', async () => {
  const graph = createGraphClient({ baseUrl: h.s.t.sandbox.origin, tokens: { getAccessToken: () => Promise.reject(new SignInError('notConfigured', 'no client id')) } });
  h.render(<AccountStatus account={createAccountService(graph)} />);
  await screen.findByRole('alert');
  expect(screen.queryByTestId('account-sign-in')).toBeNull();
});
