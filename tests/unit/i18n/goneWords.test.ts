import { createIntl } from 'react-intl';
import { EntityGoneError } from '../../../src/domain/entityGone';
import { describeError } from '../../../src/i18n/errors';
import { en, fi } from '../../../src/i18n/messages';


test.each([
  ['en', en, 'This organisation is no longer in the shared record'],
  ['fi', fi, 'Tätä organisaatiota ei enää ole yhteisessä rekisterissä'],
] as const)('an entity no longer in the record reads as such wherever its failure is shown (%s)', (locale, messages, words) => {
  const { key, values } = describeError(new EntityGoneError({ kind: 'organisation', id: '7' }));
  expect(key).toBe('entity.gone');
  expect(createIntl({ locale, messages }).formatMessage({ id: key }, values)).toContain(words);
});
