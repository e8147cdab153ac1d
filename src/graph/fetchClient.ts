import type { Context } from '@microsoft/microsoft-graph-client';
import type { GraphClient, GraphClientConfig, GraphRequest } from './client';
import { GraphRequestError } from './errors';
import { ChainedMiddleware } from './middleware/chain';
import { graphMiddleware } from './middleware/stack';
import { SignInError } from './tokens';

/**
 * The same Graph client on fetch alone, for the ribbon's function file (src/app/commands). That file must stay
 * within 30 KB gzip (issue 18, `functionFileGzipBytes` in `npm run bench -- bundle`), and the SDK's client (its
 * request builder, response and error handlers, tslib) took about 6 KB gzip of it. Only the SDK's two error classes
 * stay (SignInError must extend GraphClientError for the SDK to pass it through; toGraphRequestError knows GraphError).
 *
 * It is not a second client: it implements the part of the SDK's request builder the Graph concept modules use
 * (GraphClient in client.ts) and sends every request through the very middleware createGraphClient gives the SDK
 * (middleware/stack.ts: request id → retry (retryPolicy.ts) → bearer token → immutable ids), then fetch. It builds URLs as the SDK does
 * (base + version + path, OData options first, values passed through unencoded, see odata.ts), and answers as
 * the SDK answers: the parsed JSON body, nothing for a 204, and for a failure the GraphRequestError that
 * toGraphRequestError makes of the SDK's error (Graph's status, `error.code`, message and request id; status 0,
 * `network` when no answer came). A SignInError passes through unchanged, as the SDK passes it.
 */
export function createFetchGraphClient(config: GraphClientConfig): GraphClient {
  const baseUrl = config.baseUrl.replace(/\/+$/, '');
  const chain = [...graphMiddleware({ ...config, baseUrl }), new FetchHandler()];
  chain.reduce((previous, next) => (previous.setNext(next), next));
  return { api: (path) => new FetchRequest(path, baseUrl, (context) => chain[0]!.execute(context)) };
}

/** The last link: what the SDK's HTTPMessageHandler does. */
class FetchHandler extends ChainedMiddleware {
  async execute(context: Context): Promise<void> {
    context.response = await fetch(context.request, context.options);
  }
}

/** The query options the SDK orders first and joins by comma when given twice (its GraphRequestUtil.oDataQueryNames). */
const ODATA_OPTIONS = ['$select', '$expand', '$orderby', '$filter', '$top', '$skip', '$skipToken', '$count'];
const CSV_OPTIONS = ['$select', '$expand', '$orderby'];

class FetchRequest implements GraphRequest {
  private readonly path: string;
  private readonly odata = new Map<string, string>();
  private readonly other = new Map<string, string>();
  private readonly headers: Record<string, string> = {};

  private readonly base: string;

  constructor(
    path: string,
    baseUrl: string,
    private readonly send: (context: Context) => Promise<void>,
  ) {
    // An absolute URL keeps its own origin and version, as the SDK keeps it: the bearer token middleware then refuses
    // to sign one that is not Graph's (ForeignOriginError), before anything is sent.
    const absolute = /^https:\/\/([^/]+)\/([^/?]+)\/?(.*)$/.exec(path);
    this.base = absolute ? `https://${absolute[1]}/${absolute[2]}` : `${baseUrl}/v1.0`;
    const relative = absolute ? absolute[3]! : path.replace(/^\/+/, '');
    const query = relative.indexOf('?');
    this.path = query === -1 ? relative : relative.slice(0, query);
    if (query !== -1) for (const part of relative.slice(query + 1).split('&')) this.option(part);
  }

  select(properties: string | string[]): GraphRequest {
    const value = typeof properties === 'string' ? properties : properties.join(',');
    const current = this.odata.get('$select');
    this.odata.set('$select', current ? `${current},${value}` : value);
    return this;
  }

  filter(filter: string): GraphRequest {
    this.odata.set('$filter', filter);
    return this;
  }

  search(search: string): GraphRequest {
    this.odata.set('$search', search);
    return this;
  }

  top(count: number): GraphRequest {
    this.odata.set('$top', String(count));
    return this;
  }

  header(name: string, value: string): GraphRequest {
    this.headers[name] = value;
    return this;
  }

  get(): Promise<unknown> {
    return this.request('GET');
  }

  post(content: unknown): Promise<unknown> {
    return this.request('POST', content);
  }

  put(content: unknown): Promise<unknown> {
    return this.request('PUT', content);
  }

  patch(content: unknown): Promise<unknown> {
    return this.request('PATCH', content);
  }

  delete(): Promise<unknown> {
    return this.request('DELETE');
  }

  /** A `key=value` from the path's own query, sorted as the SDK sorts it; anything else is kept as it is. */
  private option(part: string): void {
    const equals = part.indexOf('=');
    const paren = part.indexOf('(');
    if (equals === -1 || (paren !== -1 && paren < equals)) {
      this.other.set(part, '\u0000');
      return;
    }
    const key = part.slice(0, equals);
    const value = part.slice(equals + 1);
    if (!ODATA_OPTIONS.includes(key)) this.other.set(key, value);
    else this.odata.set(key, this.odata.has(key) && CSV_OPTIONS.includes(key) ? `${this.odata.get(key)},${value}` : value);
  }

  private url(): string {
    const query = [...[...this.odata].map(([key, value]) => `${key}=${value}`), ...[...this.other].map(([key, value]) => (value === '\u0000' ? key : `${key}=${value}`))];
    return `${this.base}/${this.path}${query.length ? `?${query.join('&')}` : ''}`;
  }

  private async request(method: string, content?: unknown): Promise<unknown> {
    const hasBody = method === 'POST' || method === 'PUT' || method === 'PATCH';
    if (hasBody && !Object.keys(this.headers).some((name) => name.toLowerCase() === 'content-type')) this.headers['Content-Type'] = 'application/json';
    const options: RequestInit = { method, headers: { ...this.headers } };
    if (hasBody) options.body = typeof content === 'string' ? content : JSON.stringify(content);
    const context: Context = { request: this.url(), options };
    try {
      await this.send(context);
    } catch (error) {
      if (error instanceof SignInError || error instanceof GraphRequestError) throw error;
      // The SDK's status -1 error, as toGraphRequestError reads it: no answer came.
      throw new GraphRequestError(0, 'network', (error instanceof Error && error.message) || String(error));
    }
    return answer(context.response!);
  }
}

/** The body as the SDK's GraphResponseHandler reads it, or the failure as toGraphRequestError reads the SDK's error. */
async function answer(response: Response): Promise<unknown> {
  let body: unknown;
  if (response.status !== 204) {
    const type = response.headers.get('Content-Type')?.split(';')[0];
    try {
      body = type === 'application/json' ? await response.json() : type === 'text/plain' ? await response.text() : response.body;
    } catch (error) {
      // An unreadable body: the SDK reports the status with the parse error's name as the code.
      throw error instanceof Error ? new GraphRequestError(response.status, error.name, error.message) : error;
    }
  }
  if (response.ok) return body;
  const error = (body as { error?: { code?: string; message?: string; innerError?: { 'request-id'?: string } } } | undefined)?.error;
  if (!error) throw new GraphRequestError(response.status, 'unknown', '');
  return Promise.reject(new GraphRequestError(response.status, error.code ?? 'unknown', error.message ?? '', error.innerError?.['request-id'] ?? undefined));
}
