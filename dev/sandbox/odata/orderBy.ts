/**
 * `$orderby`: a comma-separated list of property paths, each optionally followed by `asc` or
 * `desc` (matched case-insensitively, as OData 4.01 requires for operator names).
 *
 * Sorting follows OData: nulls come before non-null values in ascending order and after them in
 * descending order (OASIS ODATA-330, applied to the 4.0 spec). Ties return 0, so with
 * Array.prototype.sort (stable since ES2019) equal items keep their original order.
 */
import type { OrderBy } from './ast';
import { ODataSyntaxError, expressionExpectedAt, syntaxErrorAt } from './errors';
import { compareValues, defaultResolve, normalizeValue, type EvaluateOptions } from './evaluate';
import { tokenize, type Token } from './lexer';
import { Instant, looksTemporal, sameUtcShape } from './temporal';

const isKeyword = (token: Token | undefined, keyword: string): boolean =>
  token !== undefined && token.kind === 'identifier' && token.name.length === keyword.length && token.name.toLowerCase() === keyword;

export function parseOrderBy(text: string): OrderBy[] {
  const tokens = tokenize(text, '');
  const endToken: Token = tokens[tokens.length - 1] ?? { kind: 'end', start: text.length, end: text.length };
  let index = 0;
  const current = (): Token => tokens[index] ?? endToken;
  const fail = (message: string, position: number): never => {
    throw new ODataSyntaxError(message, position);
  };

  const items: OrderBy[] = [];
  for (;;) {
    const first = current();
    if (first.kind !== 'identifier') fail(expressionExpectedAt(first.start, text), first.start);
    const path: string[] = [];
    for (;;) {
      const segment = current();
      if (segment.kind !== 'identifier') return fail(syntaxErrorAt(segment.end, text), segment.end);
      path.push(segment.name);
      index += 1;
      if (current().kind !== 'slash') break;
      index += 1;
    }
    let direction: OrderBy['direction'] = 'asc';
    if (isKeyword(current(), 'asc') || isKeyword(current(), 'desc')) {
      direction = isKeyword(current(), 'desc') ? 'desc' : 'asc';
      index += 1;
    }
    items.push({ path, direction });
    const separator = current();
    if (separator.kind === 'end') return items;
    if (separator.kind !== 'comma') fail(syntaxErrorAt(separator.end, text), separator.end);
    index += 1;
  }
}

/** Rank of each kind of value, so mixed kinds still sort consistently. */
function kindRank(value: unknown): number {
  if (typeof value === 'boolean') return 0;
  if (typeof value === 'number') return 1;
  if (value instanceof Instant) return 2;
  if (typeof value === 'string') return 3;
  return 4;
}

/** Total order over normalized values with null lowest. */
function sortCompare(left: unknown, right: unknown, caseInsensitive: boolean): number {
  if (left === null || right === null) return left === right ? 0 : left === null ? -1 : 1;
  if (typeof left === 'string' && typeof right === 'string' && looksTemporal(left) && looksTemporal(right) && sameUtcShape(left, right)) {
    // Same-shaped UTC ISO strings order as text; skips parsing in the hot loop.
    return left < right ? -1 : left > right ? 1 : 0;
  }
  if (typeof left === 'number' && typeof right === 'number' && (Number.isNaN(left) || Number.isNaN(right))) {
    return Number.isNaN(left) ? (Number.isNaN(right) ? 0 : -1) : 1;
  }
  const compared = compareValues(left, right, caseInsensitive);
  if (!Number.isNaN(compared)) return compared;
  return kindRank(left) - kindRank(right);
}

export function compareByOrder(order: OrderBy[], options: EvaluateOptions): (a: unknown, b: unknown) => number {
  const resolve = options.resolve ?? defaultResolve;
  const caseInsensitive = options.caseInsensitive;
  const keys = order.map((item) => ({ path: item.path, direction: item.direction === 'desc' ? -1 : 1 }));
  return (a, b) => {
    for (const key of keys) {
      const compared = sortCompare(normalizeValue(resolve(a, key.path)), normalizeValue(resolve(b, key.path)), caseInsensitive);
      if (compared !== 0) return compared * key.direction;
    }
    return 0;
  };
}
