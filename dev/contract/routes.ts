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
  type SchemaIndex,
} from './spec';
import { EXTRA_QUERY_OPTIONS, HAND_DESCRIBED, LIST_ITEM_DELTA_RESPONSE, type HandDescribedOperation } from './supplement';

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
  /**
   * Documented responses by status key as the description writes them ('200', '204', '2XX', '4XX'):
   * the JSON body schema, or null when the status has no body.
   */
  responses: Map<string, Schema | null>;
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

  constructor(
    private readonly doc: OpenApiDocument,
    private readonly index: SchemaIndex,
  ) {
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
    this.addSupplement();
  }

  /**
   * The route for a concrete path, or undefined when nothing describes it. A path the description
   * does not match directly may still be a documented alias of a described one (ALIASES); its
   * template is then written in the alias's form.
   */
  match(path: string): RouteMatch | undefined {
    const segments = canonicalSegments(path);
    if (!segments) return undefined;
    const direct = this.walk(this.root, segments, 0);
    if (direct) return direct;

    let current = segments;
    const applied: Alias[] = [];
    for (const alias of ALIASES) {
      const rewritten = alias.rewrite(current);
      if (!rewritten) continue;
      current = rewritten;
      applied.unshift(alias);
      const found = this.walk(this.root, current, 0);
      if (found) return { template: applied.reduce((t, a) => a.template(t), found.template), operations: found.operations };
    }
    return undefined;
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
    this.nodeFor(template).route = route;
  }

  /** The trie node a template ends at, created on the way. */
  private nodeFor(template: string): Node {
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
    return node;
  }

  /** A described operation by 'METHOD /template'; a table naming one that does not exist is a bug, so this throws. */
  private described(methodAndTemplate: string): OperationInfo {
    const [method = '', template = ''] = methodAndTemplate.split(' ');
    const op = this.nodeFor(template).route?.operations.get(method);
    if (!op) throw new Error(`contract supplement: no described operation ${methodAndTemplate}`);
    return op;
  }

  private describe(template: string, method: string, op: Operation, shared: Parameter[]): OperationInfo {
    const queryParams = new Map<string, Parameter>();
    for (const raw of [...shared, ...(op.parameters ?? [])]) {
      const param = resolveComponent(this.doc, 'parameters', raw);
      if (param?.in === 'query') queryParams.set(param.name.toLowerCase(), param);
    }
    const last = template.split('/').pop() ?? '';
    const responses = new Map<string, Schema | null>();
    for (const [status, raw] of Object.entries(op.responses ?? {})) {
      const response = resolveComponent(this.doc, 'responses', raw);
      responses.set(status.toUpperCase(), response?.content?.['application/json']?.schema ?? null);
    }
    const info: OperationInfo = {
      method,
      template,
      queryParams,
      pageable: op['x-ms-pageable'] !== undefined,
      delta: literalKey(last) === 'delta',
      responses,
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
      operations: new Map([
        ['POST', { method: 'POST', template: '/$batch', queryParams: new Map(), pageable: false, delta: false, unchecked: 'each inner request is checked on its own', responses: new Map() }],
      ]),
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
      const responses = new Map<string, Schema | null>([...ERRORS, ['2XX', LIST_ITEM_DELTA_RESPONSE]]);
      const op: OperationInfo = { method: 'GET', template, queryParams, pageable: true, delta: true, responses };
      if (items.entityType) op.entityType = items.entityType;
      this.insert(template, { template, operations: new Map([['GET', op]]) });
    }
  }

  /** supplement.ts: documented operations and query options the subset leaves out. */
  private addSupplement(): void {
    for (const entry of HAND_DESCRIBED) {
      const node = this.nodeFor(entry.template);
      const route = (node.route ??= { template: entry.template, operations: new Map() });
      route.operations.set(entry.method, this.describeByHand(entry));
    }
    for (const extra of EXTRA_QUERY_OPTIONS) {
      const op = this.described(`${extra.method} ${extra.template}`);
      op.queryParams.set(extra.name.toLowerCase(), { name: extra.name, in: 'query', schema: { type: extra.type } });
    }
  }

  private describeByHand(entry: HandDescribedOperation): OperationInfo {
    const { method, template } = entry;
    const op: OperationInfo = { method, template, queryParams: new Map(), pageable: entry.pageable === true, delta: false, responses: new Map(ERRORS) };
    // As the description writes its own: DELETE answers 204 with no body, the rest 2XX with the
    // returned type (a page of them when pageable).
    if (method === 'DELETE') op.responses.set('204', null);
    else if (entry.returns) {
      const returned: Schema = { $ref: `#/components/schemas/${entry.returns}` };
      op.responses.set(
        '2XX',
        entry.pageable ? { allOf: [{ $ref: '#/components/schemas/BaseCollectionPaginationCountResponse' }, { type: 'object', properties: { value: { type: 'array', items: returned } } }] } : returned,
      );
    }
    for (const name of [entry.returns, entry.body]) {
      if (name && !this.index.has(name)) throw new Error(`contract supplement: ${method} ${template} names ${name}, which is not in the description`);
    }
    if (entry.returns) op.entityType = entry.returns;
    if (entry.body) op.body = { required: true, schema: { $ref: `#/components/schemas/${entry.body}` } };

    const query = entry.query;
    if (query && 'from' in query) {
      const source = this.described(query.from);
      for (const [key, param] of source.queryParams) {
        if (!query.names || query.names.some((n) => n.toLowerCase() === key)) op.queryParams.set(key, param);
      }
    } else if (query && entry.returns) {
      // $select over the returned type's own properties, as the description writes its $select enums.
      const properties = [...this.index.shapeOf(entry.returns).properties.keys()].filter((p) => p !== '@odata.type');
      op.queryParams.set('$select', { name: '$select', in: 'query', schema: { type: 'array', uniqueItems: true, items: { type: 'string', enum: properties } } });
    }
    return op;
  }
}

