/**
 * A scripted peak hour of one user, priced in SharePoint resource units (RU) as the sandbox meters them
 * (dev/sandbox/core/meter.ts, after sp-dev-docs "Avoid getting throttled or blocked in SharePoint
 * Online"). Trail's real services do what the pane does:
 * - 60 item changes: messages and meetings, known and unknown senders, filed and unfiled threads. An
 *   item change is what the pane asks: the filing view (suggestions, Filed to), the known sender's
 *   details, and the sender's timeline (record half and mailbox half);
 * - 10 filings (each followed by the pane's re-read of the view and the timeline);
 * - 5 history views (an entity opened: it, its projects, its timeline); 2 searches (the index freshened
 *   on focus, then search as you type); 1 project view;
 * - the entity index's own delta: it has no timer; it refreshes when the pane opens and after an entity is
 *   created, and when search takes focus or a filing is made if it last caught up over 30 minutes ago (a
 *   filing takes an entity the index holds as still there, without reading it). The pane is pinned for the
 *   hour: one open.
 * Exchange requests are counted apart (not SharePoint's budget).
 *
 * The store is composed as the pane composes it (src/services/filingRuntime.ts): the Graph store behind
 * the record replica (src/record/replicatedTrailStore.ts), which answers from lists kept by delta and
 * polls a list when it is asked and older than its bound (filings and participants 10 minutes; people,
 * organisations and projects 30). The hour has a clock: an item change a minute. Like the entity index,
 * the replica is as an earlier session (the evening before) left it: the pane keeps it in IndexedDB.
 */
import { loadContractChecker } from '../dev/contract/checker';
import { loadLargeRecord, type LargeRecordSize } from '../dev/fixtures/largeRecord';
import { createSandbox, mailModule } from '../dev/sandbox';
import type { UsageReport } from '../dev/sandbox/core/meter';
import { createSharePointModule, PESSIMISTIC, type SharePointReadings } from '../dev/sandbox/sharepoint';
import { SandboxTokenSource } from '../src/auth/sandboxTokens';
import type { EntitySummary } from '../src/domain/entities';
import { createGraphClient } from '../src/graph/client';
import type { AppointmentSnapshot, ItemSnapshot, MessageSnapshot } from '../src/office/host';
import { createEntityIndex, searchEntities } from '../src/record/entityIndex';
import { createGraphTrailStore } from '../src/record/graphTrailStore';
import { createRecordReplica } from '../src/record/recordReplica';
import { createReplicatedTrailStore } from '../src/record/replicatedTrailStore';
import { noPause } from '../src/record/slices';
import { SiteLists } from '../src/record/listItems';
import { applyProvisioning, planProvisioning } from '../src/record/provision';
import { resolveSite } from '../src/record/site';
import { createFilingService } from '../src/services/filing/filingService';
import { itemIdentitiesFor } from '../src/services/itemIdentities';
import { firstTimelinePage } from '../src/services/timeline/timeline';

/** A record of a mid-sized adult-education institute. */
const RECORD: LargeRecordSize = { people: 2_000, organisations: 200, projects: 30, filings: 10_000 };
const SELF = 'aino.laine@seutuopisto.fi';

// The fixture's naming (dev/fixtures/largeRecord.ts), to address its people and filed mail.
const FIRST = ['Mikko', 'Liisa', 'Anne', 'Kari', 'Sari', 'Antti', 'Noora', 'Pekka', 'Emilia', 'Juha', 'Ronja', 'Ville', 'Aino', 'Timo', 'Heidi'];
const LAST = ['Heikkinen', 'Korhonen', 'Virtanen', 'Mäkinen', 'Nieminen', 'Mattila', 'Lahtinen', 'Karjalainen', 'Laine', 'Hämäläinen', 'Koskinen', 'Järvinen'];
const emailOf = (i: number) => `${FIRST[i % FIRST.length]!.toLowerCase()}.${LAST[i % LAST.length]!.toLowerCase()}${i}@org${i % RECORD.organisations}.example.fi`;
const nameOf = (i: number) => `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} ${i}`;

export interface PeakHourResult {
  ruPerPeakUserHour: number;
  /** RU and SharePoint requests by what the user did. */
  byOperation: Array<{ operation: string; times: number; ru: number; requests: number }>;
  byKind: UsageReport['byKind'];
  /** Delta rounds of the record replica in the hour (pane open, and an item change finding it older than its bound). */
  replicaPolls: { filings: number; participants: number; entities: number };
  exchangeRequests: number;
  violations: number;
}

