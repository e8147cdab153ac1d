/**
 * The one route table behind the `Router` interface: every feature module (mail, SharePoint) adds
 * its routes here (see types.ts for the pattern language). Matching returns either a handler with its params, "right path, wrong method" (405), or the first
 * path segment no pattern knows (Graph's 400 "Resource not found for the segment").
 */
import type { Handler, Router } from './types';

type Segment =
  | { kind: 'literal'; names: string[] }
  | { kind: 'param'; name: string; prefix: string; suffix: string }
  | { kind: 'address'; name: string }
  | { kind: 'rest'; name: string };

interface Route {
  method: string;
  segments: Segment[];
  handler: Handler;
  /** Higher is more specific: literals beat affixed params beat bare params beat a rest capture. */
  score: number;
  /** True when the pattern names a user (`/me...`): the core resolves `params.mailbox`. */
  mailboxScoped: boolean;
  /** True for Outlook resources under a user (not the bare `/me` profile): they count against MailboxConcurrency. */
  throttled: boolean;
}

export type RouteMatch =
  | { kind: 'found'; handler: Handler; params: Record<string, string>; mailboxRef?: string; mailboxScoped: boolean; throttled: boolean }
  | { kind: 'methodNotAllowed' }
  | { kind: 'notFound'; segment: string };

/** Param name used internally for the user reference in `/users/{id-or-upn}/...`. */
const USER_PARAM = '__user';

function literalNames(text: string, isLast: boolean): string[] {
  const lower = text.toLowerCase();
  if (!isLast || lower.startsWith('$')) return [lower];
  // Actions and functions may be namespace-qualified; functions may omit the parentheses.
  const bare = lower.endsWith('()') ? lower.slice(0, -2) : lower;
  const names = [lower, `microsoft.graph.${lower}`];
  if (bare !== lower) names.push(bare, `microsoft.graph.${bare}`);
  return names;
}

function parseSegment(text: string, isLast: boolean): Segment {
  const rest = /^\{\*([^}]+)\}$/.exec(text);
  if (rest?.[1]) {
    if (!isLast) throw new Error(`A {*rest} capture must be the last segment: ${text}`);
    return { kind: 'rest', name: rest[1] };
  }
  const address = /^\{~([^}]+)\}$/.exec(text);
  if (address?.[1]) return { kind: 'address', name: address[1] };
  const param = /^([^{}]*)\{([^}*]+)\}([^{}]*)$/.exec(text);
  if (param?.[2]) {
    return { kind: 'param', name: param[2], prefix: (param[1] ?? '').toLowerCase(), suffix: (param[3] ?? '').toLowerCase() };
  }
  return { kind: 'literal', names: literalNames(text, isLast) };
}

function scoreOf(segments: Segment[]): number {
  return segments.reduce((sum, s) => {
    if (s.kind === 'literal') return sum + 3;
    if (s.kind === 'rest') return sum;
    if (s.kind === 'address') return sum + 1;
    return sum + (s.prefix || s.suffix ? 2 : 1);
  }, 0);
}

/**
 * How many segments from `start` an address segment takes: one, or, when that one ends with `:`
 * (path-based addressing, `contoso.sharepoint.com:/sites/team:`), up to and including the next one
 * that ends with `:`, or all that remain when none does.
 */
function addressSpan(actual: string[], start: number): number {
  if (!actual[start]!.endsWith(':')) return 1;
  for (let i = start + 1; i < actual.length; i++) if (actual[i]!.endsWith(':')) return i - start + 1;
  return actual.length - start;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

/** How many leading segments of `actual` match, and the captured params when all of them do. */
function matchSegments(
  pattern: Segment[],
  actual: string[],
): { matched: number; params?: Record<string, string> } {
  const params: Record<string, string> = {};
  let at = 0;
  for (const seg of pattern) {
    if (seg.kind === 'rest') {
      if (at >= actual.length) return { matched: at };
      params[seg.name] = actual.slice(at).join('/');
      return { matched: actual.length, params };
    }
    const value = actual[at];
    if (value === undefined) return { matched: at };
    if (seg.kind === 'address') {
      const span = addressSpan(actual, at);
      params[seg.name] = actual.slice(at, at + span).join('/');
      at += span;
      continue;
    }
    const lower = value.toLowerCase();
    if (seg.kind === 'literal') {
      if (!seg.names.includes(lower)) return { matched: at };
      at++;
      continue;
    }
    const inner = value.length - seg.prefix.length - seg.suffix.length;
    if (inner <= 0 || !lower.startsWith(seg.prefix) || !lower.endsWith(seg.suffix)) return { matched: at };
    params[seg.name] = value.slice(seg.prefix.length, value.length - seg.suffix.length);
    at++;
  }
  return at === actual.length ? { matched: at, params } : { matched: at };
}

export class SandboxRouter implements Router {
  private readonly routes: Route[] = [];
  private readonly added: Array<{ method: string; pattern: string }> = [];

  /** Every route as it was added (method upper-case), for checks that walk them all. */
  patterns(): Array<{ method: string; pattern: string }> {
    return this.added.map((r) => ({ ...r }));
  }

  add(method: string, pattern: string, handler: Handler): void {
    this.added.push({ method: method.toUpperCase(), pattern });
    const texts = splitPath(pattern);
    const segments = texts.map((t, i) => parseSegment(t, i === texts.length - 1));
    const upper = method.toUpperCase();
    const mailboxScoped = texts[0]?.toLowerCase() === 'me';
    const throttled = mailboxScoped && texts.length > 1;
    this.routes.push({ method: upper, segments, handler, score: scoreOf(segments), mailboxScoped, throttled });
    if (mailboxScoped) {
      const underUsers: Segment[] = [
        { kind: 'literal', names: ['users'] },
        { kind: 'param', name: USER_PARAM, prefix: '', suffix: '' },
        ...segments.slice(1),
      ];
      this.routes.push({ method: upper, segments: underUsers, handler, score: scoreOf(segments), mailboxScoped, throttled });
    }
  }

  match(method: string, path: string): RouteMatch {
    const actual = splitPath(path);
    let best: { route: Route; params: Record<string, string> } | undefined;
    let pathKnown = false;
    let deepest = 0;
    for (const route of this.routes) {
      const result = matchSegments(route.segments, actual);
      deepest = Math.max(deepest, result.matched);
      if (!result.params) continue;
      pathKnown = true;
      if (route.method !== method.toUpperCase()) continue;
      if (!best || route.score > best.route.score) best = { route, params: result.params };
    }
    if (best) {
      const { [USER_PARAM]: mailboxRef, ...params } = best.params;
      return {
        kind: 'found',
        handler: best.route.handler,
        params,
        mailboxScoped: best.route.mailboxScoped,
        throttled: best.route.throttled,
        ...(mailboxRef !== undefined ? { mailboxRef } : {}),
      };
    }
    if (pathKnown) return { kind: 'methodNotAllowed' };
    return { kind: 'notFound', segment: actual[deepest] ?? actual[actual.length - 1] ?? '' };
  }
}
