/**
 * Request body checks: Ajv against the (adjusted) requestBody schema, plus a walk over the body's
 * property names, which the description itself never constrains. (Responses: response.ts.)
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { OperationInfo } from './routes';
import { hint } from './query';
import { adjustSchema, isObject, schemaRefName, type Schema, type SchemaIndex, type Shape } from './spec';

/** $id the adjusted description is registered under; every $ref is rewritten to point into it. */
const DOC_ID = 'graph';

type Path = Array<string | number>;

/** Which side of the exchange a message names: `body property 'x'` (requests) or `response property 'x'` (response.ts). */
type Side = 'body' | 'response';

export class BodyChecker {
  private ajv: Ajv | undefined;
  private readonly byOperation = new Map<OperationInfo, ValidateFunction>();
  private readonly byType = new Map<string, ValidateFunction>();

  constructor(
    private readonly schemas: Record<string, Schema>,
    private readonly index: SchemaIndex,
  ) {}

  check(op: OperationInfo, body: unknown): string[] {
    const absent = body === undefined || body === null;
    if (!op.body) return absent ? [] : [`${op.method} takes no request body here, but one was sent`];
    if (absent) return op.body.required ? ['a JSON request body is required'] : [];
    return op.action ? this.checkAction(op, op.body.schema, body) : this.checkEntity(op, op.body.schema, body);
  }

  private checkEntity(op: OperationInfo, schema: Schema, body: unknown): string[] {
    const validate = this.validatorFor(op);
    const problems = validate(body) ? [] : summarise(validate.errors ?? [], body, []);
    this.walk(body, schema, [], problems);
    return dedupe(problems);
  }

  /**
   * Bound actions: the description writes most parameters the way the metadata declares them
   * (`DestinationId`, `InputIds`), while Graph's documentation and clients send camelCase
   * (`destinationId`, `inputIds`). Graph accepts both, so either spelling binds the parameter;
   * any other spelling does not.
   */
  private checkAction(op: OperationInfo, schema: Schema, body: unknown): string[] {
    const action = (op.action ?? '').replace(/^microsoft\.graph\./, '');
    if (!isObject(body)) return [`the body of action '${action}' must be a JSON object of parameters`];
    const declared = schema.properties ?? {};
    const documented = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);
    const problems: string[] = [];
    const bound: Record<string, unknown> = {};
    const sentAs = new Map<string, string>();

    for (const [key, value] of Object.entries(body)) {
      if (key.startsWith('@odata.')) continue;
      const name = Object.hasOwn(declared, key) ? key : Object.keys(declared).find((p) => documented(p) === key);
      if (!name) {
        problems.push(`body parameter '${key}' is not a parameter of action '${action}' (parameters: ${Object.keys(declared).map(documented).join(', ') || 'none'})${hint(key, Object.keys(declared).map(documented))}`);
        continue;
      }
      if (Object.hasOwn(bound, name)) {
        problems.push(`body parameter '${key}' repeats '${sentAs.get(name)}'`);
        continue;
      }
      bound[name] = value;
      sentAs.set(name, key);
    }

    // OData: a non-binding parameter may be omitted only when it is nullable (or marked optional,
    // which Graph's metadata never does). The description records nullability but not `required`.
    for (const [name, param] of Object.entries(declared)) {
      if (!Object.hasOwn(bound, name) && !isNullable(param) && param.type !== 'array') {
        problems.push(`required body parameter '${documented(name)}' of action '${action}' is missing`);
      }
    }

