import { Button, Caption1, Field, Input, Listbox, mergeClasses, Option, Tag } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import { entityKey, type EntitySummary } from '../../domain/entities';
import type { FilingRuntime } from '../../services/filingRuntime';
import { entityCaption } from '../filing/entityCaption';
import { roleText } from '../people/roleText';
import { RoleField } from './RoleField';
import { useParticipantPicker } from './useParticipantPicker';
import { useRecordFormStyles } from './useRecordFormStyles';

export interface ParticipantPickerProps {
  runtime: FilingRuntime;
  me: { name: string };
  /** Resolves true when added (the picker then clears); false keeps what was chosen and typed. */
  onAdd: (entity: EntitySummary, role: string) => Promise<boolean> | boolean;
  /** Something was typed: the form is changed again. */
  onEdit?: () => void;
}

/** One hit: its name, then its kind and address or domain, and its stakeholder roles as chips, as in Find. */
function Hit({ entity }: { entity: EntitySummary }) {
  const styles = useRecordFormStyles();
  const intl = useIntl();
  const roles = entity.roles ?? [];
  return (
    <Option value={entityKey(entity.ref)} text={entity.name} checkIcon={null} className={styles.option} data-testid="participant-result">
      <span className={styles.optionBody}>
        <span>{entity.name}</span>
        <Caption1 className={mergeClasses(styles.muted, styles.address)}>{entityCaption(intl, entity)}</Caption1>
        {roles.length > 0 && (
          <span className={styles.chips}>
            {roles.map((role) => (
              <Tag key={role} size="extra-small" appearance="outline">
                {roleText(intl, role)}
              </Tag>
            ))}
          </span>
        )}
      </span>
    </Option>
  );
}

/** Search a person or organisation, choose one of the hits, give their role, add them. */
export function ParticipantPicker({ runtime, me, onAdd, onEdit }: ParticipantPickerProps) {
  const styles = useRecordFormStyles();
  const intl = useIntl();
  const p = useParticipantPicker(runtime, onAdd, onEdit);
  return (
    <div className={styles.form} role="group" aria-label={intl.formatMessage({ id: 'projects.addParticipant' })} data-testid="participant-picker">
      <Field label={intl.formatMessage({ id: 'projects.findParticipant' })}>
        <Input type="search" ref={p.searchRef} value={p.query} onChange={(_, d) => p.change(d.value)} data-testid="participant-search" />
      </Field>
      {!p.chosen && p.results.length > 0 && (
        <Listbox className={styles.results} aria-label={intl.formatMessage({ id: 'projects.results' })} onOptionSelect={(_, d) => d.optionValue && p.choose(d.optionValue)} data-testid="participant-results">
          {p.results.map((e) => (
            <Hit key={entityKey(e.ref)} entity={e} />
          ))}
        </Listbox>
      )}
      {p.noneFound && (
        <Caption1 role="status" className={styles.muted} data-testid="participant-none">
          {intl.formatMessage({ id: 'projects.noOneFound' }, { query: p.query.trim() })}
        </Caption1>
      )}
      {p.chosen && (
        <div className={styles.row}>
          <Field className={styles.grow} label={intl.formatMessage({ id: 'projects.roleOf' }, { name: p.chosen.name })}>
            <RoleField runtime={runtime} me={me} autoFocus value={p.role} onChange={p.setRole} onCommit={() => void p.add()} testId="participant-role" />
          </Field>
          <Button onClick={() => void p.add()} disabled={p.adding} data-testid="participant-add">
            {intl.formatMessage({ id: 'projects.add' })}
          </Button>
        </div>
      )}
    </div>
  );
}
