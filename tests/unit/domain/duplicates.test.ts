import { likelyDuplicates, sameName, similarName, type DuplicateCandidate } from '../../../src/domain/duplicates';
import { mayKeepRecord, recordKeeperStanding } from '../../../src/domain/recordKeepers';

const person = (id: string, name: string, ...emails: string[]): DuplicateCandidate => ({ ref: { kind: 'person', id }, name, emails });
const organisation = (id: string, name: string, ...domains: string[]): DuplicateCandidate => ({ ref: { kind: 'organisation', id }, name, domains });

describe('names', () => {
  test.each([
    ['Mikko Heikkinen', 'mikko  heikkinen', true],
    ['Heikkinen, Mikko', 'Mikko Heikkinen', true],
    ['Mäntyrinteen kansalaisopisto', 'Mantyrinteen kansalaisopisto', false], // ä is a letter of its own
    ['Mikko Heikkinen', 'Mikko Heikkilä', false],
  ])('sameName(%s, %s) = %s', (a, b, expected) => expect(sameName(a, b)).toBe(expected));

  test.each([
    ['M. Heikkinen', 'Mikko Heikkinen', true],
    ['Heikkinen', 'Mikko Heikkinen', true],
    ['Anna Heikkinen', 'Mikko Heikkinen', false],
    ['Li Wu', 'Li Wu-Chen', false], // no shared word of three letters
  ])('similarName(%s, %s) = %s', (a, b, expected) => expect(similarName(a, b)).toBe(expected));
});

describe('likelyDuplicates', () => {
  const mikko = person('1', 'Mikko Heikkinen', 'mikko.heikkinen@kallio.fi');

  test('the same name anywhere, or a similar name at the same domain; never the subject itself or a colleague', () => {
    const found = likelyDuplicates(mikko, [
      mikko,
      person('2', 'M. Heikkinen', 'mh@kallio.fi'),
      person('3', 'Anna Heikkinen', 'anna.heikkinen@kallio.fi'),
      person('4', 'Mikko Heikkinen', 'mikko@gmail.com'),
      person('5', 'M. Heikkinen', 'mh@other.fi'),
      organisation('9', 'Mikko Heikkinen'),
    ]);
    expect(found.map((f) => [f.candidate.ref.id, f.reason])).toEqual([
      ['4', 'sameName'],
      ['2', 'sameDomainSimilarName'],
    ]);
  });

  test('a public mail domain never makes two people alike', () => {
    const a = person('1', 'Mikko Heikkinen', 'mikko.h@gmail.com');
    expect(likelyDuplicates(a, [person('2', 'M. Heikkinen', 'mh@gmail.com')])).toEqual([]);
    expect(likelyDuplicates(person('1', 'Mikko Heikkinen', 'mikko.h@posti.fi'), [person('2', 'M. Heikkinen', 'mh@posti.fi')], ['posti.fi'])).toEqual([]);
  });

  test('organisations: the same name, or a shared mail domain', () => {
    const harju = organisation('1', 'Harjun ammattikorkeakoulu', 'harjuamk.fi');
    const found = likelyDuplicates(harju, [organisation('2', 'Harjuamk', 'harjuamk.fi'), organisation('3', 'harjun  ammattikorkeakoulu'), organisation('4', 'Muu', 'muu.fi')]);
    expect(found.map((f) => [f.candidate.ref.id, f.reason])).toEqual([
      ['3', 'sameName'],
      ['2', 'sharedDomain'],
    ]);
  });
});

describe('record keepers', () => {
  test('named keepers decide alone; none named: site owners, and an owner not known to be one is not one', () => {
    expect(recordKeeperStanding(['Tiina.Laine@seutuopisto.fi'], 'tiina.laine@seutuopisto.fi')).toBe('named');
    expect(recordKeeperStanding(['tiina.laine@seutuopisto.fi'], 'pekka@seutuopisto.fi')).toBe('notNamed');
    expect(recordKeeperStanding(['tiina.laine@seutuopisto.fi'], 'pekka@seutuopisto.fi', true)).toBe('notNamed');
    expect(recordKeeperStanding([], 'pekka@seutuopisto.fi', true)).toBe('siteOwner');
    expect(recordKeeperStanding([], 'pekka@seutuopisto.fi', false)).toBe('notOwner');
    expect(recordKeeperStanding([], 'pekka@seutuopisto.fi')).toBe('notOwner');
    expect(mayKeepRecord('named')).toBe(true);
    expect(mayKeepRecord('siteOwner')).toBe(true);
    expect(mayKeepRecord('notNamed')).toBe(false);
    expect(mayKeepRecord('notOwner')).toBe(false);
  });
});
