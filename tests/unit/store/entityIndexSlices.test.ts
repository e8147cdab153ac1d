/**
 * The search structure built in slices answers exactly as the one built at once, and keeps answering
 * alike as records come and go one by one (each new record placed by name between its neighbours).
 */
import { LocalEntityIndex, type EntityRecord } from '../../../src/domain/localSearch';
import { PrefixKeys, sortInSlices } from '../../../src/domain/prefixKeys';
import { organisationRecord, personRecord, projectRecord } from '../../../src/record/indexRecords';

const FIRST = ['Mikko', 'Liisa', 'Ähtäri', 'anne', 'Éric', 'Kari', 'Hanke'];
const LAST = ['Heikkinen', 'Mäkinen', 'Virtanen', 'heikki', 'Öhman'];

function records(count: number, from = 0): EntityRecord[] {
  return Array.from({ length: count }, (_, n) => {
    const i = n + from;
    if (i % 11 === 0) return organisationRecord(String(i), `Yritys ${i % 37} Oy`, [`org${i}.fi`]);
    if (i % 13 === 0) return projectRecord(String(i), `Hanke ${i % 23}`, 'project');
    return personRecord(String(i), `${FIRST[i % FIRST.length]} ${LAST[(i * 3) % LAST.length]} ${i % 50}`, [`p${i}@kallio.fi`], null);
  });
}

const QUERIES = ['m', 'mi', 'h', 'hanke 1', 'heik', 'ä', 'e', 'yritys 2', 'org1', 'p1', 'mikko heik', 'zzz', '@kallio', 'hanke'];
const answers = (table: LocalEntityIndex) => QUERIES.map((q) => table.search(q, 7).map((e) => `${e.ref.kind}:${e.ref.id}`));

/** A pause that yields every time: the most interleaving there can be. */
const everyTime = () => new Promise<void>((resolve) => setImmediate(resolve));

test('sortInSlices gives the native stable order', async () => {
  const values = Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 1_000);
  const order = await sortInSlices(values.length, (a, b) => values[a]! - values[b]!, () => Promise.resolve());
  const native = Array.from(values.keys()).sort((a, b) => values[a]! - values[b]!);
  expect(Array.from(order)).toEqual(native);
});

test('built in slices, the index answers as one built at once', async () => {
  const all = records(3_000);
  const atOnce = new LocalEntityIndex();
  atOnce.apply({ put: all, remove: [] });
  atOnce.prepare();
  const sliced = new LocalEntityIndex();
  await sliced.applyInSlices({ put: all, remove: [] }, everyTime);
  await sliced.prepareInSlices(everyTime);
  expect(answers(sliced)).toEqual(answers(atOnce));
  expect(answers(sliced)[0]).toHaveLength(7);
});

test('records added, renamed and removed one at a time rank as in a fresh build', () => {
  const table = new LocalEntityIndex();
  table.apply({ put: records(2_000), remove: [] });
  table.prepare();
  // Few changes at a time: kept in order one by one, not rebuilt.
  for (const record of records(300, 5_000)) table.apply({ put: [record], remove: [] });
  table.apply({ put: [personRecord('7', 'Aaron Alku', ['aaron@kallio.fi'], null)], remove: [{ kind: 'person', id: '8' }] });
  const fresh = new LocalEntityIndex();
  fresh.apply({ put: [...table.records()], remove: [] });
  fresh.prepare();
  expect(answers(table)).toEqual(answers(fresh));
  expect(table.search('aaron', 3).map((e) => e.name)).toEqual(['Aaron Alku']);
  expect(table.get({ kind: 'person', id: '8' })).toBeUndefined();
});

test('keys kept in blocks stay in order as thousands come and go one by one', async () => {
  const order = (a: [string, number], b: [string, number]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]);
  const entries = Array.from({ length: 20_000 }, (_, i): [string, number] => [`k${(i * 7919) % 6_000}`, i]);
  const keys = new PrefixKeys();
  await keys.rebuildInSlices(entries.slice(0, 9_000), everyTime);
  const expected = entries.slice(0, 9_000);
  // Past two blocks' worth: blocks split as they fill; then most of the first ones go again.
  for (const [key, owner] of entries.slice(9_000)) {
    keys.insert(key, owner);
    expected.push([key, owner]);
  }
  for (const [key, owner] of entries.slice(0, 8_500)) keys.remove(key, owner);
  const kept = expected.filter(([, owner]) => owner >= 8_500).sort(order);
  const held = Array.from({ length: keys.size }, (_, i): [string, number] => [keys.keyAt(i), keys.ownerAt(i)]);
  // Keys in code-unit order (an inserted key goes before its equals, whatever its owner).
  expect(held.every(([key], i) => i === 0 || held[i - 1]![0] <= key)).toBe(true);
  expect([...held].sort(order)).toEqual(kept);
  const [from, to] = keys.range('k59');
  expect(to - from).toBe(kept.filter(([key]) => key.startsWith('k59')).length);
  const atOnce = new PrefixKeys();
  atOnce.rebuild(kept);
  expect(Array.from({ length: atOnce.size }, (_, i) => [atOnce.keyAt(i), atOnce.ownerAt(i)])).toEqual(kept);
});
