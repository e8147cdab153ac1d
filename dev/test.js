// `npm test`: every test (unit, integration, browser end-to-end) in one jest run, then one plain
// closing line "tests: N passed, N failed" that any CI can read. Extra arguments go to jest.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ensureDevCertificate, CERT_FILES } = require('./certs');

const resultsFile = path.join(__dirname, '..', 'test-results', 'jest-results.json');

async function main() {
  // Node's fetch in the tests must trust the dev CA that signs the sandbox's and the dev server's
  // certificates. NODE_EXTRA_CA_CERTS is read only when a process starts, hence here, before jest.
  await ensureDevCertificate();
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  fs.rmSync(resultsFile, { force: true });

  const run = spawnSync(
    process.execPath,
    [require.resolve('jest/bin/jest'), '--json', `--outputFile=${resultsFile}`, ...process.argv.slice(2)],
    { stdio: 'inherit', env: { ...process.env, NODE_EXTRA_CA_CERTS: CERT_FILES.caCert } },
  );

  if (!fs.existsSync(resultsFile)) {
    console.error('jest wrote no results: it failed before running any test (see above).');
    process.exit(run.status || 1);
  }
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
  console.log(`\ntests: ${results.numPassedTests} passed, ${failed} failed, ${results.numPendingTests} skipped`);
  if (results.numTotalTests === 0) {
    console.error('No test ran.');
    process.exit(1);
  }
  process.exit(run.status ?? 1);
}

main();
