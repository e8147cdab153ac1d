import { createIntl } from 'react-intl';
import { catalogues, en, fi, localeFor } from '../../../src/i18n/messages';

test('Finnish has every English key and no other', () => {
  expect(Object.keys(fi).sort()).toEqual(Object.keys(en).sort());
});

test('no Finnish string is left in English by mistake (except names that are the same in both)', () => {
  const sameInBoth = new Set(['app.title', 'command.asap']);
  const untranslated = Object.keys(en).filter((key) => !sameInBoth.has(key) && fi[key as keyof typeof en] === en[key as keyof typeof en]);
  expect(untranslated).toEqual([]);
});

test.each(Object.entries(catalogues))('every %s message formats with its placeholders', (locale, messages) => {
  const intl = createIntl({ locale, messages, onError: (error) => { throw error; } });
  for (const id of Object.keys(messages)) {
    const text = intl.formatMessage({ id }, { name: 'Aino', code: '500 x', action: 'ASAP' });
    expect(text).not.toContain('{');
  }
});

test.each([
  ['fi-FI', 'fi'],
  ['fi', 'fi'],
  ['FI-fi', 'fi'],
  ['en-US', 'en'],
  ['sv-FI', 'en'],
  ['', 'en'],
])('Office display language %s → %s', (language, expected) => {
  expect(localeFor(language)).toBe(expected);
});
