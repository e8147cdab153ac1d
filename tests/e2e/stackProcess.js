// The browser tests' stack (sandbox + add-in dev server) in a process of its own, started by globalSetup.
// Out of jest's process, the dev server answers the browser while the tests' own code runs: with one jest
// worker the tests run in jest's main process, which used to serve every page's scripts too.
// Tells its parent { addinOrigin, sandboxOrigin, caFile } once ready (or { error }); stops on 'stop' or
// when the parent goes.
const { startStack } = require('../../dev/stack.js');

const addinPort = Number(process.env.E2E_ADDIN_PORT ?? 3200);
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 3201);

// Stopped (by the parent, its going, or a signal) while starting too: what was started stops with it, so no
// sandbox is left holding its port for the next run.
const starting = new AbortController();
let stack = null;
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  if (!stack) {
    starting.abort(); // startStack stops what it started, then rejects
    process.exitCode = code;
    return;
  }
  await stack.stop();
  process.exit(code);
}
process.on('disconnect', () => void stop(0));
process.on('message', (message) => {
  if (message === 'stop') void stop(0);
});
process.once('SIGTERM', () => void stop(0));
process.once('SIGINT', () => void stop(0));
const tell = (message) => {
  if (process.connected) process.send(message);
};

startStack({
  addinPort,
  sandboxPort,
  stateFile: '',
  abort: starting.signal,
  quiet: true,
  onChildExit: ({ what, code, signal }) => {
    console.error(`${what} stopped unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`}).`);
    void stop(1);
  },
  adjustWebpack: (config) => {
    // Development mode as `npm start`, but without the eval'd inline source maps: they make the pages'
    // scripts about 2.4 times as large (the pane's 6.8 MB instead of 2.9 MB), and every test loads the
    // playground and the pane afresh, so parsing and evaluating them was most of a test's time in the browser.
    // Page errors are reported by message, which source maps do not change. E2E_SOURCE_MAPS=1 keeps them
    // (for reading a failure's stack in the browser).
    if (process.env.E2E_SOURCE_MAPS !== '1') config.devtool = false;
    config.devServer.compress = false; // loopback: gzip would only cost CPU the browser needs
    config.devServer.liveReload = false; // nothing rebuilds during a test run (as under CI=1)
  },
}).then(
  (started) => {
    stack = started;
    if (stopping) {
      stopping = false;
      void stop(process.exitCode ?? 0);
      return;
    }
    tell({ addinOrigin: started.addinOrigin, sandboxOrigin: started.sandboxOrigin, caFile: started.caFile });
  },
  (error) => {
    if (!stopping) tell({ error: String(error?.stack ?? error) });
    process.exit(stopping ? (process.exitCode ?? 0) : 1);
  },
);
