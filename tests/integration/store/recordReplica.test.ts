/**
 * The record replica (issue 18, the shared app budget): what the pane asks on every item change is
 * answered locally once the replica is warm and fresh, a colleague's filing shows after the next delta
 * round, the user's own writes at once, and a record too large to hold is asked on the server as before.
 * Resource units and requests counted as the sandbox meters them, never timed.
 */
import type { EntitySummary } from '../../../src/domain/entities';
import type { FiledItem } from '../../../src/domain/itemKeys';
import { SiteLists } from '../../../src/record/listItems';
import { createRecordReplica, type RecordReplica } from '../../../src/record/recordReplica';
import { createReplicatedTrailStore, REPLICA_MAX_AGE_MS } from '../../../src/record/replicatedTrailStore';
import { noPause } from '../../../src/record/slices';
import { createMemorySnapshotStore } from '../../../src/record/indexSnapshot';
import type { TrailStore } from '../../../src/record/trailStore';
import type { MessageSnapshot } from '../../../src/office/host';
import { createEntityIndex, ENTITY_MAX_AGE_MS, type EntityIndex } from '../../../src/record/entityIndex';
import { createFilingService } from '../../../src/services/filing/filingService';
import { firstTimelinePage } from '../../../src/services/timeline/timeline';
import { storePerFile } from '../helpers/store';

jest.setTimeout(60_000);

const s = storePerFile();
let serial = 0;
let clock = Date.UTC(2026, 11, 1, 9);
const now = () => clock;
const colleague = { name: 'Kari Korhonen', upn: 'kari.korhonen@seutuopisto.fi' };

const message = (conversationId: string): FiledItem => {
  const n = ++serial;
  return { kind: 'message', immutableId: `AAMkReplica${n}=`, internetMessageId: `<replica${n}@example.fi>`, conversationId, subject: `Replica ${n}`, date: new Date(clock - n * 60_000).toISOString(), from: { name: 'Liisa', address: 'liisa@example.fi' } };
};

async function person(): Promise<EntitySummary> {
  const n = ++serial;
  const made = await s().store.createPerson({ name: `Replica Person ${n}`, emails: [`replica${n}@kallio.fi`] });
  return made.status === 'created' ? { ref: made.entity.ref, name: made.entity.name, detail: '' } : made.entity;
}

async function warmStore(
  options: { maxFilings?: number; snapshot?: ReturnType<typeof createMemorySnapshotStore>; index?: EntityIndex } = {},
): Promise<{ store: TrailStore; replica: RecordReplica }> {
  const replica = createRecordReplica(new SiteLists(s().graph, s().location), {
    pause: () => noPause,
    now,
    pageSize: 50,
    ...(options.maxFilings ? { maxFilings: options.maxFilings } : {}),
    ...(options.snapshot ? { snapshot: { store: options.snapshot, key: 'replica' } } : {}),
  });
  await Promise.all([replica.filings, replica.participants, ...Object.values(replica.entities)].map((r) => r.refresh()));
  return { store: createReplicatedTrailStore(s().store, replica, options.index ? { index: options.index } : {}), replica };
}

/** SharePoint's resource units and requests spent by `work`. */
async function spent<T>(work: () => Promise<T>): Promise<{ result: T; ru: number; requests: number; kinds: string[] }> {
  const before = s().t.sandbox.control.usage();
  const result = await work();
  const after = s().t.sandbox.control.usage();
  const kinds = Object.entries(after.byKind).flatMap(([kind, tally]) => (tally.requests > (before.byKind[kind as keyof typeof before.byKind]?.requests ?? 0) ? [kind] : []));
  return { result, ru: after.totalRu - before.totalRu, requests: after.requests - before.requests, kinds };
}

