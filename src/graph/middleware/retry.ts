import type { Context } from '@microsoft/microsoft-graph-client';
import { SignInError } from '../tokens';
import { asksLongerThanAllowed, mayRetry, retryDelayMs, retryMethodOf, type BackoffOptions, DEFAULT_BACKOFF } from '../retryPolicy';
import { ChainedMiddleware, requestMethod } from './chain';

export interface RetryOptions extends BackoffOptions {
  maxRetries: number;
  /** Injected so tests and benchmarks need not wait in real time. */
  sleep: (ms: number) => Promise<void>;
  now: () => Date;
  random: () => number;
}

export const DEFAULT_RETRY: RetryOptions = {
  ...DEFAULT_BACKOFF,
  maxRetries: 3,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => new Date(),
  random: Math.random,
};

/**
 * Retries throttled and failed requests as the policy table allows. The last response (or the
 * network error) is passed up unchanged once retries run out, so callers see Graph's real error.
 */
export class RetryMiddleware extends ChainedMiddleware {
  private readonly options: RetryOptions;

  constructor(options: Partial<RetryOptions> = {}) {
    super();
    this.options = { ...DEFAULT_RETRY, ...options };
  }

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const method = retryMethodOf(requestMethod(context), url, context.options?.body);
    for (let attempt = 0; ; attempt++) {
      const canRetry = attempt < this.options.maxRetries;
      try {
        await this.callNext(context);
      } catch (networkError) {
        // No token is not a network blip: retrying would only ask the user to sign in again and again.
        if (networkError instanceof SignInError || !canRetry || !mayRetry(method, 'network')) throw networkError;
        await this.options.sleep(retryDelayMs(attempt, undefined, this.options.now(), this.options.random, this.options));
        continue;
      }
      const response = context.response;
      if (!response || !canRetry || !mayRetry(method, response.status)) return;
      const retryAfter = response.headers.get('Retry-After');
      if (asksLongerThanAllowed(retryAfter, this.options.now(), this.options)) return;
      const wait = retryDelayMs(attempt, retryAfter, this.options.now(), this.options.random, this.options);
      await response.body?.cancel().catch(() => undefined);
      await this.options.sleep(wait);
    }
  }
}
