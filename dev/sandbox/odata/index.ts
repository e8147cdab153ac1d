/**
 * OData v4 query options as Graph accepts them: a tokenizer and a recursive-descent parser for
 * $filter (no regexes over expressions), plus $orderby, $select, $expand, $top parsing and filter
 * evaluation. Implementation lives in the sibling files; this is the public surface the sandbox modules use.
 *
 * Typical use in a handler:
 *   const filter = compileFilter(parseFilter(req.query.$filter), { caseInsensitive: true });
 *   const page = items.filter(filter).sort(compareByOrder(parseOrderBy(req.query.$orderby), options));
 * Catch ODataSyntaxError and answer 400 with its message.
 */
export { ODataSyntaxError } from './errors';
export type { ComparisonOperator, ExpandItem, Expr, FunctionName, Literal, LiteralType, LogicalOperator, OrderBy } from './ast';
export { parseFilter } from './filterParser';
export { compileFilter, evaluateFilter, type EvaluateOptions } from './evaluate';
export { propertyPaths } from './propertyPaths';
export { parseOrderBy, compareByOrder } from './orderBy';
export { parseSelect, parseExpand, parseTop, type ExpandOptions } from './selectExpand';
