/**
 * JSON batching (`POST /v1.0/$batch`) as described in "Combine multiple HTTP requests using JSON batching":
 * up to 20 requests, unique ids, `dependsOn` ordering with 424 for dependents of a failed request, only
 * the three dependency patterns of Graph's known issues (parallel, serial, same; see dev/sandbox/README.md),
 * relative urls, a Content-Type header whenever there is a body, independent results in any order,
 * and an outer 200 whenever the payload itself is valid.
 * Each inner request goes through the same routing, auth context, faults and throttling as a top-level one;
 * like Outlook ("Outlook service limits for JSON batching"), at most 4 run at the same time.
 */
import { randomUUID } from 'node:crypto';
import type { DispatchResult, GraphCall } from './dispatch';
import { badRequest, GraphError } from './errors';
import { standardHeaders, toErrorResponse, type RequestIds } from './graphResponse';
import { lowerCaseHeaders, normaliseQuery, parseRelativeUrl, preferTokens, rawQuery, wantsImmutableIds } from './query';
import type { LoggedInnerRequest } from './requestLog';
import type { SandboxResponse } from './types';

export const MAX_BATCH_REQUESTS = 20;
const PARALLEL_INNER_REQUESTS = 4;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH']);

interface InnerRequest {
  id: string;
  method: string;
  url: string;
  dependsOn: string[];
  headers: Record<string, string>;
  body: unknown;
}

interface InnerResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

export interface BatchOutcome {
  response: SandboxResponse;
  inner: LoggedInnerRequest[];
  /** The most inner requests that ran at the same time. */
  mostInFlight: number;
  /** A 'reset' fault hit an inner request: the connection is dropped once the batch is done. */
  reset: boolean;
}

