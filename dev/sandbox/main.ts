/**
 * `npm run sandbox`: runs the Graph sandbox until Ctrl-C.
 *
 * Environment:
 *   SANDBOX_PORT (3001), SANDBOX_HOST (localhost)
 *   SANDBOX_CERT, SANDBOX_KEY   PEM files for HTTPS (default: the dev certificate in .certs/, made if missing);
 *                               SANDBOX_HTTP=1 for plain HTTP
 *   SANDBOX_STATE_FILE          default .sandbox-state/state.json (.sandbox-state/empty.json with --empty);
 *                               set it empty to keep state in memory only
 *   TRAIL_PLAYGROUND_EMPTY=1    as --empty
 *   SANDBOX_SEED                dataset seed
 *   SANDBOX_LATENCY_MS, SANDBOX_FAULT=429|503|reset, SANDBOX_FAULT_RATE=0..1   for manual trials
 *   SANDBOX_CONTRACT=1          check requests and responses against the Graph description (see /_sandbox/violations)
 *   SANDBOX_HIDE_RETRY_AFTER=1  do not expose Retry-After to browsers (older Graph behaviour)
 *   SANDBOX_SHAREPOINT_READINGS=generous   SharePoint as the docs' examples show it, instead of the
 *                               pessimistic readings (sharepoint/readings.ts)
 * Flags:
 *   --reset                     back to the seeded mailbox and the lived-in record. When a sandbox already
 *                               runs on the port (under `npm start`), it is reset in place and this exits;
 *                               otherwise the state file is deleted and the sandbox starts.
 *   --empty                     an unprovisioned site instead of the lived-in record, for trying setup
 *
 * With no state on disk the sandbox starts lived-in: the shared record provisioned and filled by
 * colleagues over the past months (dev/sandbox/livedIn), written by Trail's own code.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { faultPlanFromEnv } from './core/faults';
import { writeStateNow } from './core/persistence';
import type { SandboxState } from './core/types';
import { buildLivedInState } from './livedIn/build';
import { describeSummary, resetRunningSandbox, runningSandbox } from './livedIn/reset';
import { createSandbox, DEFAULT_SANDBOX_SEED, type SandboxOptions } from './core/server';
import { makeSandboxToken } from './core/token';
import type { ContractChecker } from './core/contract';
import { mailModule } from './mail';
import { createSharePointModule, GENEROUS, PESSIMISTIC } from './sharepoint';

const DEFAULT_PORT = 3001;
const DEFAULT_STATE_FILE = '.sandbox-state/state.json';
/** Trying setup keeps its own state, so the lived-in record is there again without --empty. */
const EMPTY_STATE_FILE = '.sandbox-state/empty.json';

function fail(message: string): never {
  console.error(`sandbox: ${message}`);
  process.exit(1);
}

interface DevCertificate {
  key: string;
  cert: string;
  ca: string;
}

/**
 * HTTPS with the given PEM files, or plain HTTP (SANDBOX_HTTP=1), or else the dev certificate `npm start`
 * uses (.certs/, made if missing): the add-in runs on https://localhost:3000 and browsers block mixed content.
 */
