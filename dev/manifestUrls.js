// The manifest rewrite and the production URL rules, in their own module so the unit tests check the
// very function webpack runs (tests/unit/manifest/productionManifest.test.ts).

/** The production base without a trailing slash, so it replaces the dev origin wherever it stands. */
function normaliseBase(url) {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:') throw new Error(`urlProd must be an https URL, got ${url}`);
  if (parsed.search || parsed.hash) throw new Error(`urlProd must not have a query or fragment, got ${url}`);
  return parsed.href.replace(/\/+$/, '');
}

/**
 * Points the manifest at `toBase`. An AppDomain is an origin (scheme and host, no path), so the dev
 * origin there becomes the production origin; everywhere else it becomes the full base, path included.
 */
function rewriteManifestUrls(xml, fromOrigin, toBase) {
  const toOrigin = new URL(toBase).origin;
  return xml
    .split(`<AppDomain>${fromOrigin}</AppDomain>`)
    .join(`<AppDomain>${toOrigin}</AppDomain>`)
    .split(fromOrigin)
    .join(toBase);
}

/** The pages sign-in needs, under the add-in's base; each is a redirect URI of the app registration. */
function authPageUrls(base) {
  return { authRedirectUrl: `${base}/auth-redirect.html`, authDialogUrl: `${base}/auth-dialog.html` };
}

module.exports = { normaliseBase, rewriteManifestUrls, authPageUrls };
