/**
 * `npm run record -- export|erase --person <address>` (dev/record.ts) against a sandbox holding the
 * lived-in record: export gives the JSON with the person's filings; erase names what goes, asks, and
 * removes the person through GraphTrailStore, with an audit row; an unknown address is a clear error.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main, type RecordIo } from '../../../dev/record';
import { buildLivedInState } from '../../../dev/sandbox/livedIn/build';
import { PLAYGROUND_SITE } from '../../../dev/sandbox/livedIn/write';
import { DEFAULT_SEED, PEOPLE } from '../../../dev/sandbox/seed';
import { createGraphClient } from '../../../src/graph/client';
import { createGraphTrailStore } from '../../../src/record/graphTrailStore';
import { locateStore } from '../../../src/record/locate';
import type { StoreLocation } from '../../../src/record/location';
import type { PersonExport, TrailStore } from '../../../src/record/trailStore';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';

jest.setTimeout(300_000);

const ANCHOR = new Date('2026-11-20T10:00:00Z');
let t: TestSandbox;
let store: TrailStore;
let location: StoreLocation;
let dir: string;

beforeAll(async () => {
  const { state } = await buildLivedInState({ seed: DEFAULT_SEED, anchor: ANCHOR });
  t = await startTestSandbox({ seed: DEFAULT_SEED, anchor: ANCHOR, initialState: state });
  const graph = createGraphClient({ baseUrl: t.sandbox.origin, tokens: { getAccessToken: async () => t.token } });
  location = await locateStore(graph, PLAYGROUND_SITE);
  store = createGraphTrailStore({ graph, location, filer: { name: t.user.displayName, upn: t.user.userPrincipalName } });
  dir = mkdtempSync(path.join(os.tmpdir(), 'trail-record-cli-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t?.close();
});

function io(answers: string[] = []): RecordIo & { lines: string[]; errors: string[]; asked: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  const asked: string[] = [];
  return {
    lines,
    errors,
    asked,
    out: (line) => lines.push(line),
    err: (line) => errors.push(line),
    ask: async (question) => (asked.push(question), answers.shift() ?? ''),
    env: {},
  };
}

const run = (args: string[], terminal: ReturnType<typeof io>) => main([...args, '--graph', t.sandbox.origin], terminal);

async function auditRows(): Promise<Array<Record<string, unknown>>> {
  const response = await t.graphJson<{ value: Array<{ fields: Record<string, unknown> }> }>(`/sites/${location.siteId}/lists/${location.lists.audit}/items?expand=fields&$top=200`);
  return response.body.value.map((item) => item.fields);
}

const personOf = async (address: string) => [...(await store.resolve([address])).people.values()][0];

test('an unknown address is an error that says what to check; nothing is exported or erased', async () => {
  const terminal = io(['y']);
  expect(await run(['erase', '--person', 'nobody@example.fi'], terminal)).toBe(1);
  expect(terminal.errors.join('\n')).toMatch(/No person with the address nobody@example\.fi/);
  expect(terminal.asked).toEqual([]);
  expect(await run(['export'], io())).toBe(1);
  expect(await run(['forget', '--person', 'nobody@example.fi'], io())).toBe(1);
  // A tenant needs a sign-in, as for `npm run provision`: a device code with --client-id, or GRAPH_TOKEN.
  const tenant = io();
  expect(await main(['export', '--person', PEOPLE.riikka.address, '--graph', 'https://graph.microsoft.com'], tenant)).toBe(1);
  expect(tenant.errors.join('\n')).toMatch(/needs a sign-in: pass --client-id/);
});

test('export prints the JSON of everything about the person, with their filings, and can write it to a file', async () => {
  const terminal = io();
  expect(await run(['export', '--person', PEOPLE.riikka.address.toUpperCase()], terminal)).toBe(0);
  const exported = JSON.parse(terminal.lines.join('\n')) as PersonExport;
  expect(exported.person.name).toBe('Riikka Hämäläinen');
  expect(exported.keys).toContain(`email:${PEOPLE.riikka.address}`);
  expect(exported.filings.length).toBeGreaterThanOrEqual(3);
  expect(new Set(exported.filings.map((f) => f.filedBy.upn)).size).toBeGreaterThan(1);

  const out = path.join(dir, 'riikka.json');
  const toFile = io();
  expect(await run(['export', '--person', PEOPLE.riikka.address, '--out', out], toFile)).toBe(0);
  expect((JSON.parse(readFileSync(out, 'utf8')) as PersonExport).filings.length).toBe(exported.filings.length);
  expect(toFile.lines.join('\n')).toMatch(/Exported Riikka Hämäläinen: \d+ filings/);
});

test('export names each project the person takes part in, beside its id, with their role in it', async () => {
  const [project] = (await store.search('Oppisopimus', 10)).filter((e) => e.ref.kind === 'project');
  expect(project).toBeDefined();
  const taking = (await store.participants(project!.ref)).find((p) => p.entity.ref.kind === 'person');
  const address = ((await store.get(taking!.entity.ref)) as { emails: string[] }).emails[0]!;
  const terminal = io();
  expect(await run(['export', '--person', address], terminal)).toBe(0);
  const exported = JSON.parse(terminal.lines.join('\n')) as PersonExport;
  expect(exported.participations).toContainEqual({ projectId: project!.ref.id, projectName: project!.name, role: taking!.role });
  expect(exported.participations.every((p) => p.projectName.length > 0)).toBe(true);
});

test('erase names what will go and does nothing unless the answer is y', async () => {
  const terminal = io(['']);
  expect(await run(['erase', '--person', PEOPLE.pekka.address], terminal)).toBe(0);
  expect(terminal.lines.join('\n')).toMatch(/This erases Pekka Lindqvist \(pekka\.lindqvist@harjuseudunely\.fi\)/);
  expect(terminal.lines.join('\n')).toMatch(/\d+ filing\(s\) to them/);
  expect(terminal.asked).toEqual(['Erase Pekka Lindqvist? [y/N] ']);
  expect(terminal.lines).toContain('Nothing erased.');
  expect(await personOf(PEOPLE.pekka.address)).toBeDefined();
});

test('erase, confirmed, removes the person and their filings and writes an audit row', async () => {
  const before = await personOf(PEOPLE.pekka.address);
  const filings = (await store.filingsOfEntity(before!.ref, { pageSize: 500 })).items.length;
  expect(filings).toBeGreaterThan(0);
  const terminal = io(['y']);
  expect(await run(['erase', '--person', PEOPLE.pekka.address], terminal)).toBe(0);
  expect(terminal.lines.join('\n')).toContain(`Erased Pekka Lindqvist: ${filings} filing(s)`);
  expect(await personOf(PEOPLE.pekka.address)).toBeUndefined();
  expect((await store.filingsOfEntity(before!.ref, { pageSize: 500 })).items).toEqual([]);
  const audit = await auditRows();
  expect(audit).toEqual(expect.arrayContaining([expect.objectContaining({ Title: 'erase', SubjectKey: `person:${before!.ref.id}`, ActorUpn: t.user.userPrincipalName })]));

  // --yes skips the question (for scripts), and is audited all the same.
  const scripted = io();
  expect(await run(['erase', '--person', PEOPLE.tuula.address, '--yes'], scripted)).toBe(0);
  expect(scripted.asked).toEqual([]);
  expect(await personOf(PEOPLE.tuula.address)).toBeUndefined();
  expect((await auditRows()).filter((row) => row.Title === 'erase')).toHaveLength(2);
});

test('an erasure from the command line says when to sweep again; the sweep removes a filing a colleague’s pane made meanwhile', async () => {
  const before = await personOf(PEOPLE.johanna.address);
  const livingFilings = (await store.filingsOfEntity((await personOf(PEOPLE.markku.address))!.ref, { pageSize: 500 })).items.length;
  const erased = io();
  expect(await run(['erase', '--person', PEOPLE.johanna.address, '--yes'], erased)).toBe(0);
  const said = erased.lines.join('\n');
  expect(said).toContain(`npm run record -- sweep --erased ${before!.ref.id}`);
  expect(said).toMatch(/up to 30 minutes/);

  // A colleague's pane whose index still held Johanna files to her without reading her first.
  const item = { kind: 'message' as const, immutableId: 'AAMkCliSweep=', internetMessageId: '<cli-sweep@harjuseudunely.fi>', subject: 'Myöhässä', date: ANCHOR.toISOString() };
  const [late] = await store.file(item, [before!], '', new Set([`person:${before!.ref.id}`]));
  expect(late!.status).toBe('filed');

  const swept = io();
  expect(await run(['sweep', '--erased', before!.ref.id], swept)).toBe(0);
  expect(swept.lines.join('\n')).toContain('1 row(s) written since the erasure removed');
  expect((await store.filingsOfEntity(before!.ref, { pageSize: 500 })).items).toEqual([]);

  const again = io();
  expect(await run(['sweep', '--erased', before!.ref.id], again)).toBe(0);
  expect(again.lines.join('\n')).toContain('Nothing written since the erasure');
  const living = await personOf(PEOPLE.markku.address);
  const refused = io();
  expect(await run(['sweep', '--erased', living!.ref.id], refused)).toBe(1);
  expect(refused.errors.join('\n')).toMatch(/still in the shared record: nothing swept/);
  expect((await store.filingsOfEntity(living!.ref, { pageSize: 500 })).items.length).toBe(livingFilings);
  const wrong = io();
  expect(await run(['sweep'], wrong)).toBe(1);
  expect(wrong.errors.join('\n')).toMatch(/--erased/);
});
