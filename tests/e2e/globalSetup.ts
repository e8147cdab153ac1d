import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { findChromium } from './chromium';

interface Ready {
  addinOrigin: string;
  sandboxOrigin: string;
  caFile: string;
  error?: string;
}

/**
 * Starts the stack (dev/stack.js, as `npm start` runs it) in a child process (stackProcess.js), so the dev server
 * does not share jest's process with the tests, and hands its origins to the tests through the environment.
 */
export default async function globalSetup(): Promise<void> {
  process.env.CHROME_PATH = findChromium(); // fail before starting anything when there is no browser
  const child = fork(path.join(__dirname, 'stackProcess.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Ready));
    child.once('exit', (code, signal) => reject(new Error(`The test stack exited while starting (${signal ?? `exit code ${code}`}); see its output above.`)));
  });
  if (ready.error) throw new Error(`The test stack did not start: ${ready.error}`);
  process.env.E2E_ADDIN_ORIGIN = ready.addinOrigin;
  process.env.E2E_SANDBOX_ORIGIN = ready.sandboxOrigin;
  process.env.NODE_EXTRA_CA_CERTS = ready.caFile;
  (globalThis as { __trailStack?: ChildProcess }).__trailStack = child;
}
