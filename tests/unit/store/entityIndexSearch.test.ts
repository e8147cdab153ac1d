/**
 * Local search of the entity index: what matches, in which order, and that hostile text is only text.
 */
import type { EntitySummary } from '../../../src/domain/entities';
import { LocalEntityIndex, queryWords, type EntityRecord } from '../../../src/domain/localSearch';
import { nameWords } from '../../../src/domain/nameWords';
import { organisationRecord, personRecord, projectRecord } from '../../../src/record/indexRecords';

const records: EntityRecord[] = [
  personRecord('1', 'Mikko Heikkinen', ['Mikko.Heikkinen@Kallio.fi', 'mh@kotiposti.fi'], '10'),
  personRecord('2', 'Liisa Mikkonen', ['liisa.mikkonen@kallio.fi'], '10'),
  personRecord('3', 'Heikki Mäkinen', ['heikki@esimerkki.fi'], null),
  personRecord('4', 'Mikko', ['mikko@gmail.com'], null),
  personRecord('5', 'Anna-Liisa Öhman', ['al@ohman.fi'], null),
  personRecord('6', '\u200Fفاطمة الحسيني\u200F', ['fatima@kurssilainen.fi'], null),
  organisationRecord('10', 'Kallion Kone Oy', ['kallio.fi', 'KALLIO.com']),
  organisationRecord('11', 'Hämeen ELY-keskus', ['ely-keskus.fi']),
  projectRecord('20', 'Hanke 10', 'fundedProject'),
  projectRecord('21', 'Hanke 2', 'project'),
  projectRecord('22', 'Mikko-hanke', 'matter'),
];

function indexOf(list: readonly EntityRecord[] = records): LocalEntityIndex {
  const index = new LocalEntityIndex();
  index.apply({ put: list, remove: [] });
  return index;
}

const names = (found: EntitySummary[]) => found.map((e) => e.name);

describe('what matches', () => {
  const index = indexOf();

  test.each([
    ['heik', ['Heikki Mäkinen', 'Mikko Heikkinen']],
    ['HEIK', ['Heikki Mäkinen', 'Mikko Heikkinen']],
    ['mikko h', ['Mikko Heikkinen', 'Mikko-hanke']],
    ['h mikko', ['Mikko Heikkinen', 'Mikko-hanke']],
    ['mikko hei', ['Mikko Heikkinen']],
    ['mikko.hei', ['Mikko Heikkinen']],
    ['kallio.fi', ['Kallion Kone Oy']],
    ['@kallio.fi', ['Kallion Kone Oy']],
    ['kallio.c', ['Kallion Kone Oy']],
    ['häm', ['Hämeen ELY-keskus']],
    ['ely', ['Hämeen ELY-keskus']],
    ['keskus', ['Hämeen ELY-keskus']],
    ['liisa', ['Anna-Liisa Öhman', 'Liisa Mikkonen']],
    ['öh', ['Anna-Liisa Öhman']],
    ['  Mikko   HEIKKINEN ', ['Mikko Heikkinen']],
    ['فاطمة', ['\u200Fفاطمة الحسيني\u200F']],
    ['\u200Fالحسيني', ['\u200Fفاطمة الحسيني\u200F']],
    ['zzz', []],
  ])('%j finds %j', (query, expected) => {
    expect(names(index.search(query)).sort()).toEqual([...expected].sort());
  });

  test('every word of the query must match: "mikko zz" finds nobody', () => {
    expect(index.search('mikko zz')).toEqual([]);
  });

  test('results carry the kind and a second line, ready to be grouped', () => {
    expect(index.search('kallio')).toEqual([
      { ref: { kind: 'organisation', id: '10' }, name: 'Kallion Kone Oy', detail: 'kallio.fi' },
    ]);
    expect(index.search('hanke 1')).toEqual([{ ref: { kind: 'project', id: '20' }, name: 'Hanke 10', detail: 'fundedProject' }]);
  });

  test('a query is split into the same words as the names the server holds', () => {
    expect(queryWords('mikko h')).toEqual(['mikko', 'h']);
    expect(queryWords('heik')).toEqual(['heik']);
    expect(queryWords('Anna-Liisa')).toEqual(nameWords('Anna-Liisa').slice(1));
  });
});

describe('order', () => {
  const index = indexOf();

  test('exact name first, then names that start with the text, then the rest, by name within', () => {
    expect(names(index.search('mikko'))).toEqual(['Mikko', 'Mikko Heikkinen', 'Mikko-hanke', 'Liisa Mikkonen']);
  });

  test('an exact address ranks first', () => {
    expect(names(index.search('liisa.mikkonen@kallio.fi'))).toEqual(['Liisa Mikkonen']);
    expect(names(index.search('mikko@gmail.com'))[0]).toBe('Mikko');
  });

  test('numbers in names sort as numbers', () => {
    expect(names(index.search('hanke'))).toEqual(['Hanke 2', 'Hanke 10', 'Mikko-hanke']);
  });

  test('limit keeps the best ones', () => {
    expect(names(index.search('mikko', 2))).toEqual(['Mikko', 'Mikko Heikkinen']);
    expect(index.search('mikko', 0)).toEqual([]);
  });

  test('the best of many are the same as sorting them all', () => {
    const many = Array.from({ length: 3000 }, (_, i) => personRecord(String(i + 100), `Person ${(i * 7919) % 3000}`, [], null));
    const big = indexOf(many);
    const all = big.search('person', 5000).map((e) => e.name);
    expect(all).toHaveLength(3000);
    expect(big.search('person', 25).map((e) => e.name)).toEqual(all.slice(0, 25));
    expect(all.slice(0, 3)).toEqual(['Person 0', 'Person 1', 'Person 2']);
  });
});

