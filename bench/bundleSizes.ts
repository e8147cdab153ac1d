import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import webpack from 'webpack';

export interface EntrySize {
  entry: string;
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require('../webpack.config.js') as (env: object, argv: { mode: string }) => webpack.Configuration;

/** Builds the production bundle into a scratch folder and measures what each entry loads. */
export async function measureBundleSizes(outputDir: string): Promise<EntrySize[]> {
  const config = makeConfig({ urlProd: 'https://trail.example.org/' }, { mode: 'production' });
  config.output = { ...config.output, path: outputDir };
  config.devtool = false;
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (error, result) => (error || !result ? reject(error) : resolve(result))),
  );
  if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
  const json = stats.toJson({ all: false, entrypoints: true });
  return Object.entries(json.entrypoints ?? {}).map(([entry, point]) => {
    const files = (point.assets ?? []).map((asset) => asset.name).filter((name) => name.endsWith('.js'));
    const contents = files.map((file) => fs.readFileSync(path.join(outputDir, file)));
    return {
      entry,
      files,
      rawBytes: contents.reduce((sum, buffer) => sum + buffer.length, 0),
      gzipBytes: contents.reduce((sum, buffer) => sum + zlib.gzipSync(buffer, { level: 9 }).length, 0),
    };
  });
}
