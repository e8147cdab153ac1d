// One entry and one HTML page per surface: taskpane, commands (the ribbon's function file), the two
// sign-in pages and, in development only, the playground.
// `npm run build -- --env urlProd=https://addin.example.org/ --env clientId=<app id>` writes a
// production build whose manifest points at that host (docs/deploy.md).
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { authPageUrls, normaliseBase, rewriteManifestUrls } = require('./dev/manifestUrls');

const DEV_ORIGIN_DEFAULT = 'https://localhost:3000';
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const GRAPH_ORIGIN = 'https://graph.microsoft.com';

// In development the pages may run inside the playground, which plays Outlook and hands each page it frames
// the `Office` namespace of its Office.js emulation (dev/playground/officeEmulation), so Trail runs
// `new OfficeJsHost(Office)` there as in Outlook. Elsewhere (sideloaded into real Outlook) office.js loads
// synchronously, as office.js requires, from the local npm copy. Production pages only ever load office.js.
const DEV_OFFICE_JS_LOADER = `<script>
  (function () {
    var outlook = null;
    try { outlook = window.parent !== window ? window.parent.trailOutlook : null; } catch (e) { /* cross-origin parent: real Outlook */ }
    if (outlook) window.Office = outlook.officeFor(window);
    else document.write('<script src="/office-js/office.js"><\\/script>');
  })();
</script>`;

/** Strings only playground and sandbox code contains; a production script with one of them in it fails the build. */
const PLAYGROUND_MARKERS = ['trailOutlook', 'trailPlayground', 'SandboxTokenSource', '/_sandbox/', 'officeEmulation'];

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  // The cold-start bench (bench/coldStart.ts) runs the development stack (playground, sandbox) on minified,
  // production-mode code without source maps, with a bare React + Fluent page beside it to compare with.
  const benchBuild = !production && process.env.TRAIL_BENCH_BUILD === '1';
  const addinPort = Number(process.env.ADDIN_PORT || 3000);
  const sandboxPort = Number(process.env.SANDBOX_PORT || 3001);
  const devOrigin = `https://localhost:${addinPort}`;
  const urlProd = normaliseBase(env.urlProd || process.env.TRAIL_URL_PROD || 'https://trail.example.org/');
  const clientId = env.clientId || process.env.TRAIL_CLIENT_ID || '';
  // organizations: any work or school account; a tenant id makes the app single-tenant.
  const authority = `https://login.microsoftonline.com/${env.tenantId || process.env.TRAIL_TENANT_ID || 'organizations'}`;
  const siteScope = env.siteScope || process.env.TRAIL_SITE_SCOPE || 'Sites.ReadWrite.All';
  if (!['Sites.ReadWrite.All', 'Sites.Selected'].includes(siteScope)) throw new Error(`siteScope must be Sites.ReadWrite.All or Sites.Selected, got ${siteScope}`);
  const msal = { clientId, authority, siteScope, ...authPageUrls(production ? urlProd : devOrigin) };
  const runtimeConfig = production
    ? { graphBaseUrl: GRAPH_ORIGIN, auth: 'msal', sandboxOrigin: null, siteUrl: env.siteUrl || process.env.TRAIL_SITE_URL || '', msal }
    : {
        graphBaseUrl: `https://localhost:${sandboxPort}`,
        auth: 'sandbox',
        sandboxOrigin: `https://localhost:${sandboxPort}`,
        siteUrl: 'https://seutuopisto.sharepoint.com/sites/trail', // the sandbox's empty team site
        msal,
      };

  const page = (name, chunks, extra = {}) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: path.join(__dirname, extra.template || `src/app/${name}/${name}.html`),
      chunks,
      officeJsTag: production ? `<script src="${OFFICE_JS_CDN}"></script>` : DEV_OFFICE_JS_LOADER,
    });

  return {
    mode: production || benchBuild ? 'production' : 'development',
    // No source maps in production: they would publish the whole source next to the pages.
    devtool: production || benchBuild ? false : 'eval-cheap-module-source-map',
    entry: {
      taskpane: './src/app/taskpane/index.tsx',
      commands: './src/app/commands/index.ts',
      'auth-dialog': './src/app/authDialog/dialog.ts',
      'auth-redirect': './src/app/authRedirect/redirect.ts',
      ...(production ? {} : { playground: './dev/playground/index.tsx' }),
      ...(benchBuild ? { 'bench-baseline': './bench/baseline/index.tsx' } : {}),
    },
    output: {
      path: path.join(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // react-intl's documented way to leave the parser out when every message is pre-parsed
      // (formatjs "Advanced Usage": "Pre-parsing messages"); dev/precompileCatalogues.js pre-parses them.
      alias: { '@formatjs/icu-messageformat-parser$': '@formatjs/icu-messageformat-parser/no-parser.js' },
    },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true } } },
        // The Graph SDK's package.json does not say it is free of side effects, so webpack keeps every module its
        // index re-exports (auth providers, batching, tasks...) although Trail uses a handful. Its modules only
        // declare classes and functions, so webpack may drop the ones nothing imports.
        { test: /[\\/]node_modules[\\/]@microsoft[\\/]microsoft-graph-client[\\/]/, sideEffects: false },
        // Trail's own layers below the UI only declare things (no module of theirs runs a statement when loaded), so
        // webpack may drop a module nothing uses: the ribbon's function file then leaves out the record's schema,
        // SharePoint and booking code only the pane's paths reach (issue 18: function file ≤ 30 KB gzip).
        { test: /[\\/]src[\\/](domain|graph|record|services|i18n)[\\/]/, sideEffects: false },
        // Only the primary row of each Windows zone, the rows src/domain/triage/timeZones.ts reads.
        { test: /[\\/]node_modules[\\/]windows-iana[\\/]dist[\\/]windows-iana\.esm\.js$/, use: path.join(__dirname, 'dev/primaryWindowsZones.js') },
        // The catalogues ship as parsed ICU messages, so no page carries the ICU parser (see resolve.alias).
        {
          test: /[\\/]src[\\/]i18n[\\/]messages\.ts$/,
          resourceQuery: { not: [/catalogue-source/] },
          enforce: 'post',
          use: path.join(__dirname, 'dev/precompileCatalogues.js'),
        },
        // The ribbon's function file carries only its own messages, parsed, and so neither the catalogue nor react-intl.
        {
          test: /[\\/]src[\\/]i18n[\\/]ribbonCatalogue\.ts$/,
          resourceQuery: { not: [/catalogue-source/] },
          enforce: 'post',
          use: path.join(__dirname, 'dev/precompileRibbonCatalogue.js'),
        },
      ],
    },
    plugins: [
      // __TRAIL_SANDBOX_AUTH__ is a literal so webpack drops the sandbox token source from builds without it.
      new webpack.DefinePlugin({ __TRAIL_CONFIG__: JSON.stringify(runtimeConfig), __TRAIL_SANDBOX_AUTH__: JSON.stringify(runtimeConfig.auth === 'sandbox') }),
      page('taskpane', ['taskpane']),
      page('commands', ['commands']),
      page('support', []),
      page('auth-dialog', ['auth-dialog'], { template: 'src/app/authDialog/dialog.html' }),
      page('auth-redirect', ['auth-redirect'], { template: 'src/app/authRedirect/redirect.html' }),
      ...(production ? [] : [page('playground', ['playground'], { template: 'dev/playground/playground.html' })]),
      ...(benchBuild ? [page('bench-baseline', ['bench-baseline'], { template: 'bench/baseline/baseline.html' })] : []),
      ...(production ? [new ForbidPlaygroundCode(PLAYGROUND_MARKERS)] : []),
      ...(production && !clientId ? [warnAbout('No client id: this build cannot sign anyone in. Add --env clientId=<Application (client) ID> (docs/deploy.md).')] : []),
      ...(production && !runtimeConfig.siteUrl
        ? [warnAbout('No site: this build cannot find the shared record, so nobody can file. Add --env siteUrl=<site url> (docs/deploy.md).')]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) =>
              rewriteManifestUrls(content.toString(), DEV_ORIGIN_DEFAULT, production ? urlProd : devOrigin),
          },
        ],
      }),
    ],
    performance: { hints: false },
    // The bench builds once before it starts the dev server (bench/coldStart.ts), so the server's minified
    // build comes from this cache rather than minifying everything again within the stack's start-up time.
    ...(benchBuild ? { cache: { type: 'filesystem', name: 'trail-bench', buildDependencies: { config: [__filename] } } } : {}),
    devServer: {
      port: addinPort,
      host: process.env.ADDIN_HOST || 'localhost',
      server: { type: 'https', options: httpsOptions() },
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: [{ directory: path.join(__dirname, 'node_modules/@microsoft/office-js/dist'), publicPath: '/office-js', watch: false }],
      hot: false,
      // The bench measures the pages as they ship: no reload client injected into them.
      liveReload: !process.env.CI && !benchBuild,
      client: benchBuild ? false : { overlay: { errors: true, warnings: false }, logging: 'warn' },
      ...(benchBuild ? { webSocketServer: false } : {}),
      // Scripts whose names carry a content hash may be kept (Cache-Control: immutable), so a chunk webpack prefetched
      // is taken from the cache when it is used rather than downloaded again (issue 18); pages are not kept.
      devMiddleware: { stats: 'errors-warnings', cacheImmutable: true },
    },
  };
};

