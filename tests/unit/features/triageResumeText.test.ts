import { createIntl } from 'react-intl';
import { GraphRequestError } from '../../../src/graph/errors';
import { catalogues } from '../../../src/i18n/messages';
import { errorText } from '../../../src/i18n/triage';
import { outcomeText } from '../../../src/ui/triage/outcomeText';
import { resumedText } from '../../../src/ui/triage/resumedText';

const intlFor = (locale: 'en' | 'fi') => createIntl({ locale, messages: catalogues[locale] });
const movedSince = new GraphRequestError(409, 'movedSince', 'Moved elsewhere since.');
const network = new GraphRequestError(0, 'network', 'No answer.');
const base = { action: 'asap' as const, mailbox: null, folder: 'ASAP', record: null, unconfirmed: [] as string[] };

test('a message left because something newer moved it has its own words, not "409 movedSince"', () => {
  expect(errorText(intlFor('en'), movedSince)).toBe('The message was moved elsewhere after this action was asked for, so Trail left it there.');
  expect(errorText(intlFor('fi'), movedSince)).toBe('Viesti siirrettiin muualle tämän toiminnon pyytämisen jälkeen, joten Trail jätti sen sinne.');
});

test('a partial outcome names a message left where something newer moved it apart from one kept for Retry', () => {
  const outcome = { kind: 'partial' as const, ...base, total: 3, done: 1, entry: null, failed: [
    { messageId: 'a', subject: 'Siirretty', error: movedSince, reason: 'movedSince' as const },
    { messageId: 'b', subject: 'Odottaa', error: network },
  ] };
  expect(outcomeText(intlFor('en'), outcome)).toBe('1 of 3 triaged. Not triaged: Odottaa. They are kept in the outbox below. 1 message had been moved elsewhere since, so Trail left it there: Siirretty.');
  expect(outcomeText(intlFor('fi'), { ...outcome, failed: [outcome.failed[0]!] })).toBe('1/3 lajiteltu. 1 viesti oli sillä välin siirretty muualle, joten Trail jätti sen sinne: Siirretty.');
});

test('what was resumed when the pane opened is said in one line: done, left, still waiting', () => {
  const outcomes = [
    { kind: 'done' as const, ...base, total: 2 },
    { kind: 'partial' as const, ...base, total: 2, done: 0, entry: null, failed: [
      { messageId: 'a', subject: 'Siirretty', error: movedSince, reason: 'movedSince' as const },
      { messageId: 'b', subject: 'Odottaa', error: network },
    ] },
  ];
  expect(resumedText(intlFor('en'), outcomes)).toBe(
    'Finished 2 actions left unfinished when Trail last closed: 2 messages done. 1 message had been moved elsewhere since, so Trail left it there: Siirretty. 1 message still waits in Not done yet: Odottaa.',
  );
  expect(resumedText(intlFor('fi'), outcomes.slice(0, 1))).toBe('Kesken jäänyt toiminto Trailin edelliseltä kerralta tehtiin loppuun: 2 viestiä lajiteltu.');
  expect(resumedText(intlFor('en'), [])).toBe('');
});
