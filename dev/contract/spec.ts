/**
 * Reading the Graph v1.0 OpenAPI subset: loading, typed access to its parts, type-name lookups
 * and the in-memory adjustments a JSON Schema validator needs (the file itself is never changed).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** The subset of OpenAPI 3.0 Schema Object keywords this description uses. */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  items?: Schema;
  enum?: unknown[];
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  uniqueItems?: boolean;
  [keyword: string]: unknown;
}

export interface Parameter {
  $ref?: string;
  name: string;
  in: 'query' | 'header' | 'path' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface MediaType {
  schema?: Schema;
}

export interface RequestBody {
  $ref?: string;
  required?: boolean;
  description?: string;
  content?: Record<string, MediaType>;
}

export interface Response {
  $ref?: string;
  content?: Record<string, MediaType>;
}

export interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: RequestBody;
  responses?: Record<string, Response>;
  'x-ms-pageable'?: unknown;
}

export type PathItem = Record<string, Operation | Parameter[] | string | undefined>;

export interface OpenApiDocument {
  paths: Record<string, PathItem>;
  components: {
    schemas: Record<string, Schema>;
    parameters?: Record<string, Parameter>;
    requestBodies?: Record<string, RequestBody>;
    responses?: Record<string, Response>;
  };
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const SCHEMA_REF_PREFIX = '#/components/schemas/';

export function loadDocument(file: string): OpenApiDocument {
  const bytes = readFileSync(file);
  // gzip magic number: accept an unzipped copy too (handy when experimenting).
  const text = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
  const doc = JSON.parse(text) as OpenApiDocument;
  if (!doc.paths || !doc.components?.schemas) throw new Error(`${file} is not an OpenAPI description with paths and components.schemas`);
  return doc;
}

/** 'microsoft.graph.message' for '#/components/schemas/microsoft.graph.message'; undefined for other refs. */
export function schemaRefName(ref: string | undefined): string | undefined {
  return ref?.startsWith(SCHEMA_REF_PREFIX) ? ref.slice(SCHEMA_REF_PREFIX.length) : undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Resolves `#/components/<kind>/<name>` for parameters, request bodies and responses. */
export function resolveComponent<T extends { $ref?: string }>(doc: OpenApiDocument, kind: 'parameters' | 'requestBodies' | 'responses', value: T): T | undefined {
  if (!value.$ref) return value;
  const prefix = `#/components/${kind}/`;
  if (!value.$ref.startsWith(prefix)) return undefined;
  const table = doc.components[kind] as Record<string, T> | undefined;
  return table?.[value.$ref.slice(prefix.length)];
}

/** Type-level facts about the description's named schemas, computed on demand and cached. */
export class SchemaIndex {
  private readonly shapes = new Map<string, Shape>();

  constructor(readonly schemas: Record<string, Schema>) {}

  has(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.schemas, name);
  }

  /** Declared properties of a named type including those inherited through allOf. */
  shapeOf(name: string): Shape {
    const cached = this.shapes.get(name);
    if (cached) return cached;
    // Placeholder first: a type that (indirectly) inherits from itself would otherwise recurse forever.
    const shape: Shape = { typeName: name, properties: new Map(), open: false };
    this.shapes.set(name, shape);
    const schema = this.schemas[name];
    if (schema) this.collect(schema, shape);
    shape.open = OPEN_TYPES.has(name) || [...shape.properties.keys()].every((key) => key === '@odata.type');
    return shape;
  }

  /** The shape a (possibly inline) schema node describes for object values, or undefined if none. */
  shapeOfNode(node: Schema): Shape | undefined {
    const name = this.typeNameOfNode(node);
    if (name) return this.shapeOf(name);
    if (!node.properties && !node.allOf) return undefined;
    const shape: Shape = { properties: new Map(), open: false, ...(typeof node.title === 'string' ? { title: node.title } : {}) };
    this.collect(node, shape);
    return shape;
  }

  /**
   * The named type a node stands for: a plain $ref, or the one $ref branch of Graph's
   * `anyOf: [{$ref}, {type: object, nullable: true}]` idiom.
   */
  typeNameOfNode(node: Schema): string | undefined {
    const direct = schemaRefName(node.$ref);
    if (direct) return direct;
    const branches = (node.anyOf ?? node.oneOf ?? []).map((branch) => schemaRefName(branch.$ref)).filter((n): n is string => !!n);
    return branches.length === 1 ? branches[0] : undefined;
  }

  /** True when `derived` is `base` or inherits from it through allOf. */
  isSubtypeOf(derived: string, base: string, seen = new Set<string>()): boolean {
    if (derived === base) return true;
    if (seen.has(derived)) return false;
    seen.add(derived);
    for (const part of this.schemas[derived]?.allOf ?? []) {
      const parent = schemaRefName(part.$ref);
      if (parent && this.isSubtypeOf(parent, base, seen)) return true;
    }
    return false;
  }

  private collect(node: Schema, shape: Shape): void {
    const ref = schemaRefName(node.$ref);
    if (ref) {
      for (const [key, value] of this.shapeOf(ref).properties) shape.properties.set(key, value);
      return;
    }
    for (const part of node.allOf ?? []) this.collect(part, shape);
    for (const [key, value] of Object.entries(node.properties ?? {})) shape.properties.set(key, value);
  }
}

export interface Shape {
  typeName?: string;
  /** For inline schemas (no type name): their `title`, used in messages. */
  title?: string;
  properties: Map<string, Schema>;
  /** Any property name is acceptable (an open type, or a type that declares nothing). */
  open: boolean;
}

/**
 * Types whose instances carry arbitrary property names. fieldValueSet holds a SharePoint list
 * item's column values, keyed by column name; the description cannot know them.
 */
export const OPEN_TYPES: ReadonlySet<string> = new Set(['microsoft.graph.fieldValueSet']);

/**
 * Types that are open in Graph's CSDL (`OpenType="true"`) but not in this description, so Graph's
 * responses carry members the description does not list. Only responses are let through: what our
 * client sends is still held to the declared properties.
 * - `microsoft.graph.identity`: SharePoint and OneDrive return `createdBy.user.email`; the CSDL declares
 *   identity open (maintainer's reply in microsoftgraph/msgraph-typescript-typings#116), and Graph
 *   Explorer shows the member (microsoftgraph/msgraph-metadata#814). Trail reads it (src/graph/sharepoint.ts).
 */
export const OPEN_IN_RESPONSES: ReadonlySet<string> = new Set(['microsoft.graph.identity']);

/**
 * The four in-memory adjustments (see README.upstream.md), returning a plain JSON Schema for Ajv.
 * Also rewrites `#/components/...` refs to `refBase#/components/...` so inline operation schemas
 * resolve against the registered document, and drops OpenAPI-only keywords Ajv does not know.
 */
export function adjustSchema(node: Schema, refBase: string): Schema {
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable' || key === 'discriminator' || key === 'example' || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string') out.$ref = value.startsWith('#/') ? `${refBase}${value}` : value;
    else if (key === 'properties' && isObject(value)) {
      const properties: Record<string, Schema> = {};
      for (const [name, child] of Object.entries(value)) properties[name] = adjustSchema(child as Schema, refBase);
      out.properties = properties;
    } else if ((key === 'allOf' || key === 'anyOf' || key === 'oneOf') && Array.isArray(value)) {
      out[key] = (value as Schema[]).map((child) => adjustSchema(child, refBase));
    } else if (key === 'items' && isObject(value)) out.items = adjustSchema(value as Schema, refBase);
    else out[key] = value;
  }

  // 1. Real request bodies omit @odata.type; the description marks it required on ~1,300 types.
  if (out.required) {
    const required = out.required.filter((name) => name !== '@odata.type');
    if (required.length) out.required = required;
    else delete out.required;
  }

  // 2. `anyOf: [{$ref}, {type: object, nullable: true}]`: the second branch accepts any object and
  //    would switch nested checking off; what it means is "or null".
  if (node.anyOf && out.anyOf) {
    out.anyOf = out.anyOf.map((branch, i) => {
      const original = node.anyOf?.[i];
      return original && original.type === 'object' && original.nullable === true && !original.properties && !original.$ref
        ? { type: 'null' }
        : branch;
    });
  }

  // 3a. Overlapping numeric oneOf (number | string | INF/NaN): a string like 'INF' matches two branches.
  if (out.oneOf) {
    out.anyOf = [...(out.anyOf ?? []), ...out.oneOf];
    delete out.oneOf;
  }

  // 3b. OpenAPI 3.0 `nullable` → JSON Schema null, including the numeric fields that carry no `type`.
  if (node.nullable === true) {
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (out.enum) out.enum = [...out.enum, null];
    } else if (out.anyOf) out.anyOf = [...out.anyOf, { type: 'null' }];
  }
  return out;
}
