import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { createIntl } from 'react-intl';
import { catalogues, en, fi, localeFor } from '../../../src/i18n/messages';

/** Every argument a message takes, and whether it is counted (plural, number), read by ICU's own parser. */
function argumentsOf(message: string): Map<string, 'number' | 'date' | 'text'> {
  const found = new Map<string, 'number' | 'date' | 'text'>();
  const walk = (elements: MessageFormatElement[]): void => {
    for (const element of elements) {
      if (element.type === TYPE.number || element.type === TYPE.plural) found.set(element.value, 'number');
      else if (element.type === TYPE.date || element.type === TYPE.time) found.set(element.value, 'date');
      else if (element.type === TYPE.argument || element.type === TYPE.select) found.set(element.value, found.get(element.value) ?? 'text');
      if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) walk(option.value);
      if (element.type === TYPE.tag) walk(element.children);
    }
  };
  walk(parse(message));
  return found;
}

test('each Finnish message has the same placeholders as the English one', () => {
  const placeholders = (text: string) => [...argumentsOf(text).keys()].sort();
  for (const key of Object.keys(en) as Array<keyof typeof en>) expect({ key, p: placeholders(fi[key]) }).toEqual({ key, p: placeholders(en[key]) });
});

test('Finnish has every English key and no other', () => {
  expect(Object.keys(fi).sort()).toEqual(Object.keys(en).sort());
});

test('no Finnish string is left in English by mistake (except names that are the same in both)', () => {
  const sameInBoth = new Set(['app.title', 'command.asap', 'bookTime.minutes']);
  const untranslated = Object.keys(en).filter((key) => !sameInBoth.has(key) && fi[key as keyof typeof en] === en[key as keyof typeof en]);
  expect(untranslated).toEqual([]);
});

test.each(Object.entries(catalogues))('every %s message formats with its placeholders', (locale, messages) => {
  const intl = createIntl({ locale, messages, onError: (error) => { throw error; } });
  for (const [id, message] of Object.entries(messages)) {
    const values = Object.fromEntries([...argumentsOf(message)].map(([name, kind]) => [name, kind === 'number' ? 2 : kind === 'date' ? new Date(Date.UTC(2026, 11, 4, 14)) : `<${name}>`]));
    const text = intl.formatMessage({ id }, values);
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
