import { createIntl } from 'react-intl';
import { en, fi } from '../../../src/i18n/messages';

/**
 * Finnish says "kohteeseen" (into one entry) and "kohteisiin" (into several): a message naming entries
 * takes their count, so one entry never reads as many.
 */
const intl = (locale: 'fi' | 'en') => createIntl({ locale, messages: locale === 'fi' ? fi : en });

test.each([
  ['notes.failed', { names: 'Kallio Oy', count: 1 }, 'kohteeseen Kallio Oy'],
  ['notes.failed', { names: 'Kallio Oy ja Aino Laine', count: 2 }, 'kohteisiin Kallio Oy ja Aino Laine'],
  ['filing.departed', { subject: 'Hei', names: 'Kallio Oy', count: 1, folder: 'Arkisto' }, 'kirjattiin kohteeseen Kallio Oy'],
  ['filing.departed', { subject: 'Hei', names: 'Kallio Oy ja Aino Laine', count: 2, folder: 'Arkisto' }, 'kirjattiin kohteisiin Kallio Oy ja Aino Laine'],
  ['filing.gone', { names: 'Kallio Oy', count: 1 }, 'Kohteeseen Kallio Oy ei kirjattu'],
  ['filing.gone', { names: 'Kallio Oy ja Aino Laine', count: 2 }, 'Kohteisiin Kallio Oy ja Aino Laine ei kirjattu'],
  ['meeting.gone', { names: 'Kallio Oy', count: 1 }, 'Kohteeseen Kallio Oy ei linkitetty'],
  ['meeting.gone', { names: 'Kallio Oy ja Aino Laine', count: 2 }, 'Kohteisiin Kallio Oy ja Aino Laine ei linkitetty'],
] as const)('%s in Finnish agrees with the number of entries (%j)', (id, values, words) => {
  expect(intl('fi').formatMessage({ id }, values)).toContain(words);
});

test.each(['notes.failed', 'filing.departed', 'filing.gone', 'meeting.gone'] as const)('%s in English still reads with one and two entries', (id) => {
  const values = { subject: 'Hi', folder: 'Archive' };
  expect(intl('en').formatMessage({ id }, { ...values, names: 'Kallio Oy', count: 1 })).toContain('Kallio Oy');
  expect(intl('en').formatMessage({ id }, { ...values, names: 'Kallio Oy and Aino Laine', count: 2 })).toContain('Kallio Oy and Aino Laine');
});
