/**
 * `npm start` (dev/start.js) supervises the Graph sandbox it spawns: SIGTERM or SIGINT stops it with the parent, and a
 * sandbox that dies is reported (which child, exit code or signal) and ends `npm start` with a non-zero exit.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { freePort } from '../../support/freePort';

jest.setTimeout(90_000);

const ROOT = path.join(__dirname, '..', '..', '..');

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

function childPids(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).split('\n').map(Number).filter(Boolean);
  } catch {
    return []; // ps exits 1 when there are none
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  addinPort: number;
  sandboxPort: number;
}

async function start(): Promise<Started> {
  const addinPort = await freePort();
  const sandboxPort = await freePort();
  const child = spawn(process.execPath, ['dev/start.js'], {
    cwd: ROOT,
    // An unprovisioned site: these tests are about the processes, not the lived-in record (livedIn.test.ts).
    env: { ...process.env, ADDIN_PORT: String(addinPort), SANDBOX_PORT: String(sandboxPort), SANDBOX_STATE_FILE: '', TRAIL_PLAYGROUND_EMPTY: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, output: () => text, exited, addinPort, sandboxPort };
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function closePipes(started: Started): void {
  started.child.stdout?.destroy();
  started.child.stderr?.destroy();
}

test('SIGTERM stops npm start and the sandbox with it: both ports free, no child left', async () => {
  const started = await start();
  const pid = started.child.pid!;
  const children = new Set<number>();
  cleanups.push(() => closePipes(started));
  cleanups.push(() => [pid, ...children].forEach((p) => alive(p) && process.kill(p, 'SIGKILL')));
  await until('"Trail is running"', () => {
    childPids(pid).forEach((p) => children.add(p));
    return started.output().includes('Trail is running');
  }, 80_000);
  childPids(pid).forEach((p) => children.add(p));
  for (const p of [...children]) childPids(p).forEach((grandchild) => children.add(grandchild));
  expect(children.size).toBeGreaterThan(0);

  started.child.kill('SIGTERM');
  const { code } = await started.exited;
  expect(code).toBe(0);
  await until('both ports free and every child gone', async () =>
    !(await listening(started.addinPort)) && !(await listening(started.sandboxPort)) && [...children].every((p) => !alive(p)), 10_000);
});

test('a sandbox that dies is reported, with its signal, and npm start exits non-zero', async () => {
  const started = await start();
  const pid = started.child.pid!;
  cleanups.push(() => closePipes(started));
  cleanups.push(() => alive(pid) && process.kill(pid, 'SIGKILL'));
  await until('the sandbox to listen', () => listening(started.sandboxPort), 60_000);
  const sandbox = childPids(pid);
  expect(sandbox).toHaveLength(1);
  process.kill(sandbox[0]!, 'SIGKILL');
  const ended = await Promise.race([started.exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 15_000))]);
  expect(ended).not.toBe('still running');
  expect(ended).toEqual({ code: 1, signal: null });
  expect(started.output()).toMatch(/Graph sandbox.*(stopped|died).*SIGKILL/);
  await until('the add-in port to be free', async () => !(await listening(started.addinPort)), 10_000);
});
