/**
 * One HTTP request to the sandbox, from socket to answer: CORS preflight, request ids, the /_sandbox
 * control routes, the version segment, auth, then either $batch or a single Graph call.
 */
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { authenticate } from './auth';
import { executeBatch } from './batch';
import { handleControl, type SandboxControl } from './control';
import { corsHeaders, preflightHeaders } from './cors';
import type { DispatchResult, GraphCall } from './dispatch';
import { badRequest, GraphError, methodNotAllowed } from './errors';
import { faultError, isAfterWrite, type FaultInjector } from './faults';
import { errorResponse, standardHeaders, type RequestIds } from './graphResponse';
import { lowerCaseHeaders, normaliseQuery, parseRelativeUrl, preferTokens, rawQuery, wantsImmutableIds } from './query';
import type { LoggedInnerRequest, RequestLog } from './requestLog';
import type { SandboxResponse, UserDirectory } from './types';

const VERSION = 'v1.0';

export interface HttpDeps {
  control: SandboxControl;
  faults: FaultInjector;
  log: RequestLog;
  directory(): UserDirectory;
  now(): Date;
  /** Runs one authenticated Graph call (top-level or inside a $batch). */
  run(call: GraphCall): Promise<DispatchResult>;
  tls: boolean;
  /** Used for links when a request has no Host header. */
  defaultHost: string;
  exposeRetryAfter: boolean;
  /** Extra facts for GET /_sandbox/health. */
  health(): Record<string, unknown>;
}

/** Graph's answer to a body that is not JSON. */
const unreadableJson = (): GraphError =>
  badRequest('Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseJson(raw: Buffer): unknown {
  const text = raw.toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw unreadableJson();
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createHttpHandler(deps: HttpDeps): (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> {
  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const arrived = deps.log.tick();
    const headers = lowerCaseHeaders(req.headers);
    const requestId = randomUUID();
    const ids: RequestIds = { requestId, clientRequestId: headers['client-request-id'] ?? requestId };
    const origin = headers['origin'];
    const method = (req.method ?? 'GET').toUpperCase();
    const url = req.url ?? '/';
    const { path, search } = parseRelativeUrl(url);
    const proto = deps.tls ? 'https' : 'http';
    const baseUrl = `${proto}://${headers['host'] ?? deps.defaultHost}/${VERSION}`;

    const send = (response: SandboxResponse, extra: Record<string, string> = {}): void => {
      const out = { ...standardHeaders(response, ids), ...corsHeaders(origin, deps.exposeRetryAfter), ...extra };
      res.writeHead(response.status, out);
      res.end(response.body === undefined ? undefined : JSON.stringify(response.body));
    };
    const record = (status: number, more: { batchCount?: number; inner?: LoggedInnerRequest[]; mostInFlight?: number; reset?: boolean } = {}): void =>
      deps.log.add({ method, url, status, ...more, arrived, answered: deps.log.tick(), at: deps.now().toISOString() });

    if (method === 'OPTIONS' && headers['access-control-request-method']) {
      res.writeHead(200, { ...preflightHeaders(req.headers), 'request-id': ids.requestId, 'client-request-id': ids.clientRequestId, 'Content-Length': '0' });
      res.end();
      return;
    }

    let raw: Buffer;
    try {
      raw = await readBody(req);
    } catch {
      res.destroy();
      return;
    }

    if (path === '/_sandbox' || path.startsWith('/_sandbox/')) {
      let body: unknown;
      try {
        body = parseJson(raw);
      } catch {
        send({ status: 400, body: { error: 'Body is not JSON.' } });
        return;
      }
      const reply = handleControl(deps.control, method, path, body, () => ({ status: 'ok', graphUrl: baseUrl, ...deps.health() }), deps.now);
      const out = reply ?? { status: 404, body: { error: `No control route ${method} ${path}` } };
      res.writeHead(out.status, { 'Content-Type': 'application/json; charset=utf-8', ...corsHeaders(origin, deps.exposeRetryAfter) });
      res.end(out.body === undefined ? undefined : JSON.stringify(out.body));
      return;
    }

    const segments = path.split('/').filter(Boolean);
    const latencyMs = deps.faults.latencyMs();
    const fail = async (error: GraphError): Promise<void> => {
      if (latencyMs > 0) await sleep(latencyMs);
      const response = errorResponse(error, ids, deps.now());
      send(response);
      record(response.status);
    };

    if (segments[0] !== VERSION) {
      // Graph's answer for an unknown version segment.
      await fail(badRequest(`Invalid version: ${segments[0] ?? ''}`));
      return;
    }
    const graphPath = `/${segments.slice(1).join('/')}`;

    let userId: string;
    let body: unknown;
    try {
      userId = authenticate(headers['authorization'], deps.directory(), deps.now());
      body = parseJson(raw);
    } catch (error) {
      await fail(error instanceof GraphError ? error : unreadableJson());
      return;
    }

    if (segments[1]?.toLowerCase() === '$batch' && segments.length === 2) {
      if (method !== 'POST') {
        await fail(methodNotAllowed());
        return;
      }
      if (latencyMs > 0) await sleep(latencyMs);
      const outerFault = deps.faults.pick(method, '/$batch');
      if (outerFault?.kind === 'reset') {
        record(0, { reset: true });
        res.socket?.destroy();
        return;
      }
      try {
        if (outerFault && !isAfterWrite(outerFault)) throw faultError(outerFault);
        const outcome = await executeBatch(body, { userId, baseUrl, ids, now: deps.now, run: deps.run });
        // An after-write fault on the $batch itself: every step ran, and the whole answer is lost.
        if (outerFault?.kind === 'afterReset' || outcome.reset) {
          record(0, { batchCount: outcome.inner.length, inner: outcome.inner, mostInFlight: outcome.mostInFlight, reset: true });
          res.socket?.destroy();
          return;
        }
        if (outerFault) throw faultError(outerFault);
        send(outcome.response);
        record(outcome.response.status, { batchCount: outcome.inner.length, inner: outcome.inner, mostInFlight: outcome.mostInFlight });
      } catch (error) {
        const response = errorResponse(error instanceof GraphError ? error : badRequest('Invalid batch payload format.'), ids, deps.now());
        send(response);
        record(response.status);
      }
      return;
    }

    const prefer = preferTokens(req.headers['prefer']);
    const result = await deps.run({
      method,
      path: graphPath,
      query: normaliseQuery(search),
      rawQuery: rawQuery(search),
      headers,
      body,
      prefer,
      immutableIds: wantsImmutableIds(prefer),
      userId,
      baseUrl,
      url,
      ids,
      latencyMs,
    });
    if (result.reset) {
      record(0, { reset: true });
      res.socket?.destroy();
      return;
    }
    send(result);
    record(result.status);
  };
}
