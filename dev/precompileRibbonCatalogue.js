// Webpack loader for src/i18n/ribbonCatalogue.ts: runs the module at build time and emits only its result, the
// ribbon's messages already parsed, so the function file carries neither the whole catalogue (messages.ts) nor the
// ICU parser (issue 18: the function file ≤ 30 KB gzip). Inside the build, messages.ts itself arrives pre-parsed
// (dev/precompileCatalogues.js), which the module passes through.

/** What ribbonCatalogue.ts exports at run time; anything else would be lost here, so the build fails on it. */
const KNOWN = new Set(['RIBBON_KEYS', 'ribbonCatalogues']);

module.exports = function precompileRibbonCatalogue() {
  const done = this.async();
  this.importModule(`${this.resourcePath}?catalogue-source`).then(
    (catalogueModule) => {
      const unknown = Object.keys(catalogueModule).filter((name) => !KNOWN.has(name));
      if (unknown.length) throw new Error(`src/i18n/ribbonCatalogue.ts exports ${unknown.join(', ')}, which dev/precompileRibbonCatalogue.js does not carry over.`);
      done(
        null,
        [
          `export const RIBBON_KEYS = ${JSON.stringify(catalogueModule.RIBBON_KEYS)};`,
          `export const ribbonCatalogues = ${JSON.stringify(catalogueModule.ribbonCatalogues)};`,
        ].join('\n'),
      );
    },
    (error) => done(error),
  ).catch((error) => done(error));
};
