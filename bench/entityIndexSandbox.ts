/**
 * The sandbox for bench/entityIndex.ts, in a process of its own so that the index's event loop holds
 * only the index's work: 200,000 people, 20,000 organisations, 300 projects, and one person with
 * 50,000 filings, bulk-loaded (dev/fixtures/largeRecord.ts, the sandbox's bulkInsertItems).
 * Prints one JSON line (origin, location, the big person) and serves until killed.
 */
import { loadLargeRecord } from '../dev/fixtures/largeRecord';
import { createSandbox, mailModule } from '../dev/sandbox';
import { bulkInsertItems, createSharePointModule, PESSIMISTIC } from '../dev/sandbox/sharepoint';
import { SandboxTokenSource } from '../src/auth/sandboxTokens';
import type { EntitySummary } from '../src/domain/entities';
import { createGraphClient } from '../src/graph/client';
import { filingFields } from '../src/record/mapping';
import { applyProvisioning, planProvisioning } from '../src/record/provision';
import { resolveSite } from '../src/record/site';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 200_000);
const ORGANISATIONS = Number(process.env.BENCH_ORGANISATIONS ?? 20_000);
const FILINGS = Number(process.env.BENCH_FILINGS ?? 50_000);

async function main(): Promise<void> {
  const sandbox = await createSandbox({ port: 0, host: '127.0.0.1', modules: [mailModule, createSharePointModule(PESSIMISTIC)] });
  const graph = createGraphClient({ baseUrl: sandbox.origin, tokens: new SandboxTokenSource(sandbox.origin) });
  const site = await resolveSite(graph, 'https://seutuopisto.sharepoint.com/sites/trail');
  const location = await applyProvisioning(graph, site.id, await planProvisioning(graph, site.id), () => undefined);
  const started = performance.now();
  const record = loadLargeRecord(sandbox.control.context(), location, { people: PEOPLE, organisations: ORGANISATIONS, projects: 300, filings: 0 });
  const big: EntitySummary = record.samplePerson;
  const filer = { name: 'Aino Laine', upn: 'aino.laine@seutuopisto.fi' };
  const start = Date.UTC(2021, 0, 1);
  const rows = Array.from({ length: FILINGS }, (_, i) =>
    filingFields(
      { kind: 'message', immutableId: `AAMkBig${i}=`, internetMessageId: `<big${i}@example.fi>`, conversationId: `conv-big-${i}`, subject: `Iso ${i}`, date: new Date(start + i * 45 * 60_000).toISOString() },
      big,
      filer,
      '',
    ),
  );
  bulkInsertItems(sandbox.control.context(), location.siteId, location.lists.filings, rows);
  const seedMs = performance.now() - started;
  process.stdout.write(JSON.stringify({ origin: sandbox.origin, location, big, seedMs }) + '\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