/** A build warning webpack prints with its others (the build still succeeds). */
function warnAbout(text) {
  return {
    apply(compiler) {
      compiler.hooks.thisCompilation.tap('TrailBuildWarning', (compilation) => {
        compilation.warnings.push(new webpack.WebpackError(text));
      });
    },
  };
}

/** Fails a build whose scripts carry any playground or sandbox code (see PLAYGROUND_MARKERS). */
class ForbidPlaygroundCode {
  constructor(markers) {
    this.markers = markers;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('ForbidPlaygroundCode', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'ForbidPlaygroundCode', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ANALYSE }, (assets) => {
        for (const [name, asset] of Object.entries(assets)) {
          if (!/\.(js|html|map)$/.test(name)) continue; // source maps carry the sources they were made from
          const source = asset.source().toString();
          for (const marker of this.markers) {
            if (source.includes(marker)) compilation.errors.push(new webpack.WebpackError(`${name} contains playground code (${marker}); production builds must not.`));
          }
        }
      });
    });
  }
}

function httpsOptions() {
  const fs = require('node:fs');
  const { CERT_FILES } = require('./dev/certs');
  if (!fs.existsSync(CERT_FILES.cert)) return {};
  return { key: fs.readFileSync(CERT_FILES.key), cert: fs.readFileSync(CERT_FILES.cert), ca: fs.readFileSync(CERT_FILES.caCert) };
}

module.exports.rewriteManifestUrls = rewriteManifestUrls;
module.exports.PLAYGROUND_MARKERS = PLAYGROUND_MARKERS;
