/**
 * Response bodies: types, formats, enums, nullability, required members and property names, checked by
 * walking the body alongside the (unadjusted) description. No Ajv here: compiling the description's
 * schemas costs seconds on a loaded machine, and every test file would pay it on its first response.
 * The rules are those of the request check (README.md, "Responses").
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { addGraphFormats, joinOr, preview, whereIn } from './body';
import { hint } from './query';
import { isObject, OPEN_IN_RESPONSES, schemaRefName, type Schema, type SchemaIndex, type Shape } from './spec';

type Path = Array<string | number>;

const where = (path: Path, key?: string): string => whereIn('response', path, key);
const article = (type: string): string => (type === 'null' ? 'null' : `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`);

export class ResponseChecker {
  /** One tiny validator per format name (`{type: string, format}` compiles in microseconds). */
  private readonly formats = new Map<string, ValidateFunction>();
  private ajv: Ajv | undefined;

  constructor(
    private readonly schemas: Record<string, Schema>,
    private readonly index: SchemaIndex,
  ) {}

  check(schema: Schema, body: unknown): string[] {
    const problems: string[] = [];
    this.value(body, schema, [], problems, 0);
    return [...new Set(problems)];
  }

  private value(value: unknown, node: Schema, path: Path, problems: string[], depth: number): void {
    if (depth > 64) return;
    const named = schemaRefName(node.$ref);
    if (named) {
      const target = this.schemas[named];
      if (!target) return;
      const objectLike = target.type === 'object' || target.properties !== undefined || target.allOf !== undefined;
      // Enums and other scalar types are checked as what they are; entity and complex types by name,
      // so that messages and subtypes use the name.
      if (!objectLike) this.value(value, { ...target, ...(node.nullable ? { nullable: true } : {}) }, path, problems, depth + 1);
      else if (value === null) {
        if (node.nullable !== true) problems.push(`${where(path)} must be an object (got null)`);
      } else if (!isObject(value)) problems.push(`${where(path)} must be ${node.nullable ? 'an object or null' : 'an object'} (got ${preview(value)})`);
      else this.object(value, node, target, path, problems, depth);
      return;
    }
    const branches = node.anyOf ?? node.oneOf;
    if (branches) {
      this.alternatives(value, node, branches, path, problems, depth);
      return;
    }
    if (value === null) {
      if (node.nullable !== true && (node.type !== undefined || node.enum !== undefined)) problems.push(`${where(path)} must be ${this.expected(node)} (got null)`);
      return;
    }
    if (node.enum) {
      if (!node.enum.includes(value)) {
        const allowed = node.enum.filter((v) => v !== null).map((v) => preview(v));
        problems.push(`${where(path)} must be one of ${allowed.join(', ')}${node.nullable ? ' or null' : ''} (got ${preview(value)})`);
      }
      return;
    }
    const type = typeof node.type === 'string' ? node.type : node.properties || node.allOf ? 'object' : undefined;
    if (!type) return;
    if (!this.hasType(value, type)) {
      problems.push(`${where(path)} must be ${this.expected(node)} (got ${preview(value)})`);
      return;
    }
    if (type === 'array') {
      const items = node.items;
      if (items && Array.isArray(value)) value.forEach((element, i) => this.value(element, items, [...path, i], problems, depth + 1));
      return;
    }
    if (type === 'object') {
      this.object(value as Record<string, unknown>, node, node, path, problems, depth);
      return;
    }
    if (typeof node.minimum === 'number' && typeof value === 'number' && value < node.minimum) problems.push(`${where(path)} must be >= ${node.minimum} (got ${value})`);
    if (typeof node.maximum === 'number' && typeof value === 'number' && value > node.maximum) problems.push(`${where(path)} must be <= ${node.maximum} (got ${value})`);
    if (node.format && !this.formatOk(node.format, value)) problems.push(`${where(path)} must be a valid ${node.format} (got ${preview(value)})`);
    else if (node.pattern && !node.format && typeof value === 'string' && !new RegExp(node.pattern, 'u').test(value)) {
      problems.push(`${where(path)} must match pattern "${node.pattern}" (got ${preview(value)})`);
    }
  }

  /**
   * anyOf/oneOf. Graph's idiom `[{$ref}, {type: object, nullable: true}]` means "this type or null";
   * the numeric ones (number | string | INF/NaN) accept what any branch accepts.
   */
  private alternatives(value: unknown, node: Schema, branches: Schema[], path: Path, problems: string[], depth: number): void {
    const orNull = (branch: Schema): boolean => branch.nullable === true && branch.type === 'object' && !branch.properties && !branch.$ref;
    const real = branches.filter((branch) => !orNull(branch));
    if (value === null) {
      if (node.nullable === true || real.length < branches.length || branches.some((b) => b.nullable === true)) return;
    }
    const attempts = real.map((branch) => {
      const found: string[] = [];
      this.value(value, branch, path, found, depth + 1);
      return found;
    });
    if (attempts.some((found) => found.length === 0)) return;
    if (attempts.length === 1) problems.push(...(attempts[0] ?? []));
    else problems.push(`${where(path)} matches none of the shapes the schema allows (got ${preview(value)})`);
  }

  /** `node` names the type (a $ref, or the inline schema itself); `schema` is what it stands for. */
  private object(value: Record<string, unknown>, node: Schema, schema: Schema, path: Path, problems: string[], depth: number): void {
    let shape: Shape | undefined = this.index.shapeOfNode(node);
    for (const name of this.required(schema)) {
      if (!Object.hasOwn(value, name)) problems.push(`${where(path)} is missing required property '${name}'`);
    }
    if (!shape) return;

    const odataType = value['@odata.type'];
    if (typeof odataType === 'string' && shape.typeName) {
      const named = odataType.replace(/^#/, '');
      const typeName = named.includes('.') ? named : `microsoft.graph.${named}`;
      if (!this.index.has(typeName)) {
        problems.push(`${where(path, '@odata.type')} names '${odataType}', which is not a type in Graph v1.0`);
        return;
      }
      if (!this.index.isSubtypeOf(typeName, shape.typeName)) {
        problems.push(`${where(path, '@odata.type')} names '${odataType}', which is not ${shape.typeName} or derived from it`);
        return;
      }
      shape = this.index.shapeOf(typeName);
    }
    if (shape.open || (shape.typeName !== undefined && OPEN_IN_RESPONSES.has(shape.typeName))) return;
    const typeName = shape.typeName ?? shape.title ?? 'this object';

    for (const [key, child] of Object.entries(value)) {
      // Annotations: @odata.*, instance annotations (@microsoft.graph.tips, @removed), and prop@... on a declared prop.
      if (key.startsWith('@')) continue;
      const at = key.indexOf('@');
      if (at > 0) {
        const property = key.slice(0, at);
        if (!shape.properties.has(property)) problems.push(`${where(path, key)} is an annotation of '${property}', which is not a property of ${typeName}`);
        continue;
      }
      const propertySchema = shape.properties.get(key);
      if (!propertySchema) {
        problems.push(`${where(path, key)} is not a property of ${typeName}${hint(key, shape.properties.keys())}`);
        continue;
      }
      this.value(child, propertySchema, [...path, key], problems, depth + 1);
    }
  }

  /** Required members, through allOf and named parents; `@odata.type` never (real bodies omit it). */
  private required(node: Schema, seen = new Set<string>()): string[] {
    const own = (node.required ?? []).filter((name) => name !== '@odata.type');
    const inherited = (node.allOf ?? []).flatMap((part) => {
      const named = schemaRefName(part.$ref);
      if (!named) return this.required(part, seen);
      if (seen.has(named)) return [];
      seen.add(named);
      const target = this.schemas[named];
      return target ? this.required(target, seen) : [];
    });
    return [...own, ...inherited];
  }

  private hasType(value: unknown, type: string): boolean {
    switch (type) {
      case 'object':
        return isObject(value);
      case 'array':
        return Array.isArray(value);
      case 'integer':
        return typeof value === 'number' && Number.isInteger(value);
      case 'number':
        return typeof value === 'number';
      case 'string':
        return typeof value === 'string';
      case 'boolean':
        return typeof value === 'boolean';
      default:
        return true;
    }
  }

  private expected(node: Schema): string {
    if (node.enum) return `one of ${node.enum.filter((v) => v !== null).map((v) => preview(v)).join(', ')}${node.nullable ? ' or null' : ''}`;
    const type = typeof node.type === 'string' ? node.type : 'object';
    return joinOr([article(type), ...(node.nullable ? ['null'] : [])]);
  }

  private formatOk(format: string, value: unknown): boolean {
    let validate = this.formats.get(format);
    if (!validate) {
      if (!this.ajv) {
        this.ajv = new Ajv({ strict: false });
        addFormats(this.ajv, ['date', 'date-time', 'uuid']);
        addGraphFormats(this.ajv);
      }
      // An unknown format name is not this checker's business.
      if (!this.ajv.formats[format]) return true;
      validate = this.ajv.compile({ format });
      this.formats.set(format, validate);
    }
    return validate(value) === true;
  }
}
