/**
 * The ribbon's own formatter (src/i18n/format.ts, no react-intl) says exactly what react-intl says for every message
 * the ribbon can show, in both languages, for counts that pick each plural form.
 */
import { createIntl } from 'react-intl';
import { parsedFormatter } from '../../../src/i18n/format';
import { catalogues } from '../../../src/i18n/messages';
import { RIBBON_KEYS, ribbonCatalogues } from '../../../src/i18n/ribbonCatalogue';
import { describeError } from '../../../src/i18n/errors';
import { GraphRequestError } from '../../../src/graph/errors';
import { SignInError, type SignInProblem } from '../../../src/graph/tokens';

const locales = ['en', 'fi'] as const;

test.each(locales)('every ribbon message in %s reads as react-intl reads it', (locale) => {
  const intl = createIntl({ locale, messages: catalogues[locale] });
  const ours = parsedFormatter(locale, ribbonCatalogues[locale]);
  for (const key of RIBBON_KEYS) {
    for (const count of [0, 1, 2, 5, 21, 1000, 12345]) {
      const values = { count, action: 'ASAP', folder: 'Lue myöhemmin', message: 'Moved.', subjects: 'A, B', error: 'offline', code: '500 x' };
      expect(ours.formatMessage({ id: key }, values)).toBe(intl.formatMessage({ id: key }, values));
    }
  }
});

test('the ribbon carries the words of every reason describeError gives', () => {
  const problems: SignInProblem[] = ['notConfigured', 'consentRequired', 'adminConsentRequired', 'consentDeclined', 'cancelled', 'blocked', 'blockedByPolicy', 'misconfigured', 'offline', 'failed'];
  const errors: unknown[] = [
    ...problems.map((problem) => new SignInError(problem, problem)),
    ...[0, 401, 403, 404, 429, 500, 503].map((status) => new GraphRequestError(status, status === 403 ? 'ErrorAccessDenied' : 'x', 'm')),
    new GraphRequestError(409, 'movedSince', 'm'),
    new Error('anything'),
  ];
  for (const error of errors) expect(RIBBON_KEYS).toContain(describeError(error).key);
});

test('dev/precompileRibbonCatalogue.js ships the ribbon messages as data, and they format as react-intl does', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const precompile = require('../../../dev/precompileRibbonCatalogue.js') as (this: object) => void;
  const source = await import('../../../src/i18n/ribbonCatalogue');
  const code = await new Promise<string>((resolve, reject) =>
    precompile.call({ resourcePath: '/src/i18n/ribbonCatalogue.ts', async: () => (error: Error | null, out?: string) => (error ? reject(error) : resolve(out!)), importModule: () => Promise.resolve(source) }),
  );
  const value = (name: string) => JSON.parse(code.split('\n').find((line) => line.startsWith(`export const ${name} = `))!.replace(`export const ${name} = `, '').replace(/;$/, ''));
  expect(value('RIBBON_KEYS')).toEqual(RIBBON_KEYS);
  const shipped = value('ribbonCatalogues');
  expect(Object.keys(shipped.fi).sort()).toEqual([...RIBBON_KEYS].sort());
  for (const locale of locales) {
    const intl = createIntl({ locale, messages: catalogues[locale] });
    const values = { count: 2, action: 'ASAP', folder: 'F', message: 'M', subjects: 'S', error: 'E', code: 'C' };
    for (const key of RIBBON_KEYS) expect(parsedFormatter(locale, shipped[locale]).formatMessage({ id: key }, values)).toBe(intl.formatMessage({ id: key }, values));
  }
});
