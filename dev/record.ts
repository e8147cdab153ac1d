/**
 * `npm run record -- export|erase --person <address> [--site <url>] [--graph <origin>] [--client-id <id>
 * [--tenant <t>]] [--out <file>] [--yes]`, `npm run record -- sweep --erased <person id>` (after an erasure)
 *
 * A data subject's request handled outside Outlook: export writes the JSON of everything the shared
 * record holds about one person (GraphTrailStore.exportPerson); erase names what will go, asks, and then
 * removes the person, their key rows, project roles and the filings and notes that were theirs alone
 * (GraphTrailStore.erasePerson). Both are audited in the record's audit list. Against the local sandbox
 * by default; against a real tenant with the same device-code sign-in as `npm run provision`.
 */
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import type { EntitySummary } from '../src/domain/entities';
import { createGraphClient, GRAPH_ORIGIN } from '../src/graph/client';
import { createGraphTrailStore } from '../src/record/graphTrailStore';
import { GraphRequestError, isNotFound } from '../src/graph/errors';
import { locateStore } from '../src/record/locate';
import { LATE_SWEEP_AFTER_MS } from '../src/services/record/lateSweeps';
import { CONNECTION_OPTIONS, connection, DEFAULT_SITE, describeFailure, runAsProcess, SANDBOX_ORIGIN, type CliIo, type ConnectionValues } from './cliConnection';

const SCOPES = ['Sites.ReadWrite.All', 'User.Read'];
const NEEDS = `export and erasure need ${SCOPES.join(' ')} and the right to edit Trail's lists on the site`;

const HELP = `Usage: npm run record -- export --person <address> [--out <file>] [options]
       npm run record -- erase --person <address> [--yes] [options]
       npm run record -- sweep --erased <person id> [options]

A data subject's request, handled outside Outlook:
  export   prints (or writes to --out) the JSON of everything the shared record holds
           about the person: their entry, addresses, filings, notes and project roles
  erase    names what will go, asks y/N, then removes the person, their addresses,
           project roles, their filings and the notes filed only to them
  sweep    after an erasure, removes what colleagues' panes filed to the person
           while they still knew them (up to 30 minutes after; erase says when)
All are written to the record's audit list (who, when, how much; no personal data).

  --person     the person's mail address, as the record holds it
  --out        export: write the JSON to this file instead of printing it
  --yes        erase: do not ask (for scripts; the audit row is written all the same)
  --erased     sweep: the erased person's id, as erase printed it
  --site       the SharePoint site with Trail's lists (default ${DEFAULT_SITE},
               the sandbox's)
  --graph      Graph's origin (default ${SANDBOX_ORIGIN}, the local sandbox started by
               \`npm start\`; a real tenant: ${GRAPH_ORIGIN})
  --client-id  Trail's app registration (or TRAIL_CLIENT_ID): sign in with a device code,
               as for \`npm run provision\` (docs/deploy.md)
  --tenant     the tenant to sign in to (default: organizations; or TRAIL_TENANT_ID)

Instead of signing in, GRAPH_TOKEN may hold a delegated access token with ${SCOPES.join(' ')}.
Exit code 0: done (or, for erase, declined); 1: not done, and the last line says why.`;

export interface RecordIo extends CliIo {
  /** Asks a question on the terminal; the answer's line. */
  ask(question: string): Promise<string>;
}

const consoleIo: RecordIo = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  ask: async (question) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    try {
      return await rl.question(question);
    } finally {
      rl.close();
    }
  },
  env: process.env,
};

interface Options extends ConnectionValues {
  person?: string;
  erased?: string;
  out?: string;
  yes: boolean;
  help: boolean;
}

export async function main(argv: string[], io: RecordIo = consoleIo): Promise<number> {
  let values: Options;
  let positionals: string[];
  try {
    const parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        person: { type: 'string' },
        erased: { type: 'string' },
        out: { type: 'string' },
        yes: { type: 'boolean', short: 'y', default: false },
        ...CONNECTION_OPTIONS,
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    values = parsed.values as Options;
    positionals = parsed.positionals;
  } catch (error) {
    io.err(`${(error as Error).message}. Try --help.`);
    return 1;
  }
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  const command = positionals[0];
  if ((command !== 'export' && command !== 'erase' && command !== 'sweep') || positionals.length > 1) {
    io.err('Say export or erase, then --person <address>. Try --help.');
    return 1;
  }
  if (command === 'sweep') return sweep(values, io);
  const address = values.person?.trim();
  if (!address || !address.includes('@')) {
    io.err('--person needs the mail address of the person, e.g. --person riikka.hamalainen@harjuseudunely.fi.');
    return 1;
  }
  return withStore(values, io, command === 'export' ? 'Export' : 'Erasure', async (store) => {
    const found = [...(await store.resolve([address])).people.values()][0];
    if (!found) {
      io.err(`No person with the address ${address} in the shared record on ${values.site}. Check the address (the one their mail comes from), or search for them in Trail.`);
      return 1;
    }
    return command === 'export' ? exportOne(store, found, values, io) : eraseOne(store, found, values, io);
  });
}

