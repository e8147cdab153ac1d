/**
 * What a filing spends to make sure its entities are still in the record (issue 18, the shared app
 * budget): an entity the pane's index holds, caught up within ENTITY_MAX_AGE_MS, is not read again (the
 * read is 1 RU of the budget every user shares); any other is read inside the filing's `$batch`, and a gone
 * one is refused. A filing that raced a colleague's erasure or merge that way is removed, or moved onto
 * the kept entity, by that action's late sweep. Resource units as the sandbox meters them, never timed.
 */
import type { EntitySummary } from '../../../src/domain/entities';
import { EntityGoneError } from '../../../src/domain/entityGone';
import type { FiledItem } from '../../../src/domain/itemKeys';
import { createEntityIndex, ENTITY_MAX_AGE_MS } from '../../../src/record/entityIndex';
import { SiteLists } from '../../../src/record/listItems';
import { createRecordReplica } from '../../../src/record/recordReplica';
import { createReplicatedTrailStore } from '../../../src/record/replicatedTrailStore';
import { noPause } from '../../../src/record/slices';
import { storePerFile } from '../helpers/store';

jest.setTimeout(60_000);

const s = storePerFile();
let serial = 0;
let clock = Date.UTC(2026, 11, 1, 9);
const colleague = { name: 'Kari Korhonen', upn: 'kari.korhonen@seutuopisto.fi' };

const mail = (): FiledItem => {
  const n = ++serial;
  return { kind: 'message', immutableId: `AAMkGuard${n}=`, internetMessageId: `<guard${n}@example.fi>`, conversationId: `conv-guard-${n}`, subject: `Guard ${n}`, date: new Date(clock).toISOString() };
};
const summary = (entity: { ref: EntitySummary['ref']; name: string }): EntitySummary => ({ ref: entity.ref, name: entity.name, detail: '' });

async function person(): Promise<EntitySummary> {
  const n = ++serial;
  const made = await s().store.createPerson({ name: `Guard Person ${n}`, emails: [`guard${n}@vartija.fi`] });
  return summary(made.entity);
}

/** The pane's store: the Graph store behind the replica, with an index caught up now. */
async function paneStore() {
  const lists = new SiteLists(s().graph, s().location);
  const index = createEntityIndex(lists, { pause: () => noPause, now: () => new Date(clock) });
  await index.refresh();
  const replica = createRecordReplica(lists, { pause: () => noPause, now: () => clock });
  return { index, store: createReplicatedTrailStore(s().store, replica, { index }) };
}

async function spent<T>(work: () => Promise<T>): Promise<{ result: T; ru: number; kinds: string[] }> {
  const before = s().t.sandbox.control.usage();
  const result = await work();
  const after = s().t.sandbox.control.usage();
  const kinds = Object.entries(after.byKind).flatMap(([kind, tally]) => (tally.requests > (before.byKind[kind as keyof typeof before.byKind]?.requests ?? 0) ? [kind] : []));
  return { result, ru: after.totalRu - before.totalRu, kinds };
}

test('filing to two entities the caught-up index holds spends only the two writes', async () => {
  const p = await person();
  const org = summary((await s().store.createOrganisation({ name: `Vartija ${++serial} Oy`, domains: [`vartija${serial}.fi`] })).entity);
  const { store } = await paneStore();

  const filed = await spent(() => store.file(mail(), [p, org]));
  expect(filed.result.map((o) => o.status)).toEqual(['filed', 'filed']);
  expect(filed.kinds).toEqual(['write']);
  expect(filed.ru).toBe(4);
});

test('an entity the index does not hold is read first, and one gone is refused while the rest is filed', async () => {
  const { store } = await paneStore();
  const made = await person(); // made after the index caught up: it is not there
  const erased = await person();
  await s().storeAs(colleague).erasePerson(erased.ref);

  const filed = await spent(() => store.file(mail(), [made, erased]));
  expect(filed.result.map((o) => o.status)).toEqual(['filed', 'failed']);
  const refused = filed.result[1]!;
  expect(refused.status === 'failed' && refused.error).toBeInstanceOf(EntityGoneError);
  expect(filed.kinds).toContain('singleItem');
});

