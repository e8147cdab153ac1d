// `npm start`: the playground with the Graph sandbox, no Microsoft 365 account needed.
const fs = require('node:fs');
const path = require('node:path');

if (!fs.existsSync(path.join(__dirname, '..', 'node_modules', 'webpack'))) {
  console.error('Dependencies are missing. Run `npm install` first (or use `npm install && npm start`).');
  process.exit(1);
}

const { startStack } = require('./stack');

const addinPort = Number(process.env.ADDIN_PORT || 3000);
// `npm start -- --empty` (or TRAIL_PLAYGROUND_EMPTY=1): an unprovisioned site, for trying setup.
const empty = process.argv.includes('--empty') || process.env.TRAIL_PLAYGROUND_EMPTY === '1';
const sandboxPort = Number(process.env.SANDBOX_PORT || 3001);

// Ctrl+C or SIGTERM stops the children with us, during start-up too; a child that dies ends `npm start` with an error.
const starting = new AbortController();
let stack = null;
let ending = false;
function end(code) {
  if (ending) return;
  ending = true;
  if (!stack) {
    starting.abort(); // startStack stops what it started, then rejects
    process.exitCode = code;
    return;
  }
  stack.stop().then(
    () => process.exit(code),
    (error) => {
      console.error(`Trail could not stop cleanly: ${error.message}`);
      process.exit(1);
    },
  );
}
process.once('SIGINT', () => end(0));
process.once('SIGTERM', () => end(0));

function onChildExit({ what, code, signal }) {
  console.error(`\n${what} stopped unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`}); stopping Trail.`);
  end(1);
}

startStack({ addinPort, sandboxPort, empty, onChildExit, abort: starting.signal }).then(
  (started) => {
    stack = started;
    if (ending) {
      ending = false;
      end(process.exitCode ?? 0);
      return;
    }
    console.log(`
  Trail is running.

  Playground (Outlook mail view + the Trail taskpane):  ${stack.playgroundUrl}
      in Finnish:                                       ${stack.playgroundUrl}?lang=fi-FI
      dark theme:                                       ${stack.playgroundUrl}?theme=dark
  Add-in pages (taskpane, commands, manifest):          ${stack.addinOrigin}/
  Graph sandbox (a local Microsoft Graph v1.0):         ${stack.sandboxOrigin}/v1.0/
  Dev certificate authority (import to stop warnings):  ${stack.caFile}
  Shared record: ${empty ? 'an unprovisioned site, for trying setup (--empty)' : 'lived-in: colleagues have filed mail and notes for months'}

  Press Ctrl+C to stop.`);
  },
  (error) => {
    if (ending) {
      process.exit(process.exitCode ?? 1);
      return;
    }
    console.error(`Trail could not start: ${error.message}`);
    process.exit(1);
  },
);
