import type { GraphClient } from './client';
import { SignInError } from './tokens';
import { GraphRequestError, toGraphRequestError } from './errors';
import { asksLongerThanAllowed, mayRetry, retryDelayMs } from './retryPolicy';

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

/** Exchange runs at most 4 requests of one app against one mailbox at a time and throttles the rest (429). */
export const MAILBOX_CONCURRENCY = 4;

/**
 * The two shapes of call Trail sends, of the three Graph accepts (its known issue "Request dependencies are
 * limited"; anything else is a 400 "Batch should be either fully sequential or fully parallel"):
 * parallel, no `dependsOn` at all, Graph runs up to 4 at a time; serial, each request after the first
 * depends on the one before, Graph runs one at a time. "Same" is never needed.
 */
export type CallShape = 'parallel' | 'serial';

export interface BatchCall {
  shape: CallShape;
  steps: BatchStep[];
}

/**
 * How to send steps that depend on nothing when they need more than one call: in parallel calls (each
 * fills a mailbox's 4 requests in flight, so they go one after another), or in serial calls side by
 * side (1 in flight each, so 4 go at once: four times the steps per round trip, but a failure holds up
 * the rest of its call until it is sent again).
 */
export type IndependentSteps = 'parallel' | 'serial';

export interface BatchOptions {
  /**
   * The most inner requests in flight at once over the calls sent side by side: a parallel call counts
   * as min(4, its size), a serial one as 1. Exchange's 4 per mailbox by default; SharePoint work may use more.
   */
  maxInFlight?: number;
  /** See IndependentSteps; 'parallel' by default. */
  independent?: IndependentSteps;
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

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A whole call's answer: one result per step, or the error that lost them all. */
export type CallAnswer = Map<string, BatchResult> | GraphRequestError;

/**
 * Sends steps in as few `$batch` calls as Graph allows and returns one result per step, in the
 * order given. Every call is parallel or serial (planCalls), and dependency chains stay within one call. Inner requests Graph throttled (429), or
 * that failed transiently where the retry table allows, are sent again on their own; every other
 * result, success or failure, is returned as it is, so callers can report partial success exactly.
 */
export async function runBatch(graph: GraphClient, steps: readonly BatchStep[], options: BatchOptions = {}): Promise<BatchResult[]> {
  const maxRetries = options.maxRetries ?? 3;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? (() => new Date());
  const results = new Map<string, BatchResult>();
  let pending = [...steps];

  for (let attempt = 0; pending.length > 0; attempt++) {
    const retry: BatchStep[] = [];
    let waitMs = 0;
    let lost: unknown;
    await sendCalls(graph, planCalls(pending, options.independent), options, (answer, sent) => {
      if (answer instanceof GraphRequestError) {
        lost ??= answer;
        return;
      }
      for (const step of sent) {
        const result = answer.get(step.id);
        if (!result) continue;
        if (!result.ok && attempt < maxRetries && mayRetry(step.method, result.status) && !asksLongerThanAllowed(result.headers['retry-after'], now()) && !dependsOnFailure(step, results)) {
          retry.push(step);
          waitMs = Math.max(waitMs, retryDelayMs(attempt, result.headers['retry-after'], now()));
        } else results.set(step.id, result);
      }
    });
    if (lost !== undefined) throw lost;
    // Dependents of a step being retried are retried with it (Graph answered them 424).
    pending = withDependents(retry, pending, results);
    if (pending.length > 0) await sleep(waitMs);
  }
  return steps.map((step) => results.get(step.id)!);
}

/**
 * Sends planned calls side by side, never more than `maxInFlight` inner requests at once, and hands each
 * answer to `settle` with the steps it answers. A call that fails as a whole (a dropped connection, a 503
 * on the `$batch` itself) costs only its own steps. Steps of a serial call that Graph skipped (424) only
 * because an earlier chain in the same call failed were refused before any work: they are sent again, in
 * the same lane (after the wait Graph asked for, if the failure was a 429), and settled with their own answer.
 */
export async function sendCalls(
  graph: GraphClient,
  calls: readonly BatchCall[],
  options: Pick<BatchOptions, 'maxInFlight' | 'sleep' | 'now'>,
  settle: (answer: CallAnswer, steps: readonly BatchStep[]) => void,
): Promise<void> {
  const limit = Math.max(1, options.maxInFlight ?? MAILBOX_CONCURRENCY);
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? (() => new Date());
  let signedOut: SignInError | undefined;
  const deliver = async (first: BatchCall): Promise<void> => {
    let next: BatchCall | undefined = first;
    while (next && !signedOut) {
      const call: BatchCall = next;
      let answer: Map<string, BatchResult>;
      try {
        answer = await postCall(graph, call);
      } catch (error) {
        // No token is not "offline": nothing else is sent, and the caller hears of it.
        if (error instanceof SignInError) signedOut = error;
        else settle(toGraphRequestError(error), call.steps);
        return;
      }
      const again = new Set<string>(notRunBecauseOfLink(call, answer));
      settle(answer, call.steps.filter((step) => !again.has(step.id)));
      if (again.size === 0) return;
      next = { shape: call.shape, steps: call.steps.filter((step) => again.has(step.id)) };
      // Stopped by throttling: the rest waits as long as Graph asked, rather than being throttled in turn.
      // (In a serial call everything after the first failure is skipped: that failure stopped it.)
      const stoppedBy = call.steps.map((step) => answer.get(step.id)).find((result) => result && !result.ok);
      if (stoppedBy?.status === 429) await sleep(retryDelayMs(0, stoppedBy.headers['retry-after'], now()));
    }
  };
  let inFlight = 0;
  const running = new Set<Promise<void>>();
  for (const call of calls) {
    const cost = Math.min(inFlightOf(call), limit);
    while (inFlight + cost > limit) await Promise.race(running);
    if (signedOut) break;
    inFlight += cost;
    const task: Promise<void> = deliver(call).finally(() => {
      inFlight -= cost;
      running.delete(task);
    });
    running.add(task);
  }
  await Promise.all(running);
  if (signedOut) throw signedOut;
}

async function postCall(graph: GraphClient, call: BatchCall): Promise<Map<string, BatchResult>> {
  const body = (await graph.api('/$batch').post({ requests: toWireRequests(call) })) as { responses: RawResponse[] };
  return new Map(body.responses.map((raw) => [raw.id, toResult(raw)]));
}

/** How many of its requests Graph runs at once: a parallel call up to 4, a serial one 1. */
export function inFlightOf(call: BatchCall): number {
  return call.shape === 'serial' ? 1 : Math.min(MAILBOX_CONCURRENCY, call.steps.length);
}

/** The call as Graph reads it: in a serial call each request depends on the one before, in a parallel one none does. */
export function toWireRequests(call: BatchCall): Array<Record<string, unknown> & { id: string; dependsOn?: string[] }> {
  return call.steps.map((step, index) => {
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
      ...(call.shape === 'serial' && index > 0 ? { dependsOn: [call.steps[index - 1]!.id] } : {}),
    };
  });
}

