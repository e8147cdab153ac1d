/**
 * A stand-in for MSAL's client, typed by MSAL's own IPublicClientApplication, so the sign-in chain
 * is tested against the real method shapes. It records what was asked and answers as scripted; the
 * methods Trail never calls throw, so a new call is noticed.
 */
import {
  InteractionRequiredAuthError,
  type AccountInfo,
  type AuthenticationResult,
  type IPublicClientApplication,
  type PopupRequest,
  type RedirectRequest,
  type SilentRequest,
  type SsoSilentRequest,
} from '@azure/msal-browser';

export const account = (username: string, overrides: Partial<AccountInfo> = {}): AccountInfo => ({
  homeAccountId: `${username}.home`,
  environment: 'login.microsoftonline.com',
  tenantId: 'tenant-1',
  username,
  localAccountId: `${username}.oid`,
  ...overrides,
});

export function tokenResult(accessToken: string, who: AccountInfo, scopes: string[] = ['User.Read']): AuthenticationResult {
  return {
    authority: 'https://login.microsoftonline.com/organizations',
    uniqueId: who.localAccountId,
    tenantId: who.tenantId,
    scopes,
    account: who,
    idToken: 'id-token',
    idTokenClaims: {},
    accessToken,
    fromCache: false,
    expiresOn: new Date(Date.UTC(2026, 0, 1, 12)),
    extExpiresOn: new Date(Date.UTC(2026, 0, 1, 13)),
    tokenType: 'Bearer',
    correlationId: 'corr-1',
  };
}

type Answer<R, T> = (request: R) => Promise<T>;

export const interactionRequired = (): InteractionRequiredAuthError =>
  new InteractionRequiredAuthError('interaction_required', 'corr-1', 'the user must sign in');

export class FakePublicClient implements IPublicClientApplication {
  readonly calls: Array<{ method: string; request?: unknown }> = [];
  accounts: AccountInfo[] = [];
  hydrated: AuthenticationResult[] = [];

  onSilent: Answer<SilentRequest, AuthenticationResult> = () => Promise.reject(interactionRequired());
  onSsoSilent: Answer<SsoSilentRequest, AuthenticationResult> = () => Promise.reject(interactionRequired());
  onPopup: Answer<PopupRequest, AuthenticationResult> = () => Promise.reject(new Error('no popup scripted'));
  onRedirect: Answer<RedirectRequest, void> = () => Promise.resolve();
  redirectAnswer: AuthenticationResult | null = null;

  private record(method: string, request?: unknown): void {
    this.calls.push({ method, request });
  }

  called(method: string): unknown[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.request);
  }

  initialize(): Promise<void> {
    this.record('initialize');
    return Promise.resolve();
  }
  acquireTokenSilent(request: SilentRequest): Promise<AuthenticationResult> {
    this.record('acquireTokenSilent', request);
    return this.onSilent(request);
  }
  ssoSilent(request: SsoSilentRequest): Promise<AuthenticationResult> {
    this.record('ssoSilent', request);
    return this.onSsoSilent(request);
  }
  acquireTokenPopup(request: PopupRequest): Promise<AuthenticationResult> {
    this.record('acquireTokenPopup', request);
    return this.onPopup(request);
  }
  acquireTokenRedirect(request: RedirectRequest): Promise<void> {
    this.record('acquireTokenRedirect', request);
    return this.onRedirect(request);
  }
  handleRedirectPromise(options?: Parameters<IPublicClientApplication['handleRedirectPromise']>[0]): Promise<AuthenticationResult | null> {
    this.record('handleRedirectPromise', options);
    return Promise.resolve(this.redirectAnswer);
  }
  getAccount(filter: Parameters<IPublicClientApplication['getAccount']>[0]): AccountInfo | null {
    this.record('getAccount', filter);
    const matches = (a: AccountInfo): boolean =>
      (filter.username === undefined || a.username === filter.username) &&
      (filter.tenantId === undefined || a.tenantId === filter.tenantId) &&
      (filter.localAccountId === undefined || a.localAccountId === filter.localAccountId) &&
      (filter.loginHint === undefined || a.username === filter.loginHint || a.loginHint === filter.loginHint);
    return this.accounts.find(matches) ?? null;
  }
  getAllAccounts(): AccountInfo[] {
    this.record('getAllAccounts');
    return [...this.accounts];
  }
  hydrateCache(result: AuthenticationResult, request: Parameters<IPublicClientApplication['hydrateCache']>[1]): Promise<void> {
    this.record('hydrateCache', request);
    this.hydrated.push(result);
    if (result.account && !this.accounts.some((a) => a.homeAccountId === result.account.homeAccountId)) this.accounts.push(result.account);
    return Promise.resolve();
  }

  // Never used by Trail's sign-in.
  acquireTokenByCode = unused;
  addEventCallback = unused;
  removeEventCallback = unused;
  addPerformanceCallback = unused;
  removePerformanceCallback = unused;
  loginPopup = unused;
  loginRedirect = unused;
  logoutRedirect = unused;
  logoutPopup = unused;
  getLogger = unused;
  setLogger = unused;
  setActiveAccount = unused;
  getActiveAccount = unused;
  initializeWrapperLibrary = unused;
  setNavigationClient = unused;
  getConfiguration = unused;
  clearCache = unused;
}

function unused(): never {
  throw new Error('Trail does not call this MSAL method');
}
