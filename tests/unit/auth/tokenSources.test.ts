import { SandboxTokenSource } from '../../../src/auth/sandboxTokens';
import { SignInError } from '../../../src/graph/tokens';
import type { RuntimeConfig } from '../../../src/app/config';

// startRuntime reads the build's __TRAIL_CONFIG__ when it loads; the tests give it one.
(globalThis as { __TRAIL_CONFIG__?: unknown }).__TRAIL_CONFIG__ = {};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { tokenSourcesFor } = require('../../../src/app/startRuntime') as typeof import('../../../src/app/startRuntime');

const config = (overrides: Partial<RuntimeConfig>): RuntimeConfig => ({
  graphBaseUrl: 'https://graph.microsoft.com',
  auth: 'msal',
  sandboxOrigin: null,
  siteUrl: '',
  msal: { clientId: '', authority: 'https://login.microsoftonline.com/organizations', authRedirectUrl: 'https://a/auth-redirect.html', authDialogUrl: 'https://a/auth-dialog.html', siteScope: 'Sites.ReadWrite.All' },
  ...overrides,
});

test('a build without a client id says sign-in is not configured, for both scope sets', async () => {
  const sources = tokenSourcesFor(config({}));
  for (const source of [sources.daily, sources.admin]) {
    const error = await source.getAccessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInError);
    expect((error as SignInError).problem).toBe('notConfigured');
  }
});

test('the sandbox build shares one sandbox token source for daily and admin use', () => {
  const sandbox = (origin: string) => new SandboxTokenSource(origin);
  const sources = tokenSourcesFor(config({ auth: 'sandbox', sandboxOrigin: 'https://localhost:3001' }), sandbox);
  expect(sources.daily).toBeInstanceOf(SandboxTokenSource);
  expect(sources.daily).toBe(sources.admin);
});

test('with a client id, daily and admin use get separate MSAL sources (one scope set each)', () => {
  const sources = tokenSourcesFor(config({ msal: { ...config({}).msal, clientId: 'app-id' } }));
  expect(sources.daily).not.toBe(sources.admin);
});
