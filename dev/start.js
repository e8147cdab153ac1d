// `npm start`: the playground with the Graph sandbox, no Microsoft 365 account needed.
const fs = require('node:fs');
const path = require('node:path');

if (!fs.existsSync(path.join(__dirname, '..', 'node_modules', 'webpack'))) {
  console.error('Dependencies are missing. Run `npm install` first (or use `npm install && npm start`).');
  process.exit(1);
}

const { startStack } = require('./stack');

const addinPort = Number(process.env.ADDIN_PORT || 3000);
const sandboxPort = Number(process.env.SANDBOX_PORT || 3001);

startStack({ addinPort, sandboxPort }).then(
  (stack) => {
    console.log(`
  Trail is running.

  Playground (Outlook mail view + the Trail taskpane):  ${stack.playgroundUrl}
      in Finnish:                                       ${stack.playgroundUrl}?lang=fi-FI
      dark theme:                                       ${stack.playgroundUrl}?theme=dark
  Add-in pages (taskpane, commands, manifest):          ${stack.addinOrigin}/
  Graph sandbox (a local Microsoft Graph v1.0):         ${stack.sandboxOrigin}/v1.0/
  Dev certificate authority (import to stop warnings):  ${stack.caFile}

  Press Ctrl+C to stop.`);
    const stop = () => stack.stop().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
  (error) => {
    console.error(`Trail could not start: ${error.message}`);
    process.exit(1);
  },
);