async function tlsFromEnv(env: NodeJS.ProcessEnv): Promise<{ tls: SandboxOptions['tls']; ca?: string }> {
  const certFile = env.SANDBOX_CERT;
  const keyFile = env.SANDBOX_KEY;
  if (certFile && keyFile) {
    if (!existsSync(certFile) || !existsSync(keyFile)) fail(`SANDBOX_CERT/SANDBOX_KEY point to missing files (${certFile}, ${keyFile}).`);
    return { tls: { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') }, ...devCa() };
  }
  if (env.SANDBOX_HTTP === '1') return { tls: undefined };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const certs = require('../certs.js') as { ensureDevCertificate(): Promise<DevCertificate> };
  const dev = await certs.ensureDevCertificate();
  return { tls: { cert: dev.cert, key: dev.key }, ca: dev.ca };
}

/** The dev CA, to reach a running sandbox whose certificate it signed. */
function devCa(): { ca?: string } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { CERT_FILES } = require('../certs.js') as { CERT_FILES: { caCert: string } };
  return existsSync(CERT_FILES.caCert) ? { ca: readFileSync(CERT_FILES.caCert, 'utf8') } : {};
}

function contractFromEnv(env: NodeJS.ProcessEnv): ContractChecker | undefined {
  if (env.SANDBOX_CONTRACT !== '1') return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('../contract/checker') as { loadContractChecker(): ContractChecker };
  return loaded.loadContractChecker();
}

async function main(): Promise<void> {
  const env = process.env;
  const port = env.SANDBOX_PORT ? Number(env.SANDBOX_PORT) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`SANDBOX_PORT must be a port number (got ${env.SANDBOX_PORT}).`);
  const seed = env.SANDBOX_SEED ? Number(env.SANDBOX_SEED) : undefined;
  if (seed !== undefined && !Number.isInteger(seed)) fail(`SANDBOX_SEED must be an integer (got ${env.SANDBOX_SEED}).`);
  const empty = process.argv.includes('--empty') || env.TRAIL_PLAYGROUND_EMPTY === '1';
  const stateFile = env.SANDBOX_STATE_FILE === undefined ? (empty ? EMPTY_STATE_FILE : DEFAULT_STATE_FILE) : env.SANDBOX_STATE_FILE;
  const persistFile = stateFile === '' ? undefined : resolve(stateFile);
  const readings = env.SANDBOX_SHAREPOINT_READINGS ?? 'pessimistic';
  if (readings !== 'pessimistic' && readings !== 'generous') fail(`SANDBOX_SHAREPOINT_READINGS must be pessimistic or generous (got ${readings}).`);
  const host = env.SANDBOX_HOST || 'localhost';
  const { tls, ca } = await tlsFromEnv(env);

  if (process.argv.includes('--reset')) {
    const origin = `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
    if (await runningSandbox(origin, ca)) {
      console.log(`sandbox: one is running at ${origin}; resetting it in place${empty ? ' to an unprovisioned site' : ' to the lived-in record (this takes a minute)'}…`);
      const summary = await resetRunningSandbox(origin, { empty, ...(ca ? { ca } : {}), readings: readings === 'generous' ? GENEROUS : PESSIMISTIC });
      console.log(`sandbox: reset${summary ? `: ${describeSummary(summary)}` : ''}.`);
      process.exit(0);
    }
    if (persistFile) {
      rmSync(persistFile, { force: true });
      console.log(`sandbox: state reset (${persistFile} removed)`);
    }
  }

  // The dataset's "now", the same for the lived-in record and the mailbox it is built against.
  const anchor = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  let initialState: SandboxState | undefined;
  if (!empty && !(persistFile && existsSync(persistFile))) {
    console.log('sandbox: building the lived-in record (first start or after --reset; about half a minute)…');
    const built = await buildLivedInState({ seed: seed ?? DEFAULT_SANDBOX_SEED, anchor, readings: readings === 'generous' ? GENEROUS : PESSIMISTIC });
    console.log(`sandbox: lived-in record: ${describeSummary(built.summary)}`);
    if (persistFile) writeStateNow(persistFile, built.state);
    else initialState = built.state;
  }

  let faults;
  try {
    faults = faultPlanFromEnv(env);
  } catch (error) {
    fail((error as Error).message);
  }
  const contract = contractFromEnv(env);
  const ruBudget = env.SANDBOX_RU_BUDGET ? Number(env.SANDBOX_RU_BUDGET) : undefined;
  if (ruBudget !== undefined && !(ruBudget > 0)) fail(`SANDBOX_RU_BUDGET must be a positive number of SharePoint resource units per minute (got ${env.SANDBOX_RU_BUDGET}).`);
  const sandbox = await createSandbox({
    port,
    host,
    anchor,
    ...(initialState ? { initialState } : {}),
    ...(ruBudget !== undefined ? { ruBudgetPerMinute: ruBudget } : {}),
    ...(tls ? { tls } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(persistFile ? { persistFile } : {}),
    ...(faults ? { faults } : {}),
    ...(contract ? { contract } : {}),
    exposeRetryAfter: env.SANDBOX_HIDE_RETRY_AFTER !== '1',
    modules: [mailModule, createSharePointModule(readings === 'generous' ? GENEROUS : PESSIMISTIC)],
  });

  const user = sandbox.control.users()[0];
  console.log(`Graph sandbox listening on ${sandbox.graphUrl}`);
  console.log(`  controls: ${sandbox.origin}/_sandbox/health   state: ${persistFile ?? 'in memory only'}`);
  if (faults) console.log(`  faults: ${JSON.stringify(faults)}`);
  console.log(`  SharePoint readings: ${readings}`);
  console.log(`  shared record: ${empty ? 'an unprovisioned site (--empty), for trying setup' : 'lived-in (see dev/sandbox/README.md, "The lived-in record")'}`);
  console.log(`  SharePoint budget: ${ruBudget !== undefined ? `${ruBudget} RU a minute` : 'none'} (usage: ${sandbox.origin}/_sandbox/usage)`);
  if (user) {
    const token = makeSandboxToken({ oid: user.id, upn: user.userPrincipalName, name: user.displayName }, new Date(), 12 * 3600);
    console.log(`  signed-in user: ${user.displayName} <${user.userPrincipalName}>`);
    console.log(`  try: curl${tls ? ' -k' : ''} -H "Authorization: Bearer ${token}" ${sandbox.graphUrl}/me`);
  }

  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    console.log(`\nsandbox: ${signal}, saving state and stopping`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') fail(`port ${process.env.SANDBOX_PORT ?? DEFAULT_PORT} is in use; set SANDBOX_PORT to another.`);
  console.error(error);
  process.exit(1);
});
