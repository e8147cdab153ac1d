import { Button, Caption1, Field, Input, ToggleButton } from '@fluentui/react-components';
import { Checkmark16Regular } from '@fluentui/react-icons';
import { useIntl } from 'react-intl';
import type { EntitySummary, Person } from '../../domain/entities';
import { PERSON_NAME_MAX, type RecordKeeping } from '../../services/record/recordKeeping';
import { EntityPicker } from '../notes/EntityPicker';
import { EditorNotice } from './EditorNotice';
import { PersonEmails } from './PersonEmails';
import { KeepingForm } from './KeepingForm';
import { roleText } from './roleText';
import { usePersonEditor } from './usePersonEditor';
import { usePersonEditorStyles } from './usePersonEditorStyles';

export interface PersonEditorProps {
  keeping: RecordKeeping;
  person: Person;
  onSaved: (person: Person) => void;
  onClose: () => void;
  /** Open another person (one who has the name typed). */
  onOpen?: ((entity: EntitySummary) => void) | undefined;
  /** Open the merge (the person with the same name is likely the duplicate). */
  onMerge?: ((entity: EntitySummary) => void) | undefined;
}

/** A person's name, title, phone, organisation, addresses and stakeholder roles, edited from their view. */
export function PersonEditor({ keeping, person, onSaved, onClose, onOpen, onMerge }: PersonEditorProps) {
  const intl = useIntl();
  const styles = usePersonEditorStyles();
  const e = usePersonEditor(keeping, person, onSaved);
  const roles = [...new Set([...keeping.roles(), ...e.draft.roles])];
  const organisationName = e.draft.organisationId ? (keeping.nameOf({ kind: 'organisation', id: e.draft.organisationId }) ?? intl.formatMessage({ id: 'entity.organisation' })) : intl.formatMessage({ id: 'people.noOrganisation' });
  return (
    <KeepingForm
      testId="person-editor"
      title={intl.formatMessage({ id: 'people.editTitle' }, { name: person.name })}
      onSubmit={e.save}
      submitLabel={intl.formatMessage({ id: e.status.kind === 'saving' ? 'people.saving' : 'people.save' })}
      submitTestId="person-save"
      saving={e.status.kind === 'saving'}
      closeLabel={intl.formatMessage({ id: 'people.cancel' })}
      closeTestId="person-close"
      onClose={onClose}
    >
      <Field
        label={intl.formatMessage({ id: 'people.name' })}
        required
        validationState={e.nameMissing || e.nameTooLong ? 'error' : 'none'}
        validationMessage={
          e.nameMissing ? (
            <span data-testid="person-name-missing">{intl.formatMessage({ id: 'people.needName' })}</span>
          ) : e.nameTooLong ? (
            <span data-testid="person-name-too-long">{intl.formatMessage({ id: 'people.nameTooLong' }, { max: PERSON_NAME_MAX, over: e.nameLength - PERSON_NAME_MAX })}</span>
          ) : undefined
        }
        hint={<span data-testid="person-name-count">{intl.formatMessage({ id: 'people.nameCount' }, { count: e.nameLength, max: PERSON_NAME_MAX })}</span>}
      >
        <Input value={e.draft.name} onChange={(_, d) => e.set('name', d.value)} data-testid="person-name" />
      </Field>
      <Field label={intl.formatMessage({ id: 'people.jobTitle' })}>
        <Input value={e.draft.jobTitle} onChange={(_, d) => e.set('jobTitle', d.value)} data-testid="person-job-title" />
      </Field>
      <Field
        label={intl.formatMessage({ id: 'people.phone' })}
        validationState={e.phoneInvalid ? 'error' : 'none'}
        validationMessage={e.phoneInvalid ? <span data-testid="person-phone-invalid">{intl.formatMessage({ id: 'people.phoneInvalid' })}</span> : undefined}
      >
        <Input type="tel" value={e.draft.phone} onChange={(_, d) => e.set('phone', d.value)} data-testid="person-phone" />
      </Field>
      <PersonEmails e={e} />
      <fieldset className={styles.form}>
        <legend>{intl.formatMessage({ id: 'people.organisation' })}</legend>
        <div className={styles.row}>
          <Caption1 className={styles.grow} data-testid="person-organisation">
            {organisationName}
          </Caption1>
          {e.draft.organisationId && (
            <Button size="small" appearance="subtle" onClick={() => e.setOrganisation(null)} data-testid="person-organisation-clear">
              {intl.formatMessage({ id: 'people.noOrganisation' })}
            </Button>
          )}
        </div>
        <EntityPicker keeping={keeping} kinds={['organisation']} label={intl.formatMessage({ id: 'people.changeOrganisation' })} onPick={e.setOrganisation} testId="person-organisation-find" />
      </fieldset>
      <fieldset className={styles.form}>
        <legend>{intl.formatMessage({ id: 'people.roles' })}</legend>
        <div className={styles.roles} data-testid="person-roles">
          {roles.map((role) => (
            <ToggleButton
              key={role}
              size="small"
              shape="circular"
              checked={e.draft.roles.includes(role)}
              // A chosen role shows a check mark, not only a shade that dark themes barely tell apart.
              icon={e.draft.roles.includes(role) ? <Checkmark16Regular /> : undefined}
              onClick={() => e.toggleRole(role)} data-testid={`person-role-${role}`}>
              {roleText(intl, role)}
            </ToggleButton>
          ))}
        </div>
      </fieldset>
      <EditorNotice e={e} onOpen={onOpen} onMerge={onMerge} />
    </KeepingForm>
  );
}
