import { findChromium } from './chromium';

// The stack module is plain JavaScript shared with `npm start`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startStack } = require('../../dev/stack.js') as typeof import('../../dev/stack.js');

export default async function globalSetup(): Promise<void> {
  process.env.CHROME_PATH = findChromium(); // fail before starting anything when there is no browser
  const addinPort = Number(process.env.E2E_ADDIN_PORT ?? 3200);
  const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 3201);
  const stack = await startStack({ addinPort, sandboxPort, stateFile: '', quiet: true });
  process.env.E2E_ADDIN_ORIGIN = stack.addinOrigin;
  process.env.E2E_SANDBOX_ORIGIN = stack.sandboxOrigin;
  process.env.NODE_EXTRA_CA_CERTS = stack.caFile;
  (globalThis as { __trailStack?: { stop(): Promise<void> } }).__trailStack = stack;
}
