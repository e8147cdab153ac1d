// Webpack loader for src/i18n/messages.ts: runs the catalogue module at build time and emits each catalogue with
// its messages already parsed into ICU ASTs, so the pages need no ICU MessageFormat parser (webpack.config.js
// aliases it to the parser-free build). react-intl accepts pre-parsed messages: see formatjs's
// "Advanced Usage" guide, "Pre-parsing messages" / "Removing the parser".
const { parse } = require('@formatjs/icu-messageformat-parser');

/** What messages.ts exports at run time; anything else would be lost here, so the build fails on it. */
const KNOWN = new Set(['en', 'fi', 'catalogues', 'localeFor']);

module.exports = function precompileCatalogues() {
  const done = this.async();
  this.importModule(`${this.resourcePath}?catalogue-source`).then(
    (catalogueModule) => {
      const unknown = Object.keys(catalogueModule).filter((name) => !KNOWN.has(name));
      if (unknown.length) throw new Error(`src/i18n/messages.ts exports ${unknown.join(', ')}, which dev/precompileCatalogues.js does not carry over.`);
      const parsed = (catalogue) => Object.fromEntries(Object.entries(catalogue).map(([key, text]) => [key, parse(text, { ignoreTag: false })]));
      done(
        null,
        [
          `export const en = ${JSON.stringify(parsed(catalogueModule.en))};`,
          `export const fi = ${JSON.stringify(parsed(catalogueModule.fi))};`,
          'export const catalogues = { en, fi };',
          "export { localeFor } from './locale';",
        ].join('\n'),
      );
    },
    (error) => done(error),
  ).catch((error) => done(error));
};
