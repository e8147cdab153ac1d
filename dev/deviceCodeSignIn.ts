/**
 * Device-code sign-in for `npm run provision` against a real tenant: the command prints a code, the
 * administrator enters it at https://microsoft.com/devicelogin in any browser, and MSAL (msal-node)
 * polls until they have signed in. The token stays in msal-node's in-memory cache for this run only.
 */
import { PublicClientApplication, type AccountInfo } from '@azure/msal-node';
import { SignInError } from '../src/graph/tokens';
import { toSignInError } from '../src/auth/signInProblems';
import type { AccessTokenSource } from '../src/graph/middleware/auth';

export interface DeviceCodeSettings {
  clientId: string;
  /** A tenant id or domain (contoso.onmicrosoft.com), or 'organizations'. */
  tenant: string;
  scopes: string[];
  /** Where the "open this page and enter this code" line goes. */
  say(line: string): void;
}

/** The two msal-node calls used, so tests can stand in for Entra ID. */
export type DeviceCodeClient = Pick<PublicClientApplication, 'acquireTokenByDeviceCode' | 'acquireTokenSilent'>;

export const authorityFor = (tenant: string): string => `https://login.microsoftonline.com/${encodeURIComponent(tenant)}`;

export class DeviceCodeTokenSource implements AccessTokenSource {
  private account: AccountInfo | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly settings: DeviceCodeSettings,
    private readonly client: DeviceCodeClient = new PublicClientApplication({
      auth: { clientId: settings.clientId, authority: authorityFor(settings.tenant) },
    }),
  ) {}

  getAccessToken(): Promise<string> {
    // Graph calls run in parallel; they share one sign-in rather than print several codes.
    this.pending ??= this.acquire().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async acquire(): Promise<string> {
    const { scopes } = this.settings;
    try {
      if (this.account) {
        // From msal-node's cache, refreshed with the refresh token when the access token ages out.
        const cached = await this.client.acquireTokenSilent({ account: this.account, scopes }).catch(() => null);
        if (cached) return cached.accessToken;
      }
      const result = await this.client.acquireTokenByDeviceCode({ scopes, deviceCodeCallback: (code) => this.settings.say(code.message) });
      if (!result) throw new SignInError('failed', 'Device-code sign-in ended without a token.');
      this.account = result.account ?? undefined;
      return result.accessToken;
    } catch (error) {
      throw toSignInError(error);
    }
  }
}
