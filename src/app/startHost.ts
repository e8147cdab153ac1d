import { msalTokenSources } from '../auth/msalTokenSources';
import type { ScopeSet } from '../auth/scopes';
import type { GraphClient, GraphClientConfig } from '../graph/client';
import type { AccessTokenSource } from '../graph/middleware/auth';
import { SignInError } from '../graph/tokens';
import type { OfficeHost } from '../office/host';
import { OfficeJsHost } from '../office/officeJsHost';
import { runtimeConfig, type RuntimeConfig } from './config';
import { preloadSignIn } from './signInPreload';

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
 * come from differ, and the build decides both. What the ribbon's function file starts; the pane's startServices
 * adds its services on top. (Apart, so the function file's bundle has no path to the admin screen's code.)
 *
 * `createClient` is the entry's Graph client: the taskpane's is the SDK's (createGraphClient), the function file's
 * the fetch-only one (createFetchGraphClient), with the same middleware, so the ribbon stays within its size target.
 * Passed in rather than imported here, so each entry's bundle carries only its own.
 */
export async function startHost(createClient: (config: GraphClientConfig) => GraphClient): Promise<Host> {
  preloadSignIn();
  await Office.onReady();
  return { host: new OfficeJsHost(Office), ...(await startGraph(createClient)) };
}

/** Graph on the build's token sources, without Office (the taskpane starts Office itself, to paint first); call after Office.onReady. */
export async function startGraph(createClient: (config: GraphClientConfig) => GraphClient): Promise<Omit<Host, 'host'>> {
  let sandbox: ((origin: string) => AccessTokenSource) | undefined;
  // Inside the literal's branch, so webpack never follows this import in a production build.
  if (__TRAIL_SANDBOX_AUTH__) sandbox = (await import(/* webpackMode: "eager" */ './sandboxBuild')).sandboxTokens;
  const tokens = tokenSourcesFor(runtimeConfig, sandbox);
  const graphWith = (source: AccessTokenSource): GraphClient => createClient({ baseUrl: runtimeConfig.graphBaseUrl, tokens: source });
  return { graph: graphWith(tokens.daily), adminGraph: () => graphWith(tokens.admin) };
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
