import type { IntlShape } from 'react-intl';
import { describeError, excerpt } from '../../i18n/errors';
import type { MessageKey } from '../../i18n/messages';
import { NAME_MAX } from '../../services/filingRuntime';
import { recordProblem } from '../../services/record/projectKeeping';

const INVALID: Record<string, MessageKey> = { publicDomain: 'record.invalid.publicDomain', emptyName: 'record.invalid.emptyName', nameTooLong: 'record.invalid.nameTooLong' };

/** A refused or failed save in words that say what to do; what was typed stays in the form. */
export function saveErrorText(intl: IntlShape, error: unknown): string {
  const problem = recordProblem(error);
  if (problem?.kind === 'conflict') return intl.formatMessage({ id: 'record.conflict' }, { fields: problem.fields.join(', ') });
  if (problem?.kind === 'duplicate')
    return problem.owner ? intl.formatMessage({ id: 'record.duplicate' }, { owner: problem.owner }) : intl.formatMessage({ id: 'record.duplicateUnknown' });
  if (problem?.kind === 'invalid') {
    const details = problem.problems.map((p) => intl.formatMessage({ id: INVALID[p.problem] ?? 'record.invalid.other' }, { value: excerpt(p.value), max: NAME_MAX })).join('; ');
    return intl.formatMessage({ id: 'record.invalid' }, { details });
  }
  const { key, values } = describeError(error);
  return `${intl.formatMessage({ id: key }, values)} ${intl.formatMessage({ id: 'projects.saveFailed' })}`;
}