    const validate = this.validatorFor(op);
    if (!validate(bound)) problems.push(...summarise(validate.errors ?? [], bound, [], (first) => sentAs.get(first) ?? first));
    for (const [name, value] of Object.entries(bound)) {
      const param = declared[name];
      if (param) this.walk(value, param, [sentAs.get(name) ?? name], problems);
    }
    return dedupe(problems);
  }

  /**
   * Reports property names the schema does not declare, recursively. Case matters (Graph JSON is
   * case-sensitive); `@odata.*` annotations are fine; open types (fieldValueSet) take anything.
   * An `@odata.type` naming a derived type switches to that type, and validates the value against it.
   */
  private walk(value: unknown, node: Schema, path: Path, problems: string[]): void {
    if (Array.isArray(value)) {
      const items = node.items;
      if (items) value.forEach((element, i) => this.walk(element, items, [...path, i], problems));
      return;
    }
    if (!isObject(value)) return;
    let shape: Shape | undefined = this.index.shapeOfNode(node);
    if (!shape) return;

    const odataType = value['@odata.type'];
    const declared = shape.typeName;
    if (typeof odataType === 'string' && declared) {
      const named = odataType.replace(/^#/, '');
      const typeName = named.includes('.') ? named : `microsoft.graph.${named}`;
      if (!this.index.has(typeName)) {
        problems.push(`${where(path, '@odata.type')} names '${odataType}', which is not a type in Graph v1.0`);
        return;
      }
      if (!this.index.isSubtypeOf(typeName, declared)) {
        problems.push(`${where(path, '@odata.type')} names '${odataType}', which is not ${declared} or derived from it`);
        return;
      }
      if (typeName !== declared) {
        shape = this.index.shapeOf(typeName);
        const validate = this.validatorForType(typeName);
        if (!validate(value)) problems.push(...summarise(validate.errors ?? [], value, path));
      }
    }
    if (shape.open) return;
    const typeName = shape.typeName ?? shape.title ?? 'this object';

    for (const [key, child] of Object.entries(value)) {
      if (key.startsWith('@odata.')) continue;
      const at = key.indexOf('@');
      if (at > 0) {
        // Property annotations (`manager@odata.bind`, `Tags@odata.type`) attach to a declared property.
        const property = key.slice(0, at);
        if (key.slice(at + 1).startsWith('odata.') && shape.properties.has(property)) continue;
        problems.push(`${where(path, key)} is an annotation of '${property}', which is not a property of ${typeName}`);
        continue;
      }
      const propertySchema = shape.properties.get(key);
      if (!propertySchema) {
        problems.push(`${where(path, key)} is not a property of ${typeName}${hint(key, shape.properties.keys())}`);
        continue;
      }
      this.walk(child, propertySchema, [...path, key], problems);
    }
  }

  private validatorFor(op: OperationInfo): ValidateFunction {
    let validate = this.byOperation.get(op);
    if (!validate) {
      const schema = op.body?.schema ?? {};
      const named = schemaRefName(schema.$ref);
      validate = named ? this.validatorForType(named) : this.instance().compile(adjustSchema(schema, DOC_ID));
      this.byOperation.set(op, validate);
    }
    return validate;
  }

  private validatorForType(name: string): ValidateFunction {
    let validate = this.byType.get(name);
    if (!validate) {
      validate = this.instance().compile({ $ref: `${DOC_ID}#/components/schemas/${name}` });
      this.byType.set(name, validate);
    }
    return validate;
  }

  /** Ajv with the adjusted description registered, created on first use (adjusting takes ~30 ms). */
  private instance(): Ajv {
    if (this.ajv) return this.ajv;
    // Not strict: the description carries OpenAPI keywords (title, readOnly, default) Ajv would reject.
    // No schema validation of the description itself, and no inlined refs: both only cost compile time here.
    const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, inlineRefs: false, code: { optimize: false } });
    addFormats(ajv, ['date', 'date-time', 'uuid']);
    addGraphFormats(ajv);
    const schemas: Record<string, Schema> = {};
    for (const [name, schema] of Object.entries(this.schemas)) schemas[name] = adjustSchema(schema, DOC_ID);
    ajv.addSchema({ $id: DOC_ID, components: { schemas } });
    this.ajv = ajv;
    return ajv;
  }
}