type Store = ReturnType<typeof createGraphTrailStore>;

async function connect(origin: string, tokens: Parameters<typeof createGraphClient>[0]['tokens'], site: string): Promise<Store> {
  const graph = createGraphClient({ baseUrl: origin, tokens });
  const me = (await graph.api('/me').select(['displayName', 'userPrincipalName']).get()) as { displayName: string; userPrincipalName: string };
  const location = await locateStore(graph, site);
  return createGraphTrailStore({ graph, location, filer: { name: me.displayName, upn: me.userPrincipalName } });
}

async function exportOne(store: Store, person: EntitySummary, values: Options, io: RecordIo): Promise<number> {
  const data = await store.exportPerson(person.ref);
  const json = JSON.stringify(data, null, 2);
  if (values.out) {
    writeFileSync(values.out, `${json}\n`);
    io.out(`Exported ${data.person.name}: ${data.filings.length} filings, ${data.notes.length} notes, ${data.participations.length} project roles, to ${values.out}.`);
  } else io.out(json);
  return 0;
}

async function eraseOne(store: Store, person: EntitySummary, values: Options, io: RecordIo): Promise<number> {
  const entity = await store.get(person.ref);
  let filings = 0;
  let next: string | undefined;
  do {
    const page = await store.filingsOfEntity(person.ref, { pageSize: 500, ...(next ? { next } : {}) });
    filings += page.items.length;
    next = page.nextLink ?? undefined;
  } while (next);
  const roles = await store.projectsOf(person.ref);
  const addresses = 'emails' in entity ? entity.emails : [];
  io.out(`This erases ${entity.name} (${addresses.join(', ')}) from the shared record:`);
  io.out(`  the person, ${addresses.length} address(es) and name keys`);
  io.out(`  ${filings} filing(s) to them, and the notes filed to no one else`);
  io.out(`  ${roles.length} project role(s)${roles.length ? `: ${roles.map((r) => `${r.project.name} (${r.role})`).join(', ')}` : ''}`);
  io.out('Mail and meetings stay in mailboxes; filings of the same items to others stay. This cannot be undone.');
  if (!values.yes) {
    const answer = (await io.ask(`Erase ${entity.name}? [y/N] `)).trim().toLowerCase();
    if (answer !== 'y' && answer !== 'yes') {
      io.out('Nothing erased.');
      return 0;
    }
  }
  const counts = await store.erasePerson(person.ref);
  io.out(`Erased ${entity.name}: ${counts.filings} filing(s), ${counts.keys} key row(s), ${counts.notes} note(s). The audit list records the erasure.`);
  // A pane files without reading the entity first while its index, caught up within 30 minutes, holds it
  // (services/record/lateSweeps.ts); a pane's own erasure is swept again by itself, this one by the user.
  const due = new Date(Date.now() + LATE_SWEEP_AFTER_MS);
  io.out(`Colleagues' panes may still file to them for up to 30 minutes. After ${due.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}, run: npm run record -- sweep --erased ${person.ref.id}`);
  return 0;
}

async function sweep(values: Options, io: RecordIo): Promise<number> {
  const id = values.erased?.trim();
  if (!id) {
    io.err('sweep needs --erased <person id>, as erase printed it. Try --help.');
    return 1;
  }
  return withStore(values, io, 'Sweep', async (store) => {
    const ref = { kind: 'person' as const, id };
    if (await store.get(ref).then(() => true, (error: unknown) => (error instanceof GraphRequestError && isNotFound(error) ? false : Promise.reject(error)))) {
      io.err(`The person with id ${id} is still in the shared record: nothing swept. Sweep only after erase, with the id it printed.`);
      return 1;
    }
    const found = await store.sweep({ kind: 'erased', ref });
    io.out(found ? `${found} row(s) written since the erasure removed. The audit list records the sweep.` : 'Nothing written since the erasure: nothing to remove.');
    return 0;
  });
}

/** Signs in (or takes GRAPH_TOKEN), finds the record and runs `work` on it; a failure is said in one line, named by `what`. */
async function withStore(values: Options, io: RecordIo, what: string, work: (store: Store) => Promise<number>): Promise<number> {
  const connected = connection(values, io, SCOPES);
  if ('problem' in connected) {
    io.err(connected.problem);
    return 1;
  }
  const { origin, tokens } = connected;
  try {
    return await work(await connect(origin, tokens, values.site));
  } catch (error) {
    io.err(`${what} failed: ${describeFailure(error, origin, SCOPES, NEEDS)}`);
    return 1;
  }
}

if (require.main === module) runAsProcess(main);
