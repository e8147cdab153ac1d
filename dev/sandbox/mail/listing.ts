/**
 * One OData collection page the way Outlook's Graph endpoints serve it: $filter, $orderby, $select,
 * $count and $top/$skip paging, with `@odata.nextLink` carrying `$skip` (as Graph does for messages,
 * mail folders and calendar views).
 */
import { badRequest, GraphError } from '../core/errors';
import type { SandboxRequest } from '../core/types';
import { compareByOrder, evaluateFilter, ODataSyntaxError, parseFilter, parseOrderBy, parseSelect, parseTop } from '../odata';

const FILTER_PREFIX = 'Invalid filter clause: ';
const CASE_INSENSITIVE = { caseInsensitive: true };

export interface ListOptions {
  /** Rendered items (Graph JSON with ids). */
  items: Record<string, unknown>[];
  req: SandboxRequest;
  /** `@odata.context` without any `(select)` part. */
  contextUrl: string;
  /** For `$select` validation errors: `microsoft.graph.message`. */
  typeName: string;
  /** Properties `$select` may name (beyond those present on items). */
  knownProperties?: readonly string[];
  defaultTop: number;
  maxTop: number;
  defaultOrder?: string;
}

/** Outlook rejects unknown property names while parsing the URI, with this code. */
const unknownPropertyError = (name: string, typeName: string): GraphError =>
  badRequest(`Could not find a property named '${name}' on type '${typeName}'.`, 'RequestBroker--ParseUri');

function odataError(error: unknown, prefix = ''): never {
  if (error instanceof ODataSyntaxError) {
    throw badRequest(prefix && !error.message.startsWith(prefix) ? prefix + error.message : error.message);
  }
  throw error;
}

function nonNegativeInteger(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim())) {
    throw badRequest(`Invalid value '${text}' for ${name} query option found. The ${name} query option requires a non-negative integer value.`);
  }
  return Number(text.trim());
}

/** Applies $select to one rendered item; Graph keeps `@odata.etag` and `id` whatever is selected. */
export function selectProperties(item: Record<string, unknown>, select: string[] | undefined): Record<string, unknown> {
  if (!select) return item;
  const out: Record<string, unknown> = {};
  for (const key of ['@odata.etag', 'id']) if (key in item) out[key] = item[key];
  for (const name of select) {
    const key = Object.keys(item).find((k) => k.toLowerCase() === name.toLowerCase());
    if (key !== undefined) out[key] = item[key];
  }
  return out;
}

/** Parses and validates `$select` against the item shape. */
export function parseSelectOption(
  req: SandboxRequest,
  sample: Record<string, unknown> | undefined,
  typeName: string,
  knownProperties: readonly string[] = [],
): string[] | undefined {
  const text = req.query['$select'];
  if (text === undefined || text.trim() === '' || text.trim() === '*') return undefined;
  let names: string[];
  try {
    names = parseSelect(text);
  } catch (error) {
    odataError(error);
  }
  const known = new Set([...Object.keys(sample ?? {}), ...knownProperties].map((k) => k.toLowerCase()));
  if (sample || knownProperties.length > 0) {
    for (const name of names) if (!known.has(name.toLowerCase())) throw unknownPropertyError(name, typeName);
  }
  return names;
}

/** `$select=subject,from` → `(subject,from)` for the context URL. */
const selectSuffix = (select: string[] | undefined): string => (select ? `(${select.join(',')})` : '');

/** The core lower-cases query names; links we hand out use Graph's documented casing again. */
const CANONICAL_NAMES: Record<string, string> = {
  startdatetime: 'startDateTime',
  enddatetime: 'endDateTime',
  includehiddenfolders: 'includeHiddenFolders',
};

function nextLink(req: SandboxRequest, skip: number, top: number): string {
  const params = { ...req.query, $top: String(top), $skip: String(skip) };
  const query = Object.entries(params)
    .map(([k, v]) => `${CANONICAL_NAMES[k] ?? k}=${encodeURIComponent(v).replace(/%2C/gi, ',').replace(/%24/g, '$')}`)
    .join('&');
  return `${req.baseUrl}${req.path}?${query}`;
}

export function listPage(options: ListOptions): Record<string, unknown> {
  const { req } = options;
  let items = options.items;

  const filterText = req.query['$filter'];
  if (filterText !== undefined && filterText.trim() !== '') {
    let expr;
    try {
      expr = parseFilter(filterText);
    } catch (error) {
      odataError(error, FILTER_PREFIX);
    }
    items = items.filter((item) => evaluateFilter(expr, item, CASE_INSENSITIVE));
  }

  const orderText = req.query['$orderby'] ?? options.defaultOrder;
  if (orderText !== undefined && orderText.trim() !== '') {
    let order;
    try {
      order = parseOrderBy(orderText);
    } catch (error) {
      odataError(error);
    }
    items = [...items].sort(compareByOrder(order, CASE_INSENSITIVE));
  }

  const select = parseSelectOption(req, options.items[0], options.typeName, options.knownProperties);

  let top = options.defaultTop;
  if (req.query['$top'] !== undefined) {
    try {
      top = parseTop(req.query['$top']);
    } catch (error) {
      odataError(error);
    }
  }
  top = Math.min(Math.max(top, 0), options.maxTop);
  const skip = nonNegativeInteger('$skip', req.query['$skip']) ?? 0;

  const countText = req.query['$count']?.toLowerCase();
  if (countText !== undefined && countText !== 'true' && countText !== 'false') {
    throw badRequest(`'${req.query['$count']}' is not a valid count option.`);
  }

  const page = items.slice(skip, skip + top).map((item) => selectProperties(item, select));
  const body: Record<string, unknown> = { '@odata.context': options.contextUrl + selectSuffix(select) };
  if (countText === 'true') body['@odata.count'] = items.length;
  body['value'] = page;
  if (skip + top < items.length && top > 0) body['@odata.nextLink'] = nextLink(req, skip + top, top);
  return body;
}

/** A single entity with $select applied (and validated), plus its context URL. */
export function entityBody(
  item: Record<string, unknown>,
  req: SandboxRequest,
  contextUrl: string,
  typeName: string,
  knownProperties: readonly string[] = [],
): Record<string, unknown> {
  const select = parseSelectOption(req, item, typeName, knownProperties);
  return { '@odata.context': `${contextUrl}${selectSuffix(select)}/$entity`, ...selectProperties(item, select) };
}