test('an item change of a known sender in a filed thread costs no SharePoint request with a warm replica', async () => {
  const sender = await person();
  const project = await s().store.createProject({ name: `Replica Project ${++serial}` });
  const projectRef = project.status === 'created' ? project.entity.ref : project.entity.ref;
  await s().store.involve({ ref: projectRef, name: 'Replica Project', detail: '' }, sender, 'contact');
  const first = message(`conv-replica-${serial}`);
  await s().store.file(first, [sender]);
  const { store } = await warmStore();

  const reply = { ...message(first.conversationId!), conversationId: first.conversationId };
  const asked = await spent(() =>
    Promise.all([store.itemContext([reply], reply.conversationId), store.history([sender.ref], 10), store.projectsOf(sender.ref), store.filingsOfEntity(sender.ref, { pageSize: 10 })]),
  );
  expect(asked.requests).toBe(0);
  expect(asked.ru).toBe(0);
  const [context, history, projects, page] = asked.result;
  expect(context.filed).toEqual([]);
  expect(context.conversation.map((e) => e.ref)).toEqual([sender.ref]);
  expect(history.filings.map((f) => f.itemKey)).toEqual((await s().store.history([sender.ref], 10)).filings.map((f) => f.itemKey));
  expect(projects.map((p) => p.project.ref)).toEqual([projectRef]);
  expect(page.items.map((f) => f.id)).toEqual((await s().store.filingsOfEntity(sender.ref, { pageSize: 10 })).items.map((f) => f.id));
});

test("a colleague's filing shows after the next delta round: within the bound nothing is asked, past it one round of 1 RU", async () => {
  const sender = await person();
  const { store } = await warmStore();
  const item = message(`conv-colleague-${serial}`);
  await s().storeAs(colleague).file(item, [sender]);

  const within = await spent(() => store.filingsOfItem(item));
  expect(within.requests).toBe(0);
  expect(within.result).toEqual([]); // not yet seen: at most REPLICA_MAX_AGE_MS old

  clock += REPLICA_MAX_AGE_MS;
  const after = await spent(() => store.filingsOfItem(item));
  expect(after.kinds).toEqual(['deltaWithToken']);
  expect(after.ru).toBe(1);
  expect(after.result.map((f) => f.filedBy.upn)).toEqual([colleague.upn]);

  // Fresh again: the next item change asks nothing.
  expect((await spent(() => store.itemContext([item], item.conversationId))).requests).toBe(0);
});

test("the user's own filing and unfiling show at once, with no read after the write", async () => {
  const sender = await person();
  const { store } = await warmStore();
  const item = message(`conv-own-${serial}`);
  const filed = await spent(() => store.file(item, [sender]));
  expect(filed.kinds.sort()).toEqual(['singleItem', 'write']); // the entity's read and the create: nothing else
  const again = await spent(() => Promise.all([store.filingsOfItem(item), store.history([sender.ref], 10), store.conversationEntities(item.conversationId!)]));
  expect(again.requests).toBe(0);
  expect(again.result[0].map((f) => f.entity)).toEqual([sender.ref]);
  expect(again.result[1].filings.map((f) => f.itemKey)).toEqual([again.result[0][0]!.itemKey]);
  expect(again.result[2].map((e) => e.ref)).toEqual([sender.ref]);

  await store.unfile(again.result[0][0]!);
  const after = await spent(() => store.filingsOfItem(item));
  expect(after.requests).toBe(0);
  expect(after.result).toEqual([]);
  expect(await s().store.filingsOfItem(item)).toEqual([]);
});

test('a filing whose answer was lost is seen by the next read, which polls first: nothing lost, nothing doubled', async () => {
  const sender = await person();
  const { store } = await warmStore();
  const item = message(`conv-lost-${serial}`);
  s().t.sandbox.control.setFaults({ rules: [{ kind: 'after503', method: 'POST', pathPattern: '$batch', next: 1 }] });
  await store.file(item, [sender]).catch(() => undefined);
  s().t.sandbox.control.clearFaults();
  const read = await spent(() => store.filingsOfItem(item));
  expect(read.kinds).toContain('deltaWithToken');
  expect(read.result.map((f) => f.entity)).toEqual([sender.ref]);
  // Filed again: already filed, still one row.
  const outcomes = await store.file(item, [sender]);
  expect(outcomes.map((o) => o.status)).toEqual(['alreadyFiled']);
  expect(await s().store.filingsOfItem(item)).toHaveLength(1);
  expect((await store.filingsOfItem(item)).map((f) => f.entity)).toEqual([sender.ref]);
});