/** Graph's own formats (Edm types). Range checks come from the schemas' minimum/maximum. */
export function addGraphFormats(ajv: Ajv): void {
  const integer = { type: 'number' as const, validate: (n: number) => Number.isInteger(n) };
  const finite = { type: 'number' as const, validate: (n: number) => Number.isFinite(n) };
  for (const name of ['int16', 'int32', 'int64', 'uint8']) ajv.addFormat(name, integer);
  for (const name of ['double', 'float', 'decimal']) ajv.addFormat(name, finite);
  // Edm.Binary: Graph documents base64url but its own examples and clients send standard base64; both parse.
  ajv.addFormat('base64url', /^[A-Za-z0-9+/_-]*={0,2}$/);
  // Edm.Duration allows a sign and fractional seconds, which ajv-formats' RFC 3339 duration does not.
  ajv.addFormat('duration', /^-?P(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/);
  // Edm.TimeOfDay has no zone, which ajv-formats' RFC 3339 time requires.
  ajv.addFormat('time', /^(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,12})?)?$/);
}

function isNullable(schema: Schema): boolean {
  return schema.nullable === true || !!schema.anyOf?.some((branch) => branch.nullable === true || branch.type === 'null');
}

/**
 * Ajv errors → one sentence per offending value. Errors on a value whose child also failed are
 * dropped (the child says why), as are anyOf wrappers; the alternatives of an anyOf are merged.
 */
function summarise(errors: ErrorObject[], root: unknown, base: Path, rename?: (first: string) => string): string[] {
  const paths = errors.map((e) => e.instancePath);
  const leaves = errors.filter((e) => e.keyword === 'required' || !paths.some((p) => p.startsWith(`${e.instancePath}/`)));
  const byPath = new Map<string, ErrorObject[]>();
  for (const error of leaves) byPath.set(error.instancePath, [...(byPath.get(error.instancePath) ?? []), error]);

  const problems: string[] = [];
  for (const [pointer, group] of byPath) {
    const relative = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const value = valueAt(root, relative);
    if (rename && relative.length) relative[0] = rename(relative[0] as string);
    const path: Path = [...base, ...relative.map((s) => (/^\d+$/.test(s) ? Number(s) : s))];
    const got = ` (got ${preview(value)})`;
    const alternatives: string[] = [];
    const others: string[] = [];
    const hasFormat = group.some((e) => e.keyword === 'format');
    for (const error of group) {
      if (error.keyword === 'anyOf' || error.keyword === 'oneOf' || error.keyword === 'allOf') continue;
      if (error.keyword === 'type') {
        for (const type of String(error.params['type']).split(',')) alternatives.push(type === 'null' ? 'null' : `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`);
      } else if (error.keyword === 'enum') {
        const allowed = (error.params['allowedValues'] as unknown[]).filter((v) => v !== null);
        alternatives.push(`one of ${allowed.map((v) => preview(v)).join(', ')}`);
        if (allowed.length < (error.params['allowedValues'] as unknown[]).length) alternatives.push('null');
      } else if (error.keyword === 'required') {
        others.push(`${where(path)} is missing required property '${String(error.params['missingProperty'])}'`);
      } else if (error.keyword === 'pattern' && hasFormat) {
        continue; // the format error says the same thing more readably
      } else if (error.keyword === 'format') {
        others.push(`${where(path)} must be a valid ${String(error.params['format'])}${got}`);
      } else {
        others.push(`${where(path)} ${error.message ?? 'is invalid'}${got}`);
      }
    }
    const unique = [...new Set(alternatives)];
    if (unique.length) problems.push(`${where(path)} must be ${joinOr(unique)}${got}`);
    problems.push(...others);
    if (!unique.length && !others.length) problems.push(`${where(path)} matches none of the shapes the schema allows${got}`);
  }
  return problems;
}

function valueAt(root: unknown, segments: string[]): unknown {
  let value = root;
  for (const segment of segments) {
    if (Array.isArray(value)) value = value[Number(segment)];
    else if (isObject(value)) value = value[segment];
    else return undefined;
  }
  return value;
}

/** `body property 'flag.flagStatus'`, `response property 'value[0].id'`, or `body` / `response` at the top. */
const where = (path: Path, key?: string): string => whereIn('body', path, key);

export function whereIn(side: Side, path: Path, key?: string): string {
  const full = key === undefined ? path : [...path, key];
  if (!full.length) return side;
  const text = full.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
  return `${side} property '${text}'`;
}

export function preview(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'`;
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

export function joinOr(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function dedupe(problems: string[]): string[] {
  return [...new Set(problems)];
}
