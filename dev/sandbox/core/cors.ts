/**
 * CORS as graph.microsoft.com does it for browser callers: any origin (`*`, bearer tokens, no cookies),
 * preflights answered for any method/header asked for, and a fixed list of exposed response headers.
 *
 * The exposed list is the one seen on live Graph responses (2024-25 captures; Microsoft's Dev Proxy
 * sends the same). It includes Retry-After. Older Graph responses did not: the list was
 * "ETag, Location, Preference-Applied, Content-Range, request-id, client-request-id" (Graph docs "Get photo"
 * sample, 2017) and microsoft-graph-docs issue #17488 (2022) reports Retry-After unreadable from browser JS.
 * `exposeRetryAfter: false` reproduces that, so the client's fallback (no Retry-After → own backoff) can be tested.
 */
const EXPOSED = [
  'ETag',
  'Location',
  'Preference-Applied',
  'Content-Range',
  'request-id',
  'client-request-id',
  'ReadWriteConsistencyToken',
  'Retry-After',
  'SdkVersion',
  'WWW-Authenticate',
  'x-ms-client-gcc-tenant',
];

export function exposedHeaders(exposeRetryAfter: boolean): string {
  return EXPOSED.filter((h) => exposeRetryAfter || h !== 'Retry-After').join(', ');
}

/** Headers for an actual (non-preflight) response to a request that carried an Origin. */
export function corsHeaders(origin: string | undefined, exposeRetryAfter: boolean): Record<string, string> {
  if (!origin) return {};
  return { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': exposedHeaders(exposeRetryAfter) };
}

/** The answer to an OPTIONS preflight. */
export function preflightHeaders(requestHeaders: Record<string, string | string[] | undefined>): Record<string, string> {
  const asked = requestHeaders['access-control-request-headers'];
  const allowHeaders = Array.isArray(asked) ? asked.join(', ') : asked;
  return {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': allowHeaders || 'Authorization, Content-Type, Prefer, client-request-id, ConsistencyLevel, If-Match',
    'Access-Control-Max-Age': '3600',
  };
}
