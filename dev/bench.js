// `npm run bench`: the benchmarks, with Node's fetch trusting the dev CA that signs the local stack's
// certificates (NODE_EXTRA_CA_CERTS is read only when a process starts, hence this launcher).
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { ensureDevCertificate, CERT_FILES } = require('./certs');

ensureDevCertificate().then(() => {
  const run = spawnSync(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, '..', 'bench', 'run.ts'), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_EXTRA_CA_CERTS: CERT_FILES.caCert },
  });
  process.exit(run.status ?? 1);
});
