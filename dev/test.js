// `npm test`: every test (unit, integration, browser end-to-end), then one plain closing line
// "tests: N passed, N failed" that any CI can read. Extra arguments go to jest.
//
// With no arguments the browser tests (one jest, one file at a time: they share one sandbox) run beside the
// unit and integration tests (a second jest) instead of after them: on a two-core machine each leaves the
// other idle CPU (the browser waits on the dev server and the sandbox, the jsdom tests on their own sandboxes),
// and the whole run takes about the longer of the two (then the few ALONE files below run by themselves).
// TRAIL_TEST_SERIAL=1 runs one jest over everything, as
// any run with arguments does. Both write test-results/jest-results.json, merged here into one.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ensureDevCertificate, CERT_FILES } = require('./certs');

const resultsDir = path.join(__dirname, '..', 'test-results');
const resultsFile = path.join(resultsDir, 'jest-results.json');

/** Runs jest with these arguments, its JSON results written to `outputFile`; resolves with its exit code. */
function jest(args, outputFile) {
  fs.rmSync(outputFile, { force: true });
  const child = spawn(process.execPath, [require.resolve('jest/bin/jest'), '--json', `--outputFile=${outputFile}`, ...args], {
    stdio: 'inherit',
    // Node's fetch in the tests must trust the dev CA that signs the sandbox's and the dev server's
    // certificates. NODE_EXTRA_CA_CERTS is read only when a process starts, hence here, before jest.
    env: { ...process.env, NODE_EXTRA_CA_CERTS: CERT_FILES.caCert },
  });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

/**
 * Files that run after the other two, on their own: start.test.ts kills `npm start`'s sandbox as soon as it
 * listens and gives `npm start` 15 s to end, which it does at once unless the dev server has begun its webpack
 * build in the meantime (it then ends when the build does). Beside the browser tests that build happened first
 * once; alone, as before, it does not.
 */
const ALONE = ['tests/integration/dev/start.test.ts'];
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const COUNTS = [
  'numFailedTestSuites',
  'numFailedTests',
  'numPassedTestSuites',
  'numPassedTests',
  'numPendingTestSuites',
  'numPendingTests',
  'numRuntimeErrorTestSuites',
  'numTodoTests',
  'numTotalTestSuites',
  'numTotalTests',
];

/** One jest results object from several runs' (each run's files, counts added up). */
function merge(runs) {
  const merged = { ...runs[0] };
  for (const key of COUNTS) merged[key] = runs.reduce((sum, run) => sum + (run[key] ?? 0), 0);
  merged.startTime = Math.min(...runs.map((run) => run.startTime));
  merged.success = runs.every((run) => run.success);
  merged.wasInterrupted = runs.some((run) => run.wasInterrupted);
  merged.openHandles = runs.flatMap((run) => run.openHandles ?? []);
  merged.testResults = runs.flatMap((run) => run.testResults ?? []);
  return merged;
}

async function main() {
  await ensureDevCertificate();
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.rmSync(resultsFile, { force: true });
  const args = process.argv.slice(2);
  const split = args.length === 0 && process.env.TRAIL_TEST_SERIAL !== '1';

  let status;
  if (split) {
    const parts = [
      { args: ['--selectProjects', 'e2e'], file: path.join(resultsDir, 'jest-results.e2e.json') },
      {
        args: ['--selectProjects', 'unit', 'integration', '--testPathPatterns', `^(?!.*(${ALONE.map(escapeRegExp).join('|')})$)`],
        file: path.join(resultsDir, 'jest-results.unit-integration.json'),
      },
    ];
    const after = { args: [...ALONE, '--selectProjects', 'integration'], file: path.join(resultsDir, 'jest-results.alone.json') };
    const codes = await Promise.all(parts.map((part) => jest(part.args, part.file)));
    codes.push(await jest(after.args, after.file));
    parts.push(after);
    status = codes.find((code) => code !== 0) ?? 0;
    const missing = parts.filter((part) => !fs.existsSync(part.file));
    if (missing.length) {
      console.error(`jest wrote no results for ${missing.map((part) => part.args.join(' ')).join('; ')}: it failed before running any test (see above).`);
      process.exit(status || 1);
    }
    const runs = parts.map((part) => JSON.parse(fs.readFileSync(part.file, 'utf8')));
    fs.writeFileSync(resultsFile, JSON.stringify(merge(runs)));
    for (const part of parts) fs.rmSync(part.file, { force: true });
  } else {
    status = await jest(args, resultsFile);
  }

  if (!fs.existsSync(resultsFile)) {
    console.error('jest wrote no results: it failed before running any test (see above).');
    process.exit(status || 1);
  }
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
  console.log(`\ntests: ${results.numPassedTests} passed, ${failed} failed, ${results.numPendingTests} skipped`);
  if (results.numTotalTests === 0) {
    console.error('No test ran.');
    process.exit(1);
  }
  process.exit(status);
}

main();
