/**
 * Provisioning against the sandbox over HTTP: idempotent, repairs what is missing, never changes a
 * column it did not make, safe with two administrators at once, and in few round trips.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as provisionCli, type CliIo } from '../../../dev/provision';
import { SandboxTokenSource } from '../../../src/auth/sandboxTokens';
import { createGraphClient } from '../../../src/graph/client';
import { GraphRequestError } from '../../../src/graph/errors';
import type { StoreLocation } from '../../../src/record/location';
import { applyProvisioning, planConflicts, planIsEmpty, planProvisioning } from '../../../src/record/provision';
import { listsOverIndexLimit, MAX_INDEXED_COLUMNS, SYSTEM_INDEXES } from '../../../src/record/provisionColumns';
import { LIST_NAMES as RECORD_LIST_NAMES, PROVISIONED_LIST_NAMES as LIST_NAMES, PROVISIONED_LISTS as LISTS, type ColumnSpec, type ListName } from '../../../src/record/schema';
import { NotASiteUrlError, resolveSite, siteAddress, SiteNotFoundError } from '../../../src/record/site';
import { expectNoContractViolations, json, startTestSandbox, type TestSandbox } from '../helpers/sandbox';
import { TRAIL_SITE_URL } from '../helpers/store';

let t: TestSandbox;
let graph: Client;
let siteId: string;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());
expectNoContractViolations(() => t);

beforeEach(async () => {
  t.sandbox.control.reset();
  graph = createGraphClient({ baseUrl: t.sandbox.origin, tokens: new SandboxTokenSource(t.sandbox.origin), retry: { sleep: async () => undefined } });
  siteId = (await resolveSite(graph, TRAIL_SITE_URL)).id;
  t.sandbox.control.clearRequests();
});

const graphCalls = () => t.sandbox.control.requests().filter((r) => r.url.startsWith('/v1.0/'));
/** Requests that change something, counting each inner request of a $batch. */
const writes = () => graphCalls().flatMap((r): Array<{ method: string; status: number }> => r.inner ?? [r]).filter((r) => r.method !== 'GET');
const provision = async () => applyProvisioning(graph, siteId, await planProvisioning(graph, siteId));
const listPlan = async (name: ListName) => (await planProvisioning(graph, siteId)).lists.find((l) => l.list === name)!;

interface Column {
  id: string;
  name: string;
  indexed: boolean;
  enforceUniqueValues: boolean;
  text?: { allowMultipleLines: boolean; maxLength?: number };
  dateTime?: object;
  choice?: { choices: string[] };
}
const columnsOf = async (listId: string): Promise<Column[]> => (await t.graphJson<{ value: Column[] }>(`/sites/${siteId}/lists/${listId}/columns`)).body.value;
const columnOf = async (listId: string, name: string) => (await columnsOf(listId)).find((c) => c.name === name)!;

function expectedFacet(spec: ColumnSpec): Partial<Column> {
  if (spec.type === 'text') return { text: expect.objectContaining({ allowMultipleLines: false, maxLength: 255 }) };
  if (spec.type === 'note') return { text: expect.objectContaining({ allowMultipleLines: true }) };
  if (spec.type === 'choice') return { choice: expect.objectContaining({ choices: [...(spec.choices ?? [])] }) };
  return { [spec.type]: expect.anything() };
}

describe('a fresh site', () => {
  test('gets every list with its columns, types, indexes and unique keys, and the one settings item, in three round trips', async () => {
    const progress: string[] = [];
    const site = await resolveSite(graph, TRAIL_SITE_URL);
    const location = await applyProvisioning(graph, site.id, await planProvisioning(graph, site.id), (p) => progress.push(`${p.done} of ${p.total}`));
    // Site, plan (one $batch: each list by title), creation (one $batch: one POST per list, with its
    // columns, and the settings item after its list).
    expect(graphCalls().map((r) => `${r.method} ${r.url.split('?')[0]} ${r.batchCount ?? ''}`.trim())).toEqual([
      `GET /v1.0/sites/seutuopisto.sharepoint.com:/sites/trail`,
      `POST /v1.0/$batch ${LIST_NAMES.length}`,
      `POST /v1.0/$batch ${LIST_NAMES.length + 1}`,
    ]);
    expect(progress).toEqual(LIST_NAMES.map((_, i) => `${i + 1} of ${LIST_NAMES.length}`));

    const lists = (await t.graphJson<{ value: Array<{ id: string; displayName: string; description: string }> }>(`/sites/${siteId}/lists?$select=id,displayName,description`)).body.value;
    // The settings list is found by its title: the record's location names only the record's lists.
    const idOf = (name: (typeof LIST_NAMES)[number]) => (name === 'settings' ? lists.find((l) => l.displayName === LISTS.settings.displayName)!.id : location.lists[name]);
    for (const name of LIST_NAMES) {
      expect(lists.find((l) => l.id === idOf(name))).toMatchObject({ displayName: LISTS[name].displayName, description: LISTS[name].description });
      const columns = await columnsOf(idOf(name));
      for (const spec of LISTS[name].columns as readonly ColumnSpec[]) {
        expect({ list: name, ...columns.find((c) => c.name === spec.name) }).toMatchObject({
          list: name,
          name: spec.name,
          indexed: !!spec.indexed,
          enforceUniqueValues: !!spec.unique,
          ...expectedFacet(spec),
        });
      }
    }
  });

  test('a dry plan says "create" for every list and writes nothing', async () => {
    const plan = await planProvisioning(graph, siteId);
    expect(plan.lists.map((l) => [l.displayName, l.create])).toEqual(LIST_NAMES.map((name) => [LISTS[name].displayName, true]));
    expect(writes()).toEqual([]);
  });
});

