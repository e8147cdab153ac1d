// `npm run bench`: prints figures, asserts nothing (these machines are shared and noisy).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measureBundleSizes } from './bundleSizes';

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

async function main(): Promise<void> {
  const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trail-bench-'));
  try {
    console.log('Production bundle, JavaScript each entry loads (minified):');
    console.log('  entry       raw          gzip');
    for (const size of await measureBundleSizes(outputDir)) {
      console.log(`  ${size.entry.padEnd(10)}  ${kib(size.rawBytes).padEnd(11)}  ${kib(size.gzipBytes)}`);
    }
  } finally {
    fs.rmSync(outputDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
