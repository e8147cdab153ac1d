/**
 * Query option checks: every option must be one the operation declares, with a value its
 * parameter schema allows.
 */
import type { OperationInfo } from './routes';
import { isObject, type Parameter, type Schema, type SchemaIndex } from './spec';

/**
 * Properties Graph v1.0 has gained since this description was generated (February 2023), per type.
 * Only for $select: these are read-only, so bodies never carry them.
 */
export const STALE_SELECT_EXCEPTIONS: Readonly<Record<string, readonly string[]>> = {
  // site.isPersonalSite: returned by v1.0 site APIs (learn.microsoft.com graph/api/site-delta?view=graph-rest-1.0,
  // 2024 examples); the 2023 metadata predates it.
  'microsoft.graph.site': ['isPersonalSite'],
};

/** Server-issued paging state: Graph puts these in @odata.nextLink / @odata.deltaLink, which clients follow verbatim. */
const SKIP_TOKEN = '$skiptoken';
const DELTA_TOKEN = '$deltatoken';

/** Options an $expand item may carry in parentheses (OData 4.0 expandOption). */
const EXPAND_OPTIONS = new Set(['$select', '$filter', '$orderby', '$top', '$skip', '$count', '$search', '$expand', '$levels']);

export function checkQuery(op: OperationInfo, query: Record<string, string>, index: SchemaIndex): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();

  for (const [sentName, raw] of Object.entries(query)) {
    const value = String(raw); // tolerate numbers from callers that build the record by hand
    const name = normaliseName(op, sentName);
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      problems.push(`query option '${sentName}' repeats '${earlier}'`);
      continue;
    }
    seen.set(name, sentName);

    if (name === SKIP_TOKEN || name === DELTA_TOKEN) {
      const allowed = op.method === 'GET' && (name === SKIP_TOKEN ? op.pageable || op.delta : op.delta);
      if (!allowed) problems.push(`query option '${sentName}' is a paging token this operation never issues`);
      else if (value === '') problems.push(`query option '${sentName}' is empty`);
      continue;
    }

    const param = op.queryParams.get(name);
    if (!param) {
      problems.push(`query option '${sentName}' is not supported by this operation (it accepts ${listOrNone([...op.queryParams.values()].map((p) => p.name))})`);
      continue;
    }
    problems.push(...checkValue(op, param, sentName, value, index));
  }

  for (const [name, param] of op.queryParams) {
    if (param.required && !seen.has(name)) problems.push(`required query option '${param.name}' is missing`);
  }
  return problems;
}

/** `top` → `$top` where the operation declares `$top` (Graph v1.0 accepts both); names compare case-insensitively. */
function normaliseName(op: OperationInfo, sent: string): string {
  const lower = sent.toLowerCase();
  if (!lower.startsWith('$') && !op.queryParams.has(lower)) {
    const prefixed = `$${lower}`;
    if (op.queryParams.has(prefixed) || prefixed === SKIP_TOKEN || prefixed === DELTA_TOKEN) return prefixed;
  }
  return lower;
}

function checkValue(op: OperationInfo, param: Parameter, sentName: string, value: string, index: SchemaIndex): string[] {
  const schema = param.schema ?? {};
  const label = `query option '${sentName}'`;
  if (value.trim() === '') return [`${label} is empty`];

  switch (schema.type) {
    case 'integer': {
      if (!/^[+-]?\d+$/.test(value.trim())) return [`${label} must be an integer (got '${value}')`];
      const n = Number(value);
      if (schema.minimum !== undefined && n < schema.minimum) return [`${label} must be ≥ ${schema.minimum} (got ${value})`];
      if (schema.maximum !== undefined && n > schema.maximum) return [`${label} must be ≤ ${schema.maximum} (got ${value})`];
      return [];
    }
    case 'boolean':
      return value === 'true' || value === 'false' ? [] : [`${label} must be true or false (got '${value}')`];
    case 'array':
      return checkList(op, param, label, value, index);
    default:
      // calendarView's window: the schema says only 'string', its description 'ISO 8601'; Graph answers 400 to anything else.
      if (DATE_TIME_PARAMS.has(param.name) && !ISO_DATE_TIME.test(value)) return [`${label} must be an ISO 8601 date-time such as 2024-05-01T09:00:00Z (got '${value}')`];
      return [];
  }
}

const DATE_TIME_PARAMS = new Set(['startDateTime', 'endDateTime']);
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})?$/;

