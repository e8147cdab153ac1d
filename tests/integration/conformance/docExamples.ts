/**
 * Replaying Microsoft's documented examples against the sandbox. Each example is the "Request" block
 * of a v1.0 API page in microsoftgraph/microsoft-graph-docs-contrib, adapted where the page's ids or
 * host must become the sandbox's seeded data (the example says how), together with the documented
 * response reduced to what is compared: the status, the error code, and the response's shape (property
 * names, each with the JSON type of the documented value). Values are never compared.
 * See "Conformance" in dev/contract/README.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENEROUS } from '../../../dev/sandbox/sharepoint';
import { expectNoContractViolations, startTestSandbox, type TestSandbox } from '../helpers/sandbox';

/**
 * A documented value's shape: 'string' | 'number' | 'boolean' for scalars, 'null' where the page shows
 * null (anything is accepted there), an object of shapes, or an array holding the shape of its
 * elements ([] when the page shows an empty array: only "is an array" is compared).
 */
export type Shape = 'string' | 'number' | 'boolean' | 'null' | Shape[] | { [property: string]: Shape };

export interface DocExample {
  /** The page, as a path in microsoftgraph/microsoft-graph-docs-contrib. */
  doc: string;
  /** The `name` of the example's request block on that page. */
  example: string;
  /** What was changed to replay it here, and why; absent when the request is replayed as written. */
  adapted?: string;
  request: {
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
    /** After /v1.0. `{name}` is replaced by a value from the file's setup or an earlier example's `keep` (path-encoded). */
    url: string;
    headers?: Record<string, string>;
    body?: unknown;
  };
  response: {
    status: number;
    /** The documented response body's shape; absent when the page shows no body. */
    shape?: Shape;
    /** The documented `error.code`, for examples of errors. */
    errorCode?: string;
  };
  /**
   * Where Graph itself answers otherwise than the page shows, and a thread shows it: the property
   * (a dotted path in the shape), the shape Graph sends, and the source. The sandbox follows Graph.
   */
  exceptions?: Array<{ property: string; shape: Shape; source: string }>;
  /** Values to keep for later examples: name → property path in the response body ('id', 'value.0.id'). */
  keep?: Record<string, string>;
}

export function loadExamples(file: string): DocExample[] {
  return JSON.parse(readFileSync(join(__dirname, 'examples', file), 'utf8')) as DocExample[];
}

/** Where the sandbox's response differs from the documented shape: one sentence per difference. */
export function compareShape(documented: Shape, actual: unknown, path = 'body'): string[] {
  // A documented value may be null in another mailbox (mobilePhone, isDeliveryReceiptRequested); whether
  // the property is nullable is the response check's business (the description says).
  if (documented === 'null' || actual === null) return [];
  if (typeof documented === 'string') {
    const got = Array.isArray(actual) ? 'array' : typeof actual;
    return got === documented ? [] : [`${path} is documented as ${documented}, the sandbox sent ${got}`];
  }
  if (Array.isArray(documented)) {
    if (!Array.isArray(actual)) return [`${path} is documented as an array, the sandbox sent ${typeof actual}`];
    const element = documented[0];
    return element === undefined ? [] : actual.flatMap((value, i) => compareShape(element, value, `${path}[${i}]`));
  }
  if (typeof actual !== 'object' || Array.isArray(actual)) return [`${path} is documented as an object, the sandbox sent ${Array.isArray(actual) ? 'array' : typeof actual}`];
  const problems: string[] = [];
  for (const [name, shape] of Object.entries(documented)) {
    // Annotations (@odata.context, @odata.etag, links, calendar@odata.navigationLink) depend on the data
    // and the URL; their form is the response check's business.
    if (name.includes('@')) continue;
    if (!Object.hasOwn(actual, name)) problems.push(`${path}.${name} is documented, the sandbox left it out`);
    else problems.push(...compareShape(shape, (actual as Record<string, unknown>)[name], `${path}.${name}`));
  }
  return problems;
}

/** The documented shape with the recorded exceptions applied. */
export function expectedShape(example: DocExample): Shape | undefined {
  const documented = example.response.shape;
  if (documented === undefined || !example.exceptions?.length) return documented;
  const shape = structuredClone(documented);
  for (const exception of example.exceptions) {
    const keys = exception.property.split('.');
    const last = keys.pop()!;
    const parent = keys.reduce<Shape | undefined>((node, key) => (node && typeof node === 'object' && !Array.isArray(node) ? node[key] : undefined), shape);
    if (!parent || typeof parent !== 'object' || Array.isArray(parent) || !(last in parent)) throw new Error(`${example.example}: no documented property ${exception.property}`);
    parent[last] = exception.shape;
  }
  return shape;
}

function valueAt(body: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), body);
}

/**
 * One sandbox for the file; `setup` finds the seeded ids the examples need. The examples run in order,
 * so one may use what an earlier one created (`keep`).
 */
export function replayExamples(file: string, setup: (t: TestSandbox) => Promise<Record<string, string>>): void {
  const examples = loadExamples(file);
  let t: TestSandbox | undefined;
  const values: Record<string, string> = {};

  beforeAll(async () => {
    // The documented reading: where Microsoft leaves a behaviour open, the sandbox's default is the
    // pessimistic one (dev/sandbox/sharepoint/README.md), which the examples, by design, do not show.
    t = await startTestSandbox({ sharepoint: GENEROUS });
    Object.assign(values, await setup(t));
  });
  afterAll(() => t?.close());
  expectNoContractViolations(() => t);

  test.each(examples.map((e) => [`${e.doc} (${e.example})`, e] as const))('%s', async (_name, example) => {
    const sandbox = t!;
    // Placeholders stand for path segments, in the URL and in a batch's inner URLs alike.
    const fill = (text: string): string =>
      text.replace(/\{(\w+)\}/g, (_m, name: string) => {
        const value = values[name];
        if (value === undefined) throw new Error(`${example.example}: no value for {${name}}`);
        return encodeURIComponent(value);
      });
    const { method, headers, body } = example.request;
    const res = await sandbox.graphJson(fill(example.request.url), { method, headers: { ...headers }, ...(body !== undefined ? { body: fill(JSON.stringify(body)) } : {}) });

    // Kept first, so that one mismatch does not stop the examples that build on this one.
    if (res.status === example.response.status) {
      for (const [name, path] of Object.entries(example.keep ?? {})) {
        const kept = valueAt(res.body, path);
        if (typeof kept === 'string') values[name] = kept;
      }
    }
    // On a wrong status, show what the sandbox said.
    expect({ status: res.status, body: res.status === example.response.status ? 'as documented' : res.body }).toEqual({ status: example.response.status, body: 'as documented' });
    if (example.response.errorCode !== undefined) expect((res.body as { error?: { code?: string } }).error?.code).toBe(example.response.errorCode);
    const shape = expectedShape(example);
    if (shape !== undefined) expect(compareShape(shape, res.body)).toEqual([]);
    else if (example.response.errorCode === undefined) expect(res.body).toBeUndefined();
    for (const [name, path] of Object.entries(example.keep ?? {})) expect([name, typeof valueAt(res.body, path)]).toEqual([name, 'string']);
  });
}
