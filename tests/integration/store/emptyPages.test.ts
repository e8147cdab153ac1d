/**
 * The store where a filtered page may be empty and still not be the last: the sandbox's pessimistic
 * readings with walks of 2 ids, so a handful of rows behaves as a list past 5,000 does (see
 * dev/sandbox/sharepoint/README.md, "Readings"). Every answer must be the same as on one full page.
 */
import { PESSIMISTIC } from '../../../dev/sandbox/sharepoint';
import type { EntitySummary, Person } from '../../../src/domain/entities';
import type { FiledItem } from '../../../src/domain/itemKeys';
import { expectNoContractViolations } from '../helpers/sandbox';
import { startTestStore, type TestStore } from '../helpers/store';

let s: TestStore;
beforeAll(async () => {
  s = await startTestStore({ sharepoint: { ...PESSIMISTIC, scanWindow: 2 } });
});
afterAll(() => s.t.close());
expectNoContractViolations(() => s?.t);

const summary = (entity: { ref: EntitySummary['ref']; name: string }): EntitySummary => ({ ref: entity.ref, name: entity.name, detail: '' });

async function person(name: string, email: string): Promise<Person> {
  const outcome = await s.store.createPerson({ name, emails: [email] });
  if (outcome.status !== 'created') throw new Error(`${name} already existed`);
  return outcome.entity;
}

let serial = 0;
function mail(): FiledItem {
  const n = ++serial;
  return { kind: 'message', immutableId: `AAMkEmpty${n}=`, internetMessageId: `<empty${n}@example.fi>`, subject: `Viesti ${n}`, date: new Date(Date.UTC(2026, 0, 1, 8, n)).toISOString() };
}

test('a person whose key rows lie past the first walks is found by address and by name', async () => {
  for (const n of [1, 2, 3]) await person(`Täyte Henkilö ${n}`, `tayte${n}@example.fi`);
  const late = await person('Vilja Myöhäinen', 'vilja.myohainen@example.fi');
  expect((await s.store.resolve(['vilja.myohainen@example.fi'])).people.get('vilja.myohainen@example.fi')?.ref).toEqual(late.ref);
  expect((await s.store.search('vilja')).map((e) => e.ref)).toEqual([late.ref]);
  const again = await s.store.createPerson({ name: 'Vilja M', emails: ['VILJA.MYOHAINEN@example.fi'] });
  expect(again).toMatchObject({ status: 'existing', entity: { ref: late.ref } });
});

test('the open item\'s filings are found however far into the list they are', async () => {
  const someone = summary(await person('Kaisa Arkisto', 'kaisa.arkisto@example.fi'));
  for (let i = 0; i < 4; i++) await s.store.file(mail(), [someone]);
  const item = mail();
  await s.store.file(item, [someone]);
  expect((await s.store.filingsOfItem(item)).map((f) => f.item.subject)).toEqual([item.subject]);
  expect((await s.store.itemContext([item])).filed.map((f) => f.item.subject)).toEqual([item.subject]);
  expect((await s.store.file(item, [someone]))[0]!.status).toBe('alreadyFiled');
});

test('erasing a person keeps a note that is filed to someone else too', async () => {
  const subject = summary(await person('Eino Poistettava', 'eino.poistettava@example.fi'));
  const other = summary(await person('Aila Jää', 'aila.jaa@example.fi'));
  for (let i = 0; i < 3; i++) await s.store.file(mail(), [other]);
  await s.store.addNote({ headline: 'Yhteinen puhelu' }, [subject, other]);
  const erased = await s.store.erasePerson(subject.ref);
  expect(erased.notes).toBe(0);
  expect((await s.store.exportPerson(other.ref)).notes.map((n) => n.headline)).toEqual(['Yhteinen puhelu']);
});
