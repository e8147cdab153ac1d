/**
 * Sign-in with MSAL, in the order Microsoft recommends for Office add-ins:
 *
 *   1. the Office host brokers the token (nested app authentication) where NestedAppAuth 1.1 is
 *      supported; otherwise MSAL's standard client;
 *   2. silent first: the MSAL cache (refreshing as needed), or the host / an existing Entra ID session;
 *   3. interactive only when MSAL says the user has to act: a popup, and when no popup can work
 *      here, an Office dialog that signs in with a redirect (src/app/authDialog/dialog.ts).
 *
 * Tokens stay in MSAL's cache; this module hands them to the Graph client and nowhere else.
 */
import type { AccountInfo, AuthenticationResult, Configuration, IPublicClientApplication } from '@azure/msal-browser';
import type { AccessTokenSource } from '../graph/middleware/auth';
import { dialogUrl, parseDialogReply, resultFromWire } from './dialogProtocol';
import type { OfficeAuthHost, OfficeUser } from './officeAuth';
import { needsInteraction, popupUnavailable, toSignInError } from './signInProblems';

export interface MsalSettings {
  clientId: string;
  /** https://login.microsoftonline.com/organizations, or a single tenant's authority. */
  authority: string;
  /** The redirect bridge page (src/app/authRedirect/redirect.ts) that hands popup answers back. */
  redirectUri: string;
  /** The Office dialog's sign-in page (src/app/authDialog/dialog.ts). */
  dialogUrl: string;
}

/** MSAL's two factories; tests pass a fake that implements IPublicClientApplication. */
export interface MsalClientFactories {
  nestable(config: Configuration): Promise<IPublicClientApplication>;
  standard(config: Configuration): Promise<IPublicClientApplication>;
}

export function msalConfiguration(settings: MsalSettings): Configuration {
  return {
    auth: { clientId: settings.clientId, authority: settings.authority, redirectUri: settings.redirectUri },
    // localStorage (encrypted by MSAL) so a reopened pane or the ribbon's function file stays signed in.
    cache: { cacheLocation: 'localStorage' },
  };
}

type Client = { pca: IPublicClientApplication; nested: boolean };

export class MsalSignIn {
  private client: Promise<Client> | undefined;
  private user: Promise<OfficeUser | undefined> | undefined;
  private account: AccountInfo | undefined;
  private readonly inFlight = new Map<string, Promise<string>>();
  /** One interactive prompt at a time: MSAL refuses a second one (interaction_in_progress). */
  private interactionTail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly settings: MsalSettings,
    private readonly office: OfficeAuthHost,
    private readonly factories: MsalClientFactories,
  ) {}

  /** A token source for one scope set; the daily and the admin one share this sign-in. */
  tokenSource(scopes: readonly string[]): AccessTokenSource {
    return { getAccessToken: () => this.accessToken(scopes) };
  }

  accessToken(scopes: readonly string[]): Promise<string> {
    const key = [...scopes].sort().join(' ');
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.acquire([...scopes]).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async acquire(scopes: string[]): Promise<string> {
    try {
      const { pca, nested } = await this.start();
      const user = await (this.user ??= this.office.signedInUser().catch(() => undefined));
      const account = this.accountFor(pca, user);
      let result: AuthenticationResult | undefined;
      try {
        result = await this.silent(pca, nested, scopes, account, user);
      } catch (error) {
        if (!needsInteraction(error)) throw error;
      }
      result ??= await this.interactively(() => this.interactive(pca, scopes, account, user));
      if (result.account) this.account = result.account;
      return result.accessToken;
    } catch (error) {
      throw toSignInError(error);
    }
  }

  private start(): Promise<Client> {
    this.client ??= (async () => {
      const config = msalConfiguration(this.settings);
      const nested = this.office.supportsNestedAppAuth();
      const pca = nested ? await this.factories.nestable(config) : await this.factories.standard(config);
      return { pca, nested };
    })();
    // A failed start (e.g. storage unavailable) is tried again on the next request.
    this.client.catch(() => (this.client = undefined));
    return this.client;
  }

  /** The MSAL account for the person Office says is signed in; never somebody else's. */
  private accountFor(pca: IPublicClientApplication, user: OfficeUser | undefined): AccountInfo | undefined {
    if (user) {
      const filter = user.username
        ? { username: user.username, ...(user.tenantId ? { tenantId: user.tenantId } : {}), ...(user.objectId ? { localAccountId: user.objectId } : {}) }
        : { loginHint: user.loginHint };
      return pca.getAccount(filter) ?? undefined;
    }
    if (this.account) return this.account;
    const accounts = pca.getAllAccounts();
    return accounts.length === 1 ? accounts[0] : undefined;
  }

  private async silent(
    pca: IPublicClientApplication,
    nested: boolean,
    scopes: string[],
    account: AccountInfo | undefined,
    user: OfficeUser | undefined,
  ): Promise<AuthenticationResult | undefined> {
    // With NAA the host answers even without a cached account; the standard client needs one.
    if (account || nested) return pca.acquireTokenSilent({ scopes, ...(account ? { account } : {}) });
    if (!user) return undefined; // nobody to be silent for: go interactive
    try {
      return await pca.ssoSilent({ scopes, loginHint: user.loginHint });
    } catch (error) {
      // The hidden iframe cannot finish where third-party cookies are blocked: let the user act.
      if ((error as { errorCode?: string }).errorCode === 'timed_out') return undefined;
      throw error;
    }
  }

  private async interactive(
    pca: IPublicClientApplication,
    scopes: string[],
    account: AccountInfo | undefined,
    user: OfficeUser | undefined,
  ): Promise<AuthenticationResult> {
    const hint = account ? { account } : user ? { loginHint: user.loginHint } : { prompt: 'select_account' };
    try {
      return await pca.acquireTokenPopup({ scopes, redirectUri: this.settings.redirectUri, ...hint });
    } catch (error) {
      if (!popupUnavailable(error)) throw error;
    }
    return this.viaOfficeDialog(pca, scopes, account?.username ?? user?.loginHint);
  }

  private async viaOfficeDialog(pca: IPublicClientApplication, scopes: string[], loginHint: string | undefined): Promise<AuthenticationResult> {
    const message = await this.office.openDialog(dialogUrl(this.settings.dialogUrl, { scopes, ...(loginHint ? { loginHint } : {}) }));
    const reply = parseDialogReply(message);
    if (!reply.ok) throw reply.error;
    const result = resultFromWire(reply.result);
    // Into this client's own cache, so the next request is served silently from it.
    await pca.hydrateCache(result, { scopes, account: result.account });
    return result;
  }

  private interactively<T>(step: () => Promise<T>): Promise<T> {
    const run = this.interactionTail.then(step, step);
    this.interactionTail = run.catch(() => undefined);
    return run;
  }
}
