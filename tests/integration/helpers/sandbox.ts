/**
 * Starting a Graph sandbox for integration tests: an ephemeral port on loopback, a fixed seed and anchor,
 * the contract checker, and `graphFetch` that signs requests with a
 * valid sandbox token for the signed-in user.
 */
import { createSandbox, type Sandbox, type SandboxOptions } from '../../../dev/sandbox/core/server';
import { loadContractChecker } from '../../../dev/contract/checker';
import type { ContractChecker } from '../../../dev/sandbox/core/contract';
import { createMailModule, type SeedMailboxSource } from '../../../dev/sandbox/mail';
import { createSharePointModule, type SharePointReadings } from '../../../dev/sandbox/sharepoint';
import { makeSandboxToken } from '../../../dev/sandbox/core/token';
import type { DirectoryUser } from '../../../dev/sandbox/core/types';

export const TEST_SEED = 4242;
export const TEST_ANCHOR = new Date('2025-03-12T10:00:00Z');

let checker: ContractChecker | undefined;

/** The contract checker, loaded once per test file (it compiles validators lazily). */
export function contractChecker(): ContractChecker {
  checker ??= loadContractChecker();
  return checker;
}

export interface TestSandboxOptions extends Omit<SandboxOptions, 'modules'> {
  /** Dataset for the mail module; default: the realistic seed dataset. */
  mailbox?: SeedMailboxSource;
  /** How SharePoint reads what Microsoft leaves open; each one not given is the pessimistic reading. */
  sharepoint?: Partial<SharePointReadings>;
}

export interface TestSandbox {
  sandbox: Sandbox;
  graphUrl: string;
  /** The signed-in user (the mailbox owner). */
  user: DirectoryUser;
  token: string;
  tokenFor(user: DirectoryUser, lifetimeSeconds?: number): string;
  /** fetch against the sandbox: a path under /v1.0 (`/me/messages`) or an absolute URL (a nextLink). */
  graphFetch(path: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  /** graphFetch, then the parsed JSON body (undefined for 204). */
  graphJson<T = Record<string, unknown>>(path: string, init?: RequestInit & { token?: string | null }): Promise<{ status: number; headers: Headers; body: T }>;
  close(): Promise<void>;
}

export async function startTestSandbox(options: TestSandboxOptions = {}): Promise<TestSandbox> {
  const { mailbox, sharepoint: readings, ...rest } = options;
  const contract = contractChecker();
  const sandbox = await createSandbox({
    port: 0,
    host: '127.0.0.1',
    seed: TEST_SEED,
    anchor: TEST_ANCHOR,
    contract,
    ...rest,
    modules: [createMailModule(mailbox), createSharePointModule(readings)],
  });
  const user = sandbox.control.users()[0]!;
  const tokenFor = (u: DirectoryUser, lifetimeSeconds = 3600): string =>
    makeSandboxToken({ oid: u.id, upn: u.userPrincipalName, name: u.displayName }, new Date(), lifetimeSeconds);
  const token = tokenFor(user);

  const graphFetch = (path: string, init: RequestInit & { token?: string | null } = {}): Promise<Response> => {
    const { token: override, ...requestInit } = init;
    const headers = new Headers(requestInit.headers);
    const bearer = override === undefined ? token : override;
    if (bearer !== null && !headers.has('authorization')) headers.set('Authorization', `Bearer ${bearer}`);
    if (requestInit.body !== undefined && !headers.has('content-type')) headers.set('Content-Type', 'application/json');
    const url = /^https?:\/\//.test(path) ? path : `${sandbox.graphUrl}${path.startsWith('/') ? '' : '/'}${path}`;
    return fetch(url, { ...requestInit, headers });
  };

  const graphJson = async <T,>(path: string, init?: RequestInit & { token?: string | null }) => {
    const res = await graphFetch(path, init);
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as T };
  };

  return { sandbox, graphUrl: sandbox.graphUrl, user, token, tokenFor, graphFetch, graphJson, close: () => sandbox.close() };
}

/** Registers an afterAll that fails the file when any request broke the Graph contract. */
export function expectNoContractViolations(current: () => TestSandbox | undefined): void {
  afterAll(() => {
    const violations = current()?.sandbox.control.violations() ?? [];
    expect(violations).toEqual([]);
  });
}

/** Contract violations since the last call, as 'METHOD url', then cleared: for requests that are wrong on purpose. */
export function takeViolations(t: TestSandbox): string[] {
  const found = t.sandbox.control.violations().map((v) => `${v.method} ${v.url}`);
  t.sandbox.control.clearViolations();
  return found;
}

/** JSON body helper for graphFetch. */
export const json = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method,
  body: JSON.stringify(body),
  headers: { 'Content-Type': 'application/json', ...headers },
});

export interface SandboxPerFileOptions {
  /** Clear the fault rules before each test too (default true). */
  clearFaults?: boolean;
}

/**
 * One sandbox for the whole file, the same way in every file: started in beforeAll, closed in afterAll,
 * checked for contract violations, and before each test reset to its seed with no requests logged (and
 * no faults, unless `clearFaults: false`). Returns the file's sandbox; call it inside hooks and tests.
 */
export function sandboxPerFile(options: SandboxPerFileOptions = {}): () => TestSandbox {
  const clearFaults = options.clearFaults ?? true;
  let t: TestSandbox | undefined;
  const current = (): TestSandbox => {
    if (!t) throw new Error('the sandbox is started in beforeAll: use it inside hooks and tests');
    return t;
  };
  beforeAll(async () => {
    t = await startTestSandbox();
  });
  afterAll(() => current().close());
  expectNoContractViolations(() => t);
  beforeEach(() => {
    current().sandbox.control.reset();
    if (clearFaults) current().sandbox.control.clearFaults();
    current().sandbox.control.clearRequests();
  });
  return current;
}
