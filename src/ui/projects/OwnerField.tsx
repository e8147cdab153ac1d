import { Button, Caption1, Field, Input, mergeClasses } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import { entityKey, type EntitySummary } from '../../domain/entities';
import type { FilingRuntime } from '../../services/filingRuntime';
import { useOwnerField } from './useOwnerField';
import { useRecordFormStyles } from './useRecordFormStyles';

export interface OwnerFieldProps {
  runtime: FilingRuntime;
  /** The owner as shown ("You" for the signed-in user), or null when the record names none. */
  ownerName: string | null;
  disabled?: boolean;
  /** Resolves true when the owner changed (the search then closes). */
  onChoose: (person: EntitySummary) => Promise<boolean> | boolean;
  testId: string;
}

/** A project's owner, and "Change" to choose another person from the record. */
export function OwnerField({ runtime, ownerName, disabled = false, onChoose, testId }: OwnerFieldProps) {
  const styles = useRecordFormStyles();
  const intl = useIntl();
  const o = useOwnerField(runtime, onChoose);
  return (
    <div className={styles.form} role="group" aria-label={intl.formatMessage({ id: 'projects.owner' })} data-testid={testId}>
      <div className={styles.item}>
        <Caption1 className={styles.itemName} data-testid={`${testId}-name`}>
          {intl.formatMessage({ id: 'projects.owner' })}: {ownerName ?? intl.formatMessage({ id: 'owner.none' })}
        </Caption1>
        <Button size="small" disabled={disabled} aria-expanded={o.open} onClick={o.toggle} data-testid={`${testId}-change`}>
          {intl.formatMessage({ id: o.open ? 'owner.keep' : 'owner.change' })}
        </Button>
      </div>
      {o.open && (
        <>
          <Field label={intl.formatMessage({ id: 'owner.find' })}>
            <Input type="search" value={o.query} onChange={(_, d) => o.setQuery(d.value)} autoFocus data-testid={`${testId}-search`} />
          </Field>
          {o.results.length > 0 && (
            <ul className={styles.list}>
              {o.results.map((person) => (
                <li key={entityKey(person.ref)}>
                  <Button size="small" appearance="subtle" disabled={o.choosing} onClick={() => void o.choose(person)} aria-label={intl.formatMessage({ id: 'owner.choose' }, { name: person.name })} data-testid={`${testId}-result`}>
                    {person.name}
                  </Button>
                  {person.detail && <Caption1 className={mergeClasses(styles.muted, styles.address)}>{` · ${person.detail}`}</Caption1>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
