/**
 * Filing to an entity that is no longer in the record (merged into another, or erased) is refused for
 * that entity, in the same single `$batch`: the filing's create depends on a read of the entity's row
 * (Graph answers a dependant of a failed request 424, concepts/json-batching.md), so no filing points at
 * nothing; the other entities of the same click are filed.
 */
import type { EntitySummary } from '../../../src/domain/entities';
import { EntityGoneError } from '../../../src/domain/entityGone';
import type { FiledItem } from '../../../src/domain/itemKeys';
import { storePerFile } from '../helpers/store';

const store = storePerFile();
let n = 0;
function mail(): FiledItem {
  n++;
  return {
    kind: 'message',
    immutableId: `AAMkGone${n}=`,
    internetMessageId: `<gone${n}@kallio-rakennus.fi>`,
    conversationId: `gone-conv-${n}`,
    subject: `Poistettu henkilö ${n}`,
    from: { name: 'Mikko Heikkinen', address: 'mikko.heikkinen@kallio-rakennus.fi' },
    date: new Date(Date.UTC(2026, 10, 1, 8, 0, n)).toISOString(),
  };
}
const summary = (entity: { ref: EntitySummary['ref']; name: string }): EntitySummary => ({ ref: entity.ref, name: entity.name, detail: '' });
const graphCalls = () => store().t.sandbox.control.requests().filter((r) => r.url.includes('/v1.0/'));

async function person(name: string, email: string): Promise<EntitySummary> {
  const outcome = await store().store.createPerson({ name, emails: [email] });
  if (outcome.status !== 'created') throw new Error(`${name} already existed`);
  return summary(outcome.entity);
}

test('filing to a merged-away person is refused for them and the rest is filed', async () => {
  const s = store();
  const kept = await person('Q Kept', 'q.kept@gone.fi');
  const gone = await person('P Merged', 'p.merged@gone.fi');
  const org = summary((await s.store.createOrganisation({ name: 'Gone Oy', domains: ['gone-oy.fi'] })).entity);
  await s.store.merge(gone.ref, kept.ref);

  const item = mail();
  s.t.sandbox.control.clearRequests();
  const outcomes = await s.store.file(item, [gone, org, kept]);
  // Read-then-create chains can only share a $batch serially (Graph's known issue "Request dependencies
  // are limited"): the refused chain stops the ones after it, which are sent once more. Only then.
  expect(graphCalls().map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual(['POST /v1.0/$batch', 'POST /v1.0/$batch']);
  expect(outcomes.map((o) => o.status)).toEqual(['failed', 'filed', 'filed']);
  const refused = outcomes[0]!;
  expect(refused.status === 'failed' && refused.error).toBeInstanceOf(EntityGoneError);
  expect((await s.store.filingsOfItem(item)).map((f) => f.entityName).sort()).toEqual([org.name, kept.name].sort());
});

test('filing to an erased person writes nothing', async () => {
  const s = store();
  const gone = await person('P Erased', 'p.erased@gone.fi');
  await s.store.erasePerson(gone.ref);
  const item = mail();
  const outcomes = await s.store.file(item, [gone]);
  expect(outcomes).toHaveLength(1);
  expect(outcomes[0]!.status === 'failed' && outcomes[0]!.error).toBeInstanceOf(EntityGoneError);
  expect(await s.store.filingsOfItem(item)).toEqual([]);
});

test('filing to an existing entity again still answers alreadyFiled', async () => {
  const s = store();
  const a = await person('A Again', 'a.again@gone.fi');
  const b = await person('B Again', 'b.again@gone.fi');
  const item = mail();
  s.t.sandbox.control.clearRequests();
  expect((await s.store.file(item, [a, b])).map((o) => o.status)).toEqual(['filed', 'filed']);
  expect(graphCalls().map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual(['POST /v1.0/$batch']);
  expect((await s.store.file(item, [a, b])).map((o) => o.status)).toEqual(['alreadyFiled', 'alreadyFiled']);
  expect(await s.store.filingsOfItem(item)).toHaveLength(2);
});