test('an index older than its bound catches up before it vouches: a person erased since is refused', async () => {
  const p = await person();
  const { store } = await paneStore();
  await s().storeAs(colleague).erasePerson(p.ref);
  clock += ENTITY_MAX_AGE_MS + 60_000;

  const [outcome] = await store.file(mail(), [p]);
  expect(outcome!.status).toBe('failed');
  expect(outcome!.status === 'failed' && outcome!.error).toBeInstanceOf(EntityGoneError);
  expect(await s().store.history([p.ref], 10)).toEqual({ filings: [], next: {} });
});

test("a filing that raced a colleague's erasure is removed by the erasure's late sweep", async () => {
  const p = await person();
  const { store } = await paneStore();
  await s().storeAs(colleague).erasePerson(p.ref);

  // Within the index's bound the pane still takes the person as there, and files.
  const [outcome] = await store.file(mail(), [p]);
  expect(outcome!.status).toBe('filed');
  expect((await s().store.history([p.ref], 10)).filings).toHaveLength(1);

  expect(await s().storeAs(colleague).sweep({ kind: 'erased', ref: p.ref })).toBe(1);
  expect((await s().store.history([p.ref], 10)).filings).toHaveLength(0);
  expect(await s().storeAs(colleague).sweep({ kind: 'erased', ref: p.ref })).toBe(0);
});

test("a filing that raced a colleague's merge is moved onto the kept person by the merge's late sweep", async () => {
  const kept = await person();
  const duplicate = await person();
  const { store } = await paneStore();
  await s().storeAs(colleague).merge(duplicate.ref, kept.ref);

  const item = mail();
  const [outcome] = await store.file(item, [duplicate]);
  expect(outcome!.status).toBe('filed');

  expect(await s().storeAs(colleague).sweep({ kind: 'merged', from: duplicate.ref, into: kept.ref })).toBe(1);
  expect((await s().store.history([duplicate.ref], 10)).filings).toHaveLength(0);
  expect((await s().store.history([kept.ref], 10)).filings.map((f) => f.item.immutableId)).toEqual([item.immutableId]);
});

test('an index whose catch-up fails (SharePoint unavailable) vouches for nothing: a person erased since is read and refused', async () => {
  const p = await person();
  const { index, store } = await paneStore();
  await s().storeAs(colleague).erasePerson(p.ref);
  clock += ENTITY_MAX_AGE_MS + 60_000;
  s().t.sandbox.control.setFaults({ rules: [{ kind: '503', method: 'GET', pathPattern: 'delta', next: 1000 }] });

  const [outcome] = await store.file(mail(), [p]);
  expect(index.state).toBe('warm'); // still warm, with what it held: only not fresh
  expect(index.isFresh()).toBe(false);
  expect(outcome!.status).toBe('failed');
  expect(outcome!.status === 'failed' && outcome!.error).toBeInstanceOf(EntityGoneError);
});

test('a sweep of a person still in the record, or of a merge that did not finish, removes and moves nothing', async () => {
  const living = await person();
  const other = await person();
  const item = mail();
  await s().store.file(item, [living]);
  expect(await s().store.sweep({ kind: 'erased', ref: living.ref })).toBe(0);
  expect(await s().store.sweep({ kind: 'merged', from: living.ref, into: other.ref })).toBe(0);
  expect((await s().store.history([living.ref], 10)).filings.map((f) => f.item.immutableId)).toEqual([item.immutableId]);
  expect((await s().store.history([other.ref], 10)).filings).toEqual([]);
});

test("a merge's sweep that finds nothing left does not read the kept entity's history", async () => {
  const kept = await person();
  const duplicate = await person();
  await s().store.file(mail(), [kept]);
  await s().storeAs(colleague).merge(duplicate.ref, kept.ref);
  s().t.sandbox.control.clearRequests();
  expect(await s().storeAs(colleague).sweep({ kind: 'merged', from: duplicate.ref, into: kept.ref })).toBe(0);
  const asked = decodeURIComponent(JSON.stringify(s().t.sandbox.control.requests().flatMap((r) => [r.url, ...(r.inner ?? []).map((i) => i.url)])));
  expect(asked).toContain(`'person:${duplicate.ref.id}'`); // the duplicate's rows are looked for
  expect(asked).not.toContain(`'person:${kept.ref.id}'`); // the kept person's history is not read
});
