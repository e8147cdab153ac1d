import type { Client } from '@microsoft/microsoft-graph-client';
import { SandboxTokenSource } from '../auth/sandboxTokens';
import { SignInError } from '../auth/signInError';
import { createGraphClient } from '../graph/client';
import type { AccessTokenSource } from '../graph/middleware/auth';
import type { OfficeHost } from '../office/host';
import { OfficeJsHost } from '../office/officeJsHost';
import { runtimeConfig } from './config';
import { findPlaygroundBridge } from './playgroundBridge';

export interface Runtime {
  host: OfficeHost;
  graph: Client;
}

/** Chooses the host and Graph settings for where we run: the playground, or real Outlook. */
export async function startRuntime(frame: Window = window): Promise<Runtime> {
  const bridge = findPlaygroundBridge(frame);
  if (bridge) {
    return { host: bridge.createHost(frame), graph: createGraphClient(bridge.graph) };
  }
  await Office.onReady();
  return {
    host: new OfficeJsHost(Office),
    graph: createGraphClient({ baseUrl: runtimeConfig.graphBaseUrl, tokens: tokenSourceFor(runtimeConfig.auth) }),
  };
}

function tokenSourceFor(auth: 'msal' | 'sandbox'): AccessTokenSource {
  if (auth === 'sandbox' && runtimeConfig.sandboxOrigin) return new SandboxTokenSource(runtimeConfig.sandboxOrigin);
  return {
    // Sign-in with nested app authentication is its own piece of work (issue: "Ready for a real tenant").
    getAccessToken: () => Promise.reject(new SignInError('notConfigured', 'No sign-in is configured in this build.')),
  };
}
