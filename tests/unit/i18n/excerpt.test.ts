/**
 * No error text echoes an unbounded value the user typed: a quoted value is cut to a short excerpt
 * with an ellipsis (a 2,000-character name once filled several screens of the pane).
 */
import { excerpt, EXCERPT_MAX } from '../../../src/i18n/errors';
import { en, fi } from '../../../src/i18n/messages';
import { createIntl } from 'react-intl';

test('a short value is quoted whole; a long one is cut with an ellipsis, never splitting a character', () => {
  expect(excerpt('Aino Laine')).toBe('Aino Laine');
  const long = excerpt('N'.repeat(2000));
  expect(long).toBe(`${'N'.repeat(EXCERPT_MAX - 1)}…`);
  expect(EXCERPT_MAX).toBeLessThanOrEqual(60);
  const emoji = excerpt('😀'.repeat(100));
  expect(emoji.endsWith('😀…')).toBe(true);
});

test('the person editor’s refusal quotes only an excerpt, in English and Finnish', () => {
  for (const [locale, messages] of [['en', en], ['fi', fi]] as const) {
    const intl = createIntl({ locale, messages });
    const text = intl.formatMessage({ id: 'people.invalid' }, { field: 'name', value: excerpt('N'.repeat(2000)) });
    expect(text.length).toBeLessThan(140);
  }
});
