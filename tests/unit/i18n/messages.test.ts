import { createIntl } from 'react-intl';
import { catalogues, en, fi, localeFor } from '../../../src/i18n/messages';

test('each Finnish message has the same placeholders as the English one', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]).sort();
  for (const key of Object.keys(en) as Array<keyof typeof en>) expect({ key, p: placeholders(fi[key]) }).toEqual({ key, p: placeholders(en[key]) });
});

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
  for (const [id, message] of Object.entries(messages)) {
    const placeholders = [...message.matchAll(/\{(\w+)\s*[,}]/g)].map((match) => match[1]!);
    const text = intl.formatMessage({ id }, Object.fromEntries(placeholders.map((name) => [name, `<${name}>`])));
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
