/** Build-time settings injected by webpack's DefinePlugin (see webpack.config.js). */
export interface RuntimeConfig {
  /** Graph origin: https://graph.microsoft.com, or the sandbox in development. */
  graphBaseUrl: string;
  /** Where tokens come from: MSAL against Entra ID, or the local sandbox's dev issuer. */
  auth: 'msal' | 'sandbox';
  sandboxOrigin: string | null;
  /** The SharePoint site of the shared record, as the admin screen first suggests it ('' when unknown). */
  siteUrl: string;
}

declare const __TRAIL_CONFIG__: RuntimeConfig;

export const runtimeConfig: RuntimeConfig = __TRAIL_CONFIG__;
