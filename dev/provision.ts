/**
 * `npm run provision -- --site <url> [--graph <origin>] [--dry-run]`
 *
 * Creates Trail's SharePoint lists, columns and indexes on a site, idempotently. By default it talks
 * to the local Graph sandbox (start it with `npm start` or `npm run sandbox`). Against a real tenant
 * (`--graph https://graph.microsoft.com`) it needs a token with Sites.Manage.All in GRAPH_TOKEN;
 * see docs/permissions.md. Device-code sign-in comes with the deployment work.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { SandboxTokenSource } from '../src/auth/sandboxTokens';
import { createGraphClient, GRAPH_ORIGIN } from '../src/graph/client';
import { toGraphRequestError } from '../src/graph/errors';
import { applyProvisioning, planIsEmpty, planProvisioning, type ProvisioningPlan } from '../src/store/provision';
import { resolveSite } from '../src/store/site';

const SANDBOX_ORIGIN = `https://localhost:${process.env.SANDBOX_PORT ?? 3001}`;
const DEFAULT_SITE = 'https://seutuopisto.sharepoint.com/sites/trail';

const HELP = `Usage: npm run provision -- --site <site url> [--graph <origin>] [--dry-run]

  --site     the SharePoint site for Trail's lists (default ${DEFAULT_SITE}, the sandbox's empty site)
  --graph    Graph's origin (default ${SANDBOX_ORIGIN}, the local sandbox; real tenant: ${GRAPH_ORIGIN})
  --dry-run  show what would be done, change nothing

Against a real tenant, put an access token with Sites.Manage.All in GRAPH_TOKEN (docs/permissions.md).`;

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

export async function main(argv: string[], log: (line: string) => void = console.log): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { site: { type: 'string', default: DEFAULT_SITE }, graph: { type: 'string', default: SANDBOX_ORIGIN }, 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  if (values.help) {
    log(HELP);
    return 0;
  }
  const origin = values.graph!.replace(/\/+$/, '');
  const isSandbox = origin !== GRAPH_ORIGIN;
  const token = process.env.GRAPH_TOKEN;
  if (!isSandbox && !token) {
    log('A real tenant needs a token: set GRAPH_TOKEN to an access token with Sites.Manage.All (see docs/permissions.md).');
    return 1;
  }
  const graph = createGraphClient({
    baseUrl: origin,
    tokens: token ? { getAccessToken: async () => token } : new SandboxTokenSource(origin),
  });
  const site = await resolveSite(graph, values.site!);
  log(`Site: ${site.displayName} (${site.webUrl})`);
  const plan = await planProvisioning(graph, site.id);
  describePlan(plan).forEach((line) => log(line));
  if (planIsEmpty(plan)) {
    log('Nothing to do: every list, column and index is in place.');
  } else if (values['dry-run']) {
    log('Dry run: nothing changed.');
    return 0;
  }
  const location = await applyProvisioning(graph, site.id, plan, (p) => log(`  ${p.done}/${p.total} ${p.list}`));
  log(JSON.stringify(location, null, 2));
  return plan.lists.some((list) => list.conflicts.length) ? 2 : 0;
}

if (require.main === module) {
  // Node reads NODE_EXTRA_CA_CERTS only at start: re-run once trusting the dev CA the sandbox's certificate
  // comes from. (Public CAs stay trusted: the variable adds to Node's roots, it does not replace them.)
  if (!process.env.TRAIL_DEV_CA_TRUSTED) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { CERT_FILES } = require('./certs.js') as { CERT_FILES: { caCert: string } };
    const again = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, NODE_EXTRA_CA_CERTS: CERT_FILES.caCert, TRAIL_DEV_CA_TRUSTED: '1' },
    });
    process.exit(again.status ?? 1);
  }
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      const cause = error instanceof Error && error.name !== 'GraphRequestError' && !('status' in error) ? error : toGraphRequestError(error);
      console.error(`Provisioning failed: ${cause.message}`);
      process.exit(1);
    },
  );
}
