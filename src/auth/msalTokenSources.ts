import type { AccessTokenSource } from '../graph/middleware/auth';
import type { MsalSettings } from './msalSignIn';
import type { ScopeSet, SiteScope } from './scopes';
import type { ScopedSignIn } from './startMsalSignIn';

/**
 * Token sources for the daily and the admin scope sets, sharing one MSAL sign-in. MSAL itself is
 * fetched with a dynamic import on the first token request, which keeps it out of the initial
 * bundle of the taskpane and the function file (and out of the playground entirely).
 */
export function msalTokenSources(settings: MsalSettings, siteScope: SiteScope): Record<ScopeSet, AccessTokenSource> {
  let signIn: Promise<ScopedSignIn> | undefined;
  const load = (): Promise<ScopedSignIn> => {
    signIn ??= import(/* webpackChunkName: "msal" */ './startMsalSignIn').then((m) => m.startMsalSignIn(settings, siteScope));
    signIn.catch(() => (signIn = undefined)); // a failed chunk download is tried again next time
    return signIn;
  };
  const source = (set: ScopeSet): AccessTokenSource => ({ getAccessToken: async () => (await load()).tokenFor(set) });
  return { daily: source('daily'), admin: source('admin') };
}
