/**
 * Filter evaluation. An expression is compiled once into nested closures, then run per item with
 * little allocation: one slot array per call when the filter has lambdas, plus whatever case
 * folding or a custom `resolve` costs. Literals are converted once, at compile time.
 *
 * Semantics (OData 4.01 Part 2 §5.1.1.1, with what Exchange and SharePoint do on top):
 * - A missing property or a path through a missing object is `null`.
 * - `eq`/`ne`: `null eq null` is true; `null` equals nothing else.
 * - `gt`/`lt`: false when any operand is `null`; `ge`/`le` also true when both are `null`.
 * - `and`/`or`/`not` use three-valued logic (null is "unknown"); only items where the whole
 *   expression is `true` pass.
 * - Strings compare ordinally, case-insensitively when `caseInsensitive` is set (Exchange and
 *   SharePoint compare text that way); guids always compare case-insensitively.
 * - Dates and date-times compare as instants: an unquoted literal, a quoted ISO string, or an ISO
 *   string stored on the item (an item value without an offset is read as UTC).
 * - Numbers compare numerically; there is no implicit conversion between strings and numbers.
 * - Functions return `null` when an argument is `null` or not a string.
 * - `any` is false and `all` true over an empty or missing collection.
 */
import type { ComparisonOperator, Expr, FunctionName, Literal } from './ast';
import {
  Instant,
  compareInstants,
  compareTemporalTextToInstant,
  compareTemporalTexts,
  looksTemporal,
  parseTemporal,
} from './temporal';

export interface EvaluateOptions {
  caseInsensitive: boolean;
  /** Reads a property path from an item (or from a lambda element); defaults to walking own properties. */
  resolve?: (item: unknown, path: string[]) => unknown;
}

/** What a compiled sub-expression yields: null, string, number, boolean, Instant, or an object/array. */
type Value = unknown;
/** `lambdaElements[i]` holds the current element of the i-th enclosing lambda. */
type Evaluator = (item: unknown, lambdaElements: unknown[]) => Value;

const NO_LAMBDAS: unknown[] = [];

/** Walks nested objects by own property names; anything else along the way yields undefined. */
export function defaultResolve(item: unknown, path: readonly string[]): unknown {
  let current: unknown = item;
  for (const segment of path) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** Brings a stored value into the evaluator's domain. */
export function normalizeValue(value: unknown): Value {
  if (value === undefined) return null;
  if (value instanceof Date) return Instant.fromDate(value);
  return value;
}

const fold = (text: string, caseInsensitive: boolean): string => (caseInsensitive ? text.toLowerCase() : text);

function stringsEqual(left: string, right: string, caseInsensitive: boolean): boolean {
  if (left === right) return true;
  if (looksTemporal(left) && looksTemporal(right)) {
    const compared = compareTemporalTexts(left, right);
    if (!Number.isNaN(compared)) return compared === 0;
  }
  return caseInsensitive && left.toLowerCase() === right.toLowerCase();
}

/** OData `eq` on values already normalized. */
export function valuesEqual(left: Value, right: Value, caseInsensitive: boolean): boolean {
  if (left === null || right === null) return left === right;
  if (typeof left === 'string') {
    if (typeof right === 'string') return stringsEqual(left, right, caseInsensitive);
    return right instanceof Instant && compareTemporalTextToInstant(left, right) === 0;
  }
  if (left instanceof Instant) {
    if (right instanceof Instant) return compareInstants(left, right) === 0;
    return typeof right === 'string' && compareTemporalTextToInstant(right, left) === 0;
  }
  if (typeof left === 'number' || typeof left === 'boolean') return left === right;
  return false;
}

const sign = (left: number, right: number): number => (left < right ? -1 : left > right ? 1 : left === right ? 0 : Number.NaN);

function compareStrings(left: string, right: string, caseInsensitive: boolean): number {
  if (looksTemporal(left) && looksTemporal(right)) {
    const compared = compareTemporalTexts(left, right);
    if (!Number.isNaN(compared)) return compared;
  }
  const foldedLeft = fold(left, caseInsensitive);
  const foldedRight = fold(right, caseInsensitive);
  return foldedLeft < foldedRight ? -1 : foldedLeft > foldedRight ? 1 : 0;
}

/**
 * Orders two non-null normalized values; NaN when they are not comparable (different kinds,
 * a non-ISO string against a date literal, objects).
 */
export function compareValues(left: Value, right: Value, caseInsensitive: boolean): number {
  if (typeof left === 'string') {
    if (typeof right === 'string') return compareStrings(left, right, caseInsensitive);
    return right instanceof Instant ? compareTemporalTextToInstant(left, right) : Number.NaN;
  }
  if (left instanceof Instant) {
    if (right instanceof Instant) return compareInstants(left, right);
    return typeof right === 'string' ? -compareTemporalTextToInstant(right, left) : Number.NaN;
  }
  if (typeof left === 'number' && typeof right === 'number') return sign(left, right);
  if (typeof left === 'boolean' && typeof right === 'boolean') return sign(Number(left), Number(right));
  return Number.NaN;
}

function literalValue(literal: Literal): Value {
  if (literal.type === 'datetime' && typeof literal.value === 'string') {
    // The parser has validated the text; a hand-built AST with a bad date compares as NaN (never true).
    const parts = parseTemporal(literal.value);
    return new Instant(parts?.seconds ?? Number.NaN, parts?.fraction ?? 0, literal.value);
  }
  return literal.value;
}

const isGuidLiteral = (expr: Expr): boolean => expr.kind === 'literal' && expr.type === 'guid';

/** Operands of a chain of the same logical operator, left to right, without recursion. */
function flattenLogical(expr: Expr, op: 'and' | 'or'): Expr[] {
  const operands: Expr[] = [];
  const pending: Expr[] = [expr];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.kind === 'binary' && next.op === op) pending.push(next.right, next.left);
    else operands.push(next);
  }
  return operands;
}

