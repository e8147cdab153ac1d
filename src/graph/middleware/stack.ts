import { BearerTokenMiddleware, type AccessTokenSource } from './auth';
import type { ChainedMiddleware } from './chain';
import { ImmutableIdMiddleware } from './immutableIds';
import { RequestIdMiddleware } from './requestId';
import { RetryMiddleware, type RetryOptions } from './retry';

/**
 * Trail's middleware, in order, for both ways the one Graph client sends (the SDK's, client.ts; fetch alone,
 * fetchClient.ts): request id → retry → bearer token → immutable ids; the sender follows. Retry sits outside auth
 * so a retried request picks up a refreshed token.
 */
export function graphMiddleware(config: { baseUrl: string; tokens: AccessTokenSource; retry?: Partial<RetryOptions> }): ChainedMiddleware[] {
  return [new RequestIdMiddleware(), new RetryMiddleware(config.retry), new BearerTokenMiddleware(config.tokens, config.baseUrl), new ImmutableIdMiddleware()];
}
