/**
 * When a failed Graph request may be sent again. A table, so the policy can be read and tested at a glance.
 *
 * - Reads can always be retried.
 * - PUT, PATCH and DELETE are idempotent: sending them twice leaves the same state.
 * - POST (move, create, $batch) is retried only when Graph says it did nothing: a 429 is refused
 *   before any work is done, whereas a 503 or a dropped connection may come after the move happened.
 * - A $batch without a POST inside (reads, PATCH, DELETE) is as safe to resend as its parts (see retryMethodOf).
 */
export type RetryTrigger = 429 | 503 | 504 | 'network';

const RETRY_TABLE: Record<string, ReadonlySet<RetryTrigger>> = {
  GET: new Set<RetryTrigger>([429, 503, 504, 'network']),
  HEAD: new Set<RetryTrigger>([429, 503, 504, 'network']),
  PUT: new Set<RetryTrigger>([429, 503, 504, 'network']),
  PATCH: new Set<RetryTrigger>([429, 503, 504, 'network']),
  DELETE: new Set<RetryTrigger>([429, 503, 504, 'network']),
  POST: new Set<RetryTrigger>([429]),
};

/**
 * The method whose retry rules a request follows: its own, except a `$batch` with no POST inside
 * (only reads and idempotent writes), which follows GET's. `body` is the serialised JSON the SDK
 * sends; anything unreadable is a POST.
 */
export function retryMethodOf(method: string, url: string, body: unknown): string {
  const upper = method.toUpperCase();
  if (upper !== 'POST' || !/\/\$batch(?:$|\?)/.test(url) || typeof body !== 'string') return upper;
  try {
    const requests = (JSON.parse(body) as { requests?: Array<{ method?: unknown }> }).requests;
    const idempotent = Array.isArray(requests) && requests.length > 0 && requests.every((r) => ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE'].includes(String(r?.method).toUpperCase()));
    return idempotent ? 'GET' : upper;
  } catch {
    return upper;
  }
}

export function mayRetry(method: string, trigger: number | 'network'): boolean {
  const triggers = RETRY_TABLE[method.toUpperCase()];
  return triggers !== undefined && triggers.has(trigger as RetryTrigger);
}

export interface BackoffOptions {
  /** First fallback delay when Graph sent no readable Retry-After. */
  baseDelayMs: number;
  /** No single wait is longer than this, whatever Retry-After says. */
  maxDelayMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseDelayMs: 1000, maxDelayMs: 30_000 };

/**
 * How long to wait before attempt `attempt + 1` (attempt counts from 0).
 * Retry-After (seconds or an HTTP date) wins when readable. In a browser it usually is not: Graph's
 * CORS responses do not expose it, so the fallback is exponential backoff with jitter.
 */
export function retryDelayMs(
  attempt: number,
  retryAfterHeader: string | null | undefined,
  now: Date,
  random: () => number = Math.random,
  options: BackoffOptions = DEFAULT_BACKOFF,
): number {
  const fromHeader = parseRetryAfter(retryAfterHeader, now);
  if (fromHeader !== undefined) return Math.min(fromHeader, options.maxDelayMs); // callers check asksLongerThanAllowed first
  const exponential = options.baseDelayMs * 2 ** attempt;
  const jitter = 0.5 + random() / 2; // 50–100 % of the step, so parallel clients spread out
  return Math.min(Math.round(exponential * jitter), options.maxDelayMs);
}

/**
 * Whether Graph asked for a longer wait than Trail will sleep (SharePoint may ask for a minute). Then
 * Trail does not retry at all: a retry before Retry-After is throttled again and spends the tenant's
 * shared budget, so the throttling goes to the caller, who tells the user to try again shortly.
 */
export function asksLongerThanAllowed(
  retryAfterHeader: string | null | undefined,
  now: Date,
  options: BackoffOptions = DEFAULT_BACKOFF,
): boolean {
  const asked = parseRetryAfter(retryAfterHeader, now);
  return asked !== undefined && asked > options.maxDelayMs;
}

export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now.getTime());
}
