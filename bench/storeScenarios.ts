import { loadContractChecker } from '../dev/contract/checker';
import { loadLargeRecord } from '../dev/fixtures/largeRecord';
import { createSandbox, mailModule } from '../dev/sandbox';
import { createSharePointModule, type SharePointReadings } from '../dev/sandbox/sharepoint';
import { SandboxTokenSource } from '../src/auth/sandboxTokens';
import { organisationDomainOf } from '../src/domain/addresses';
import { createFilingService } from '../src/services/filing/filingService';
import { createGraphClient } from '../src/graph/client';
import { firstTimelinePage } from '../src/services/timeline/timeline';
import { itemIdentitiesFor } from '../src/services/itemIdentities';
import type { MessageSnapshot } from '../src/office/host';
import { createEntityIndex } from '../src/record/entityIndex';
import { createGraphTrailStore } from '../src/record/graphTrailStore';
import { SiteLists } from '../src/record/listItems';
import { applyProvisioning, planProvisioning } from '../src/record/provision';
import { resolveSite } from '../src/record/site';

export interface ScenarioFigure {
  scenario: string;
  roundTrips: number;
  wallMs: number;
}

const LATENCY_MS = 50;

/**
 * The store's scenarios on a record of 100,000 filings and 20,000 people, every request paying
 * 50 ms of injected latency, as the issue asks. Round trips are counted by the sandbox.
 */
export async function measureStoreScenarios(readings: SharePointReadings): Promise<{ figures: ScenarioFigure[]; violations: number }> {
  const sandbox = await createSandbox({ port: 0, host: '127.0.0.1', contract: loadContractChecker(), modules: [mailModule, createSharePointModule(readings)] });
  try {
    const graph = createGraphClient({ baseUrl: sandbox.origin, tokens: new SandboxTokenSource(sandbox.origin) });
    const site = await resolveSite(graph, 'https://seutuopisto.sharepoint.com/sites/trail');
    const location = await applyProvisioning(graph, site.id, await planProvisioning(graph, site.id), () => undefined);
    const record = loadLargeRecord(sandbox.control.context(), location);
    const store = createGraphTrailStore({ graph, location, filer: { name: 'Aino Laine', upn: 'aino.laine@seutuopisto.fi' } });
    await store.search('warm'); // compile the contract validators and warm the JIT before measuring
    const index = createEntityIndex(new SiteLists(graph, location));
    const loadStarted = performance.now();
    await index.refresh();
    const indexLoadMs = performance.now() - loadStarted;

    // The open item as Office names it: a seeded message's REST id (Graph answers with immutable ids here).
    const [seeded] = ((await graph.api('/me/mailFolders/inbox/messages').select(['id']).top(1).get()) as { value: Array<{ id: string }> }).value;
    const openRestId = await itemIdentitiesFor(graph).restIdOf({ mailbox: null, immutableId: seeded!.id });
    sandbox.control.setFaults({ latencyMs: LATENCY_MS });
    const figures: ScenarioFigure[] = [];
    const measure = async (scenario: string, work: () => Promise<unknown>) => {
      sandbox.control.clearRequests();
      const started = performance.now();
      await work();
      const wallMs = performance.now() - started;
      figures.push({ scenario, roundTrips: sandbox.control.requests().filter((r) => r.url.includes('/v1.0/')).length, wallMs });
    };

    // An open message: sender, two recipients, one cc on a public domain, and their domains.
    const addresses = [record.samplePerson.email, 'aino.laine@seutuopisto.fi', 'kari.nieminen@seutuopisto.fi', 'pertti@luukku.com'];
    const domains = [...new Set(addresses.map((a) => organisationDomainOf(a)).filter((d): d is string => !!d))];
    await measure('(a) resolve sender and recipients to entities (server, cold index)', () => store.resolve(addresses, domains));
    await measure('(a) + projects already linked to the conversation', () =>
      Promise.all([store.resolve(addresses, domains), store.conversationEntities('conv-large-10')]),
    );
    await measure('(a) on a warm index: people and organisations locally, projects of the conversation', async () => {
      for (const address of addresses) index.personByAddress(address);
      for (const domain of domains) index.organisationByDomain(domain);
      await store.conversationEntities('conv-large-10');
    });
    await measure('(a) warm index refresh (delta on three lists) when nothing changed', () => index.refresh());
    await measure("(b) first page of a person's history with their organisation's", () =>
      store.history([record.samplePerson.ref, record.sampleOrganisation.ref], 20),
    );
    await measure('(c) file an item to three entities', () =>
      store.file(
        { kind: 'message', immutableId: 'AAMkBench=', internetMessageId: '<bench@example.fi>', conversationId: 'conv-bench', subject: 'Bench', date: new Date().toISOString() },
        [record.samplePerson, record.sampleOrganisation, record.sampleProject],
      ),
    );
    // What the taskpane does on an item change: the filing view (suggestions and Filed to: three reads
    // side by side, so requests > round trips; wall time shows it), then the sender's first history page.
    const filing = createFilingService({ store, graph, self: 'aino.laine@seutuopisto.fi' });
    const open: MessageSnapshot = {
      kind: 'message',
      id: openRestId,
      officeItemId: openRestId,
      mailbox: null,
      subject: 'Avoin viesti',
      from: { name: record.samplePerson.name, address: record.samplePerson.email },
      to: [{ name: 'Aino Laine', address: 'aino.laine@seutuopisto.fi' }],
      cc: [{ name: 'Pertti', address: 'pertti@luukku.com' }],
      conversationId: 'conv-large-10',
      internetMessageId: '<large4242@example.fi>',
      receivedAt: '2026-11-20T08:00:00Z',
    };
    let view: Awaited<ReturnType<typeof filing.view>> | undefined;
    await measure('item change -> suggestions + Filed to, cold index (reads side by side)', async () => {
      view = await filing.view(open);
    });
    const warmFiling = createFilingService({ store, graph, self: 'aino.laine@seutuopisto.fi', index });
    await measure('item change -> suggestions + Filed to, warm index', () => warmFiling.view(open));
    await measure('item change -> first history page (record batch + mailbox, side by side)', () =>
      firstTimelinePage({ store, graph, self: 'aino.laine@seutuopisto.fi' }, [view!.sender!.person!, view!.sender!.organisation!], view!.sender!.address),
    );
    await measure('search-as-you-type on the server (cold index), one query', () => store.search('mikko heik', 10));
    figures.push({ scenario: `entity index: first load of ${index.state === 'warm' ? 'all' : index.state} entities (no added latency)`, roundTrips: NaN, wallMs: indexLoadMs });
    return { figures, violations: sandbox.control.violations().length };
  } finally {
    await sandbox.close();
  }
}
