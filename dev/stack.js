// The whole local stack: dev certificate, Graph sandbox (child process) and the add-in dev server.
// Used by `npm start` and by the browser tests, so both run exactly the same thing.
const { spawn } = require('node:child_process');
const path = require('node:path');
const https = require('node:https');
const { ensureDevCertificate, CERT_FILES } = require('./certs');

const ROOT = path.join(__dirname, '..');

/**
 * Starts the sandbox, then the dev server. The sandbox starts lived-in (the shared record provisioned and
 * filled, dev/sandbox/livedIn) unless `empty` (or TRAIL_PLAYGROUND_EMPTY=1): then on an unprovisioned site. `onChildExit({ what, code, signal })` is called if the sandbox exits while
 * the stack has not been told to stop (during start-up too); `abort` (an AbortSignal) stops a start-up half-way.
 * `adjustWebpack(config)` may change the dev server's webpack configuration before it builds (the browser tests use it).
 */
async function startStack({ addinPort = 3000, sandboxPort = 3001, stateFile, quiet = false, empty, sandboxEnv = {}, onChildExit, abort, adjustWebpack } = {}) {
  const certificate = await ensureDevCertificate();
  process.env.ADDIN_PORT = String(addinPort);
  process.env.SANDBOX_PORT = String(sandboxPort);

  // One process, tsx as a loader rather than tsx's CLI: the CLI runs the sandbox in a grandchild, which a signal
  // to the child did not always reach, so the sandbox outlived `npm start` on its port.
  const sandbox = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'sandbox', 'main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      SANDBOX_PORT: String(sandboxPort),
      SANDBOX_CERT: CERT_FILES.cert,
      SANDBOX_KEY: CERT_FILES.key,
      SANDBOX_CONTRACT: '1', // check every request against Graph's description; see /_sandbox/violations
      ...(stateFile !== undefined ? { SANDBOX_STATE_FILE: stateFile } : {}),
      ...(empty !== undefined ? { TRAIL_PLAYGROUND_EMPTY: empty ? '1' : '' } : {}),
      ...sandboxEnv,
    },
    stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'],
  });
  let stopping = false;
  const sandboxExit = new Promise((resolve) =>
    sandbox.once('exit', (code, signal) => {
      if (!stopping) onChildExit?.({ what: 'The Graph sandbox', code, signal });
      resolve();
    }),
  );
  const stopSandbox = async () => {
    stopping = true;
    if (sandbox.exitCode !== null || sandbox.signalCode !== null) return;
    sandbox.kill('SIGTERM');
    // The sandbox saves its state on SIGTERM; one that does not finish in 5 s is killed.
    const timer = setTimeout(() => sandbox.kill('SIGKILL'), 5000);
    await sandboxExit;
    clearTimeout(timer);
  };
  const aborted = () => {
    if (abort?.aborted) throw new Error('stopped while starting');
  };
  const sandboxOrigin = `https://localhost:${sandboxPort}`;
  let server = null;
  try {
    // The first start builds the lived-in record (half a minute on a quiet machine), so the wait is long.
    await waitFor(`${sandboxOrigin}/_sandbox/health`, certificate.ca, sandboxExit, 'The Graph sandbox', 300_000, abort);
    aborted();

    const Webpack = require('webpack');
    const WebpackDevServer = require('webpack-dev-server');
    const config = require(path.join(ROOT, 'webpack.config.js'))({}, { mode: 'development' });
    if (quiet) config.infrastructureLogging = { level: 'error' };
    adjustWebpack?.(config);
    server = new WebpackDevServer(config.devServer, Webpack(config));
    await server.start();
    aborted();
    await waitFor(`https://localhost:${addinPort}/taskpane.html`, certificate.ca, null, 'The add-in dev server', 120_000, abort);
    aborted();

    return {
      addinOrigin: `https://localhost:${addinPort}`,
      sandboxOrigin,
      playgroundUrl: `https://localhost:${addinPort}/playground.html`,
      caFile: CERT_FILES.caCert,
      async stop() {
        stopping = true;
        await Promise.all([server.stop(), stopSandbox()]);
      },
    };
  } catch (error) {
    // Stopped half-way (Ctrl+C, or the sandbox died): the dev server's stop waits for a webpack build under way
    // to finish, which on a busy machine takes long; the caller exits this process, which ends the server too.
    if (abort?.aborted) {
      server?.stop().catch(() => undefined);
      await stopSandbox();
    } else await Promise.all([server?.stop(), stopSandbox()]);
    throw error;
  }
}

/** Polls a URL until it answers 200; fails fast if the process serving it exits. */
async function waitFor(url, ca, exited, what, timeoutMs = 120_000, abort) {
  let gone = false;
  exited?.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (abort?.aborted) throw new Error('stopped while starting');
    if (gone) throw new Error(`${what} exited before it was ready (${url}). See its output above.`);
    const ok = await new Promise((resolve) => {
      const request = https.get(url, { ca }, (response) => {
        response.resume();
        resolve(response.statusCode === 200);
      });
      request.on('error', () => resolve(false));
      request.setTimeout(2000, () => request.destroy());
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not answer at ${url} within ${timeoutMs / 1000} s.`);
}

module.exports = { startStack };
