/**
 * `npm run provision -- --site <url> [--graph <origin>] [--client-id <app id> [--tenant <tenant>]] [--dry-run]`
 *
 * Creates Trail's SharePoint lists, columns and indexes on a site, idempotently. By default it talks
 * to the local Graph sandbox (start it with `npm start`). Against a real tenant
 * (`--graph https://graph.microsoft.com`) it signs in with a device code for Trail's app
 * registration (--client-id), or takes a delegated token from GRAPH_TOKEN; either way the
 * token needs Sites.Manage.All (docs/permissions.md, docs/deploy.md).
 * Exit code 0: the site is ready for Trail (or, with --dry-run, could be made so); 1: it is not, with a one-line cause.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SandboxTokenSource } from '../src/auth/sandboxTokens';
import { SignInError, type SignInProblem } from '../src/graph/tokens';
import { createGraphClient, GRAPH_ORIGIN } from '../src/graph/client';
import { toGraphRequestError } from '../src/graph/errors';
import type { AccessTokenSource } from '../src/graph/middleware/auth';
import { PROVISIONING_SCOPES } from '../src/graph/sharepoint';
import { applyProvisioning, planConflicts, planIsEmpty, planProvisioning, type ProvisioningPlan } from '../src/record/provision';
import { NotASiteUrlError, resolveSite, SiteNotFoundError } from '../src/record/site';
import { DeviceCodeTokenSource } from './deviceCodeSignIn';

const SANDBOX_ORIGIN = `https://localhost:${process.env.SANDBOX_PORT ?? 3001}`;
const DEFAULT_SITE = 'https://seutuopisto.sharepoint.com/sites/trail';
const SCOPES = PROVISIONING_SCOPES.join(' ');

const HELP = `Usage: npm run provision -- [--site <site url>] [--graph <origin>]
                             [--client-id <app id> [--tenant <tenant>]] [--dry-run]

Creates Trail's SharePoint lists, columns and indexes on one site. Safe to run again:
a second run changes nothing, and repairs a missing column or index.

  --site       the SharePoint site for Trail's lists (default ${DEFAULT_SITE},
               the sandbox's empty team site)
  --graph      Graph's origin (default ${SANDBOX_ORIGIN}, the local sandbox;
               a real tenant: ${GRAPH_ORIGIN})
  --client-id  Trail's app registration (Application (client) ID; or TRAIL_CLIENT_ID):
               sign in with a device code, in any browser, as an account that may manage
               lists on the site. The registration must allow public client flows.
  --tenant     the tenant to sign in to: its id or domain (default: organizations;
               or TRAIL_TENANT_ID)
  --dry-run    print what would be done; change nothing

Instead of signing in, GRAPH_TOKEN may hold a delegated access token with ${SCOPES}.
See docs/deploy.md and docs/permissions.md.

Exit code 0: the site is ready for Trail; 1: it is not, and the last line says why.`;

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
}

const consoleIo: CliIo = { out: (line) => console.log(line), err: (line) => console.error(line), env: process.env };

const isLoopback = (origin: string): boolean => ['localhost', '127.0.0.1', '[::1]'].includes(new URL(origin).hostname);

const isOrigin = (text: string): boolean => URL.canParse(text) && /^https?:$/.test(new URL(text).protocol);

export function describePlan(plan: ProvisioningPlan): string[] {
  return plan.lists.map((list) => {
    if (list.create) return `  ${list.displayName}: create`;
    const parts = [
      ...(list.addColumns.length ? [`add columns ${list.addColumns.join(', ')}`] : []),
      ...(list.indexColumns.length ? [`index ${list.indexColumns.map((c) => c.name).join(', ')}`] : []),
      ...list.conflicts.map((c) => `CONFLICT: column ${c.name} is ${c.found}, Trail needs ${c.expected} (left alone)`),
    ];
    return `  ${list.displayName}: ${parts.length ? parts.join('; ') : 'ok'}`;
  });
}

/** What to do about a failed device-code sign-in (docs/deploy.md has the steps). */
const SIGN_IN_HINTS: Partial<Record<SignInProblem, string>> = {
  consentRequired: `an administrator must grant consent for ${SCOPES} to Trail's app registration (docs/deploy.md)`,
  adminConsentRequired: `an administrator must grant consent for ${SCOPES} to Trail's app registration (docs/deploy.md)`,
  consentDeclined: `the consent prompt was declined; run again and accept ${SCOPES}`,
  misconfigured: 'check --client-id and --tenant, and that the app registration allows public client flows (docs/deploy.md)',
  blockedByPolicy: 'your tenant\'s sign-in policy refused this account or device',
  offline: 'login.microsoftonline.com could not be reached',
  cancelled: 'sign-in was cancelled or the code expired; run again',
};

