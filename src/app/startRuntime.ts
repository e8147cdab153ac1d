import { msalTokenSources } from '../auth/msalTokenSources';
import type { ScopeSet } from '../auth/scopes';
import { SignInError } from '../graph/tokens';
import { createGraphClient, type GraphClient } from '../graph/client';
import type { AccessTokenSource } from '../graph/middleware/auth';
import type { OfficeHost } from '../office/host';
import { createAccountService, type AccountService } from '../services/account';
import { deferredProvisioningService } from '../services/provisioning/deferred';
import type { ProvisioningService } from '../services/provisioning/provisioningService';
import { OfficeJsHost } from '../office/officeJsHost';
import { runtimeConfig, type RuntimeConfig } from './config';
import { preloadSignIn } from './signInPreload';

export interface Runtime extends Services {
  host: OfficeHost;
}

/** What the pane needs beyond Outlook itself: built after its first paint (src/app/taskpane/index.tsx). */
export interface Services {
  /** Daily use: the scopes every user consents to. */
  graph: GraphClient;
  /**
   * The admin screen's service, on a client that asks for the provisioning scope on top, only when it
   * is used. Its code loads with the admin screen (the "admin" chunk), not with the pane.
   */
  provisioning: ProvisioningService;
  /** Who the pane is connected as, and whether a click can sign in. */
  account: AccountService;
}

/** True only in builds whose tokens come from the local sandbox (webpack.config.js); a literal, so other builds drop that code. */
declare const __TRAIL_SANDBOX_AUTH__: boolean;

/**
 * Office's host and Graph, the same everywhere: in Outlook and in the playground (whose Office.js emulation
 * stands in for office.js) Trail runs on `new OfficeJsHost(Office)`. Only the Graph origin and where tokens
 * come from differ, and the build decides both.
 */
export async function startRuntime(): Promise<Runtime> {
  preloadSignIn();
  await Office.onReady();
  const host = new OfficeJsHost(Office);
  return { host, ...(await startServices()) };
}

/** Graph, sign-in and the services on them; call after Office.onReady. */
export async function startServices(): Promise<Services> {
  let sandbox: ((origin: string) => AccessTokenSource) | undefined;
  // Inside the literal's branch, so webpack never follows this import in a production build.
  if (__TRAIL_SANDBOX_AUTH__) sandbox = (await import(/* webpackMode: "eager" */ './sandboxBuild')).sandboxTokens;
  const tokens = tokenSourcesFor(runtimeConfig, sandbox);
  const graphWith = (source: AccessTokenSource): GraphClient => createGraphClient({ baseUrl: runtimeConfig.graphBaseUrl, tokens: source });
  const adminGraph = graphWith(tokens.admin);
  const provisioning = deferredProvisioningService(() =>
    import(/* webpackChunkName: "admin" */ '../services/provisioning/provisioningService').then((m) => m.graphProvisioningService(adminGraph)),
  );
  const graph = graphWith(tokens.daily);
  return { graph, provisioning, account: createAccountService(graph) };
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
