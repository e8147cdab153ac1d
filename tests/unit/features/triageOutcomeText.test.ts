import { createIntl } from 'react-intl';
import { catalogues } from '../../../src/i18n/messages';
import { GraphRequestError } from '../../../src/graph/errors';
import { outcomeIsWarning, outcomeText } from '../../../src/ui/triage/outcomeText';

const intlFor = (locale: 'en' | 'fi') => createIntl({ locale, messages: catalogues[locale] });
const error = new GraphRequestError(503, 'serviceNotAvailable', 'Later.');

// Issue 17 (4): "Undone: 2 messages are back where they were", and the third was in no list.
test('a partial undo says how many were not undone, by subject, and where they are', () => {
  const outcome = { kind: 'undone' as const, count: 2, failed: [{ messageId: 'm3', subject: 'Kolmas', error }], record: null };
  expect(outcomeText(intlFor('en'), outcome)).toBe(
    'Undone: 2 messages are back where they were. 1 message was not undone (Kolmas): still in Recent, where Undo tries again.',
  );
  expect(outcomeText(intlFor('fi'), outcome)).toBe('Kumottu: 2 viestiä on palautettu. Kumoamatta jäi 1 (Kolmas): ne ovat yhä Viimeisimmissä, ja Kumoa yrittää uudelleen.');
  expect(outcomeIsWarning(outcome)).toBe(true);
  expect(outcomeIsWarning({ ...outcome, failed: [] })).toBe(false);
});

// Issue 17 (10): messages whose answer was lost got no undo record, and the user was not told.
test('messages triaged without an undo (their answer was lost) are named', () => {
  const outcome = { kind: 'done' as const, action: 'archive' as const, mailbox: null, total: 1, folder: '', record: null, unconfirmed: ['Hankehakemus'] };
  expect(outcomeText(intlFor('en'), outcome)).toMatch(/1 message was triaged, but the answer was lost before its earlier state was known, so it cannot be undone: Hankehakemus\.$/);
  expect(outcomeText(intlFor('fi'), outcome)).toMatch(/joten näitä ei voi kumota \(1\): Hankehakemus\.$/);
  expect(outcomeIsWarning(outcome)).toBe(true);
  expect(outcomeIsWarning({ ...outcome, unconfirmed: [] })).toBe(false);
});
