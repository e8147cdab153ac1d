/**
 * dev/precompileCatalogues.js ships the catalogues as parsed ICU messages (the pages then carry no parser):
 * what it emits must format every message exactly as the string catalogue does, in both languages.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { catalogues, en, fi, localeFor } from '../../../src/i18n/messages';
import * as catalogueModule from '../../../src/i18n/messages';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const precompile = require('../../../dev/precompileCatalogues.js') as (this: object) => void;

function emitted(source: object): Promise<string> {
  return new Promise((resolve, reject) => {
    precompile.call({
      resourcePath: '/src/i18n/messages.ts',
      async: () => (error: Error | null, code?: string) => (error ? reject(error) : resolve(code!)),
      importModule: () => Promise.resolve(source),
    });
  });
}

/** The emitted module's two catalogues (its last lines re-export localeFor and name the pair). */
async function parsedCatalogues(): Promise<Record<'en' | 'fi', Record<string, unknown>>> {
  const code = await emitted(catalogueModule);
  const value = (name: string) => JSON.parse(code.split('\n').find((line) => line.startsWith(`export const ${name} = `))!.replace(`export const ${name} = `, '').replace(/;$/, ''));
  expect(code).toContain('export const catalogues = { en, fi };');
  expect(code).toContain("export { localeFor } from './locale';");
  return { en: value('en'), fi: value('fi') };
}

const SAMPLE_VALUES = { count: 3, name: 'Aino', error: 'x', message: 'y', subjects: 'a, b', folder: 'ASAP', code: 'E1', action: 'ASAP' };

test('every pre-parsed message formats as its string does, in English and Finnish', async () => {
  const parsed = await parsedCatalogues();
  for (const locale of ['en', 'fi'] as const) {
    const strings = catalogues[locale];
    expect(Object.keys(parsed[locale]).sort()).toEqual(Object.keys(strings).sort());
    for (const [key, text] of Object.entries(strings)) {
      const values = Object.fromEntries(Object.keys(SAMPLE_VALUES).map((name) => [name, SAMPLE_VALUES[name as keyof typeof SAMPLE_VALUES]]));
      const format = (message: string | never) => {
        try {
          return new IntlMessageFormat(message, locale).format(values);
        } catch (error) {
          return `throws: ${(error as Error).name}`; // an argument the sample lacks (a date, a rich-text tag): both must throw alike
        }
      };
      expect([key, format(parsed[locale][key] as never)]).toEqual([key, format(text)]);
    }
  }
  expect(Object.keys(parsed.en)).toHaveLength(Object.keys(en).length);
  expect(Object.keys(parsed.fi)).toHaveLength(Object.keys(fi).length);
  expect(localeFor('fi-FI')).toBe('fi');
});

test('a run-time export the precompiler does not carry over fails the build', async () => {
  await expect(emitted({ ...catalogueModule, extra: 1 })).rejects.toThrow(/extra/);
});
