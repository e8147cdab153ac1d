/**
 * `npm run campaign -- --seed <n> --fault-rate <r> [--clicks 1000] [--filings 500]`: the fault
 * campaign (run.ts says what each counter counts). Progress and examples go to stderr; the last line
 * on stdout is exactly `campaign: lost N, doubled N, duplicates N, orphans N, ghosts N, stale N,
 * undo-inexact N, silent N`. Exits 1 when any count is not 0.
 */
import { COUNTERS } from './counts';
import { runCampaign } from './run';

function option(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const at = args.indexOf(`--${name}`);
  const inline = args.find((a) => a.startsWith(`--${name}=`));
  const text = inline ? inline.slice(name.length + 3) : at >= 0 ? args[at + 1] : undefined;
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`--${name} wants a number, got ${text}`);
  return value;
}

async function main(): Promise<void> {
  const seed = option('seed', 1);
  const rate = option('fault-rate', 0.1);
  const faultRate = rate > 1 ? rate / 100 : rate; // 30 and 0.3 both mean 30%
  const clicks = option('clicks', 1000);
  const filings = option('filings', 500);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`campaign: seed ${seed}, fault rate ${Math.round(faultRate * 100)}%, ${clicks} triage clicks, ${filings} filing ops`);
  const started = Date.now();
  const result = await runCampaign({ seed, faultRate, clicks, filings, log });
  const t = result.triage;
  const f = result.filing;
  log(`triage: ${t.clicks} clicks (${t.actions} actions, ${t.multi} multi-select, ${t.undos} undos, ${t.retries} retries, ${t.restarts} pane restarts, ${t.midActionCloses} mid-action)`);
  log(`filing: ${f.ops} ops (${f.creates} create-and-file, ${f.files} file, ${f.unfiles} unfile, ${f.notes} notes, ${f.edits} edits; ${f.failedTries} failed tries the user saw)`);
  log(`entities without key rows: ${result.keyless}; retry waits skipped: ${Math.round(result.skippedSleepMs / 1000)} s; took ${Math.round((Date.now() - started) / 1000)} s`);
  for (const counter of COUNTERS) for (const example of result.examples[counter]) log(`  ${counter}: ${example}`);
  process.stdout.write(`${result.line}\n`);
  process.exitCode = COUNTERS.some((c) => result.counts[c] > 0) ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 2;
});
