/**
 * No playground code reaches what `npm run build` ships: the production build of every page is compiled here
 * (unminified, so even a comment would show), checked to emit no source map, and its scripts and pages searched for what only the playground
 * and the sandbox contain. The build itself fails on the same markers (webpack.config.js, ForbidPlaygroundCode).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Configuration, Stats } from 'webpack';
import { examplePolicy, refusedScripts } from '../support/contentSecurityPolicy';

jest.setTimeout(300_000);

// webpack.config.js is plain JavaScript shared with the build.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpack = require('webpack') as typeof import('webpack');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../webpack.config.js') as ((env: object, argv: object) => Configuration) & { PLAYGROUND_MARKERS: string[] };

test('the production build carries no playground or sandbox code', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'trail-production-'));
  try {
    const production = config({ clientId: 'app-id', siteUrl: 'https://contoso.sharepoint.com/sites/trail' }, { mode: 'production' });
    const stats = await new Promise<Stats>((resolve, reject) =>
      webpack({ ...production, output: { ...production.output, path: out }, optimization: { minimize: false } }, (error, result) =>
        error || !result ? reject(error ?? new Error('no stats')) : resolve(result),
      ),
    );
    expect(stats.compilation.errors.map((e) => e.message)).toEqual([]);
    const emitted = fs.readdirSync(out);
    // Source maps would publish the whole source (6.4 MB for the taskpane); production ships none.
    expect(emitted.filter((name) => name.endsWith('.map'))).toEqual([]);
    const shipped = emitted.filter((name) => /\.(js|html)$/.test(name));
    expect(shipped).toEqual(expect.arrayContaining(['taskpane.html', 'commands.html']));
    expect(shipped.some((name) => name.startsWith('playground'))).toBe(false);
    const found = shipped.flatMap((name) => {
      const text = fs.readFileSync(path.join(out, name), 'utf8');
      return config.PLAYGROUND_MARKERS.filter((marker) => text.includes(marker)).map((marker) => `${name}: ${marker}`);
    });
    expect(found).toEqual([]);
    // Every page runs under the Content-Security-Policy docs/deploy.md sets: no inline script, no script from elsewhere.
    const policy = examplePolicy();
    const refused = shipped.filter((name) => name.endsWith('.html')).flatMap((name) =>
      refusedScripts(fs.readFileSync(path.join(out, name), 'utf8'), policy).map((what) => `${name}: ${what}`),
    );
    expect(refused).toEqual([]);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
