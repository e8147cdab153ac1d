/**
 * What the sandbox was asked, read as queries: every `$filter` (top level and inside `$batch`) split
 * into its shape and its string literals. Hostile text may appear only inside a literal, quoted as
 * OData quotes it; the shape stays one of those plain text produces.
 */
import type { TestSandbox } from '../helpers/sandbox';

export interface ParsedFilter {
  /** The filter with each literal replaced by '?'. */
  shape: string;
  /** Each literal's value, its doubled quotes undone. */
  literals: string[];
}

/** The raw query text of a URL, split on `&` as a server splits it (so an unencoded `&` shows). */
function rawFilter(url: string): string | undefined {
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  const parts = query.split('&').filter((p) => p.startsWith('$filter=') || p.startsWith('%24filter='));
  if (parts.length > 1) throw new Error(`two $filter parameters in ${url}`);
  const part = parts[0];
  return part === undefined ? undefined : decodeURIComponent(part.slice(part.indexOf('=') + 1));
}

/** A filter as shape and literals; a quote outside a literal leaves the shape with a stray `'`. */
export function parseFilter(filter: string): ParsedFilter {
  const literals: string[] = [];
  const shape = filter.replace(/'((?:[^']|'')*)'/g, (_, body: string) => {
    literals.push(body.replace(/''/g, "'"));
    return "'?'";
  });
  return { shape, literals };
}

/** Every $filter the sandbox was asked since the log was cleared, parsed. */
export function filtersAsked(t: TestSandbox): ParsedFilter[] {
  const urls = t.sandbox.control.requests().flatMap((r) => [r.url, ...(r.inner ?? []).map((i) => i.url)]);
  return urls.flatMap((url) => {
    const filter = rawFilter(url);
    return filter === undefined ? [] : [parseFilter(filter)];
  });
}

/** Paths (before the query) asked since the log was cleared, top level and inside `$batch`. */
export function pathsAsked(t: TestSandbox): string[] {
  return t.sandbox.control.requests().flatMap((r) => [r.url, ...(r.inner ?? []).map((i) => i.url)]).map((url) => decodeURIComponent(url.split('?')[0]!));
}

/** A shape made only of names, slashes, commas, parentheses, spaces and '?' literals. */
export const PLAIN_SHAPE = /^[A-Za-z0-9_/(), ]*(?:'\?'[A-Za-z0-9_/(), ]*)*$/;
