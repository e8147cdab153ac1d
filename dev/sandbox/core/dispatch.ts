/**
 * Runs one authenticated Graph request (a top-level one or one inside a $batch) through the same
 * steps: routing, mailbox resolution, MailboxConcurrency, the test hold, latency, faults, handler, then the contract
 * check of the request and of the response it got.
 */
import type { ContractRecorder } from './contract';
import { accessDenied, GraphError, methodNotAllowed, unknownSegment } from './errors';
import { faultError, isAfterWrite, type FaultInjector } from './faults';
import { toErrorResponse, type RequestIds } from './graphResponse';
import type { RequestHold } from './hold';
import type { SandboxRouter } from './router';
import type { ResourceUnitMeter } from './meter';
import type { MailboxLimiter } from './throttle';
import type { SandboxResponse, UserDirectory } from './types';

/** The parts of the running sandbox a request needs. */
export interface DispatchEnv {
  router(): SandboxRouter;
  directory(): UserDirectory;
  faults: FaultInjector;
  limiter: MailboxLimiter;
  /** SharePoint's resource units (meter.ts): counted per request, 429 once the minute's budget is spent. */
  meter?: ResourceUnitMeter;
  contract: ContractRecorder;
  /** Test hook (control.hold): calls wait here, slot taken, until released. */
  hold: RequestHold;
  now(): Date;
}

export interface GraphCall {
  method: string;
  /** After /v1.0, percent-decoded. */
  path: string;
  query: Record<string, string>;
  /** The query names as sent (for the contract check, which judges what the client wrote). */
  rawQuery: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  prefer: string[];
  immutableIds: boolean;
  userId: string;
  baseUrl: string;
  /** For logs and contract violations: the url as the client wrote it. */
  url: string;
  ids: RequestIds;
  /** Added before the handler runs, while the mailbox slot is held (0 for inner $batch requests). */
  latencyMs: number;
}

export type DispatchResult = SandboxResponse & { reset?: boolean };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** `/users/{id-or-upn}` for a user nobody knows: Outlook's answer for mailbox paths, the directory's for the user itself. */
function unknownUser(ref: string, path: string): GraphError {
  const isUserItself = path.split('/').filter(Boolean).length <= 2;
  return isUserItself
    ? new GraphError(404, 'Request_ResourceNotFound', `Resource '${ref}' does not exist or one of its queried reference-property objects are not present.`)
    : new GraphError(404, 'ErrorInvalidUser', `The requested user '${ref}' is invalid.`);
}

export async function dispatch(env: DispatchEnv, call: GraphCall): Promise<DispatchResult> {
  const result = await answer(env, call);
  const request = { method: call.method, path: call.path, query: call.rawQuery, ...(call.body !== undefined ? { body: call.body } : {}) };
  // Judged as it goes on the wire (JSON.stringify drops undefined members and turns Dates into strings).
  const body = result.body === undefined ? undefined : (JSON.parse(JSON.stringify(result.body)) as unknown);
  env.contract.check(request, call.url, result.reset ? undefined : { status: result.status, ...(body !== undefined ? { body } : {}) });
  return result;
}

async function answer(env: DispatchEnv, call: GraphCall): Promise<DispatchResult> {
  let release: (() => void) | undefined;
  try {
    const match = env.router().match(call.method, call.path);
    if (match.kind === 'notFound') throw unknownSegment(match.segment);
    if (match.kind === 'methodNotAllowed') throw methodNotAllowed();
    env.meter?.charge(call.method, call.path, call.query);
    let mailbox: string | undefined;
    if (match.mailboxScoped) {
      if (match.mailboxRef !== undefined) {
        const user = env.directory().find(match.mailboxRef);
        if (!user) throw unknownUser(match.mailboxRef, call.path);
        // The user object itself is directory data anyone may read; their mail needs Full Access.
        if (match.throttled && user.id !== call.userId && !user.fullAccess?.includes(call.userId)) throw accessDenied();
        mailbox = user.id;
      } else {
        mailbox = call.userId;
      }
      if (match.throttled) release = env.limiter.acquire(mailbox);
    }
    await env.hold.pass();
    if (call.latencyMs > 0) await sleep(call.latencyMs);
    const fault = env.faults.pick(call.method, call.path);
    if (fault?.kind === 'reset') return { status: 0, reset: true };
    if (fault && !isAfterWrite(fault)) throw faultError(fault);
    const response = await match.handler({
      method: call.method,
      path: call.path,
      params: mailbox !== undefined ? { ...match.params, mailbox } : match.params,
      query: call.query,
      headers: call.headers,
      body: call.body,
      immutableIds: call.immutableIds,
      prefer: call.prefer,
      userId: call.userId,
      baseUrl: call.baseUrl,
    });
    // Applied; now the answer is lost.
    if (fault?.kind === 'afterReset') return { status: 0, reset: true };
    if (fault) throw faultError(fault);
    return response;
  } catch (thrown) {
    return toErrorResponse(thrown, call.ids, env.now());
  } finally {
    release?.();
  }
}
