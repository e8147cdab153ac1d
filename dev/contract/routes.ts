/**
 * Path matching: concrete request paths → the description's path templates (plus a small
 * allow-list of documented Graph addressing the description leaves out).
 */
import {
  HTTP_METHODS,
  isObject,
  resolveComponent,
  schemaRefName,
  type OpenApiDocument,
  type Operation,
  type Parameter,
  type Schema,
} from './spec';

export interface OperationInfo {
  method: string;
  /** Template as the description writes it (or as the allow-list names it). */
  template: string;
  /** Query parameters by lower-case name (Graph compares option names case-insensitively). */
  queryParams: Map<string, Parameter>;
  body?: { required: boolean; schema: Schema };
  /** Bound action (POST .../microsoft.graph.x): body members are action parameters. */
  action?: string;
  /** Named type of the resource(s) the operation returns, for $select/$expand checks. */
  entityType?: string;
  /** Returns a collection that pages with server-issued tokens. */
  pageable: boolean;
  delta: boolean;
  /** Allow-listed without a description of its own: the caller checks what is inside. */
  unchecked?: string;
}

export interface RouteMatch {
  template: string;
  operations: Map<string, OperationInfo>;
}

interface Node {
  literals: Map<string, Node>;
  param?: Node;
  route?: RouteMatch;
}

/** Literal segments compare case-insensitively, and `microsoft.graph.move`/`move`, `microsoft.graph.delta()`/`delta()`/`delta` are one. */
export function literalKey(segment: string): string {
  let key = segment.toLowerCase();
  if (key.startsWith('microsoft.graph.')) key = key.slice('microsoft.graph.'.length);
  if (key.endsWith('()')) key = key.slice(0, -2);
  return key;
}

const isTemplateSegment = (segment: string): boolean => segment.startsWith('{') && segment.endsWith('}');

/** Placeholder a `{hostname}:/{server-relative-path}:` site key collapses to before matching. */
const SITE_BY_PATH = '{hostname}:/{server-relative-path}';

export class RouteTable {
  private readonly root: Node = { literals: new Map() };

  constructor(private readonly doc: OpenApiDocument) {
    for (const [template, item] of Object.entries(doc.paths)) {
      const operations = new Map<string, OperationInfo>();
      const shared = Array.isArray(item.parameters) ? (item.parameters as Parameter[]) : [];
      for (const method of HTTP_METHODS) {
        const op = item[method];
        if (isObject(op)) operations.set(method.toUpperCase(), this.describe(template, method.toUpperCase(), op as Operation, shared));
      }
      this.insert(template, { template, operations });
    }
    this.addAllowList();
  }

  /** The route for a concrete path, or undefined when nothing describes it. */
  match(path: string): RouteMatch | undefined {
    const segments = canonicalSegments(path);
    if (!segments) return undefined;
    return this.walk(this.root, segments, 0);
  }

  private walk(node: Node, segments: string[], i: number): RouteMatch | undefined {
    if (i === segments.length) return node.route;
    const segment = segments[i] as string;
    const literal = node.literals.get(literalKey(segment));
    const viaLiteral = literal && this.walk(literal, segments, i + 1);
    if (viaLiteral) return viaLiteral;
    // Ids are opaque (`=`, `-`, `_`, `,` and dots all occur) but never start with `$`: those are
    // OData segments ($count, $value, $ref) that this description does not cover.
    if (node.param && segment !== '' && !segment.startsWith('$')) return this.walk(node.param, segments, i + 1);
    return undefined;
  }

  private insert(template: string, route: RouteMatch): void {
    let node = this.root;
    for (const segment of template.split('/').slice(1)) {
      if (isTemplateSegment(segment)) node = node.param ??= { literals: new Map() };
      else {
        const key = literalKey(segment);
        let next = node.literals.get(key);
        if (!next) node.literals.set(key, (next = { literals: new Map() }));
        node = next;
      }
    }
    node.route = route;
  }

  private describe(template: string, method: string, op: Operation, shared: Parameter[]): OperationInfo {
    const queryParams = new Map<string, Parameter>();
    for (const raw of [...shared, ...(op.parameters ?? [])]) {
      const param = resolveComponent(this.doc, 'parameters', raw);
      if (param?.in === 'query') queryParams.set(param.name.toLowerCase(), param);
    }
    const last = template.split('/').pop() ?? '';
    const info: OperationInfo = {
      method,
      template,
      queryParams,
      pageable: op['x-ms-pageable'] !== undefined,
      delta: literalKey(last) === 'delta',
    };
    if (method === 'POST' && last.startsWith('microsoft.graph.') && !last.endsWith(')')) info.action = last;
    const body = op.requestBody && resolveComponent(this.doc, 'requestBodies', op.requestBody);
    const schema = body?.content?.['application/json']?.schema;
    if (body && schema) info.body = { required: body.required === true, schema };
    const entityType = this.responseType(op);
    if (entityType) info.entityType = entityType;
    return info;
  }

