/**
 * Query options as a feature module sees them: keys lower-case, and the system query options
 * Graph v1.0 accepts without `$` (`filter`, `top`, ...) normalised to their `$` names.
 */
const SYSTEM_OPTIONS = new Set([
  'filter', 'select', 'top', 'skip', 'orderby', 'expand', 'count', 'search', 'format', 'skiptoken', 'deltatoken', 'levels',
]);

export function normaliseQuery(search: URLSearchParams): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [rawKey, value] of search) {
    const key = rawKey.toLowerCase();
    const name = SYSTEM_OPTIONS.has(key) ? `$${key}` : key;
    query[name] = value;
  }
  return query;
}

/** The query as sent (last value wins for a repeated name). */
export function rawQuery(search: URLSearchParams): Record<string, string> {
  return Object.fromEntries(search);
}

/** Every token of the Prefer header(s): `a, b="c"` gives `['a', 'b="c"']`. */
export function preferTokens(value: string | string[] | undefined): string[] {
  const values = Array.isArray(value) ? value : value ? [value] : [];
  return values.flatMap((v) => v.split(',')).map((t) => t.trim()).filter((t) => t.length > 0);
}

export function wantsImmutableIds(prefer: string[]): boolean {
  return prefer.some((t) => /^IdType\s*=\s*"?ImmutableId"?$/i.test(t));
}

/** Splits `/me/messages?$top=5` (leading slash optional) into a percent-decoded path and its query. */
export function parseRelativeUrl(url: string): { path: string; search: URLSearchParams } {
  const q = url.indexOf('?');
  const rawPath = q >= 0 ? url.slice(0, q) : url;
  const rawQuery = q >= 0 ? url.slice(q + 1) : '';
  let path = rawPath.startsWith('/') ? rawPath : `/${rawPath}`;
  try {
    path = decodeURIComponent(path);
  } catch {
    // Leave an undecodable path as sent; routing will reject it.
  }
  return { path, search: new URLSearchParams(rawQuery) };
}

/** Header names lower-cased, repeated headers joined with `, `. */
export function lowerCaseHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}
