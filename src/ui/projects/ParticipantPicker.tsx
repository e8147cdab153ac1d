import { Button, Caption1, Field, Input } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import { entityKey, type EntitySummary } from '../../domain/entities';
import type { FilingRuntime } from '../../services/filingRuntime';
import { entityCaption } from '../filing/entityCaption';
import { useParticipantPicker } from './useParticipantPicker';
import { useRecordFormStyles } from './useRecordFormStyles';

export interface ParticipantPickerProps {
  runtime: FilingRuntime;
  /** Resolves true when added (the picker then clears); false keeps what was chosen and typed. */
  onAdd: (entity: EntitySummary, role: string) => Promise<boolean> | boolean;
}

/** Search a person or organisation, give their role, add them. */
export function ParticipantPicker({ runtime, onAdd }: ParticipantPickerProps) {
  const styles = useRecordFormStyles();
  const intl = useIntl();
  const p = useParticipantPicker(runtime, onAdd);
  return (
    <div className={styles.form} role="group" aria-label={intl.formatMessage({ id: 'projects.addParticipant' })} data-testid="participant-picker">
      <Field label={intl.formatMessage({ id: 'projects.findParticipant' })}>
        <Input type="search" value={p.query} onChange={(_, d) => p.change(d.value)} data-testid="participant-search" />
      </Field>
      {p.results.length > 0 && (
        <ul className={styles.list} data-testid="participant-results">
          {p.results.map((e) => (
            <li key={entityKey(e.ref)}>
              <Button size="small" appearance="subtle" onClick={() => p.choose(e)} aria-label={intl.formatMessage({ id: 'projects.choose' }, { name: e.name })} data-testid="participant-result">
                {e.name}
              </Button>
              <Caption1 className={styles.muted}>{` · ${entityCaption(intl, e)}`}</Caption1>
            </li>
          ))}
        </ul>
      )}
      {p.chosen && (
        <div className={styles.row}>
          <Field className={styles.grow} label={intl.formatMessage({ id: 'projects.roleOf' }, { name: p.chosen.name })}>
            <Input value={p.role} onChange={(_, d) => p.setRole(d.value)} onKeyDown={(e) => e.key === 'Enter' && void p.add()} data-testid="participant-role" />
          </Field>
          <Button onClick={() => void p.add()} disabled={p.adding} data-testid="participant-add">
            {intl.formatMessage({ id: 'projects.add' })}
          </Button>
        </div>
      )}
    </div>
  );
}