describe('an existing store', () => {
  let first: StoreLocation;
  beforeEach(async () => {
    first = await provision();
    t.sandbox.control.clearRequests();
  });

  test('a second run finds nothing to do, writes nothing, and knows where everything is, in two round trips', async () => {
    await resolveSite(graph, TRAIL_SITE_URL);
    const plan = await planProvisioning(graph, siteId);
    expect(planIsEmpty(plan)).toBe(true);
    expect(plan.lists.every((l) => !l.create && !l.addColumns.length && !l.indexColumns.length && !l.conflicts.length)).toBe(true);
    expect(await applyProvisioning(graph, siteId, plan)).toEqual(first);
    expect(writes()).toEqual([]);
    expect(graphCalls()).toHaveLength(2);
  });

  test('a deleted column is added again', async () => {
    const phone = await columnOf(first.lists.people, 'Phone');
    expect((await t.graphFetch(`/sites/${siteId}/lists/${first.lists.people}/columns/${phone.id}`, { method: 'DELETE' })).status).toBe(204);

    expect((await listPlan('people')).addColumns).toEqual(['Phone']);
    await provision();
    expect(await columnOf(first.lists.people, 'Phone')).toMatchObject({ text: { allowMultipleLines: false } });
    expect(planIsEmpty(await planProvisioning(graph, siteId))).toBe(true);
  });

  test('a Projects list from before the Owner column gets OwnerId added; its projects keep their other fields', async () => {
    const owner = await columnOf(first.lists.projects, 'OwnerId');
    expect((await t.graphFetch(`/sites/${siteId}/lists/${first.lists.projects}/columns/${owner.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await listPlan('projects')).addColumns).toEqual(['OwnerId']);
    await provision();
    expect(await columnOf(first.lists.projects, 'OwnerId')).toMatchObject({ text: { allowMultipleLines: false } });
    expect(planIsEmpty(await planProvisioning(graph, siteId))).toBe(true);
  });

  test('filings made before EntityMonth existed get it when provisioning adds the column, so big entities find them in their windows', async () => {
    const month = await columnOf(first.lists.filings, 'EntityMonth');
    expect((await t.graphFetch(`/sites/${siteId}/lists/${first.lists.filings}/columns/${month.id}`, { method: 'DELETE' })).status).toBe(204);
    const old = [
      { Title: 'old 1', EntityKey: 'person:7', ItemDate: '2025-03-04T10:00:00Z' },
      { Title: 'old 2', EntityKey: 'organisation:3', ItemDate: '2026-11-30T23:30:00Z' },
    ];
    for (const fields of old) {
      expect((await t.graphFetch(`/sites/${siteId}/lists/${first.lists.filings}/items`, json('POST', { fields }))).status).toBe(201);
    }

    expect((await listPlan('filings')).addColumns).toEqual(['EntityMonth']);
    await provision();
    const rows = (await t.graphJson<{ value: Array<{ fields: { Title: string; EntityMonth?: string } }> }>(`/sites/${siteId}/lists/${first.lists.filings}/items?$expand=fields($select=Title,EntityMonth)`)).body.value;
    expect(Object.fromEntries(rows.map((r) => [r.fields.Title, r.fields.EntityMonth]))).toEqual({ 'old 1': 'person:7|2025-03', 'old 2': 'organisation:3|2026-11' });
    expect(planIsEmpty(await planProvisioning(graph, siteId))).toBe(true);
  });

  test('a column that lost its index, or its uniqueness, gets them back with one PATCH each', async () => {
    const entityKey = await columnOf(first.lists.filings, 'EntityKey');
    const uniqueKey = await columnOf(first.lists.keys, 'UniqueKey');
    await t.graphJson(`/sites/${siteId}/lists/${first.lists.filings}/columns/${entityKey.id}`, json('PATCH', { indexed: false }));
    await t.graphJson(`/sites/${siteId}/lists/${first.lists.keys}/columns/${uniqueKey.id}`, json('PATCH', { indexed: false, enforceUniqueValues: false }));
    expect((await listPlan('filings')).indexColumns).toEqual([{ name: 'EntityKey', id: entityKey.id }]);
    t.sandbox.control.clearRequests();

    await provision();
    expect(writes().map((w) => `${w.method} ${w.status}`)).toEqual(['PATCH 200', 'PATCH 200']);
    expect(await columnOf(first.lists.filings, 'EntityKey')).toMatchObject({ indexed: true });
    expect(await columnOf(first.lists.keys, 'UniqueKey')).toMatchObject({ indexed: true, enforceUniqueValues: true });
  });

  test('uniqueness SharePoint refuses (duplicates already there) fails loudly, naming the column', async () => {
    const uniqueKey = await columnOf(first.lists.keys, 'UniqueKey');
    await t.graphJson(`/sites/${siteId}/lists/${first.lists.keys}/columns/${uniqueKey.id}`, json('PATCH', { enforceUniqueValues: false }));
    for (let i = 0; i < 2; i++) {
      const row = { fields: { Title: 'Aino', Key: 'email:aino@example.fi', UniqueKey: 'email:aino@example.fi', EntityKey: 'person:1', KeyKind: 'email' } };
      expect((await t.graphFetch(`/sites/${siteId}/lists/${first.lists.keys}/items`, json('POST', row))).status).toBe(201);
    }
    const failure = await provision().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphRequestError);
    expect(failure).toMatchObject({ status: 409, message: expect.stringMatching(/^Trail Keys, column UniqueKey: .*duplicate values/) });
  });
});

describe('what provisioning does not touch', () => {
  test('a column of the wrong type is reported as a conflict and left alone, and the rest is set up', async () => {
    const notes = await t.graphJson<{ id: string }>(
      `/sites/${siteId}/lists`,
      json('POST', { displayName: 'Trail Notes', columns: [{ name: 'Body', number: {} }], list: { template: 'genericList' } }),
    );
    const plan = await planProvisioning(graph, siteId);
    expect(planConflicts(plan)).toEqual([{ list: 'Trail Notes', name: 'Body', expected: 'note', found: 'number' }]);
    expect(plan.lists.find((l) => l.list === 'notes')?.addColumns).toEqual(['NoteDate', 'AuthorUpn', 'AuthorName', 'CreationId']);

    const location = await applyProvisioning(graph, siteId, plan);
    expect(location.lists.notes).toBe(notes.body.id);
    expect(await columnOf(notes.body.id, 'Body')).toMatchObject({ number: expect.anything() });
    expect((await columnOf(notes.body.id, 'Body')).text).toBeUndefined();
    const again = await planProvisioning(graph, siteId);
    expect(planIsEmpty(again)).toBe(true);
    expect(planConflicts(again)).toHaveLength(1);
  });

  test('the schema fits SharePoint\'s 20 indexes per list, with room for Created and Modified', () => {
    expect(listsOverIndexLimit(LISTS)).toEqual([]);
    const crowded = { displayName: 'Crowded', description: '', columns: Array.from({ length: MAX_INDEXED_COLUMNS - SYSTEM_INDEXES + 1 }, (_, i) => ({ name: `C${i}`, type: 'text' as const, indexed: true })) };
    expect(listsOverIndexLimit({ crowded })).toEqual(['Crowded']);
  });
});

describe('two administrators at once', () => {
  test('leave exactly one of each list, and the same location for both', async () => {
    const [planA, planB] = await Promise.all([planProvisioning(graph, siteId), planProvisioning(graph, siteId)]);
    t.sandbox.control.clearRequests();
    const [a, b] = await Promise.all([applyProvisioning(graph, siteId, planA), applyProvisioning(graph, siteId, planB)]);
    expect(a).toEqual(b);
    // Not vacuous: one of the two was refused every list (409) and completed the other's instead.
    expect(writes().filter((w) => w.status === 409)).toHaveLength(LIST_NAMES.length);
    const lists = (await t.graphJson<{ value: Array<{ displayName: string }> }>(`/sites/${siteId}/lists?$select=displayName`)).body.value;
    for (const name of LIST_NAMES) expect(lists.filter((l) => l.displayName === LISTS[name].displayName)).toHaveLength(1);
    expect(planIsEmpty(await planProvisioning(graph, siteId))).toBe(true);
  });

  test('adding the same missing column twice leaves one column', async () => {
    const location = await provision();
    const phone = await columnOf(location.lists.people, 'Phone');
    await t.graphFetch(`/sites/${siteId}/lists/${location.lists.people}/columns/${phone.id}`, { method: 'DELETE' });
    const [planA, planB] = await Promise.all([planProvisioning(graph, siteId), planProvisioning(graph, siteId)]);
    t.sandbox.control.clearRequests();
    await Promise.all([applyProvisioning(graph, siteId, planA), applyProvisioning(graph, siteId, planB)]);
    expect(writes().map((w) => `${w.method} ${w.status}`).sort()).toEqual(['POST 201', 'POST 409']);
    expect((await columnsOf(location.lists.people)).filter((c) => c.name === 'Phone')).toHaveLength(1);
    expect(planIsEmpty(await planProvisioning(graph, siteId))).toBe(true);
  });
});

describe('finding the site', () => {
  test('a site URL, a page inside it, or the tenant root', async () => {
    expect((await resolveSite(graph, TRAIL_SITE_URL)).webUrl).toBe(TRAIL_SITE_URL);
    expect((await resolveSite(graph, `${TRAIL_SITE_URL}/SitePages/Home.aspx`)).id).toBe(siteId);
    expect((await resolveSite(graph, 'seutuopisto.sharepoint.com/sites/trail/')).id).toBe(siteId);
    expect((await resolveSite(graph, 'https://seutuopisto.sharepoint.com/')).webUrl).toBe('https://seutuopisto.sharepoint.com');
  });

  test('addresses are encoded once, whatever the browser already encoded', () => {
    expect(siteAddress('https://contoso.sharepoint.com/sites/Team%20Site/Lists/Trail%20People/AllItems.aspx')).toBe('/sites/contoso.sharepoint.com:/sites/Team%20Site');
    expect(siteAddress('https://contoso.sharepoint.com')).toBe('/sites/contoso.sharepoint.com');
  });

  test('not a site URL, no such site, or another tenant: typed errors', async () => {
    for (const typed of ['not a url', 'http://seutuopisto.sharepoint.com/sites/trail', 'https://localhost/sites/trail', 'https://x.sharepoint.com:8443/sites/a']) {
      await expect(resolveSite(graph, typed)).rejects.toBeInstanceOf(NotASiteUrlError);
    }
    await expect(resolveSite(graph, 'https://seutuopisto.sharepoint.com/sites/nothing-here')).rejects.toBeInstanceOf(SiteNotFoundError);
    await expect(resolveSite(graph, 'https://contoso.sharepoint.com/sites/trail')).rejects.toBeInstanceOf(SiteNotFoundError);
  });
});

describe('the command line, in process', () => {
  function io(env: NodeJS.ProcessEnv = {}) {
    const out: string[] = [];
    const err: string[] = [];
    const streams: CliIo = { out: (line) => out.push(line), err: (line) => err.push(line), env };
    return { out, err, streams };
  }
  const args = (...more: string[]) => ['--site', TRAIL_SITE_URL, '--graph', t.sandbox.origin, ...more];

  test('plans, applies, prints the location, and on a second run finds nothing to do', async () => {
    const dry = io();
    expect(await provisionCli(args('--dry-run'), dry.streams)).toBe(0);
    expect(dry.out).toContain('  Trail Filings: create');
    expect(dry.out.at(-1)).toBe('Dry run: nothing changed.');
    expect(writes()).toEqual([]);

    const run = io();
    expect(await provisionCli(args(), run.streams)).toBe(0);
    expect(run.out).toContain(`  ${LIST_NAMES.length} of ${LIST_NAMES.length} lists: ${LISTS[LIST_NAMES.at(-1)!].displayName}`);
    const location = JSON.parse(run.out.slice(run.out.findIndex((l) => l.startsWith('{'))).join('\n')) as StoreLocation;
    expect(Object.keys(location.lists).sort()).toEqual([...RECORD_LIST_NAMES].sort());

    const again = io();
    expect(await provisionCli(args(), again.streams)).toBe(0);
    expect(again.out).toContain('Nothing to do: every list, column and index is in place.');
    expect(again.err).toEqual([]);
  });

  test('exit 1 with a one-line cause: conflicts, no such site, no token for a real tenant, a bad option', async () => {
    await t.graphJson(`/sites/${siteId}/lists`, json('POST', { displayName: 'Trail Notes', columns: [{ name: 'Body', number: {} }] }));
    const conflicted = io();
    expect(await provisionCli(args(), conflicted.streams)).toBe(1);
    expect(conflicted.out).toContain('  Trail Notes: add columns NoteDate, AuthorUpn, AuthorName, CreationId; CONFLICT: column Body is number, Trail needs note (left alone)');
    expect(conflicted.err).toEqual(["1 column(s) conflict with Trail's schema (above); Trail leaves them alone, so fix them in SharePoint."]);

    const missing = io();
    expect(await provisionCli(['--site', 'https://seutuopisto.sharepoint.com/sites/none', '--graph', t.sandbox.origin], missing.streams)).toBe(1);
    expect(missing.err).toEqual(['Provisioning failed: no SharePoint site at https://seutuopisto.sharepoint.com/sites/none that this account can see.']);

    const tenant = io();
    expect(await provisionCli(['--graph', 'https://graph.microsoft.com'], tenant.streams)).toBe(1);
    expect(tenant.err).toEqual([
      "https://graph.microsoft.com needs a sign-in: pass --client-id <Trail's Application (client) ID> to sign in with a device code, or set GRAPH_TOKEN to a delegated access token with Sites.Manage.All (docs/deploy.md).",
    ]);

    const wrong = io();
    expect(await provisionCli(['--sit', 'x'], wrong.streams)).toBe(1);
    expect(wrong.err).toHaveLength(1);
  });

  test('a token Graph does not accept', async () => {
    const refused = io({ GRAPH_TOKEN: 'not-a-token' });
    expect(await provisionCli(args(), refused.streams)).toBe(1);
    expect(refused.err).toEqual(['Provisioning failed: Graph did not accept the token (401 InvalidAuthenticationToken); get a fresh one into GRAPH_TOKEN.']);
  });
});

describe('the command line, as npm runs it', () => {
  /** The dev CA and certificate, made in a scratch folder so the test leaves .certs/ alone. */
  async function devCertificate(dir: string): Promise<{ key: string; cert: string }> {
    const saved = process.env.TRAIL_CERT_DIR;
    process.env.TRAIL_CERT_DIR = dir; // dev/certs.js reads it when loaded
    try {
      let certs: { ensureDevCertificate(): Promise<{ key: string; cert: string }> } | undefined;
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      jest.isolateModules(() => (certs = require('../../../dev/certs.js')));
      return await certs!.ensureDevCertificate();
    } finally {
      if (saved === undefined) delete process.env.TRAIL_CERT_DIR;
      else process.env.TRAIL_CERT_DIR = saved;
    }
  }

  function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(command, args, { cwd: join(__dirname, '../../..'), env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  test('`npm run provision` sets up a sandbox served over HTTPS with the dev certificate, trusting its CA', async () => {
    const certDir = mkdtempSync(join(tmpdir(), 'trail-certs-'));
    const secure = await startTestSandbox({ tls: await devCertificate(certDir) });
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, TRAIL_CERT_DIR: certDir };
      delete env.TRAIL_DEV_CA_TRUSTED;
      delete env.NODE_EXTRA_CA_CERTS;
      const provision = () => run('npm', ['run', '--silent', 'provision', '--', '--site', TRAIL_SITE_URL, '--graph', secure.sandbox.origin], env);
      const location = (stdout: string) => JSON.parse(stdout.slice(stdout.indexOf('{'))) as StoreLocation;

      const first = await provision();
      expect({ code: first.code, stderr: first.stderr.replace(/^npm warn.*\n/gm, '') }).toEqual({ code: 0, stderr: '' });
      expect(first.stdout).toContain(`${LIST_NAMES.length} of ${LIST_NAMES.length} lists`);
      // The test process does not trust the dev CA, so a second run is what reads the lists back.
      const second = await provision();
      expect(second.code).toBe(0);
      expect(second.stdout).toContain('Nothing to do: every list, column and index is in place.');
      expect(location(second.stdout)).toEqual(location(first.stdout));
      expect(secure.sandbox.control.violations()).toEqual([]);
    } finally {
      await secure.close();
      rmSync(certDir, { recursive: true, force: true });
    }
  }, 60_000);
});
