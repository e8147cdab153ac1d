import { msalTokenSources } from '../auth/msalTokenSources';
import type { ScopeSet } from '../auth/scopes';
import type { GraphClient, GraphClientConfig } from '../graph/client';
import type { AccessTokenSource } from '../graph/middleware/auth';
import { SignInError } from '../graph/tokens';
import type { OfficeHost } from '../office/host';
import { OfficeJsHost } from '../office/officeJsHost';
import { runtimeConfig, type RuntimeConfig } from './config';

/** True only in builds whose tokens come from the local sandbox (webpack.config.js); a literal, so other builds drop that code. */
declare const __TRAIL_SANDBOX_AUTH__: boolean;

export interface Host {
  host: OfficeHost;
  /** Daily use: the scopes every user consents to. */
  graph: GraphClient;
  /** A client on the provisioning scope's tokens too (the admin screen's); made only when asked for. */
  adminGraph(): GraphClient;
}

/**
 * Office's host and Graph, the same everywhere: in Outlook and in the playground (whose Office.js emulation
 * stands in for office.js) Trail runs on `new OfficeJsHost(Office)`. Only the Graph origin and where tokens
 * come from differ, and the build decides both. What the ribbon's function file starts; the pane's startRuntime
 * adds its services on top. (Apart, so the function file's bundle has no path to the admin screen's code.)
 *
 * `createClient` is the entry's Graph client: the taskpane's is the SDK's (createGraphClient), the function file's
 * the fetch-only one (createFetchGraphClient), with the same middleware, so the ribbon stays within its size target.
 * Passed in rather than imported here, so each entry's bundle carries only its own.
 */
export async function startHost(createClient: (config: GraphClientConfig) => GraphClient): Promise<Host> {
  // MSAL's chunk starts downloading now, beside office.js starting and the first render, not at the first token
  // request after them; msalTokenSources' own import of it then finds it loaded (one module, one chunk).
  if (runtimeConfig.auth === 'msal' && runtimeConfig.msal.clientId) void import(/* webpackChunkName: "msal" */ '../auth/startMsalSignIn').catch(() => undefined);
  await Office.onReady();
  let sandbox: ((origin: string) => AccessTokenSource) | undefined;
  // Inside the literal's branch, so webpack never follows this import in a production build.
  if (__TRAIL_SANDBOX_AUTH__) sandbox = (await import(/* webpackMode: "eager" */ './sandboxBuild')).sandboxTokens;
  const tokens = tokenSourcesFor(runtimeConfig, sandbox);
  const graphWith = (source: AccessTokenSource): GraphClient => createClient({ baseUrl: runtimeConfig.graphBaseUrl, tokens: source });
  return { host: new OfficeJsHost(Office), graph: graphWith(tokens.daily), adminGraph: () => graphWith(tokens.admin) };
}

/** `sandbox`: how a sandbox build makes its token source; builds without one never pass it. */
export function tokenSourcesFor(config: RuntimeConfig, sandbox?: (origin: string) => AccessTokenSource): Record<ScopeSet, AccessTokenSource> {
  if (config.auth === 'sandbox' && config.sandboxOrigin && sandbox) {
    const source = sandbox(config.sandboxOrigin);
    return { daily: source, admin: source };
  }
  const { clientId, authority, authRedirectUrl, authDialogUrl, siteScope } = config.msal;
  if (!clientId) {
    const none: AccessTokenSource = {
      getAccessToken: () => Promise.reject(new SignInError('notConfigured', 'This build has no client id (npm run build -- --env clientId=...).')),
    };
    return { daily: none, admin: none };
  }
  return msalTokenSources({ clientId, authority, redirectUri: authRedirectUrl, dialogUrl: authDialogUrl }, siteScope);
}
