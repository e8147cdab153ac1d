/**
 * Outlook's rule for `$filter` with `$orderby` on messages ("List messages", "Using filter and orderby in the
 * same query"): ordered properties must also be filtered on, in the same order, before any others;
 * otherwise 400 InefficientFilter "The restriction or sort order is too complex for this operation."
 */
import { GraphError } from '../core/errors';
import { parseFilter, parseOrderBy, propertyPaths } from '../odata';

export function assertEfficientFilter(filterText: string | undefined, orderText: string | undefined): void {
  if (!filterText?.trim() || !orderText?.trim()) return;
  let filtered: string[];
  let ordered: string[];
  try {
    filtered = propertyPaths(parseFilter(filterText)).map((p) => p.join('/').toLowerCase());
    ordered = parseOrderBy(orderText).map((o) => o.path.join('/').toLowerCase());
  } catch {
    return; // Syntax errors are reported by the listing with OData's own message.
  }
  const leading = filtered.slice(0, ordered.length);
  if (ordered.some((p, i) => leading[i] !== p)) {
    throw new GraphError(400, 'InefficientFilter', 'The restriction or sort order is too complex for this operation.');
  }
}
