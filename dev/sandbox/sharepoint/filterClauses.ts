/**
 * The parts of a $filter the list view threshold cares about. SharePoint answers a query on a large
 * list from an index only when one of the AND-ed conditions on an indexed column narrows the rows;
 * this file splits a filter into its top-level AND-ed clauses and recognises the ones an index can
 * serve (`eq`, ranges, `startswith`, `in` against a literal).
 */
import type { ComparisonOperator, Expr } from '../odata/ast';

export type NarrowingClause =
  | { kind: 'compare'; path: string[]; op: Exclude<ComparisonOperator, 'ne'>; value: unknown }
  | { kind: 'startsWith'; path: string[]; prefix: string }
  | { kind: 'in'; path: string[]; values: unknown[] };

const FLIPPED: Record<ComparisonOperator, ComparisonOperator> = {
  eq: 'eq',
  ne: 'ne',
  gt: 'lt',
  ge: 'le',
  lt: 'gt',
  le: 'ge',
};

/** The AND-ed conditions at the top of the expression (a single condition is its own list). */
export function topLevelConjuncts(expr: Expr): Expr[] {
  if (expr.kind === 'binary' && expr.op === 'and') {
    return [...topLevelConjuncts(expr.left), ...topLevelConjuncts(expr.right)];
  }
  return [expr];
}

function literalValue(expr: Expr): { ok: true; value: unknown } | { ok: false } {
  return expr.kind === 'literal' ? { ok: true, value: expr.value } : { ok: false };
}

/** The clause an index could serve, or undefined when this condition needs a scan. */
export function narrowingClause(expr: Expr): NarrowingClause | undefined {
  if (expr.kind === 'binary' && expr.op !== 'and' && expr.op !== 'or') {
    let op: ComparisonOperator = expr.op;
    let property = expr.left;
    let literal = literalValue(expr.right);
    if (property.kind !== 'property') {
      property = expr.right;
      literal = literalValue(expr.left);
      op = FLIPPED[op];
    }
    if (property.kind !== 'property' || !literal.ok || op === 'ne' || literal.value === null) return undefined;
    return { kind: 'compare', path: property.path, op, value: literal.value };
  }
  if (expr.kind === 'call' && expr.name === 'startswith') {
    const [target, prefix] = expr.args;
    if (target?.kind !== 'property' || prefix?.kind !== 'literal' || typeof prefix.value !== 'string') return undefined;
    return { kind: 'startsWith', path: target.path, prefix: prefix.value };
  }
  if (expr.kind === 'in' && expr.left.kind === 'property') {
    const values = expr.values.map(literalValue);
    if (!values.every((v) => v.ok)) return undefined;
    return { kind: 'in', path: expr.left.path, values: values.map((v) => (v.ok ? v.value : undefined)) };
  }
  return undefined;
}
