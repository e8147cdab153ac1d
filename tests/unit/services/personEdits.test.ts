/**
 * A person's edited details are checked all at once before anything is sent: every invalid field is
 * named in one go (the phone, a name longer than the record holds, each malformed address by its place).
 */
import type { Person } from '../../../src/domain/entities';
import { draftOf, draftProblems, NAME_MAX } from '../../../src/services/record/personEdits';

const person = { ref: { kind: 'person', id: '1' }, name: 'Aino Laine', jobTitle: '', phone: '', organisationId: null, emails: ['aino@laine.fi'], roles: [] } as unknown as Person;

test('a valid draft has no problems', () => {
  expect(draftProblems(draftOf(person))).toEqual([]);
  expect(draftProblems({ ...draftOf(person), name: 'N'.repeat(NAME_MAX), emails: ['aino@laine.fi', ' '] })).toEqual([]);
});

test('every invalid field at once: phone, a too long name and a malformed address by its place', () => {
  const draft = { ...draftOf(person), name: 'N'.repeat(2000), phone: 'call me maybe', emails: ['aino@laine.fi', 'not an address@@example..fi'] };
  expect(draftProblems(draft)).toEqual([
    { field: 'name', problem: 'nameTooLong' },
    { field: 'phone', problem: 'notPhone' },
    { field: 'emails', index: 1, problem: 'whitespace' },
  ]);
  expect(NAME_MAX).toBe(255);
});

test('an empty name and no address at all are problems too', () => {
  expect(draftProblems({ ...draftOf(person), name: '  ', emails: [''] })).toEqual([
    { field: 'name', problem: 'emptyName' },
    { field: 'emails', index: 0, problem: 'empty' },
  ]);
});
