import type { Client } from '@microsoft/microsoft-graph-client';
import { SignInError } from '../auth/signInError';
import { GraphRequestError, toGraphRequestError } from './errors';
import { mayRetry, retryDelayMs } from './retryPolicy';

/** One request inside a JSON batch. `url` is relative to the version (`/me/messages/...`), already encoded. */
export interface BatchStep {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Ids of steps in the same call that must succeed first (Graph answers 424 otherwise). */
  dependsOn?: string[];
}

export interface BatchResult<T = unknown> {
  id: string;
  status: number;
  ok: boolean;
  headers: Record<string, string>;
  body: T;
}

/** Graph's limit: https://learn.microsoft.com/graph/json-batching (20 requests per batch). */
export const MAX_BATCH = 20;

export interface BatchOptions {
  /**
   * How many `$batch` calls may be in flight at once. 1 by default: Exchange runs at most four requests
   * per mailbox at a time and throttles the rest, and one batch already fills that. SharePoint work may use more.
   */
  concurrency?: number;
  maxRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
}

interface RawResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * Sends steps in as few `$batch` calls as Graph allows and returns one result per step, in the
 * order given. Dependency chains stay within one call. Inner requests Graph throttled (429), or
 * that failed transiently where the retry table allows, are sent again on their own; every other
 * result, success or failure, is returned as it is, so callers can report partial success exactly.
 */
export async function runBatch(graph: Client, steps: readonly BatchStep[], options: BatchOptions = {}): Promise<BatchResult[]> {
  const maxRetries = options.maxRetries ?? 3;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? (() => new Date());
  const results = new Map<string, BatchResult>();
  let pending = [...steps];

  for (let attempt = 0; pending.length > 0; attempt++) {
    const retry: BatchStep[] = [];
    let waitMs = 0;
    const chunks = chunkKeepingDependencies(pending);
    const answers = await mapWithConcurrency(chunks, options.concurrency ?? 1, (chunk) =>
      (graph.api('/$batch').post({ requests: chunk.map(toWire) }) as Promise<{ responses: RawResponse[] }>).catch((error: unknown) => {
        throw error instanceof SignInError ? error : toGraphRequestError(error); // no token is not "offline"
      }),
    );
    for (const [index, chunk] of chunks.entries()) {
      for (const raw of answers[index]!.responses) {
        const step = chunk.find((candidate) => candidate.id === raw.id)!;
        const result = toResult(raw);
        if (!result.ok && attempt < maxRetries && mayRetry(step.method, result.status) && !dependsOnFailure(step, results)) {
          retry.push(step);
          waitMs = Math.max(waitMs, retryDelayMs(attempt, result.headers['retry-after'], now()));
        } else results.set(step.id, result);
      }
    }
    // Dependents of a step being retried are retried with it (Graph answered them 424).
    pending = withDependents(retry, pending, results);
    if (pending.length > 0) await sleep(waitMs);
  }
  return steps.map((step) => results.get(step.id)!);
}

function toWire(step: BatchStep): Record<string, unknown> {
  const headers = { ...step.headers };
  if (step.body !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
    headers['Content-Type'] = 'application/json';
  }
  return {
    id: step.id,
    method: step.method,
    url: step.url,
    ...(step.body !== undefined ? { body: step.body } : {}),
    ...(Object.keys(headers).length ? { headers } : {}),
    ...(step.dependsOn?.length ? { dependsOn: step.dependsOn } : {}),
  };
}

function toResult(raw: RawResponse): BatchResult {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw.headers ?? {})) headers[name.toLowerCase()] = value;
  return { id: raw.id, status: raw.status, ok: raw.status >= 200 && raw.status < 300, headers, body: raw.body };
}

function dependsOnFailure(step: BatchStep, results: Map<string, BatchResult>): boolean {
  return (step.dependsOn ?? []).some((id) => results.has(id) && !results.get(id)!.ok);
}

/** The steps to send again: those being retried plus any step waiting on one of them. */
function withDependents(retry: BatchStep[], all: BatchStep[], results: Map<string, BatchResult>): BatchStep[] {
  const again = new Set(retry.map((step) => step.id));
  let grew = true;
  while (grew) {
    grew = false;
    for (const step of all) {
      if (!again.has(step.id) && (step.dependsOn ?? []).some((id) => again.has(id))) {
        again.add(step.id);
        results.delete(step.id);
        grew = true;
      }
    }
  }
  return all.filter((step) => again.has(step.id));
}

async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** Splits into calls of at most 20, never separating a step from the steps it depends on. */
export function chunkKeepingDependencies(steps: readonly BatchStep[]): BatchStep[][] {
  const groupOf = new Map<string, BatchStep[]>();
  const groups: BatchStep[][] = [];
  for (const step of steps) {
    const parents = (step.dependsOn ?? []).map((id) => groupOf.get(id)).filter((g): g is BatchStep[] => !!g);
    let group = parents[0];
    if (!group) groups.push((group = []));
    for (const other of parents.slice(1)) {
      if (other === group) continue;
      group.push(...other);
      other.forEach((moved) => groupOf.set(moved.id, group!));
      groups.splice(groups.indexOf(other), 1);
    }
    group.push(step);
    groupOf.set(step.id, group);
  }
  const chunks: BatchStep[][] = [];
  let current: BatchStep[] = [];
  for (const group of groups) {
    if (group.length > MAX_BATCH) throw new Error(`A dependency chain of ${group.length} requests cannot fit in one $batch of ${MAX_BATCH}.`);
    if (current.length + group.length > MAX_BATCH) {
      chunks.push(current);
      current = [];
    }
    current.push(...group);
  }
  if (current.length) chunks.push(current);
  return chunks;
}

/** A failed inner response as the one error type the add-in uses, with Graph's own code. */
export function batchError(result: BatchResult): GraphRequestError {
  const error = (result.body as { error?: { code?: string; message?: string; innerError?: { 'request-id'?: string } } } | undefined)?.error;
  return new GraphRequestError(result.status, error?.code ?? `http${result.status}`, error?.message ?? `HTTP ${result.status}`, error?.innerError?.['request-id']);
}

/** The body of a successful inner response; throws its GraphRequestError otherwise. */
export function expectOk<T = unknown>(result: BatchResult): T {
  if (!result.ok) throw batchError(result);
  return result.body as T;
}