  /** The entity type an operation returns: its 2XX schema, looking through collection wrappers. */
  private responseType(op: Operation): string | undefined {
    const raw = op.responses?.['2XX'] ?? op.responses?.['200'] ?? op.responses?.['201'];
    const response = raw && resolveComponent(this.doc, 'responses', raw);
    const schema = response?.content?.['application/json']?.schema;
    return schema ? this.entityOf(schema, 0) : undefined;
  }

  private entityOf(node: Schema, depth: number): string | undefined {
    if (depth > 4) return undefined;
    const ref = schemaRefName(node.$ref);
    if (ref) {
      const target = this.doc.components.schemas[ref];
      // Collection wrappers (`...CollectionResponse`) hold the entity in `value.items`.
      return target && this.isWrapper(target) ? this.entityOf(target, depth + 1) : ref;
    }
    for (const branch of node.anyOf ?? []) {
      const found = branch.$ref ? this.entityOf(branch, depth + 1) : undefined;
      if (found) return found;
    }
    for (const part of node.allOf ?? []) {
      const value = part.properties?.['value'];
      if (value?.items) return this.entityOf(value.items, depth + 1);
    }
    const value = node.properties?.['value'];
    return value?.items ? this.entityOf(value.items, depth + 1) : undefined;
  }

  private isWrapper(schema: Schema): boolean {
    return !!(schema.allOf?.some((part) => part.properties?.['value']?.items) ?? schema.properties?.['value']?.items);
  }

  /**
   * Documented Graph addressing the description leaves out (README.upstream.md, "notDescribed").
   * - `/$batch`: JSON batching. The caller checks each inner request on its own, so nothing here.
   * - `/sites/{site-id}/lists/{list-id}/items/delta`: listItem delta (learn.microsoft.com
   *   graph/api/listitem-delta, v1.0): GET with `token`, and $select, $expand, $top as on items.
   * - `/sites/root`: needs no entry; `root` is one more site key and matches `{site-id}`.
   * - `/sites/{hostname}:/{server-relative-path}`: site by path; canonicalSegments() folds it into
   *   one `{site-id}` segment, with or without the closing `:` before further segments.
   */
  private addAllowList(): void {
    this.insert('/$batch', {
      template: '/$batch',
      operations: new Map([['POST', { method: 'POST', template: '/$batch', queryParams: new Map(), pageable: false, delta: false, unchecked: 'each inner request is checked on its own' }]]),
    });

    const itemsTemplate = '/sites/{site-id}/lists/{list-id}/items';
    const items = this.match('/sites/x/lists/y/items')?.operations.get('GET');
    if (items) {
      const queryParams = new Map<string, Parameter>();
      for (const name of ['$select', '$expand', '$top']) {
        const param = items.queryParams.get(name);
        if (param) queryParams.set(name, param);
      }
      queryParams.set('token', { name: 'token', in: 'query', schema: { type: 'string' } });
      const template = `${itemsTemplate}/delta`;
      const op: OperationInfo = { method: 'GET', template, queryParams, pageable: true, delta: true };
      if (items.entityType) op.entityType = items.entityType;
      this.insert(template, { template, operations: new Map([['GET', op]]) });
    }
  }
}

/**
 * Splits a request path into segments, folding site-by-path addressing
 * (`/sites/contoso.sharepoint.com:/sites/trail[:/lists...]`) into one site-key segment.
 * Undefined when the path is not absolute.
 */
export function canonicalSegments(path: string): string[] | undefined {
  if (!path.startsWith('/')) return undefined;
  const segments = path.split('/').slice(1);
  // A single trailing slash adds nothing (`/me/` is `/me`).
  if (segments.length > 1 && segments[segments.length - 1] === '') segments.pop();
  const out: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    const previous = out[out.length - 1];
    if (previous !== undefined && previous.toLowerCase() === 'sites' && segment.length > 1 && segment.endsWith(':')) {
      // The server-relative path runs to the next segment ending in ':' (or to the end).
      let end = i + 1;
      while (end < segments.length && !(segments[end] as string).endsWith(':')) end++;
      out.push(SITE_BY_PATH);
      i = Math.min(end, segments.length - 1);
      continue;
    }
    out.push(segment);
  }
  return out;
}
