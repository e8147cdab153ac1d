import crypto from 'node:crypto';
import fs from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The system Chromium the browser tests drive (playwright cannot download its own browsers here). */
export function findChromium(): string {
  const configured = process.env.CHROME_PATH;
  if (configured) {
    if (fs.existsSync(configured)) return configured;
    throw new Error(`CHROME_PATH points at ${configured}, which does not exist.`);
  }
  const found = CANDIDATES.find((candidate) => fs.existsSync(candidate));
  if (found) return found;
  throw new Error(
    'The browser tests need Chromium and none was found.\n' +
      '  Debian/Ubuntu: sudo apt-get install -y chromium\n' +
      '  Elsewhere: install Chromium or Chrome and set CHROME_PATH=/path/to/chrome',
  );
}

/** Flags that keep a headless Chromium quiet on a machine without internet access. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * A flag that makes Chromium take the dev certificate (dev/certs.js) as valid, as Outlook's browser takes a
 * deployed add-in's publicly trusted one (docs/deploy.md, step 1). With Playwright's `ignoreHTTPSErrors` alone a
 * page still loads with a certificate error, and Chromium keeps nothing in its HTTP cache for such a page: each
 * chunk webpack prefetches is then downloaded a second time when it is used. The cold-start bench measures the
 * pane as it loads in Outlook, so it passes this. The flag names the certificate's public key (its SPKI hash).
 */
export function trustedCertificateArgs(certFile: string): string[] {
  const certificate = new crypto.X509Certificate(fs.readFileSync(certFile));
  const spki = certificate.publicKey.export({ type: 'spki', format: 'der' });
  return [`--ignore-certificate-errors-spki-list=${crypto.createHash('sha256').update(spki).digest('base64')}`];
}
