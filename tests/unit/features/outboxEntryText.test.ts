import { createIntl } from 'react-intl';
import { outboxEntryText } from '../../../src/ui/triage/outboxEntryText';
import { catalogues } from '../../../src/i18n/messages';
import type { OutboxEntry } from '../../../src/services/triage/outbox';

const intlFor = (locale: 'en' | 'fi') => createIntl({ locale, messages: catalogues[locale] });
const entry = (overrides: Partial<OutboxEntry> = {}): OutboxEntry => ({
  id: 'e1',
  action: 'readLater',
  messageIds: ['m1'],
  subjects: ['Hankehakemus'],
  lastError: '0 network',
  attempts: 1,
  at: '2026-12-07T10:00:00Z',
  ...overrides,
});

// The ribbon's entry read "Read later: (1 try; 0 network)": no subject, and the status and code meant for support.
test('an entry names its message and says why in plain words, in English and Finnish', () => {
  expect(outboxEntryText(intlFor('en'), entry())).toBe(
    'Read later: Hankehakemus. Trail cannot reach Microsoft 365 right now. Check your connection; nothing was changed. (1 try)',
  );
  expect(outboxEntryText(intlFor('fi'), entry({ attempts: 2 }))).toBe(
    'Lue myöhemmin: Hankehakemus. Trail ei juuri nyt saa yhteyttä Microsoft 365:een. Tarkista verkkoyhteys; mitään ei muutettu. (2 yritystä)',
  );
});

test('a throttled or unknown failure reads as its words, the code kept only where support needs it; a message without subject says so', () => {
  expect(outboxEntryText(intlFor('en'), entry({ lastError: '429 TooManyRequests', subjects: ['a', 'b'], messageIds: ['m1', 'm2'] }))).toBe(
    'Read later: a, b. Microsoft 365 asked Trail to slow down. Try again in a moment. (1 try)',
  );
  expect(outboxEntryText(intlFor('en'), entry({ lastError: '500 generalException', subjects: [''] }))).toBe(
    'Read later: (no subject). Something went wrong (500 generalException). Try again; if it keeps happening, tell support the code. (1 try)',
  );
});

// Issue 17 (10): an intent left by a closed pane or ribbon click waits, and says it was interrupted.
test('an interrupted intent says so, with no error it never met', () => {
  expect(outboxEntryText(intlFor('en'), entry({ state: 'sending', attempts: 0, lastError: '' }))).toBe(
    'Read later: Hankehakemus. Interrupted before Outlook answered; Retry checks each message first.',
  );
  expect(outboxEntryText(intlFor('fi'), entry({ state: 'sending', attempts: 0, lastError: '' }))).toBe(
    'Lue myöhemmin: Hankehakemus. Keskeytyi ennen Outlookin vastausta; Yritä uudelleen tarkistaa ensin jokaisen viestin.',
  );
});
