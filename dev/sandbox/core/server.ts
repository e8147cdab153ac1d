/**
 * The sandbox: a local stand-in for graph.microsoft.com/v1.0. Assembles state (seeded or loaded from
 * disk), the feature modules' routes, faults, throttling, the contract check and the HTTP(S) listener
 * (requests are handled in httpHandler.ts).
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { mailModule } from '../mail';
import { DEFAULT_SEED } from '../seed';
import { sharepointModule } from '../sharepoint';
import { ContractRecorder, type ContractChecker } from './contract';
import type { SandboxControl } from './control';
import { Directory } from './directory';
import { dispatch, type DispatchEnv, type DispatchResult, type GraphCall } from './dispatch';
import { FaultInjector, type FaultPlan } from './faults';
import { RequestHold } from './hold';
import { createHttpHandler } from './httpHandler';
import { loadState, StateSaver } from './persistence';
import { createPrng } from './prng';
import { RequestLog } from './requestLog';
import { SandboxRouter } from './router';
import { ResourceUnitMeter } from './meter';
import { MailboxLimiter } from './throttle';
import type { SandboxContext, SandboxModule, SandboxState } from './types';

export interface SandboxOptions {
  /** 0 = an ephemeral port. Default 0. */
  port?: number;
  /** Default 'localhost'. */
  host?: string;
  /** PEM key and certificate: serve HTTPS. */
  tls?: { key: string; cert: string };
  /** Dataset seed (same seed, same data and ids). */
  seed?: number;
  /** The dataset's "now"; default: the current time. */
  anchor?: Date;
  /** The sandbox clock (token expiry, timestamps); default: real time. */
  now?: () => Date;
  /** Keep state in this JSON file across runs. */
  persistFile?: string;
  /** State to start from when there is none on disk (e.g. the playground's lived-in record, dev/sandbox/livedIn). */
  initialState?: SandboxState;
  /** Check every Graph request against the API description and record problems. */
  contract?: ContractChecker;
  /** Default: `defaultModules()` (mail, and SharePoint under the pessimistic readings). */
  modules?: SandboxModule[];
  /** Latency added to every HTTP request (same as FaultPlan.latencyMs). */
  latencyMs?: number;
  /** Initial fault plan (e.g. from env vars). */
  faults?: FaultPlan;
  /**
   * Whether browsers may read Retry-After (Access-Control-Expose-Headers). Live Graph exposes it today;
   * it did not in the past, and `false` lets the client's fallback be exercised. Default true.
   */
  exposeRetryAfter?: boolean;
  /**
   * SharePoint's per-app budget in resource units per minute (core/meter.ts); past it, 429 with
   * Retry-After until the next minute. Default: none (RUs are still counted, at /_sandbox/usage).
   */
  ruBudgetPerMinute?: number | null;
}

export interface Sandbox {
  origin: string;
  /** origin + '/v1.0' */
  graphUrl: string;
  control: SandboxControl;
  close(): Promise<void>;
}

/** The seed dataset's own default, so `npm run sandbox` shows the dataset its authors tuned. */
export const DEFAULT_SANDBOX_SEED = DEFAULT_SEED;

/** The feature modules a sandbox runs when none are given: mail, and SharePoint under the pessimistic readings. */
export function defaultModules(): SandboxModule[] {
  return [mailModule, sharepointModule];
}
const VERSION = 'v1.0';
const CORE_SLICE = '_core';

/** Draw counter kept in state so ids generated after a restart never repeat earlier ones. */
interface CoreSlice {
  randomDraws: number;
}

