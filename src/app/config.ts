import type { SiteScope } from '../auth/scopes';

/** Build-time settings injected by webpack's DefinePlugin (see webpack.config.js). */
export interface RuntimeConfig {
  /** Graph origin: https://graph.microsoft.com, or the sandbox in development. */
  graphBaseUrl: string;
  /** Where tokens come from: MSAL against Entra ID, or the local sandbox's dev issuer. */
  auth: 'msal' | 'sandbox';
  sandboxOrigin: string | null;
  /** The SharePoint site of the shared record, as the admin screen first suggests it ('' when unknown). */
  siteUrl: string;
  /** The Entra ID app registration (`--env clientId=`, docs/deploy.md). */
  msal: {
    /** The app registration's Application (client) ID; '' when the build has none. */
    clientId: string;
    /** https://login.microsoftonline.com/organizations, or /<tenant id> for a single-tenant app. */
    authority: string;
    /** The popup's redirect URI: the redirect bridge page (auth-redirect.html). */
    authRedirectUrl: string;
    /** The Office dialog's sign-in page, also its own redirect URI (auth-dialog.html). */
    authDialogUrl: string;
    /** Sites.ReadWrite.All, or Sites.Selected where an administrator grants Trail the one site. */
    siteScope: SiteScope;
  };
}

declare const __TRAIL_CONFIG__: RuntimeConfig;

export const runtimeConfig: RuntimeConfig = __TRAIL_CONFIG__;
