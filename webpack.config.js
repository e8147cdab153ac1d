// One entry and one HTML page per surface: taskpane, commands (the ribbon's function file) and, in
// development only, the playground. `npm run build -- --env urlProd=https://addin.example.org/`
// writes a production build whose manifest points at that host.
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_ORIGIN_DEFAULT = 'https://localhost:3000';
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const GRAPH_ORIGIN = 'https://graph.microsoft.com';

// In development the pages may run inside the playground, which plays Outlook's part itself. office.js
// blanks a frame whose parent is not an Office host, so there it is not loaded. Elsewhere (sideloaded
// into real Outlook) it loads synchronously, as office.js requires, from the local npm copy.
const DEV_OFFICE_JS_LOADER = `<script>
  (function () {
    var inPlayground = false;
    try { inPlayground = window.parent !== window && !!window.parent.trailPlayground; } catch (e) { /* cross-origin parent: real Outlook */ }
    if (!inPlayground) document.write('<script src="/office-js/office.js"><\\/script>');
  })();
</script>`;

/** Replaces every occurrence of the dev origin in the manifest with the production one. */
function rewriteManifestUrls(xml, fromOrigin, toOrigin) {
  return xml.split(fromOrigin).join(toOrigin);
}

/** The production base without a trailing slash, so it replaces the dev origin wherever it stands. */
function normaliseBase(url) {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:') throw new Error(`urlProd must be an https URL, got ${url}`);
  return parsed.href.replace(/\/+$/, '');
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const addinPort = Number(process.env.ADDIN_PORT || 3000);
  const sandboxPort = Number(process.env.SANDBOX_PORT || 3001);
  const devOrigin = `https://localhost:${addinPort}`;
  const urlProd = normaliseBase(env.urlProd || process.env.TRAIL_URL_PROD || 'https://trail.example.org/');
  const runtimeConfig = production
    ? { graphBaseUrl: GRAPH_ORIGIN, auth: 'msal', sandboxOrigin: null, siteUrl: env.siteUrl || process.env.TRAIL_SITE_URL || '' }
    : {
        graphBaseUrl: `https://localhost:${sandboxPort}`,
        auth: 'sandbox',
        sandboxOrigin: `https://localhost:${sandboxPort}`,
        siteUrl: 'https://seutuopisto.sharepoint.com/sites/trail', // the sandbox's empty team site
      };

  const page = (name, chunks, extra = {}) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: path.join(__dirname, extra.template || `src/${name}/${name}.html`),
      chunks,
      officeJsTag: production ? `<script src="${OFFICE_JS_CDN}"></script>` : DEV_OFFICE_JS_LOADER,
    });

  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/index.ts',
      ...(production ? {} : { playground: './dev/playground/index.tsx' }),
    },
    output: {
      path: path.join(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true } } }],
    },
    plugins: [
      new webpack.DefinePlugin({ __TRAIL_CONFIG__: JSON.stringify(runtimeConfig) }),
      page('taskpane', ['taskpane']),
      page('commands', ['commands']),
      page('support', []),
      ...(production ? [] : [page('playground', ['playground'], { template: 'dev/playground/playground.html' })]),
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
    devServer: {
      port: addinPort,
      host: process.env.ADDIN_HOST || 'localhost',
      server: { type: 'https', options: httpsOptions() },
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: [{ directory: path.join(__dirname, 'node_modules/@microsoft/office-js/dist'), publicPath: '/office-js', watch: false }],
      hot: false,
      liveReload: !process.env.CI,
      client: { overlay: { errors: true, warnings: false }, logging: 'warn' },
      devMiddleware: { stats: 'errors-warnings' },
    },
  };
};

function httpsOptions() {
  const fs = require('node:fs');
  const { CERT_FILES } = require('./dev/certs');
  if (!fs.existsSync(CERT_FILES.cert)) return {};
  return { key: fs.readFileSync(CERT_FILES.key), cert: fs.readFileSync(CERT_FILES.cert), ca: fs.readFileSync(CERT_FILES.caCert) };
}

module.exports.rewriteManifestUrls = rewriteManifestUrls;
