import type { Organisation, Person } from '../../../src/domain/entities';
import { mergedDetails } from '../../../src/domain/merging';

const person = (id: string, fields: Partial<Person> = {}): Person => ({
  ref: { kind: 'person', id },
  name: 'Jenna Korhonen',
  emails: [`jenna${id}@x.fi`],
  phone: '',
  organisationId: null,
  jobTitle: '',
  roles: [],
  notes: '',
  etag: '"1"',
  createdAt: '',
  modifiedAt: '',
  ...fields,
});
const organisation = (id: string, fields: Partial<Organisation> = {}): Organisation => ({
  ref: { kind: 'organisation', id },
  name: 'Korhonen Oy',
  domains: [],
  roles: [],
  notes: '',
  etag: '"1"',
  createdAt: '',
  modifiedAt: '',
  ...fields,
});

describe('mergedDetails', () => {
  test("the duplicate's phone, title, organisation and roles fill the kept person's empty fields", () => {
    const merged = mergedDetails(person('1', { roles: ['expert'] }), person('2', { phone: '+358 40 123 4567', jobTitle: 'Myyjä', organisationId: '7', roles: ['supplier', 'expert'] }));
    expect(merged.changes).toEqual({ phone: '+358 40 123 4567', jobTitle: 'Myyjä', organisationId: '7', roles: ['expert', 'supplier'] });
    expect(merged.gained).toEqual([
      { field: 'phone', value: '+358 40 123 4567' },
      { field: 'jobTitle', value: 'Myyjä' },
      { field: 'organisationId', value: '7' },
    ]);
    expect(merged.rolesGained).toEqual(['supplier']);
    expect(merged.dropped).toEqual([]);
    expect(merged.rolesDropped).toEqual([]);
  });

  test("where both have a different value the kept one's stays and the duplicate's is named as dropped; the same value is no change", () => {
    const merged = mergedDetails(person('1', { phone: '+358 50 1', jobTitle: 'Rehtori', organisationId: '3' }), person('2', { phone: '+358 40 2', jobTitle: ' Rehtori ', organisationId: '3' }));
    expect(merged.changes).toEqual({});
    expect(merged.gained).toEqual([]);
    expect(merged.dropped).toEqual([{ field: 'phone', value: '+358 40 2', kept: '+358 50 1' }]);
  });

  test("the duplicate's notes are appended once: a merge run again does not append them twice", () => {
    const first = mergedDetails(person('1', { notes: 'Soita ennen kymmentä.' }), person('2', { notes: 'Toimittaa paperit.' }));
    expect(first.changes.notes).toBe('Soita ennen kymmentä.\n\nToimittaa paperit.');
    expect(first.notesAppended).toBe(true);
    const again = mergedDetails(person('1', { notes: first.changes.notes! }), person('2', { notes: 'Toimittaa paperit.' }));
    expect(again.changes).toEqual({});
    expect(again.notesAppended).toBe(false);
    expect(mergedDetails(person('1'), person('2', { notes: 'Vain täällä' })).changes.notes).toBe('Vain täällä');
  });

  test('roles that do not fit the one line of 255 characters are named as dropped, never cut', () => {
    const long = 'r'.repeat(120);
    const merged = mergedDetails(person('1', { roles: [`a${long}`] }), person('2', { roles: [`b${long}`, `c${long}`] }));
    expect(merged.changes.roles).toEqual([`a${long}`, `b${long}`]);
    expect(merged.rolesDropped).toEqual([`c${long}`]);
  });

  test("organisations: the roles' union and the notes; no person fields", () => {
    const merged = mergedDetails(organisation('1', { roles: ['funder'] }), organisation('2', { roles: ['supplier'], notes: 'Sopimus 2025' }));
    expect(merged.changes).toEqual({ roles: ['funder', 'supplier'], notes: 'Sopimus 2025' });
    expect(merged.gained).toEqual([]);
  });
});
