/**
 * A write the sandbox has answered is on disk, as it is in Graph: the sandbox process killed the moment the answer
 * arrives, then started again on the same state file, still has it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../support/freePort';

jest.setTimeout(60_000);

const ROOT = path.join(__dirname, '..', '..', '..');

interface Running {
  child: ChildProcess;
  token: string;
  exited: Promise<void>;
}

/** Starts `npm run sandbox` on plain HTTP and returns once it prints its sample token. */
function startSandbox(port: number, stateFile: string): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'dev/sandbox/main.ts'], {
    cwd: ROOT,
    // Unprovisioned (no lived-in record to build): this is about durability, not the playground's record.
    env: { ...process.env, SANDBOX_HTTP: '1', SANDBOX_HOST: '127.0.0.1', SANDBOX_PORT: String(port), SANDBOX_STATE_FILE: stateFile, TRAIL_PLAYGROUND_EMPTY: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const token = out.match(/Authorization: Bearer ([^"]+)"/)?.[1];
      if (token) resolve({ child, token, exited });
    });
    void exited.then(() => reject(new Error(`sandbox exited before it was ready:\n${out}`)));
  });
}

function request(port: number, method: string, url: string, token: string, body?: unknown, onAnswer?: () => void): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      { host: '127.0.0.1', port, method, path: url, headers: { Authorization: `Bearer ${token}`, ...(payload ? { 'Content-Type': 'application/json' } : {}) } },
      (res) => {
        onAnswer?.();
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

test('an answered write survives the sandbox being killed at once', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trail-durable-'));
  const stateFile = path.join(dir, 'state.json');
  const port = await freePort();
  let running: Running | undefined;
  try {
    running = await startSandbox(port, stateFile);
    const first = running;
    const name = `Durable ${Date.now()}`;
    const created = await request(port, 'POST', '/v1.0/me/mailFolders', first.token, { displayName: name }, () => first.child.kill('SIGKILL'));
    expect(created.status).toBe(201);
    await first.exited;

    running = await startSandbox(port, stateFile);
    const folders = await request(port, 'GET', '/v1.0/me/mailFolders?$top=100', running.token);
    expect(folders.status).toBe(200);
    expect((JSON.parse(folders.body) as { value: { displayName: string }[] }).value.map((f) => f.displayName)).toContain(name);
  } finally {
    running?.child.kill('SIGKILL');
    await running?.exited;
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
