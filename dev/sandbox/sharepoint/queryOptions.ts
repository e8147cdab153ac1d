/**
 * Reading OData query options of SharePoint requests; parse failures become Graph's 400 with the
 * OData module's message. Page sizes: list items come 200 to a page by default and `$top` is capped
 * at 5,000 ("By default, the page size for the items returned from a List Item using Graph Query will
 * be 200 ... a max value of 5000. Any number higher than 5000 will still return a max item limit of
 * 5000", Microsoft Graph: Working with Paginated result sets, microsoft365blogs.com).
 */
import { badRequest } from '../core/errors';
import type { SandboxRequest } from '../core/types';
import { ODataSyntaxError, parseExpand, parseFilter, parseOrderBy, parseSelect, parseTop, propertyPaths, type Expr, type OrderBy } from '../odata';
import { filterNotSupported, NOT_INDEXED_PREFER_TOKEN, unknownProperty } from './errors';

export const DEFAULT_PAGE_SIZE = 200;
export const MAX_PAGE_SIZE = 5000;

function parsed<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ODataSyntaxError) throw badRequest(error.message);
    throw error;
  }
}

export function filterOption(req: SandboxRequest): Expr | undefined {
  const text = req.query['$filter'];
  return text === undefined || text.trim() === '' ? undefined : parsed(() => parseFilter(text));
}

export function orderByOption(req: SandboxRequest): OrderBy[] {
  const text = req.query['$orderby'];
  return text === undefined || text.trim() === '' ? [] : parsed(() => parseOrderBy(text));
}

/**
 * `$filter` of list items: Graph serves the comparisons, `and`/`or`/`not`, `in`, and of the functions
 * only `startswith` ("$filter supports startsWith on text fields only, currently there is no support
 * for contains function", Microsoft's answer on Microsoft Q&A 1016924). Any other function or a
 * lambda is refused.
 */
export function listItemFilterOption(req: SandboxRequest): Expr | undefined {
  const filter = filterOption(req);
  if (filter) assertServedFilter(filter);
  return filter;
}

function assertServedFilter(expr: Expr): void {
  switch (expr.kind) {
    case 'call':
      if (expr.name !== 'startswith') throw filterNotSupported();
      expr.args.forEach(assertServedFilter);
      return;
    case 'lambda':
      throw filterNotSupported();
    case 'binary':
      assertServedFilter(expr.left);
      assertServedFilter(expr.right);
      return;
    case 'not':
      assertServedFilter(expr.operand);
      return;
    case 'in':
      assertServedFilter(expr.left);
      expr.values.forEach(assertServedFilter);
      return;
    default:
      return;
  }
}

/** The listItem resource's properties and relationships ("listItem resource type"). */
const LIST_ITEM_PROPERTIES = [
  'id', 'name', 'description', 'eTag', 'webUrl', 'createdBy', 'createdDateTime', 'lastModifiedBy', 'lastModifiedDateTime',
  'parentReference', 'sharepointIds', 'contentType', 'deleted',
  'fields', 'driveItem', 'versions', 'analytics', 'documentSetVersions', 'createdByUser', 'lastModifiedByUser',
];
/**
 * `$select` on list items: each name must be a listItem property, spelt as Graph spells it (the
 * pessimistic reading: whether Graph folds case here is not documented).
 */
export function itemSelectOption(req: SandboxRequest): string[] {
  const select = selectOption(req);
  const unknown = select.find((name) => name !== '*' && !LIST_ITEM_PROPERTIES.includes(name));
  if (unknown !== undefined) throw unknownProperty(unknown, 'listItem');
  return select;
}

/** The list resource's properties and relationships ("list resource type"). */
const LIST_PROPERTIES = [
  'id', 'name', 'displayName', 'description', 'eTag', 'webUrl', 'createdBy', 'createdDateTime', 'lastModifiedBy',
  'lastModifiedDateTime', 'list', 'parentReference', 'sharepointIds', 'system',
  'columns', 'contentTypes', 'drive', 'items', 'operations', 'subscriptions', 'createdByUser', 'lastModifiedByUser',
];

/** `$select` on lists: each name must be a list property, spelt as Graph spells it. */
export function listSelectOption(req: SandboxRequest): string[] {
  const select = selectOption(req);
  const unknown = select.find((name) => name !== '*' && !LIST_PROPERTIES.includes(name));
  if (unknown !== undefined) throw unknownProperty(unknown, 'list');
  return select;
}

/**
 * `$filter` on a site's lists: only `displayName` can be filtered on; any other property is 400
 * invalidRequest "The provided filter statement is not supported" (microsoftgraph/microsoft-graph-docs
 * #9836 / microsoft-graph-docs-contrib #757, the response quoted; pnp/pnpcore #68).
 */
export function listFilterOption(req: SandboxRequest): Expr | undefined {
  const filter = filterOption(req);
  if (filter && propertyPaths(filter).some((path) => path.length !== 1 || path[0] !== 'displayName')) throw filterNotSupported();
  return filter;
}

export function selectOption(req: SandboxRequest): string[] {
  const text = req.query['$select'];
  return text === undefined ? [] : parsed(() => parseSelect(text));
}

export function pageSize(req: SandboxRequest): number {
  const text = req.query['$top'];
  if (text === undefined) return DEFAULT_PAGE_SIZE;
  const top = parsed(() => parseTop(text));
  if (top < 1) throw badRequest(`Invalid value '${text}' for $top query option found.`);
  return Math.min(top, MAX_PAGE_SIZE);
}

/**
 * `$expand` of list items: only `fields`, optionally with its own `$select`, which must be written with
 * its `$`: `fields(select=A)` is 400 "Parsing OData Select and Expand failed: Term '(select=A)' is not
 * valid in a $select or $expand expression." (microsoftgraph/microsoft-graph-docs-contrib #4025, #496),
 * although the listItem pages' examples leave the `$` out. Returns undefined when
 * fields are not expanded, [] for all fields, or the selected names.
 */
export function expandedFields(req: SandboxRequest): string[] | undefined {
  const text = req.query['$expand'];
  if (text === undefined || text.trim() === '') return undefined;
  let fields: string[] | undefined;
  for (const item of parsed(() => parseExpand(text, { requireDollar: true }))) {
    if (item.property.toLowerCase() !== 'fields') throw unknownProperty(item.property, 'listItem');
    fields = item.select?.filter((s) => s !== '*') ?? [];
  }
  return fields;
}

/** `$expand=columns` on lists (nested options need their `$`, as for list items). */
export function expandsColumns(req: SandboxRequest): boolean {
  const text = req.query['$expand'];
  if (text === undefined || text.trim() === '') return false;
  return parsed(() => parseExpand(text, { requireDollar: true })).some((item) => {
    if (item.property.toLowerCase() !== 'columns') throw unknownProperty(item.property, 'list');
    return true;
  });
}

export function honorsNonIndexedQueries(req: SandboxRequest): boolean {
  return req.prefer.some((token) => token.toLowerCase() === NOT_INDEXED_PREFER_TOKEN.toLowerCase());
}

/** Keeps `@odata.*` annotations, expanded navigation properties and the selected properties. */
export function pickSelected(json: Record<string, unknown>, select: readonly string[], keep: readonly string[] = []): Record<string, unknown> {
  if (select.length === 0) return json;
  return Object.fromEntries(
    Object.entries(json).filter(([key]) => key.startsWith('@odata.') || select.includes(key) || keep.includes(key)),
  );
}
