// Loaded on demand (see msalTokenSources.ts), so MSAL is not in the pane's first download.
import { createNestablePublicClientApplication, createStandardPublicClientApplication } from '@azure/msal-browser';
import { MsalSignIn, type MsalSettings } from './msalSignIn';
import { officeJsAuthHost } from './officeAuth';
import { scopesFor, type ScopeSet, type SiteScope } from './scopes';

export interface ScopedSignIn {
  tokenFor(set: ScopeSet): Promise<string>;
}

export function startMsalSignIn(settings: MsalSettings, siteScope: SiteScope): ScopedSignIn {
  const signIn = new MsalSignIn(settings, officeJsAuthHost(Office), {
    nestable: (config) => createNestablePublicClientApplication(config),
    standard: createStandardPublicClientApplication,
  });
  return { tokenFor: (set) => signIn.accessToken(scopesFor(set, siteScope)) };
}