export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = options.seed ?? DEFAULT_SANDBOX_SEED;
  const anchor = options.anchor ?? new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const now = options.now ?? (() => new Date());
  const modules = options.modules ?? defaultModules();
  const exposeRetryAfter = options.exposeRetryAfter ?? true;

  const state: SandboxState = (options.persistFile ? loadState(options.persistFile) : undefined) ?? structuredClone(options.initialState ?? {});
  let router = new SandboxRouter();
  let directory = new Directory();
  const saver = options.persistFile ? new StateSaver(options.persistFile, () => state) : undefined;

  /** (Re)builds routes, directory and any missing module slices from the current state. */
  let context: SandboxContext;
  const build = (): void => {
    const core = (state[CORE_SLICE] as CoreSlice | undefined) ?? { randomDraws: 0 };
    state[CORE_SLICE] = core;
    const prng = createPrng(seed);
    for (let i = 0; i < core.randomDraws; i++) prng();
    const random = (): number => {
      core.randomDraws += 1;
      return prng();
    };
    router = new SandboxRouter();
    directory = new Directory();
    context = { now, random, state, directory, seed, anchor };
    for (const module of modules) module.register(router, context);
  };
  const hadState = Object.keys(state).length > 0;
  build();
  if (saver && !hadState) saver.schedule();

  const faults = new FaultInjector(seed);
  if (options.faults) faults.setPlan(options.faults);
  if (options.latencyMs !== undefined) faults.setPlan({ ...faults.plan(), latencyMs: options.latencyMs });
  const limiter = new MailboxLimiter();
  const contract = new ContractRecorder(options.contract);
  const log = new RequestLog();
  const hold = new RequestHold();
  const meter = new ResourceUnitMeter(now, options.ruBudgetPerMinute ?? null);

  const env: DispatchEnv = { router: () => router, directory: () => directory, faults, limiter, meter, contract, hold, now };

  /**
   * Counts successful writes. Outlook learns of mailbox changes by push; the playground polls this
   * number (GET /_sandbox/health) and re-reads the mailbox when it moves.
   */
  let changes = 0;

  const control: SandboxControl = {
    setFaults: (plan) => faults.setPlan(plan),
    clearFaults: () => faults.clear(),
    faults: () => faults.plan(),
    reset: () => {
      changes++;
      for (const key of Object.keys(state)) delete state[key];
      build();
      saver?.flush();
    },
    load: (next) => {
      changes++;
      for (const key of Object.keys(state)) delete state[key];
      Object.assign(state, structuredClone(next));
      build();
      saver?.flush();
    },
    hold: () => hold.hold(),
    release: () => hold.release(),
    whenHeld: (count) => hold.whenWaiting(count),
    requests: () => log.list(),
    clearRequests: () => log.clear(),
    violations: () => contract.list(),
    clearViolations: () => contract.clear(),
    get state() {
      return state;
    },
    stateChanged: () => saver?.schedule(),
    users: () => directory.all(),
    context: () => context,
    usage: () => meter.usage(),
    resetUsage: () => meter.reset(),
    setRuBudget: (perMinute) => meter.setBudget(perMinute),
    ruBudget: () => meter.budgetPerMinute(),
  };

  /**
   * Runs one Graph call and, when it changed something, writes the state file before the answer goes out: Graph's
   * writes are durable once answered, so a sandbox killed right after answering must not lose one.
   */
  const run = async (call: GraphCall): Promise<DispatchResult> => {
    const result = await dispatch(env, call);
    if (call.method !== 'GET' && result.status >= 200 && result.status < 300) {
      changes++;
      saver?.flush();
    }
    return result;
  };

  const handle = createHttpHandler({
    control,
    faults,
    log,
    directory: () => directory,
    now,
    run,
    tls: options.tls !== undefined,
    defaultHost: options.host ?? 'localhost',
    exposeRetryAfter,
    health: () => ({ seed, anchor: anchor.toISOString(), modules: modules.map((m) => m.name), persisted: options.persistFile ?? null, contractChecked: options.contract !== undefined, changes }),
  });

  const listener = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      console.error('[sandbox] request failed:', error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end();
    });
  };
  const server = options.tls ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, listener) : http.createServer(listener);
  // Graph's front door keeps idle connections far longer than Node's 5 s default. With the default, a
  // caller whose event loop was busy past 5 s (loading a large fixture) reuses a socket the server is
  // closing at that instant and gets ECONNRESET; the client must be the side that gives up first.
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 125_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? 'localhost', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = options.host ?? 'localhost';
  const origin = `${options.tls ? 'https' : 'http'}://${hostForUrl.includes(':') ? `[${hostForUrl}]` : hostForUrl}:${address.port}`;

  return {
    origin,
    graphUrl: `${origin}/${VERSION}`,
    control,
    close: () =>
      new Promise<void>((resolve) => {
        saver?.flushPending();
        hold.release();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