/** $select, $orderby, $expand: comma-separated lists whose items the description enumerates. */
function checkList(op: OperationInfo, param: Parameter, label: string, value: string, index: SchemaIndex): string[] {
  const schema = param.schema ?? {};
  const allowed = allowedValues(param);
  const name = param.name.toLowerCase();
  const open = !!op.entityType && index.shapeOf(op.entityType).open;
  const stale = new Set(op.entityType ? (STALE_SELECT_EXCEPTIONS[op.entityType] ?? []) : []);
  const problems: string[] = [];

  const items = name === '$expand' ? splitTopLevel(value) : value.split(',');
  if (!items) return [`${label} has unbalanced parentheses ('${value}')`];
  const seen = new Set<string>();
  for (const rawItem of items) {
    const item = rawItem.trim();
    if (item === '') {
      problems.push(`${label} has an empty item ('${value}')`);
      continue;
    }
    let key = item;
    if (name === '$orderby') {
      // '+' is a space in a form-encoded query string; asc is the default direction.
      const words = item.replace(/\+/g, ' ').split(/\s+/);
      if (words.length > 2 || (words.length === 2 && words[1] !== 'asc' && words[1] !== 'desc')) {
        problems.push(`${label} item '${item}' must be a property optionally followed by asc or desc`);
        continue;
      }
      key = words[1] === 'desc' ? `${words[0]} desc` : (words[0] as string);
    } else if (name === '$expand') {
      const paren = item.indexOf('(');
      key = (paren < 0 ? item : item.slice(0, paren)).trim();
      if (paren >= 0 && !item.endsWith(')')) {
        problems.push(`${label} item '${item}' has text after its closing parenthesis`);
        continue;
      }
      if (paren >= 0) problems.push(...checkExpandOptions(op, key, item.slice(paren + 1, -1), label, index));
    }
    if (schema.uniqueItems && seen.has(key)) problems.push(`${label} lists '${key}' twice`);
    seen.add(key);
    if (allowed.has(key) || (name === '$select' && (open || stale.has(key)))) continue;
    if (name === '$orderby' && ordersByOpenMember(op, key.replace(/ desc$/, ''), index)) continue;
    problems.push(`${label} item '${key}' is not one of the values this operation accepts${hint(key, allowed)}`);
  }
  return problems;
}

/**
 * `fields/Email`: a member of an open-typed navigation property (a list item's `fields`, whose
 * members are the list's columns). The description enumerates only the entity's own properties for
 * $orderby, so it cannot list these. Graph sorts list items by their columns the way "List items"
 * (graph/api/listitem-list) filters them (`fields/X`), and how well that works depends on the
 * column being indexed, which is for the server to judge. Only one level, and only a plain name.
 */
function ordersByOpenMember(op: OperationInfo, item: string, index: SchemaIndex): boolean {
  const match = /^(\w+)\/(\w+)$/.exec(item);
  if (!match || !op.entityType) return false;
  const property = index.shapeOf(op.entityType).properties.get(match[1] as string);
  if (!property) return false;
  return index.shapeOfNode(property.items ?? property)?.open === true;
}

const allowedCache = new WeakMap<Parameter, Set<string>>();

/** The enum of a list-valued parameter, as a set built once per parameter. */
function allowedValues(param: Parameter): Set<string> {
  let allowed = allowedCache.get(param);
  if (!allowed) {
    allowed = new Set((param.schema?.items?.enum ?? []).filter((v): v is string => typeof v === 'string'));
    allowedCache.set(param, allowed);
  }
  return allowed;
}

/** Options inside `$expand=nav(...)`: known option names, and $select names checked against the target type. */
function checkExpandOptions(op: OperationInfo, nav: string, inner: string, label: string, index: SchemaIndex): string[] {
  const problems: string[] = [];
  const target = expandTarget(op, nav, index);
  for (const part of splitTopLevel(inner, ';') ?? []) {
    const eq = part.indexOf('=');
    const optionName = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    const option = optionName.startsWith('$') ? optionName : `$${optionName}`;
    if (!EXPAND_OPTIONS.has(option)) {
      problems.push(`${label} gives '${nav}' an unknown option '${part.trim()}'`);
      continue;
    }
    if (option !== '$select' || eq < 0 || !target || target.open) continue;
    for (const selected of part.slice(eq + 1).split(',').map((s) => s.trim())) {
      if (!target.properties.has(selected)) {
        problems.push(`${label} selects '${selected}' on '${nav}', which ${target.typeName ?? 'its type'} does not have${hint(selected, new Set(target.properties.keys()))}`);
      }
    }
  }
  return problems;
}

function expandTarget(op: OperationInfo, nav: string, index: SchemaIndex) {
  if (!op.entityType) return undefined;
  const property: Schema | undefined = index.shapeOf(op.entityType).properties.get(nav);
  if (!property) return undefined;
  const node = property.items ?? property;
  return isObject(node) ? index.shapeOfNode(node) : undefined;
}

/** Splits on `separator` outside parentheses; undefined when parentheses do not balance. */
export function splitTopLevel(value: string, separator = ','): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return undefined;
    else if (c === separator && depth === 0) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) return undefined;
  parts.push(value.slice(start));
  return parts;
}

/** ` (did you mean 'isRead'?)` for a name that differs only in case or by one or two typos, else nothing. */
export function hint(name: string, candidates: Iterable<string>): string {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const candidateLower = candidate.toLowerCase();
    if (candidateLower === lower) return ` (did you mean '${candidate}'?)`;
    if (Math.abs(candidate.length - name.length) >= bestDistance) continue;
    const distance = editDistance(lower, candidateLower, bestDistance);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best ? ` (did you mean '${best}'?)` : '';
}

/** Levenshtein distance, giving up (returning `limit`) once it cannot stay below `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin >= limit) return limit;
    previous = current;
  }
  return Math.min(previous[b.length] ?? limit, limit);
}

function listOrNone(names: string[]): string {
  return names.length ? names.join(', ') : 'no query options';
}
