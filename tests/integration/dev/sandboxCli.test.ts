/**
 * `npm run sandbox` (dev/sandbox/main.ts) as a newcomer runs it: `--empty` (and TRAIL_PLAYGROUND_EMPTY=1)
 * starts on an unprovisioned site; `--reset` works with the sandbox stopped (no certificate given: the dev
 * certificate is used) and while one runs on the port (it is reset in place), and both bring back the
 * lived-in record.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SandboxTokenSource } from '../../../src/auth/sandboxTokens';
import { createGraphClient } from '../../../src/graph/client';
import { createGraphTrailStore } from '../../../src/record/graphTrailStore';
import { locateStore, StoreNotSetUpError } from '../../../src/record/locate';
import { PEOPLE } from '../../../dev/sandbox/seed';
import { freePort } from '../../support/freePort';

jest.setTimeout(400_000);

const ROOT = path.join(__dirname, '..', '..', '..');
const SITE = 'https://seutuopisto.sharepoint.com/sites/trail';

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

const running: ChildProcess[] = [];
let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'trail-sandbox-cli-'))));
afterEach(async () => {
  for (const child of running.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

function sandbox(args: string[], env: Record<string, string>): Run {
  const clean = { ...process.env };
  delete clean.TRAIL_PLAYGROUND_EMPTY;
  delete clean.SANDBOX_CERT;
  delete clean.SANDBOX_KEY;
  delete clean.SANDBOX_HTTP;
  const child = spawn(process.execPath, ['--import', 'tsx', 'dev/sandbox/main.ts', ...args], { cwd: ROOT, env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

async function healthy(origin: string, run: Run): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (run.child.exitCode !== null) throw new Error(`the sandbox exited:\n${run.output()}`);
    const ok = await fetch(`${origin}/_sandbox/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`no sandbox at ${origin}:\n${run.output()}`);
}

const graphOf = (origin: string) => createGraphClient({ baseUrl: origin, tokens: new SandboxTokenSource(origin) });

/** The lived-in record is there: a seeded sender is a person in it, with colleagues' filings. */
async function expectLivedIn(origin: string): Promise<void> {
  const graph = graphOf(origin);
  const store = createGraphTrailStore({ graph, location: await locateStore(graph, SITE), filer: { name: 'Aino Laine', upn: 'aino.laine@seutuopisto.fi' } });
  const person = [...(await store.resolve([PEOPLE.riikka.address])).people.values()][0];
  expect(person?.name).toBe('Riikka Hämäläinen');
  expect((await store.filingsOfEntity(person!.ref, { pageSize: 50 })).items.length).toBeGreaterThan(0);
}

test.each<{ how: string; args: string[]; env: Record<string, string> }>([
  { how: '--empty', args: ['--empty'], env: {} },
  { how: 'TRAIL_PLAYGROUND_EMPTY=1', args: [], env: { TRAIL_PLAYGROUND_EMPTY: '1' } },
])('$how starts on an unprovisioned site, for trying setup', async ({ args, env }) => {
  const port = await freePort();
  const run = sandbox(args, { ...env, SANDBOX_PORT: String(port), SANDBOX_HTTP: '1', SANDBOX_STATE_FILE: '' });
  const origin = `http://localhost:${port}`;
  await healthy(origin, run);
  await expect(locateStore(graphOf(origin), SITE)).rejects.toBeInstanceOf(StoreNotSetUpError);
  expect(run.output()).toContain('unprovisioned site');
});

test('--reset with the sandbox stopped starts over lived-in, over HTTPS with the dev certificate', async () => {
  const port = await freePort();
  const stateFile = path.join(dir, 'state.json');
  writeFileSync(stateFile, '{}'); // a state with no record in it
  const run = sandbox(['--reset'], { SANDBOX_PORT: String(port), SANDBOX_STATE_FILE: stateFile });
  const origin = `https://localhost:${port}`;
  await healthy(origin, run);
  expect(run.output()).toContain('state reset');
  await expectLivedIn(origin);
  run.child.kill('SIGTERM');
  expect(await run.exited).toBe(0);
  expect(Object.keys(JSON.parse(readFileSync(stateFile, 'utf8')) as object)).toEqual(expect.arrayContaining(['sharepoint', 'mail']));
});

test('--reset while a sandbox runs on the port resets that one in place, back to the lived-in record, and leaves it running', async () => {
  const port = await freePort();
  const stateFile = path.join(dir, 'running.json');
  const first = sandbox(['--empty'], { SANDBOX_PORT: String(port), SANDBOX_STATE_FILE: stateFile });
  const origin = `https://localhost:${port}`;
  await healthy(origin, first);
  await expect(locateStore(graphOf(origin), SITE)).rejects.toBeInstanceOf(StoreNotSetUpError);

  const reset = sandbox(['--reset'], { SANDBOX_PORT: String(port) });
  expect(await reset.exited).toBe(0);
  expect(reset.output()).toContain('resetting it in place');
  expect(first.child.exitCode).toBeNull();
  await expectLivedIn(origin);
  // The running sandbox saved what it was given.
  expect(Object.keys(JSON.parse(readFileSync(stateFile, 'utf8')) as object)).toContain('sharepoint');
});
