/**
 * Test and tooling controls, in-process (`sandbox.control`) and over HTTP under `/_sandbox/*`
 * (outside /v1.0, no auth, JSON): faults, reset, request log, contract violations, health.
 */
import type { ContractViolation } from './contract';
import type { FaultPlan } from './faults';
import type { UsageReport } from './meter';
import type { LoggedRequest } from './requestLog';
import { makeSandboxToken } from './token';
import type { DirectoryUser, SandboxContext, SandboxState } from './types';

export interface SandboxControl {
  setFaults(plan: FaultPlan): void;
  clearFaults(): void;
  /** The active plan, with `next` counts as they stand now. */
  faults(): FaultPlan;
  /**
   * In-process only, for tests that need an order of events without timing it: from now on every Graph
   * call (inner $batch calls too) waits after taking its mailbox slot, until `release()`.
   */
  hold(): void;
  release(): void;
  /** Resolves once `count` calls are waiting on the hold. */
  whenHeld(count: number): Promise<void>;
  /** Back to the seeded state (same seed, same ids). */
  reset(): void;
  /** Replaces the whole state (one built elsewhere, e.g. `npm run sandbox -- --reset` while the sandbox runs). */
  load(state: SandboxState): void;
  requests(): LoggedRequest[];
  clearRequests(): void;
  violations(): ContractViolation[];
  clearViolations(): void;
  /** The live state, for tests and bulk loading; call `stateChanged()` after editing it so it is persisted. */
  readonly state: SandboxState;
  stateChanged(): void;
  /** Users a token may name (the signed-in user first). */
  users(): DirectoryUser[];
  /** The modules' context, for programmatic loading (e.g. SharePoint's bulkInsertItems); call stateChanged() after. */
  context(): SandboxContext;
  /** SharePoint resource units spent since the last reset (core/meter.ts); also GET /_sandbox/usage. */
  usage(): UsageReport;
  /** Starts the count afresh (DELETE /_sandbox/usage); the budget stays. */
  resetUsage(): void;
  /** RU per minute the app may spend before 429, or null for no budget (PUT /_sandbox/budget `{"ruPerMinute": n|null}`). */
  setRuBudget(perMinute: number | null): void;
  ruBudget(): number | null;
}

export interface ControlReply {
  status: number;
  body?: unknown;
}

/** Answers `/_sandbox/...`; undefined when the path is not a control route. */
export function handleControl(
  control: SandboxControl,
  method: string,
  path: string,
  body: unknown,
  health: () => unknown,
  now: () => Date,
): ControlReply | undefined {
  const route = `${method} ${path.replace(/\/+$/, '')}`;
  switch (route) {
    case 'GET /_sandbox/health':
      return { status: 200, body: health() };
    case 'GET /_sandbox/faults':
      return { status: 200, body: control.faults() };
    case 'POST /_sandbox/faults':
    case 'PUT /_sandbox/faults':
      if (typeof body !== 'object' || body === null) return { status: 400, body: { error: 'Send a FaultPlan as JSON.' } };
      control.setFaults(body as FaultPlan);
      return { status: 200, body: control.faults() };
    case 'DELETE /_sandbox/faults':
      control.clearFaults();
      return { status: 204 };
    case 'POST /_sandbox/reset':
      control.reset();
      return { status: 204 };
    case 'PUT /_sandbox/state':
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return { status: 400, body: { error: 'Send a whole sandbox state as a JSON object.' } };
      control.load(body as SandboxState);
      return { status: 204 };
    case 'GET /_sandbox/requests':
      return { status: 200, body: { value: control.requests() } };
    case 'DELETE /_sandbox/requests':
      control.clearRequests();
      return { status: 204 };
    case 'GET /_sandbox/violations':
      return { status: 200, body: { value: control.violations() } };
    case 'DELETE /_sandbox/violations':
      control.clearViolations();
      return { status: 204 };
    case 'GET /_sandbox/users':
      return { status: 200, body: { value: control.users() } };
    case 'GET /_sandbox/usage':
      return { status: 200, body: control.usage() };
    case 'DELETE /_sandbox/usage':
      control.resetUsage();
      return { status: 204 };
    case 'GET /_sandbox/budget':
      return { status: 200, body: { ruPerMinute: control.ruBudget() } };
    case 'PUT /_sandbox/budget':
    case 'POST /_sandbox/budget': {
      const wanted = typeof body === 'object' && body !== null ? (body as { ruPerMinute?: unknown }).ruPerMinute : undefined;
      if (wanted !== null && (typeof wanted !== 'number' || !(wanted > 0))) return { status: 400, body: { error: 'Send {"ruPerMinute": <positive number> | null}.' } };
      control.setRuBudget(wanted);
      return { status: 200, body: { ruPerMinute: control.ruBudget() } };
    }
    case 'POST /_sandbox/token':
      return issueToken(control, body, now());
    default:
      return undefined;
  }
}

const TOKEN_LIFETIME_SECONDS = 3600;

/**
 * A development token, answered in the shape of Entra ID's token endpoint so the add-in's sandbox
 * token source caches and refreshes it as it would a real one. `{"upn": "..."}` picks a user;
 * by default it is the signed-in mailbox owner.
 */
function issueToken(control: SandboxControl, body: unknown, now: Date): ControlReply {
  const wanted = typeof body === 'object' && body !== null ? (body as { upn?: unknown }).upn : undefined;
  const users = control.users();
  const user = typeof wanted === 'string' ? users.find((u) => u.userPrincipalName.toLowerCase() === wanted.toLowerCase()) : users[0];
  if (!user) return { status: 400, body: { error: 'invalid_request', error_description: `No sandbox user ${String(wanted)}.` } };
  const accessToken = makeSandboxToken({ oid: user.id, upn: user.userPrincipalName, name: user.displayName }, now, TOKEN_LIFETIME_SECONDS);
  return { status: 200, body: { token_type: 'Bearer', access_token: accessToken, expires_in: TOKEN_LIFETIME_SECONDS } };
}