describe('changes', () => {
  test('a rename, a new address and a removal show in the next search and lookup', () => {
    const index = indexOf();
    index.apply({ put: [personRecord('1', 'Mikko Virtanen', ['mikko.virtanen@kallio.fi'], '10')], remove: [{ kind: 'person', id: '2' }] });
    expect(names(index.search('heikkinen'))).toEqual([]);
    expect(names(index.search('virt'))).toEqual(['Mikko Virtanen']);
    expect(index.search('liisa m')).toEqual([]);
    expect(index.person('mikko.heikkinen@kallio.fi')).toBeUndefined();
    expect(index.person('mikko.virtanen@kallio.fi')?.id).toBe('1');
    expect(index.person('liisa.mikkonen@kallio.fi')).toBeUndefined();
    expect(index.size).toBe(records.length - 1);
  });

  test('many changes at once give the same answers as a few', () => {
    const base = Array.from({ length: 700 }, (_, i) => personRecord(String(i), `Name${i} Family${i % 50}`, [`n${i}@x.fi`], null));
    const few = indexOf(base);
    const many = indexOf(base);
    // 600 changes: past the limit where keys are re-sorted instead of spliced.
    const renamed = base.slice(0, 600).map((r) => personRecord(r.id, `${r.name} Renamed`, [...r.addresses], null));
    for (const record of renamed) few.apply({ put: [record], remove: [] });
    many.apply({ put: renamed, remove: [] });
    for (const query of ['renamed', 'family1', 'name59', 'n10@', 'name650 family0']) {
      expect(many.search(query, 1000)).toEqual(few.search(query, 1000));
    }
  });

  test('a freed slot is reused without mixing up its old keys', () => {
    const index = indexOf();
    index.apply({ put: [], remove: [{ kind: 'organisation', id: '10' }] });
    index.apply({ put: [projectRecord('30', 'Uusi hanke', 'project')], remove: [] });
    expect(index.search('kallion')).toEqual([]);
    expect(index.organisation('kallio.fi')).toBeUndefined();
    expect(names(index.search('uusi'))).toEqual(['Uusi hanke']);
  });
});

describe('hostile text is just text', () => {
  const index = indexOf([...records, personRecord('40', `O'Brien "Quote" (Oy) & Co`, [], null), personRecord('41', 'שלום עולם 🎉', [], null)]);

  const hostile = [
    "'", "''", "O'Bri", '"quote"', "startswith(fields/Key,'name:')", "' or 1 eq 1 or '", '$filter=', '%27', '&$top=1', '#', '\\', '*', '.*', '(', ')',
    '\u202eevil', '\u0000', '🎉', 'x'.repeat(10_000), ' '.repeat(100), '',
  ];
  test.each(hostile.map((query, i) => [i, query] as const))('hostile text %i searches without error and finds no stranger', (_, query) => {
    const found = index.search(query);
    for (const entity of found) expect(['40', '41', '1', '2', '3', '4', '5', '10', '11', '20', '21', '22']).toContain(entity.ref.id);
    if (query.trim() === '' || query.startsWith('x')) expect(found).toEqual([]);
  });

  test('quotes, RTL and emoji names are found by what they contain', () => {
    expect(names(index.search("o'brien"))).toEqual([`O'Brien "Quote" (Oy) & Co`]);
    expect(names(index.search('"quote"'))).toEqual([`O'Brien "Quote" (Oy) & Co`]);
    expect(names(index.search('שלום'))).toEqual(['שלום עולם 🎉']);
    expect(names(index.search('🎉'))).toEqual(['שלום עולם 🎉']);
  });
});

describe('an address or domain two records hold', () => {
  test('the other holder is still found when one drops it or goes', () => {
    const index = indexOf([organisationRecord('30', 'Harjuseudun ammattikorkeakoulu', ['harjuamk.fi']), organisationRecord('31', 'Pihlajaharjun Hoivakoti Oy', ['pihlajaharju.fi'])]);
    // A colleague gave the second organisation the first one's domain too, then took it away again.
    index.apply({ put: [organisationRecord('31', 'Pihlajaharjun Hoivakoti Oy', ['pihlajaharju.fi', 'harjuamk.fi'])], remove: [] });
    index.apply({ put: [organisationRecord('31', 'Pihlajaharjun Hoivakoti Oy', ['pihlajaharju.fi'])], remove: [] });
    expect(index.organisation('harjuamk.fi')?.id).toBe('30');
    expect(index.organisation('pihlajaharju.fi')?.id).toBe('31');

    index.apply({ put: [personRecord('40', 'Noora Lahtinen', ['noora@harjuamk.fi'], '30'), personRecord('41', 'Noora L.', ['noora@harjuamk.fi'], null)], remove: [] });
    index.apply({ put: [], remove: [{ kind: 'person', id: '41' }] });
    expect(index.person('noora@harjuamk.fi')?.id).toBe('40');
  });
});
