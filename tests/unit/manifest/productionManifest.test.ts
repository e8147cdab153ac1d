/**
 * The production manifest as `npm run build -- --env urlProd=...` writes it (webpack runs the same
 * rewriteManifestUrls). manifest.test.ts runs every structural check on it as well.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { authPageUrls, normaliseBase, rewriteManifestUrls } from '../../../dev/manifestUrls';
import { allElements, manifestUrls, parseManifest } from './manifestFacts';
import { NS } from './manifestSchema';

const DEV_ORIGIN = 'https://localhost:3000';
const SOURCE = readFileSync(join(resolve(__dirname, '..', '..', '..'), 'manifest.xml'), 'utf8');

const build = (urlProd: string): string => rewriteManifestUrls(SOURCE, DEV_ORIGIN, normaliseBase(urlProd));
const appDomains = (xml: string): string[] =>
  allElements(parseManifest(xml).documentElement!)
    .filter((e) => e.localName === 'AppDomain' && e.namespaceURI === NS.app)
    .map((e) => (e.textContent ?? '').trim());

describe.each([
  ['a host of its own', 'https://addin.example.org/', 'https://addin.example.org'],
  ['a path on a shared host (e.g. a CDN folder)', 'https://cdn.contoso.com/apps/trail/', 'https://cdn.contoso.com'],
])('production manifest on %s (%s)', (_label, urlProd, origin) => {
  const xml = build(urlProd);
  const base = normaliseBase(urlProd);

  test('no localhost or loopback address is left anywhere, comments included', () => {
    expect(xml).not.toMatch(/localhost|127\.0\.0\.1|\[::1\]/i);
  });

  test('every URL is under the production base', () => {
    const urls = manifestUrls(xml);
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.filter((u) => !u.startsWith(`${base}/`))).toEqual([]);
    expect(urls).toContain(`${base}/taskpane.html`);
    expect(urls).toContain(`${base}/commands.html`);
  });

  test('AppDomains are origins and cover the auth pages and Entra ID sign-in', () => {
    const domains = appDomains(xml);
    expect(domains.every((d) => new URL(d).origin === d)).toBe(true);
    const { authDialogUrl, authRedirectUrl } = authPageUrls(base);
    for (const page of [authDialogUrl, authRedirectUrl]) expect(domains).toContain(new URL(page).origin);
    expect(domains).toContain(origin);
    expect(domains).toContain('https://login.microsoftonline.com');
  });

  test('the auth pages are on the same host as the taskpane (Office dialogs must start there)', () => {
    const { authDialogUrl } = authPageUrls(base);
    expect(new URL(authDialogUrl).origin).toBe(new URL(`${base}/taskpane.html`).origin);
  });
});

test('the dev build keeps the dev origin', () => {
  expect(rewriteManifestUrls(SOURCE, DEV_ORIGIN, 'https://localhost:3200')).toContain('<AppDomain>https://localhost:3200</AppDomain>');
});

test.each([
  ['http://addin.example.org/', /https/],
  ['https://addin.example.org/?x=1', /query/],
  ['not a url', /Invalid URL/],
])('urlProd %s is refused', (url, message) => {
  expect(() => normaliseBase(url)).toThrow(message);
});

test('the base loses its trailing slash so paths join cleanly', () => {
  expect(normaliseBase('https://addin.example.org/')).toBe('https://addin.example.org');
  expect(normaliseBase('https://cdn.contoso.com/apps/trail//')).toBe('https://cdn.contoso.com/apps/trail');
});
