/**
 * The one place OData query text is made. User text enters a query only through `odataString`,
 * and every query option is percent-encoded here, because the Graph SDK passes query values
 * through unencoded: an `&`, `#` or `+` in a name would otherwise cut or change the query.
 */

/** An OData string literal: single quotes doubled, the whole wrapped in quotes. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export interface QueryOptions {
  filter?: string;
  select?: readonly string[];
  /** e.g. `fields($select=Title,Email)`. */
  expand?: string;
  orderby?: string;
  top?: number;
  /** Other query parameters (delta `token`, calendarView `startDateTime`, ...). */
  params?: Record<string, string>;
}

/** Encodes everything but the characters OData syntax needs to stay readable in logs. */
function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/%2C/g, ',').replace(/%2F/g, '/').replace(/%24/g, '$').replace(/%28/g, '(').replace(/%29/g, ')');
}

/** `?$filter=...&$top=...`, or '' when there are no options. */
export function queryString(options: QueryOptions): string {
  const parts: string[] = [];
  if (options.filter) parts.push(`$filter=${encodeValue(options.filter)}`);
  if (options.select?.length) parts.push(`$select=${encodeValue(options.select.join(','))}`);
  if (options.expand) parts.push(`$expand=${encodeValue(options.expand)}`);
  if (options.orderby) parts.push(`$orderby=${encodeValue(options.orderby)}`);
  if (options.top !== undefined) parts.push(`$top=${options.top}`);
  for (const [key, value] of Object.entries(options.params ?? {})) parts.push(`${encodeURIComponent(key)}=${encodeValue(value)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** A path segment from data (an id, a list name): encoded so it can never add a segment or a query. */
export function pathSegment(value: string): string {
  return encodeURIComponent(value);
}

/**
 * A nextLink as a path after the version (`/sites/...?$skiptoken=...`). The SDK takes only https
 * links as absolute; relative, a link works against whatever base the client has.
 */
export function relativeToVersion(link: string): string {
  if (!/^https?:\/\//i.test(link)) return link;
  const url = new URL(link);
  return url.pathname.replace(/^\/(v1\.0|beta)(?=\/)/, '') + url.search;
}