class FilterCompiler {
  /** Innermost lambda variable last; its index is its slot in `lambdaElements`. */
  private readonly variables: string[] = [];
  maxLambdaDepth = 0;

  constructor(
    private readonly caseInsensitive: boolean,
    private readonly resolve: (item: unknown, path: string[]) => unknown,
  ) {}

  compile(expr: Expr): Evaluator {
    switch (expr.kind) {
      case 'literal': {
        const value = literalValue(expr);
        return () => value;
      }
      case 'property':
        return this.compileProperty(expr.path);
      case 'not': {
        const operand = this.compile(expr.operand);
        return (item, lambdaElements) => {
          const value = operand(item, lambdaElements);
          return value === true ? false : value === false ? true : null;
        };
      }
      case 'binary':
        if (expr.op === 'and' || expr.op === 'or') return this.compileLogical(expr, expr.op);
        return this.compileComparison(expr.op, expr.left, expr.right);
      case 'in':
        return this.compileMembership(expr.left, expr.values);
      case 'call':
        return this.compileCall(expr.name, expr.args);
      case 'lambda':
        return this.compileLambda(expr);
    }
  }

  private compileProperty(path: string[]): Evaluator {
    const resolve = this.resolve;
    const slot = path.length > 0 ? this.variables.lastIndexOf(path[0] ?? '') : -1;
    if (slot === -1) return (item) => normalizeValue(resolve(item, path));
    const rest = path.slice(1);
    if (rest.length === 0) return (_item, lambdaElements) => normalizeValue(lambdaElements[slot]);
    return (_item, lambdaElements) => normalizeValue(resolve(lambdaElements[slot], rest));
  }

  private compileLogical(expr: Expr, op: 'and' | 'or'): Evaluator {
    const operands = flattenLogical(expr, op).map((operand) => this.compile(operand));
    // `and` stops at the first false, `or` at the first true; null (unknown) is remembered.
    const decisive = op === 'or';
    return (item, lambdaElements) => {
      let sawUnknown = false;
      for (const operand of operands) {
        const value = operand(item, lambdaElements);
        if (value === decisive) return decisive;
        if (value !== !decisive) sawUnknown = true;
      }
      return sawUnknown ? null : !decisive;
    };
  }

  private compileComparison(op: ComparisonOperator, leftExpr: Expr, rightExpr: Expr): Evaluator {
    const left = this.compile(leftExpr);
    const right = this.compile(rightExpr);
    const caseInsensitive = this.caseInsensitive || isGuidLiteral(leftExpr) || isGuidLiteral(rightExpr);
    switch (op) {
      case 'eq':
        return (item, lambdaElements) => valuesEqual(left(item, lambdaElements), right(item, lambdaElements), caseInsensitive);
      case 'ne':
        return (item, lambdaElements) => !valuesEqual(left(item, lambdaElements), right(item, lambdaElements), caseInsensitive);
      case 'gt':
        return (item, lambdaElements) => ordered(left(item, lambdaElements), right(item, lambdaElements), caseInsensitive) > 0;
      case 'lt':
        return (item, lambdaElements) => ordered(left(item, lambdaElements), right(item, lambdaElements), caseInsensitive) < 0;
      case 'ge':
        return (item, lambdaElements) => {
          const leftValue = left(item, lambdaElements);
          const rightValue = right(item, lambdaElements);
          if (leftValue === null || rightValue === null) return leftValue === rightValue;
          return compareValues(leftValue, rightValue, caseInsensitive) >= 0;
        };
      case 'le':
        return (item, lambdaElements) => {
          const leftValue = left(item, lambdaElements);
          const rightValue = right(item, lambdaElements);
          if (leftValue === null || rightValue === null) return leftValue === rightValue;
          return compareValues(leftValue, rightValue, caseInsensitive) <= 0;
        };
    }
  }

