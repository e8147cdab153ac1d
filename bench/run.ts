// `npm run bench`: prints figures, asserts nothing (these machines are shared and noisy).
// `npm run bench -- triage` (or bundle, store, taskpane, peak) runs only the parts named.
// `npm run bench -- --json <file>` also writes the named figures (bench/figures.ts) to <file>.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measureBundleSizes } from './bundleSizes';
import { figures } from './figures';
import { measurePeakHour, printPeakHour } from './peakHour';
import { GENEROUS, PESSIMISTIC } from '../dev/sandbox/sharepoint';
import { measureStoreScenarios } from './storeScenarios';
import { measureTaskpane, TASKPANE_LATENCY_MS } from './taskpaneScenarios';
import { measureTriageRoundTrips, printTriageFigures } from './triageScenarios';

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

const PARTS = ['bundle', 'store', 'taskpane', 'triage', 'peak'] as const;
const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
if (jsonAt >= 0 && !jsonFile) throw new Error('--json needs a file name: npm run bench -- --json figures.json');
const asked = args.filter((arg): arg is (typeof PARTS)[number] => (PARTS as readonly string[]).includes(arg));
const wanted = (part: (typeof PARTS)[number]): boolean => asked.length === 0 || asked.includes(part);

async function main(): Promise<void> {
  if (wanted('bundle')) await bundle();
  if (wanted('store')) await store();
  if (wanted('taskpane')) await taskpane();
  if (wanted('triage')) await triage();
  if (wanted('peak')) await peak();
  if (jsonFile) {
    figures.write(jsonFile);
    console.log(`\nNamed figures written to ${jsonFile}`);
  }
}

async function peak(): Promise<void> {
  console.log("\nOne user's scripted peak hour against the sandbox (Trail's services; SharePoint resource units as the sandbox meters them):");
  console.log('Pessimistic readings (filtered queries walk the 10,000 filings 5,000 ids a page; the figure):');
  const result = await measurePeakHour(PESSIMISTIC);
  console.log(printPeakHour(result));
  figures.record('ruPerPeakUserHour', result.ruPerPeakUserHour);
  console.log('As the docs show it (a filtered query answers in one page):');
  console.log(printPeakHour(await measurePeakHour(GENEROUS)));
}

async function bundle(): Promise<void> {
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
}

async function store(): Promise<void> {
  // Both readings of what Microsoft leaves open (dev/sandbox/sharepoint/README.md): SharePoint as the docs'
  // examples show it, and the pessimistic default, where a filtered query on a large list walks it in
  // windows of ids and a page may come back empty with a nextLink.
  for (const [name, readings] of [['as the docs show it', GENEROUS], ['pessimistic readings', PESSIMISTIC]] as const) {
    console.log(`\nShared record: 100,000 filings, 20,000 people, 50 ms latency on every request; SharePoint ${name}`);
    console.log('(requests sent side by side share one round trip: wall time / 50 ms is the number of sequential trips):');
    const { figures, violations } = await measureStoreScenarios(readings);
    for (const figure of figures) {
      const trips = Number.isNaN(figure.roundTrips) ? '' : `${String(figure.roundTrips).padStart(2)} request(s)`;
      console.log(`  ${figure.scenario.padEnd(84)} ${trips.padEnd(16)} ${figure.wallMs.toFixed(0).padStart(5)} ms`);
    }
    console.log(`  requests Graph would not accept: ${violations}`);
  }
}

async function taskpane(): Promise<void> {
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
}

async function triage(): Promise<void> {
  console.log('\nTriage, 50 ms latency on every request (calls sent side by side share one round trip; in flight: most requests at once against the mailbox, at most 4):');
  const triage = await measureTriageRoundTrips();
  console.log(printTriageFigures(triage.figures));
  const trips = (scenario: string, messages: number) => triage.figures.find((f) => f.scenario === scenario && f.messages === messages)?.roundTrips;
  const fresh = trips('ribbon click: ASAP, fresh function file', 1);
  if (fresh !== undefined) figures.record('ribbonRoundTripsFresh', fresh);
  const warm = trips('asap, warm', 1);
  if (warm !== undefined) figures.record('ribbonRoundTripsWarm', warm);
  for (const action of ['asap', 'readLater', 'archive']) {
    const hundred = trips(`${action}, warm`, 100);
    if (hundred !== undefined) figures.recordPart('selected100RoundTrips', action, hundred);
  }
  figures.record('peakInFlightPerMailbox', Math.max(0, ...triage.figures.map((f) => f.peakInFlight)));
  console.log(`  requests Graph would not accept: ${triage.violations}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