test('a record with more filings than the replica holds is asked on the server, decided without downloading them', async () => {
  const sender = await person();
  const item = message(`conv-large-${serial}`);
  await s().store.file(item, [sender]);
  s().t.sandbox.control.clearRequests();
  const { store, replica } = await warmStore({ maxFilings: 2 });
  expect(replica.filings.state).toBe('tooLarge');
  const filingsDelta = s().t.sandbox.control.requests().flatMap((r) => [r.url, ...(r.inner ?? []).map((i) => i.url)]).filter((u) => u.includes(s().location.lists.filings) && u.includes('/delta'));
  expect(filingsDelta).toEqual([]);
  const asked = await spent(() => store.filingsOfItem(item));
  expect(asked.kinds).toEqual(['multiItem']);
  expect(asked.result.map((f) => f.entity)).toEqual([sender.ref]);
});

test('a new session restores the replica from its snapshot and asks only what changed since (1 RU)', async () => {
  const sender = await person();
  const item = message(`conv-snapshot-${serial}`);
  await s().store.file(item, [sender]);
  const snapshot = createMemorySnapshotStore();
  await warmStore({ snapshot });

  const next = createRecordReplica(new SiteLists(s().graph, s().location), { pause: () => noPause, now, snapshot: { store: snapshot, key: 'replica' } });
  const store = createReplicatedTrailStore(s().store, next);
  const opened = await spent(() => next.filings.refresh());
  expect(opened.kinds).toEqual(['deltaWithToken']);
  expect(opened.ru).toBe(1);
  const read = await spent(() => store.filingsOfItem(item));
  expect(read.requests).toBe(0);
  expect(read.result.map((f) => f.entity)).toEqual([sender.ref]);
});

test("the pane's item change (filing view and the sender's timeline) of a known sender costs 0 RU with a warm index and replica; filing and its re-read cost only the filing", async () => {
  const select = 'id,subject,from,internetMessageId,conversationId,receivedDateTime';
  type GraphMessage = { id: string; subject: string; from?: { emailAddress: { name: string; address: string } }; internetMessageId: string; conversationId: string; receivedDateTime: string };
  const inbox = (await s().t.graphJson<{ value: GraphMessage[] }>(`/me/mailFolders/inbox/messages?$top=50&$select=${select}`)).body.value.filter((m) => m.from);
  const m = inbox[5]!;
  const address = m.from!.emailAddress.address;
  const made = await s().store.createPerson({ name: m.from!.emailAddress.name, emails: [address] });
  const sender: EntitySummary = { ref: made.entity.ref, name: made.entity.name, detail: '' };
  await s().store.file({ kind: 'message', immutableId: 'AAMkEarlier=', internetMessageId: '<earlier@example.fi>', conversationId: m.conversationId, subject: 'Earlier', date: '2026-11-01T08:00:00Z' }, [sender]);
  const index = createEntityIndex(new SiteLists(s().graph, s().location));
  await index.refresh();
  const { store } = await warmStore({ index }); // composed as the pane composes it (services/filingRuntime.ts)
  const self = s().t.user.userPrincipalName;
  const filing = createFilingService({ store, graph: s().graph, self, index, now });
  const open: MessageSnapshot = { kind: 'message', id: m.id, officeItemId: m.id, mailbox: null, subject: m.subject, from: m.from!.emailAddress, to: [], cc: [], conversationId: m.conversationId, internetMessageId: m.internetMessageId, receivedAt: m.receivedDateTime };
  const itemChange = async () => {
    const view = await filing.view(open);
    const timeline = await firstTimelinePage({ store, graph: s().graph, self }, [view.sender!.person!], address);
    return { view, timeline };
  };

  const changed = await spent(itemChange);
  expect(changed.ru).toBe(0);
  expect(changed.result.view.sender?.person?.ref).toEqual(sender.ref);
  expect(changed.result.view.suggestions.map((x) => x.entity.ref)).toContainEqual(sender.ref);
  expect(changed.result.timeline.entries.filter((e) => e.kind === 'filing').map((e) => e.subject)).toEqual(['Earlier']);

  const filed = await spent(async () => {
    await filing.fileTo(changed.result.view.item, [sender]);
    return itemChange();
  });
  // The sender the caught-up index holds is not read again before filing (filingGuard.test.ts): the write alone.
  expect(filed.kinds).toEqual(['write']);
  expect(filed.ru).toBe(2);
  expect(filed.result.view.filed.map((f) => f.entity)).toEqual([sender.ref]);
  expect(filed.result.timeline.entries.filter((e) => e.kind === 'filing').map((e) => e.subject).sort()).toEqual(['Earlier', m.subject].sort());
});