  private compileMembership(leftExpr: Expr, valueExprs: Expr[]): Evaluator {
    const left = this.compile(leftExpr);
    const values = valueExprs.map((valueExpr) => this.compile(valueExpr));
    const caseInsensitive = this.caseInsensitive || isGuidLiteral(leftExpr) || valueExprs.some(isGuidLiteral);
    return (item, lambdaElements) => {
      const leftValue = left(item, lambdaElements);
      for (const value of values) {
        if (valuesEqual(leftValue, value(item, lambdaElements), caseInsensitive)) return true;
      }
      return false;
    };
  }

  private compileCall(name: FunctionName, argExprs: Expr[]): Evaluator {
    const args = argExprs.map((argExpr) => this.compile(argExpr));
    const first = args[0] ?? (() => null);
    const second = args[1] ?? (() => null);
    const caseInsensitive = this.caseInsensitive;
    switch (name) {
      case 'tolower':
        return (item, lambdaElements) => {
          const value = first(item, lambdaElements);
          return typeof value === 'string' ? value.toLowerCase() : null;
        };
      case 'toupper':
        return (item, lambdaElements) => {
          const value = first(item, lambdaElements);
          return typeof value === 'string' ? value.toUpperCase() : null;
        };
      case 'startswith':
      case 'endswith':
      case 'contains': {
        const test = STRING_TESTS[name];
        return (item, lambdaElements) => {
          const haystack = first(item, lambdaElements);
          const needle = second(item, lambdaElements);
          if (typeof haystack !== 'string' || typeof needle !== 'string') return null;
          return test(fold(haystack, caseInsensitive), fold(needle, caseInsensitive));
        };
      }
    }
  }

  private compileLambda(expr: Expr & { kind: 'lambda' }): Evaluator {
    const collection = this.compileProperty(expr.collection);
    if (expr.predicate === null) {
      return (item, lambdaElements) => {
        const elements = collection(item, lambdaElements);
        return Array.isArray(elements) && elements.length > 0;
      };
    }
    const slot = this.variables.length;
    this.variables.push(expr.variable);
    this.maxLambdaDepth = Math.max(this.maxLambdaDepth, this.variables.length);
    const predicate = this.compile(expr.predicate);
    this.variables.pop();
    const isAny = expr.op === 'any';
    return (item, lambdaElements) => {
      const elements = collection(item, lambdaElements);
      if (!Array.isArray(elements)) return !isAny;
      for (const element of elements) {
        lambdaElements[slot] = element;
        const matched = predicate(item, lambdaElements) === true;
        if (matched === isAny) return isAny;
      }
      return !isAny;
    };
  }
}

const STRING_TESTS: Readonly<Record<'startswith' | 'endswith' | 'contains', (haystack: string, needle: string) => boolean>> = {
  startswith: (haystack, needle) => haystack.startsWith(needle),
  endswith: (haystack, needle) => haystack.endsWith(needle),
  contains: (haystack, needle) => haystack.includes(needle),
};

/** Like compareValues, but NaN (so every ordering test is false) when either side is null. */
function ordered(left: Value, right: Value, caseInsensitive: boolean): number {
  if (left === null || right === null) return Number.NaN;
  return compareValues(left, right, caseInsensitive);
}

/** Compiles once; the returned predicate is what a handler should run over many items. */
export function compileFilter(expr: Expr, options: EvaluateOptions): (item: unknown) => boolean {
  const compiler = new FilterCompiler(options.caseInsensitive, options.resolve ?? defaultResolve);
  const evaluator = compiler.compile(expr);
  const lambdaSlots = compiler.maxLambdaDepth;
  if (lambdaSlots === 0) return (item) => evaluator(item, NO_LAMBDAS) === true;
  // A fresh slot array per call keeps evaluation re-entrant (a resolve callback may filter too).
  return (item) => evaluator(item, new Array<unknown>(lambdaSlots)) === true;
}

interface CachedFilter {
  caseInsensitive: boolean;
  resolve: EvaluateOptions['resolve'];
  predicate: (item: unknown) => boolean;
}

const compiledFilters = new WeakMap<Expr, CachedFilter[]>();

/** Evaluates one item; compiled predicates are cached per expression and options. */
export function evaluateFilter(expr: Expr, item: unknown, options: EvaluateOptions): boolean {
  let cached = compiledFilters.get(expr);
  if (cached === undefined) {
    cached = [];
    compiledFilters.set(expr, cached);
  }
  let entry = cached.find((candidate) => candidate.caseInsensitive === options.caseInsensitive && candidate.resolve === options.resolve);
  if (entry === undefined) {
    entry = { caseInsensitive: options.caseInsensitive, resolve: options.resolve, predicate: compileFilter(expr, options) };
    cached.push(entry);
  }
  return entry.predicate(item);
}
