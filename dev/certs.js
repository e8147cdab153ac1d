// Dev HTTPS without sudo: a local CA and a localhost certificate it signs, made once into .certs/.
// office-addin-dev-certs would install its CA system-wide, which needs sudo; here the CA is only a
// file you may import into your browser (README: "Trusting the dev certificate").
const fs = require('node:fs');
const path = require('node:path');
const selfsigned = require('selfsigned');

const CERT_DIR = process.env.TRAIL_CERT_DIR || path.join(__dirname, '..', '.certs');
const files = {
  caCert: path.join(CERT_DIR, 'ca.crt'),
  caKey: path.join(CERT_DIR, 'ca.key'),
  cert: path.join(CERT_DIR, 'localhost.crt'),
  key: path.join(CERT_DIR, 'localhost.key'),
};

const DAY = 24 * 60 * 60 * 1000;

async function ensureDevCertificate() {
  if (Object.values(files).every((file) => fs.existsSync(file)) && !expiresSoon(files.cert)) return read();
  fs.mkdirSync(CERT_DIR, { recursive: true });
  const now = Date.now();
  const ca = await selfsigned.generate([{ name: 'commonName', value: 'Trail local development CA' }], {
    keySize: 2048,
    notBeforeDate: new Date(now - DAY),
    notAfterDate: new Date(now + 825 * DAY),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const leaf = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    notBeforeDate: new Date(now - DAY),
    notAfterDate: new Date(now + 397 * DAY), // browsers reject leaf certificates valid for longer
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }, { type: 7, ip: '::1' }] },
    ],
  });
  fs.writeFileSync(files.caCert, ca.cert);
  fs.writeFileSync(files.caKey, ca.private, { mode: 0o600 });
  fs.writeFileSync(files.cert, leaf.cert);
  fs.writeFileSync(files.key, leaf.private, { mode: 0o600 });
  return read();
}

function expiresSoon(certFile) {
  const { X509Certificate } = require('node:crypto');
  const cert = new X509Certificate(fs.readFileSync(certFile));
  return Date.parse(cert.validTo) - Date.now() < 7 * DAY;
}

function read() {
  return {
    key: fs.readFileSync(files.key, 'utf8'),
    cert: fs.readFileSync(files.cert, 'utf8'),
    ca: fs.readFileSync(files.caCert, 'utf8'),
    files,
  };
}

module.exports = { ensureDevCertificate, CERT_FILES: files };

if (require.main === module) {
  ensureDevCertificate().then(({ files: written }) => console.log(`Dev certificate ready: ${written.cert} (CA: ${written.caCert})`));
}