/** Under the pessimistic readings (the default) a filtered query on the 10,000 filings walks them 5,000 ids a page, each page paid. */
export async function measurePeakHour(readings: SharePointReadings = PESSIMISTIC): Promise<PeakHourResult> {
  const sandbox = await createSandbox({ port: 0, host: '127.0.0.1', contract: loadContractChecker(), modules: [mailModule, createSharePointModule(readings)] });
  try {
    const graph = createGraphClient({ baseUrl: sandbox.origin, tokens: new SandboxTokenSource(sandbox.origin) });
    const site = await resolveSite(graph, 'https://seutuopisto.sharepoint.com/sites/trail');
    const location = await applyProvisioning(graph, site.id, await planProvisioning(graph, site.id), () => undefined);
    const record = loadLargeRecord(sandbox.control.context(), location, RECORD);
    // The hour's clock: the 60 item changes come a minute apart (so the replica's freshness bound is met as in use).
    // The replica and the index are first brought up to date as an earlier session (the evening before) left them.
    let minute = -12 * 60;
    const now = () => Date.UTC(2026, 10, 20, 8, 0) + minute * 60_000;
    // The store as the pane composes it (src/services/filingRuntime.ts): the Graph store behind the record replica.
    const replica = createRecordReplica(new SiteLists(graph, location), { pause: () => noPause, now });
    const index = createEntityIndex(new SiteLists(graph, location), { now: () => new Date(now()) });
    const store = createReplicatedTrailStore(createGraphTrailStore({ graph, location, filer: { name: 'Aino Laine', upn: SELF } }), replica, { index });
    const storage = new Map<string, string>();
    const local = { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) };
    await index.refresh(); // the index as an earlier session left it: warm, with its delta links
    // The replica too, as an earlier session left it (the pane keeps it in IndexedDB with its delta links).
    await Promise.all([replica.filings, replica.participants, ...Object.values(replica.entities)].map((r) => r.refresh()));
    const filing = createFilingService({ store, graph, self: SELF, storage: local, index, now });
    const events = ((await graph.api('/me/events').select(['id', 'subject', 'start', 'end', 'organizer', 'attendees', 'type', 'seriesMasterId']).top(20).get()) as {
      value: Array<{ id: string; subject?: string; start?: { dateTime: string }; end?: { dateTime: string }; organizer?: { emailAddress: { name: string; address: string } }; seriesMasterId?: string | null; type?: string }>;
    }).value;

    // Office names the open message by its REST id: real messages of the seeded inbox, so their ids translate.
    const inbox = ((await graph.api('/me/messages').select(['id']).top(60).get()) as { value: Array<{ id: string }> }).value;
    const restIds = await Promise.all(inbox.map((m) => itemIdentitiesFor(graph).restIdOf({ mailbox: null, immutableId: m.id })));

    const byOperation = new Map<string, { times: number; ru: number; requests: number }>();
    sandbox.control.resetUsage();
    const spend = async <T>(operation: string, work: () => Promise<T>): Promise<T> => {
      const before = sandbox.control.usage();
      const result = await work();
      const after = sandbox.control.usage();
      const entry = byOperation.get(operation) ?? { times: 0, ru: 0, requests: 0 };
      entry.times++;
      entry.ru += after.totalRu - before.totalRu;
      entry.requests += after.requests - before.requests;
      byOperation.set(operation, entry);
      return result;
    };

    // The 60 items of the hour, in a fixed mix: 24 known senders in filed threads, 14 known senders in new
    // threads, 14 unknown senders, 8 meetings.
    const items: Array<{ label: string; item: ItemSnapshot }> = [];
    const message = (n: number, from: { name: string; address: string }, conversationId: string, internetMessageId: string): MessageSnapshot => ({
      kind: 'message', id: restIds[n % restIds.length]!, officeItemId: restIds[n % restIds.length]!, mailbox: null, subject: `Peak ${n}`, from, to: [{ name: 'Aino Laine', address: SELF }], cc: [],
      conversationId, internetMessageId, receivedAt: new Date(Date.UTC(2026, 10, 20, 8, n)).toISOString(),
    });
    for (let n = 0; n < 60; n++) {
      const slot = n % 15;
      if (slot < 6) {
        // A reply in a thread already filed: filing i's conversation, from filing i's sender.
        const i = 40 + n * 37;
        items.push({ label: 'item change: message, known sender, filed thread', item: message(n, { name: nameOf(i % RECORD.people), address: emailOf(i % RECORD.people) }, `conv-large-${Math.floor(i / 4)}`, `<peak${n}@example.fi>`) });
      } else if (slot < 10) {
        const i = 500 + n * 11;
        items.push({ label: 'item change: message, known sender, new thread', item: message(n, { name: nameOf(i), address: emailOf(i) }, `conv-peak-${n}`, `<peak${n}@example.fi>`) });
      } else if (slot < 13) {
        items.push({ label: 'item change: message, unknown sender', item: message(n, { name: `Uusi Lähettäjä ${n}`, address: `uusi${n}@tuntematon${n}.fi` }, `conv-peak-${n}`, `<peak${n}@example.fi>`) });
      } else {
        const e = events[n % Math.max(1, events.length)]!;
        const appointment: AppointmentSnapshot = {
          kind: 'appointment', id: e.id, officeItemId: e.id, mailbox: null, subject: e.subject ?? '', organizer: e.organizer?.emailAddress ?? null,
          requiredAttendees: [{ name: nameOf(7), address: emailOf(7) }], optionalAttendees: [], start: e.start?.dateTime ? `${e.start.dateTime.slice(0, 19)}Z` : null,
          end: e.end?.dateTime ? `${e.end.dateTime.slice(0, 19)}Z` : null, seriesId: e.seriesMasterId ?? null, seriesMaster: e.type === 'seriesMaster',
        };
        items.push({ label: 'item change: meeting', item: appointment });
      }
    }

    const timelineOf = (view: Awaited<ReturnType<typeof filing.view>>) => {
      const subjects = [view.sender?.person, view.sender?.organisation].filter((s): s is EntitySummary => !!s);
      return firstTimelinePage({ store, graph, self: SELF }, subjects, view.sender?.address ?? null);
    };
    /** What the pane asks when the item changes: the filing view, the sender's details, the sender's timeline. */
    const itemChange = async (item: ItemSnapshot) => {
      const view = await filing.view(item);
      await Promise.all([view.sender?.person ? store.get(view.sender.person.ref) : Promise.resolve(null), timelineOf(view)]);
      return view;
    };

    minute = 0;
    await spend('pane opened: entity index refresh (delta)', () => index.refresh());
    const entityPolls = () => Object.values(replica.entities).reduce((n, r) => n + r.polls, 0);
    const polled = { filings: replica.filings.polls, participants: replica.participants.polls, entities: entityPolls() };
    // The filings are asked on every item change: brought up to date as the pane opens. Participants only when an entity is opened.
    await spend('pane opened: replica refresh (delta)', () => replica.filings.refresh());
    let filed = 0;
    const opened: EntitySummary[] = [];
    for (const [n, { label, item }] of items.entries()) {
      minute = n;
      const view = await spend(label, () => itemChange(item));
      if (view.sender?.person) opened.push(view.sender.person);
      // Every sixth item is filed: to the first two suggestions (or a project).
      if (filed < 10 && n % 6 === 5) {
        const targets = view.suggestions.slice(0, 2).map((s) => s.entity);
        const entities = targets.length ? targets : [record.sampleProject];
        await spend('filing (file, tag, re-read view and timeline)', async () => {
          await filing.fileTo(view.item, entities);
          const again = await filing.view(item);
          await timelineOf(again);
        });
        filed++;
      }
      if (n === 20 || n === 45) {
        await spend('search (index freshened on focus, then as you type)', async () => {
          await index.freshen();
          for (const typed of ['mi', 'mik', 'mikko']) await searchEntities(index, (prefix, limit) => store.search(prefix, limit), typed, 10);
        });
      }
    }
    for (const person of opened.slice(0, 5)) {
      await spend('history view (entity opened: it, its projects, its timeline)', async () => {
        await Promise.all([store.get(person.ref), store.projectsOf(person.ref), firstTimelinePage({ store, graph, self: SELF }, [person], null)]);
      });
    }
    await spend('project view (it, its people, its timeline)', async () => {
      await Promise.all([store.get(record.sampleProject.ref), store.participants(record.sampleProject.ref), firstTimelinePage({ store, graph, self: SELF }, [record.sampleProject], null)]);
    });
    while (filed < 10) {
      await spend('filing (file, tag, re-read view and timeline)', async () => {
        await filing.fileTo({ kind: 'message', immutableId: `AAMkExtra${filed}=`, internetMessageId: `<extra${filed}@example.fi>`, conversationId: `conv-extra-${filed}`, subject: 'Extra', date: new Date().toISOString() }, [record.sampleProject]);
      });
      filed++;
    }
    const usage = sandbox.control.usage();
    return {
      ruPerPeakUserHour: usage.totalRu,
      replicaPolls: { filings: replica.filings.polls - polled.filings, participants: replica.participants.polls - polled.participants, entities: entityPolls() - polled.entities },
      byOperation: [...byOperation].map(([operation, e]) => ({ operation, ...e })).sort((a, b) => b.ru - a.ru),
      byKind: usage.byKind,
      exchangeRequests: usage.exchangeRequests,
      violations: sandbox.control.violations().length,
    };
  } finally {
    await sandbox.close();
  }
}

export function printPeakHour(result: PeakHourResult): string {
  const lines = [
    `  SharePoint resource units in one user's peak hour: ${result.ruPerPeakUserHour} RU (target <= 60; a 1,250 RU/min tenant holds ${Math.floor((1250 * 60) / Math.max(1, result.ruPerPeakUserHour))} such users)`,
    '  where they go:',
    ...result.byOperation.map((o) => `    ${o.operation.padEnd(66)} x${String(o.times).padStart(3)}  ${String(o.ru).padStart(5)} RU  ${String(o.requests).padStart(4)} request(s)  ${(o.ru / o.times).toFixed(1).padStart(5)} RU each`),
    `  record replica's delta rounds in the hour: filings ${result.replicaPolls.filings}, participants ${result.replicaPolls.participants}, people/organisations/projects ${result.replicaPolls.entities} (the polls inside the item changes above)`,
    `  by kind: ${Object.entries(result.byKind).map(([k, v]) => `${k} ${v.ru} RU / ${v.requests}`).join(', ')}`,
    `  Exchange requests (not SharePoint RU): ${result.exchangeRequests}`,
    `  requests Graph would not accept: ${result.violations}`,
  ];
  return lines.join('\n');
}
