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
import { parseArgs } from 'node:util';
import { createGraphClient, GRAPH_ORIGIN } from '../src/graph/client';
import { PROVISIONING_SCOPES } from '../src/graph/sharepoint';
import { applyProvisioning, planConflicts, planIsEmpty, planProvisioning, type ProvisioningPlan } from '../src/record/provision';
import { resolveSite } from '../src/record/site';
import { CONNECTION_OPTIONS, connection, DEFAULT_SITE, describeFailure, runAsProcess, SANDBOX_ORIGIN, type CliIo, type ConnectionValues } from './cliConnection';

export type { CliIo } from './cliConnection';

const SCOPES = PROVISIONING_SCOPES.join(' ');
const NEEDS = `setting up needs ${SCOPES} and the right to manage lists on the site`;

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

const consoleIo: CliIo = { out: (line) => console.log(line), err: (line) => console.error(line), env: process.env };

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

export async function main(argv: string[], io: CliIo = consoleIo): Promise<number> {
  let values: ConnectionValues & { 'dry-run': boolean; help: boolean };
  try {
    values = parseArgs({
      args: argv,
      options: {
        ...CONNECTION_OPTIONS,
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
  const connected = connection(values, io, PROVISIONING_SCOPES);
  if ('problem' in connected) {
    io.err(connected.problem);
    return 1;
  }
  const { origin, tokens } = connected;
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
    io.err(`Provisioning failed: ${describeFailure(error, origin, PROVISIONING_SCOPES, NEEDS)}`);
    return 1;
  }
}

if (require.main === module) runAsProcess(main);