test("get answers from the replica as SharePoint would (eTag included), shows a colleague's edit after the next round, and the user's own at once after one round", async () => {
  const made = await s().store.createPerson({ name: `Kortti Henkilö ${++serial}`, emails: [`kortti${serial}@kallio.fi`], jobTitle: 'Rehtori', phone: '040 123' });
  const ref = made.entity.ref;
  const { store } = await warmStore();
  const read = await spent(() => store.get(ref));
  expect(read.requests).toBe(0);
  expect(read.result).toEqual(await s().store.get(ref));

  // A colleague changes the title: shown once the copy of people is past its bound (30 minutes) and polled.
  const colleagues = s().storeAs(colleague);
  await colleagues.update(await colleagues.get(ref), { jobTitle: 'Vararehtori' });
  expect(((await store.get(ref)) as { jobTitle: string }).jobTitle).toBe('Rehtori');
  clock += REPLICA_MAX_AGE_MS; // filings' bound: people are kept longer
  expect(((await store.get(ref)) as { jobTitle: string }).jobTitle).toBe('Rehtori');
  clock += ENTITY_MAX_AGE_MS - REPLICA_MAX_AGE_MS;
  const polled = await spent(() => store.get(ref));
  expect(polled.kinds).toEqual(['deltaWithToken']);
  expect((polled.result as { jobTitle: string }).jobTitle).toBe('Vararehtori');

  // The user's own edit, from the entity as the replica gave it: read back after one round (1 RU), as saved.
  await store.update(polled.result, { phone: '050 999' });
  const after = await spent(() => store.get(ref));
  expect(after.ru).toBe(1);
  expect(after.result).toEqual(await s().store.get(ref));
  expect((after.result as { phone: string }).phone).toBe('050 999');

  // A person made by a colleague since the last round: asked on the server, not said to be missing.
  const newer = await colleagues.createPerson({ name: `Uusi Henkilö ${++serial}`, emails: [`uusi${serial}@kallio.fi`] });
  expect((await store.get(newer.entity.ref)).name).toBe(newer.entity.name);
});

test('an edit from a stale replica copy over a colleague’s change to another field keeps both; to the same field it is a conflict whose latest is the record’s', async () => {
  const made = await s().store.createPerson({ name: `Ristiriita ${++serial}`, emails: [`ristiriita${serial}@kallio.fi`], jobTitle: 'Opettaja', phone: '040 1' });
  const ref = made.entity.ref;
  const { store } = await warmStore();
  const seen = await store.get(ref);
  const colleagues = s().storeAs(colleague);
  await colleagues.update(await colleagues.get(ref), { jobTitle: 'Lehtori' });
  await store.update(seen, { phone: '040 2' });
  const both = (await s().store.get(ref)) as { jobTitle: string; phone: string };
  expect([both.jobTitle, both.phone]).toEqual(['Lehtori', '040 2']);

  const stale = await store.get(ref);
  await colleagues.update(await colleagues.get(ref), { phone: '040 3' });
  await expect(store.update(stale, { phone: '040 4' })).rejects.toMatchObject({ name: 'ConflictError' });
  expect(((await store.get(ref)) as { phone: string }).phone).toBe('040 3');
});