/** Error statuses every operation documents; their bodies are checked against ERROR_RESPONSE whatever the key holds. */
const ERRORS: ReadonlyArray<[string, Schema | null]> = [
  ['4XX', null],
  ['5XX', null],
];

interface Alias {
  /** The documented form rewritten to the described one, or undefined when the alias does not apply. */
  rewrite(segments: string[]): string[] | undefined;
  /** A described template written back in the documented form, for messages. */
  template(described: string): string;
}

/** An id or key segment: not an OData segment ($count) and not a function or action name. */
const isKeySegment = (segment: string | undefined): boolean =>
  !!segment && !segment.startsWith('$') && !segment.includes('(') && !segment.toLowerCase().startsWith('microsoft.graph.') && literalKey(segment) !== 'delta';

/**
 * Documented addressing that reaches a described operation by another path. Applied in order
 * (and cumulatively) only when the path matches nothing as it stands, so described paths win.
 */
const ALIASES: readonly Alias[] = [
  {
    // Graph documents every /me operation with its /users/{id | userPrincipalName} form on the same
    // page ("Get user", "Get message", "List events", "List calendarView", "List instances", "Get user mailbox settings", ...).
    rewrite: (s) => (s.length >= 2 && s[0]?.toLowerCase() === 'users' && isKeySegment(s[1]) ? ['me', ...s.slice(2)] : undefined),
    template: (t) => `/users/{user-id}${t.slice('/me'.length)}`,
  },
  {
    // "Get message", "Update message", "Delete message" (and move/copy) document a message under its folder:
    // /me/mailFolders/{id}/messages/{id}.
    rewrite: (s) =>
      s.length >= 5 && s[0]?.toLowerCase() === 'me' && literalKey(s[1] ?? '') === 'mailfolders' && isKeySegment(s[2]) && literalKey(s[3] ?? '') === 'messages' && isKeySegment(s[4])
        ? ['me', 'messages', ...s.slice(4)]
        : undefined,
    template: (t) => t.replace(/^\/me\/messages\//, '/me/mailFolders/{mailFolder-id}/messages/'),
  },
];

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
