import type { Client } from '@microsoft/microsoft-graph-client';
import { msalTokenSources } from '../auth/msalTokenSources';
import { SandboxTokenSource } from '../auth/sandboxTokens';
import type { ScopeSet } from '../auth/scopes';
import { SignInError } from '../auth/signInError';
import { createGraphClient } from '../graph/client';
import type { AccessTokenSource } from '../graph/middleware/auth';
import type { OfficeHost } from '../office/host';
import { OfficeJsHost } from '../office/officeJsHost';
import { runtimeConfig, type RuntimeConfig } from './config';
import { findPlaygroundBridge } from './playgroundBridge';

export interface Runtime {
  host: OfficeHost;
  /** Daily use: the scopes every user consents to. */
  graph: Client;
  /** The admin screen's client: asks for the provisioning scope on top, only when it is used. */
  adminGraph: Client;
}

/** Chooses the host and Graph settings for where we run: the playground, or real Outlook. */
export async function startRuntime(frame: Window = window): Promise<Runtime> {
  const bridge = findPlaygroundBridge(frame);
  if (bridge) {
    const graph = createGraphClient(bridge.graph);
    return { host: bridge.createHost(frame), graph, adminGraph: graph };
  }
  await Office.onReady();
  const tokens = tokenSourcesFor(runtimeConfig);
  const graphWith = (source: AccessTokenSource): Client => createGraphClient({ baseUrl: runtimeConfig.graphBaseUrl, tokens: source });
  return { host: new OfficeJsHost(Office), graph: graphWith(tokens.daily), adminGraph: graphWith(tokens.admin) };
}

export function tokenSourcesFor(config: RuntimeConfig): Record<ScopeSet, AccessTokenSource> {
  if (config.auth === 'sandbox' && config.sandboxOrigin) {
    const sandbox = new SandboxTokenSource(config.sandboxOrigin);
    return { daily: sandbox, admin: sandbox };
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
