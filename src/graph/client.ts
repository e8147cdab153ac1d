import { Client, HTTPMessageHandler } from '@microsoft/microsoft-graph-client';
import type { AccessTokenSource } from './middleware/auth';
import type { RetryOptions } from './middleware/retry';
import { graphMiddleware } from './middleware/stack';

/**
 * One request as the Graph concept modules build it: the part of the SDK's request builder (its GraphRequest) that
 * Trail uses. The SDK's builder is one; createFetchGraphClient's (fetchClient.ts) is the other, with the same
 * middleware and the same answers, for the ribbon's function file, which cannot carry the SDK within its size target.
 */
export interface GraphRequest {
  select(properties: string | string[]): GraphRequest;
  filter(filter: string): GraphRequest;
  search(search: string): GraphRequest;
  top(count: number): GraphRequest;
  header(name: string, value: string): GraphRequest;
  /** The parsed answer (nothing for a 204); each caller names what it reads. */
  get(): Promise<unknown>;
  post(content: unknown): Promise<unknown>;
  put(content: unknown): Promise<unknown>;
  patch(content: unknown): Promise<unknown>;
  delete(): Promise<unknown>;
}

/**
 * The configured Graph client as the rest of Trail knows it: services and the composition root hold it and hand it to
 * the Graph concept modules (src/graph), the only code that builds requests. The SDK's Client is one (createGraphClient,
 * the taskpane's); createFetchGraphClient is the other (the function file's).
 */
export interface GraphClient {
  api(path: string): GraphRequest;
}

export const GRAPH_ORIGIN = 'https://graph.microsoft.com';

export interface GraphClientConfig {
  /** Graph's origin, or the sandbox's (`https://localhost:3001`). No version segment. */
  baseUrl: string;
  tokens: AccessTokenSource;
  retry?: Partial<RetryOptions>;
}

/**
 * The one Graph client, on the SDK (the taskpane's; its Client is a GraphClient). Every call goes through the same
 * chain (middleware/stack.ts), so no call site can forget a header: request id → retry → bearer token → immutable
 * ids → fetch. Retry sits outside auth so a retried request picks up a refreshed token.
 */
export function createGraphClient(config: GraphClientConfig): Client {
  const baseUrl = config.baseUrl.replace(/\/+$/, '');
  return Client.initWithMiddleware({
    baseUrl,
    defaultVersion: 'v1.0',
    customHosts: new Set([new URL(baseUrl).hostname]),
    middleware: [...graphMiddleware({ ...config, baseUrl }), new HTTPMessageHandler()],
  });
}
