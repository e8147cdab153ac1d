import { Client, HTTPMessageHandler } from '@microsoft/microsoft-graph-client';
import { BearerTokenMiddleware, type AccessTokenSource } from './middleware/auth';
import { ImmutableIdMiddleware } from './middleware/immutableIds';
import { RequestIdMiddleware } from './middleware/requestId';
import { RetryMiddleware, type RetryOptions } from './middleware/retry';

/**
 * The configured Graph client as the rest of Trail knows it: services and the composition root hold it and hand it to
 * the Graph concept modules (src/graph), the only code that calls the SDK.
 */
export type GraphClient = Client;

export const GRAPH_ORIGIN = 'https://graph.microsoft.com';

export interface GraphClientConfig {
  /** Graph's origin, or the sandbox's (`https://localhost:3001`). No version segment. */
  baseUrl: string;
  tokens: AccessTokenSource;
  retry?: Partial<RetryOptions>;
}

/**
 * The one Graph client. Every call goes through the same chain, so no call site can forget a header:
 * request id → retry → bearer token → immutable ids → fetch.
 * Retry sits outside auth so a retried request picks up a refreshed token.
 */
export function createGraphClient(config: GraphClientConfig): GraphClient {
  const baseUrl = config.baseUrl.replace(/\/+$/, '');
  return Client.initWithMiddleware({
    baseUrl,
    defaultVersion: 'v1.0',
    customHosts: new Set([new URL(baseUrl).hostname]),
    middleware: [
      new RequestIdMiddleware(),
      new RetryMiddleware(config.retry),
      new BearerTokenMiddleware(config.tokens, baseUrl),
      new ImmutableIdMiddleware(),
      new HTTPMessageHandler(),
    ],
  });
}
