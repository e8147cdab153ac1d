/**
 * `npm run sandbox`: runs the Graph sandbox until Ctrl-C.
 *
 * Environment:
 *   SANDBOX_PORT (3001), SANDBOX_HOST (localhost)
 *   SANDBOX_CERT, SANDBOX_KEY   PEM files for HTTPS; without them set SANDBOX_HTTP=1 for plain HTTP
 *   SANDBOX_STATE_FILE          default .sandbox-state/state.json; set it empty to keep state in memory only
 *   SANDBOX_SEED                dataset seed
 *   SANDBOX_LATENCY_MS, SANDBOX_FAULT=429|503|reset, SANDBOX_FAULT_RATE=0..1   for manual trials
 *   SANDBOX_CONTRACT=1          check requests and responses against the Graph description (see /_sandbox/violations)
 *   SANDBOX_HIDE_RETRY_AFTER=1  do not expose Retry-After to browsers (older Graph behaviour)
 *   SANDBOX_SHAREPOINT_READINGS=generous   SharePoint as the docs' examples show it, instead of the
 *                               pessimistic readings (sharepoint/readings.ts)
 * Flags:
 *   --reset                     delete the state file first (back to the seeded dataset)
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { faultPlanFromEnv } from './core/faults';
import { createSandbox, type SandboxOptions } from './core/server';
import { makeSandboxToken } from './core/token';
import type { ContractChecker } from './core/contract';
import { mailModule } from './mail';
import { createSharePointModule, GENEROUS, PESSIMISTIC } from './sharepoint';

const DEFAULT_PORT = 3001;
const DEFAULT_STATE_FILE = '.sandbox-state/state.json';

function fail(message: string): never {
  console.error(`sandbox: ${message}`);
  process.exit(1);
}

function tlsFromEnv(env: NodeJS.ProcessEnv): SandboxOptions['tls'] {
  const certFile = env.SANDBOX_CERT;
  const keyFile = env.SANDBOX_KEY;
  if (certFile && keyFile) {
    if (!existsSync(certFile) || !existsSync(keyFile)) fail(`SANDBOX_CERT/SANDBOX_KEY point to missing files (${certFile}, ${keyFile}).`);
    return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
  }
  if (env.SANDBOX_HTTP === '1') return undefined;
  return fail(
    'no TLS certificate. The add-in runs on https://localhost:3000 and browsers block mixed content, so the sandbox serves HTTPS:\n' +
      '  set SANDBOX_CERT and SANDBOX_KEY to PEM files (e.g. the dev certificate the start script puts in .certs/),\n' +
      '  or set SANDBOX_HTTP=1 to serve plain HTTP (fine for curl and tests).',
  );
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
  const stateFile = env.SANDBOX_STATE_FILE === undefined ? DEFAULT_STATE_FILE : env.SANDBOX_STATE_FILE;
  const persistFile = stateFile === '' ? undefined : resolve(stateFile);

  if (process.argv.includes('--reset') && persistFile) {
    rmSync(persistFile, { force: true });
    console.log(`sandbox: state reset (${persistFile} removed)`);
  }

  let faults;
  try {
    faults = faultPlanFromEnv(env);
  } catch (error) {
    fail((error as Error).message);
  }
  const tls = tlsFromEnv(env);
  const contract = contractFromEnv(env);
  const readings = env.SANDBOX_SHAREPOINT_READINGS ?? 'pessimistic';
  if (readings !== 'pessimistic' && readings !== 'generous') fail(`SANDBOX_SHAREPOINT_READINGS must be pessimistic or generous (got ${readings}).`);
  const ruBudget = env.SANDBOX_RU_BUDGET ? Number(env.SANDBOX_RU_BUDGET) : undefined;
  if (ruBudget !== undefined && !(ruBudget > 0)) fail(`SANDBOX_RU_BUDGET must be a positive number of SharePoint resource units per minute (got ${env.SANDBOX_RU_BUDGET}).`);
  const sandbox = await createSandbox({
    port,
    ...(ruBudget !== undefined ? { ruBudgetPerMinute: ruBudget } : {}),
    host: env.SANDBOX_HOST || 'localhost',
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