/**
 * The steps of a serial call Graph skipped only because of the link to an earlier chain: a 424 on a step
 * that depends on nothing of its own, or on a step skipped the same way. A 424 because the step's own
 * dependency failed is the caller's to handle.
 */
export function notRunBecauseOfLink(call: BatchCall, answer: ReadonlyMap<string, BatchResult>): string[] {
  if (call.shape !== 'serial') return [];
  const skipped = new Set<string>();
  // The first step has no link: a 424 there is its own.
  for (const step of call.steps.slice(1)) {
    if (answer.get(step.id)?.status !== 424) continue;
    const own = ownDependency(step, call.steps);
    if (own === undefined || skipped.has(own)) skipped.add(step.id);
  }
  return [...skipped];
}

/** The step's own dependency among `steps` (one at most; a dependency already done elsewhere does not count). */
function ownDependency(step: BatchStep, steps: readonly BatchStep[]): string | undefined {
  return (step.dependsOn ?? []).find((id) => steps.some((other) => other.id === id));
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

/**
 * Splits steps into calls Graph accepts, at most 20 steps each. Steps that depend on each other form
 * chains (each step depends on at most one, and at most one on it); chains are never split, and go in
 * serial calls, whole, one after another. Steps that depend on nothing go in one parallel call when they
 * fit, otherwise as `independent` says.
 */
export function planCalls(steps: readonly BatchStep[], independent: IndependentSteps = 'parallel'): BatchCall[] {
  const chains = chainsOf(steps);
  for (const chain of chains) {
    if (chain.length > MAX_BATCH) throw new Error(`A dependency chain of ${chain.length} requests cannot fit in one $batch of ${MAX_BATCH}.`);
  }
  const serial = chains.some((chain) => chain.length > 1) || (independent === 'serial' && steps.length > MAX_BATCH);
  const calls: BatchCall[] = [];
  let current: BatchStep[] = [];
  for (const chain of chains) {
    if (current.length + chain.length > MAX_BATCH) {
      calls.push({ shape: serial ? 'serial' : 'parallel', steps: current });
      current = [];
    }
    current.push(...chain);
  }
  if (current.length) calls.push({ shape: serial ? 'serial' : 'parallel', steps: current });
  return calls;
}

/** The steps as chains, in the order their first steps are given; refuses what no documented pattern can carry. */
function chainsOf(steps: readonly BatchStep[]): BatchStep[][] {
  const chainOf = new Map<string, BatchStep[]>();
  const chains: BatchStep[][] = [];
  for (const step of steps) {
    const own = (step.dependsOn ?? []).filter((id) => steps.some((other) => other.id === id));
    if (own.length > 1) throw new Error(`Step ${step.id} depends on ${own.length} others; Graph lets a request depend on one other only.`);
    const chain = own.length ? chainOf.get(own[0]!) : undefined;
    if (own.length && !chain) throw new Error(`Step ${step.id} depends on ${own[0]}, which comes after it.`);
    if (chain && chain[chain.length - 1]!.id !== own[0]) throw new Error(`Step ${own[0]} has two dependants; a batch can carry only one chain through it.`);
    if (chain) chain.push(step);
    else chains.push([step]);
    chainOf.set(step.id, chain ?? chains[chains.length - 1]!);
  }
  return chains;
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