/** One line that says what went wrong and what to do. */
export function describeFailure(error: unknown, origin: string): string {
  if (error instanceof NotASiteUrlError) return `"${error.url}" is not a SharePoint site address (like https://contoso.sharepoint.com/sites/trail).`;
  if (error instanceof SiteNotFoundError) return `no SharePoint site at ${error.url} that this account can see.`;
  if (error instanceof SignInError) {
    const hint = SIGN_IN_HINTS[error.problem];
    return `no access token: ${error.message}${hint ? `; ${hint}` : ''}${isLoopback(origin) ? ` (is the sandbox running at ${origin}? npm start)` : ''}`;
  }
  const failure = toGraphRequestError(error);
  if (failure.status === 403) return `Graph refused (403 ${failure.code}): setting up needs ${SCOPES} and the right to manage lists on the site (docs/permissions.md). ${failure.message}`;
  if (failure.status === 401) return `Graph did not accept the token (401 ${failure.code}); get a fresh one into GRAPH_TOKEN.`;
  if (failure.status === 0) return `cannot reach ${origin}: ${failure.message}${isLoopback(origin) ? ' (is the sandbox running? npm start)' : ''}`;
  return `${failure.status} ${failure.code}: ${failure.message}`;
}

export async function main(argv: string[], io: CliIo = consoleIo): Promise<number> {
  let values: { site: string; graph: string; 'client-id'?: string; tenant?: string; 'dry-run': boolean; help: boolean };
  try {
    values = parseArgs({
      args: argv,
      options: {
        site: { type: 'string', default: DEFAULT_SITE },
        graph: { type: 'string', default: SANDBOX_ORIGIN },
        'client-id': { type: 'string' },
        tenant: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values as typeof values;
  } catch (error) {
    io.err(`${(error as Error).message}. Try --help.`);
    return 1;
  }
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  const origin = values.graph.replace(/\/+$/, '');
  if (!isOrigin(origin)) {
    io.err(`--graph must be an origin such as ${GRAPH_ORIGIN} (got "${values.graph}").`);
    return 1;
  }
  const token = io.env.GRAPH_TOKEN;
  const clientId = values['client-id'] ?? io.env.TRAIL_CLIENT_ID;
  if (!token && !isLoopback(origin) && !clientId) {
    io.err(
      `${origin} needs a sign-in: pass --client-id <Trail's Application (client) ID> to sign in with a device code, ` +
        `or set GRAPH_TOKEN to a delegated access token with ${SCOPES} (docs/deploy.md).`,
    );
    return 1;
  }
  const tokens: AccessTokenSource = token
    ? { getAccessToken: async () => token }
    : isLoopback(origin)
      ? new SandboxTokenSource(origin)
      : new DeviceCodeTokenSource({
          clientId: clientId ?? '',
          tenant: values.tenant ?? io.env.TRAIL_TENANT_ID ?? 'organizations',
          scopes: [...PROVISIONING_SCOPES],
          say: (line) => io.out(line),
        });
  try {
    const graph = createGraphClient({ baseUrl: origin, tokens });
    const site = await resolveSite(graph, values.site);
    io.out(`Site: ${site.displayName} (${site.webUrl})`);
    const plan = await planProvisioning(graph, site.id);
    describePlan(plan).forEach((line) => io.out(line));
    const conflicts = planConflicts(plan).length;
    const conflictCause = `${conflicts} column(s) conflict with Trail's schema (above); Trail leaves them alone, so fix them in SharePoint.`;
    if (values['dry-run']) {
      io.out(planIsEmpty(plan) ? 'Nothing to do.' : 'Dry run: nothing changed.');
      if (conflicts) io.err(conflictCause);
      return conflicts ? 1 : 0;
    }
    if (planIsEmpty(plan)) io.out('Nothing to do: every list, column and index is in place.');
    const location = await applyProvisioning(graph, site.id, plan, (p) => io.out(`  ${p.done} of ${p.total} lists: ${p.list}`));
    io.out(JSON.stringify(location, null, 2));
    if (conflicts) io.err(conflictCause);
    return conflicts ? 1 : 0;
  } catch (error) {
    io.err(`Provisioning failed: ${describeFailure(error, origin)}`);
    return 1;
  }
}

/**
 * Node reads NODE_EXTRA_CA_CERTS only at start, so the CLI runs itself again once, trusting the dev
 * CA the sandbox's certificate comes from. Public CAs stay trusted: the variable adds to Node's roots.
 */
function rerunTrustingDevCa(): number | undefined {
  if (process.env.TRAIL_DEV_CA_TRUSTED) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { CERT_FILES } = require('./certs.js') as { CERT_FILES: { caCert: string } };
  if (!existsSync(CERT_FILES.caCert)) return undefined; // nothing to trust yet: `npm start` makes it
  const again = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_EXTRA_CA_CERTS: CERT_FILES.caCert, TRAIL_DEV_CA_TRUSTED: '1' },
  });
  return again.status ?? 1;
}

if (require.main === module) {
  const rerun = rerunTrustingDevCa();
  if (rerun !== undefined) process.exit(rerun);
  void main(process.argv.slice(2)).then((code) => process.exit(code));
}
