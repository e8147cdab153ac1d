import { Button, Field, Input } from '@fluentui/react-components';
import { Delete16Regular } from '@fluentui/react-icons';
import { useIntl } from 'react-intl';
import type { AddressProblem } from '../../domain/addresses';
import type { MessageKey } from '../../i18n/messages';
import type { PersonEditorControls } from './usePersonEditor';
import { usePersonEditorStyles } from './usePersonEditorStyles';

const WORDS: Partial<Record<AddressProblem, MessageKey>> = { empty: 'people.emailNone', tooLong: 'people.emailTooLong' };

/** A person's addresses, each with what is wrong with it beside it (after Save). Pure. */
export function PersonEmails({ e }: { e: PersonEditorControls }) {
  const intl = useIntl();
  const styles = usePersonEditorStyles();
  const label = intl.formatMessage({ id: 'people.emails' });
  return (
    <fieldset className={styles.form}>
      <legend>{label}</legend>
      {e.draft.emails.map((address, i) => {
        const problem = e.emailProblem(i);
        return (
          <div key={i} className={styles.rowTop}>
            <Field
              className={styles.grow}
              validationState={problem ? 'error' : 'none'}
              validationMessage={problem ? <span data-testid="person-email-invalid">{intl.formatMessage({ id: WORDS[problem] ?? 'people.emailInvalid' })}</span> : undefined}
            >
              <Input type="email" value={address} aria-label={`${label} ${i + 1}`} onChange={(_, d) => e.setEmail(i, d.value)} data-testid="person-email" />
            </Field>
            {e.draft.emails.length > 1 && (
              <Button size="small" appearance="subtle" icon={<Delete16Regular />} aria-label={intl.formatMessage({ id: 'people.removeEmail' }, { address })} onClick={() => e.removeEmail(i)} />
            )}
          </div>
        );
      })}
      <Button size="small" className={styles.start} onClick={e.addEmail} data-testid="person-add-email">
        {intl.formatMessage({ id: 'people.addEmail' })}
      </Button>
    </fieldset>
  );
}