export interface BatchContext {
  userId: string;
  baseUrl: string;
  ids: RequestIds;
  now(): Date;
  run(call: GraphCall): Promise<DispatchResult>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// The texts of these whole-batch 400s are not documented; the status and code are.
function parseRequests(body: unknown): InnerRequest[] {
  if (!isRecord(body) || !Array.isArray(body.requests)) throw badRequest('Invalid batch payload format.');
  if (body.requests.length === 0) throw badRequest('Invalid batch payload format.');
  if (body.requests.length > MAX_BATCH_REQUESTS) {
    throw badRequest(`The number of batch requests exceeds the limit of ${MAX_BATCH_REQUESTS}.`);
  }
  const seen = new Set<string>();
  const requests = body.requests.map((raw): InnerRequest => {
    if (!isRecord(raw)) throw badRequest('Invalid batch payload format.');
    const { id, method, url, dependsOn, headers } = raw;
    if (typeof id !== 'string' || id === '') throw badRequest('Batch request is missing the required property id.');
    if (typeof method !== 'string' || method === '') throw badRequest(`Batch request id : ${id} is missing the method.`);
    if (typeof url !== 'string' || url === '') throw badRequest(`Batch request id : ${id} is missing the url.`);
    if (/^[a-z]+:\/\//i.test(url)) throw badRequest(`Batch request id : ${id} must use a relative url.`);
    const key = id.toLowerCase();
    if (seen.has(key)) throw badRequest(`Batch request ids must be unique; '${id}' is repeated.`);
    seen.add(key);
    const innerHeaders = isRecord(headers) ? lowerCaseHeaders(headers as Record<string, string>) : {};
    const upper = method.toUpperCase();
    // Graph's own wording for a write without a body, or a body without Content-Type (PnP Core cites it verbatim).
    if ((raw.body !== undefined || WRITE_METHODS.has(upper)) && (raw.body === undefined || !innerHeaders['content-type'])) {
      throw badRequest(`Write request id : ${id} does not contain Content-Type header or body.`);
    }
    if (parseRelativeUrl(url).path.split('/').some((s) => s.toLowerCase() === '$batch')) {
      throw badRequest('Nested batch requests are not supported.');
    }
    return {
      id,
      method: upper,
      url,
      dependsOn: Array.isArray(dependsOn) ? dependsOn.map(String) : [],
      headers: innerHeaders,
      body: raw.body,
    };
  });
  assertDocumentedPattern(requests);
  return requests;
}

/** Graph's answer to a batch outside the three patterns (its docs' tip; quoted as Graph's 400 in microsoft-graph-docs-contrib #2339). */
const notOnePattern = (): GraphError => badRequest('Batch should be either fully sequential or fully parallel');

/**
 * "Request dependencies are limited" (Graph's known issues, JSON batching): a request may depend on one
 * other request only, listed before it, and the batch must be parallel (no dependsOn), serial (each
 * request depends on the one before) or "same" (every dependsOn names the same request).
 */
function assertDocumentedPattern(requests: InnerRequest[]): void {
  const position = new Map(requests.map((r, index) => [r.id.toLowerCase(), index]));
  for (const [index, r] of requests.entries()) {
    // Graph's text for a dependency it cannot run first, as SDK users report it (msgraph-sdk-dotnet-core #891).
    if (r.dependsOn.some((dep) => (position.get(dep.toLowerCase()) ?? Infinity) >= index)) throw badRequest(`Invalid dependency for request Id : ${r.id}`);
  }
  if (requests.some((r) => r.dependsOn.length > 1)) throw notOnePattern();
  const dependencies = requests.flatMap((r) => r.dependsOn.map((dep) => dep.toLowerCase()));
  const parallel = dependencies.length === 0;
  const serial = requests.every((r, index) => (index === 0 ? r.dependsOn.length === 0 : r.dependsOn[0]?.toLowerCase() === requests[index - 1]!.id.toLowerCase()));
  const same = new Set(dependencies).size === 1;
  if (!parallel && !serial && !same) throw notOnePattern();
}

/** Inner responses carry the handler's headers plus content type and caching, not the per-request ids. */
function innerHeaders(res: SandboxResponse, ids: RequestIds): Record<string, string> {
  const { 'request-id': _r, 'client-request-id': _c, 'x-ms-ags-diagnostic': _d, ...rest } = standardHeaders(res, ids);
  return rest;
}

export async function executeBatch(body: unknown, ctx: BatchContext): Promise<BatchOutcome> {
  const requests = parseRequests(body);
  const results = new Map<string, InnerResponse>();
  const logged: LoggedInnerRequest[] = [];
  let reset = false;

  const runOne = async (r: InnerRequest): Promise<InnerResponse> => {
    const ids = { requestId: randomUUID(), clientRequestId: ctx.ids.clientRequestId };
    const failedDep = r.dependsOn.find((d) => (results.get(d.toLowerCase())?.status ?? 0) >= 400);
    if (failedDep !== undefined) {
      // Documented status (424); the error text is ours.
      const failed = toErrorResponse(new GraphError(424, 'FailedDependency', `The request depends on request '${failedDep}', which failed.`), ids, ctx.now());
      return { id: r.id, status: 424, headers: innerHeaders(failed, ids), body: failed.body };
    }
    const { path, search } = parseRelativeUrl(r.url);
    const prefer = preferTokens(r.headers.prefer);
    const result = await ctx.run({
      method: r.method,
      path,
      query: normaliseQuery(search),
      rawQuery: rawQuery(search),
      headers: r.headers,
      body: r.body,
      prefer,
      immutableIds: wantsImmutableIds(prefer),
      userId: ctx.userId,
      baseUrl: ctx.baseUrl,
      url: r.url,
      ids,
      latencyMs: 0,
    });
    if (result.reset) {
      reset = true;
      return { id: r.id, status: 0, headers: {} };
    }
    return {
      id: r.id,
      status: result.status,
      headers: innerHeaders(result, ids),
      ...(result.body !== undefined ? { body: result.body } : {}),
    };
  };

  // A parallel batch runs at most PARALLEL_INNER_REQUESTS at a time; serial and "same" ones one at a
  // time, in order ("Requests made using this pattern will run sequentially").
  const atOnce = requests.some((r) => r.dependsOn.length > 0) ? 1 : PARALLEL_INNER_REQUESTS;
  let mostInFlight = 0;
  const pending = [...requests];
  const running = new Set<Promise<void>>();
  const order: InnerResponse[] = [];
  while (pending.length > 0 || running.size > 0) {
    let started = false;
    for (let i = 0; i < pending.length && running.size < atOnce; ) {
      const r = pending[i]!;
      if (!r.dependsOn.every((d) => results.has(d.toLowerCase()))) {
        i++;
        continue;
      }
      pending.splice(i, 1);
      started = true;
      const task = runOne(r).then((res) => {
        results.set(r.id.toLowerCase(), res);
        order.push(res);
        logged.push({ id: r.id, method: r.method, url: r.url, status: res.status });
        running.delete(task);
      });
      running.add(task);
      mostInFlight = Math.max(mostInFlight, running.size);
    }
    if (running.size > 0) await Promise.race(running);
    else if (!started) break;
  }

  return {
    response: { status: 200, body: { responses: order.filter((r) => r.status !== 0) } },
    inner: logged,
    mostInFlight,
    reset,
  };
}
