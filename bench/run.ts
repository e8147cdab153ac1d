// `npm run bench`: prints figures, asserts nothing (these machines are shared and noisy).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measureBundleSizes } from './bundleSizes';
import { measureStoreScenarios } from './storeScenarios';
import { measureTaskpane, TASKPANE_LATENCY_MS } from './taskpaneScenarios';
import { measureTriageRoundTrips, printTriageFigures } from './triageScenarios';

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

async function main(): Promise<void> {
  const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trail-bench-'));
  try {
    console.log('Production bundle, JavaScript each entry loads (minified):');
    console.log('  entry          raw          gzip');
    for (const size of await measureBundleSizes(outputDir)) {
      console.log(`  ${size.entry.padEnd(13)}  ${kib(size.rawBytes).padEnd(11)}  ${kib(size.gzipBytes)}`);
    }
  } finally {
    fs.rmSync(outputDir, { recursive: true, force: true });
  }

  console.log('\nShared record: 100,000 filings, 20,000 people, 50 ms latency on every request');
  console.log('(requests sent side by side share one round trip: wall time / 50 ms is the number of sequential trips):');
  const { figures, violations } = await measureStoreScenarios();
  for (const figure of figures) {
    const trips = Number.isNaN(figure.roundTrips) ? '' : `${String(figure.roundTrips).padStart(2)} request(s)`;
    console.log(`  ${figure.scenario.padEnd(84)} ${trips.padEnd(16)} ${figure.wallMs.toFixed(0).padStart(5)} ms`);
  }
  console.log(`  requests Graph would not accept: ${violations}`);

  console.log(`\nTaskpane in the playground (Chromium), ${TASKPANE_LATENCY_MS} ms latency on every request, warm index, median of the runs:`);
  const taskpane = await measureTaskpane();
  if ('skipped' in taskpane) console.log(`  skipped: ${taskpane.skipped}`);
  else {
    const label = { suggestions: 'item change -> suggestions shown', history: "item change -> first page of the sender's history shown" };
    for (const f of taskpane.figures) {
      console.log(`  ${label[f.step].padEnd(56)} ${`${f.roundTrips} round trip(s)`.padEnd(17)} ${`${f.requests} request(s)`.padEnd(14)} ${String(f.medianMs).padStart(5)} ms`);
    }
    console.log('  (the time includes the playground loading the item, as Outlook would, before the pane is told)');
    console.log(`  requests Graph would not accept: ${taskpane.violations}`);
  }

  console.log('\nTriage, 50 ms latency on every request ($batch counts as one round trip):');
  const triage = await measureTriageRoundTrips();
  console.log(printTriageFigures(triage.figures));
  console.log(`  requests Graph would not accept: ${triage.violations}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
