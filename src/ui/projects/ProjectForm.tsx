import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, Subtitle2 } from '@fluentui/react-components';
import { Dismiss16Regular } from '@fluentui/react-icons';
import { useIntl } from 'react-intl';
import { entityKey, type EntitySummary } from '../../domain/entities';
import { NAME_MAX, type FilingRuntime } from '../../services/filingRuntime';
import { roleText } from '../filing/EntityView';
import { OwnerField } from './OwnerField';
import { ParticipantPicker } from './ParticipantPicker';
import { ProjectFields } from './ProjectFields';
import { saveErrorText } from './recordWords';
import { useProjectForm } from './useProjectForm';
import { useRecordFormStyles } from './useRecordFormStyles';

export interface ProjectFormProps {
  runtime: FilingRuntime;
  me: { name: string };
  initialName?: string;
  /** Set when saving also files the open item: the button says so. */
  files?: boolean;
  onCreated: (project: EntitySummary) => Promise<unknown> | void;
  onCancel: () => void;
}

/** A new project: name, kind, status, dates, owner (you unless another person is chosen) and who takes part, with their roles. */
export function ProjectForm({ runtime, me, initialName = '', files = false, onCreated, onCancel }: ProjectFormProps) {
  const styles = useRecordFormStyles();
  const intl = useIntl();
  const form = useProjectForm(runtime, me, initialName, onCreated);
  const { draft, problem } = form;
  // A name too long for the record is said at the name field, with the limit; the rest below the form.
  const message =
    problem?.kind === 'failed'
      ? saveErrorText(intl, problem.error)
      : problem && problem.kind !== 'nameTooLong'
        ? intl.formatMessage({ id: problem.kind === 'nameMissing' ? 'projects.nameMissing' : problem.kind === 'dateInvalid' ? 'projects.dateInvalid' : 'projects.endBeforeStart' })
        : null;
  const nameTooLong = problem?.kind === 'nameTooLong';
  return (
    <form
      className={styles.form}
      noValidate
      aria-labelledby="project-form-title"
      data-testid="project-form"
      onSubmit={(e) => {
        e.preventDefault();
        void form.save();
      }}
    >
      <Subtitle2 as="h3" id="project-form-title">
        {intl.formatMessage({ id: 'projects.formTitle' })}
      </Subtitle2>
      <Field
        label={intl.formatMessage({ id: 'projects.name' })}
        required
        validationState={problem?.kind === 'nameMissing' || nameTooLong ? 'error' : 'none'}
        validationMessage={nameTooLong ? <span data-testid="project-name-problem">{intl.formatMessage({ id: 'projects.nameTooLong' }, { max: NAME_MAX })}</span> : undefined}
        hint={<span data-testid="project-name-count">{intl.formatMessage({ id: 'projects.nameCount' }, { count: draft.name.trim().length, max: NAME_MAX })}</span>}
      >
        {/* Focus comes here from the button that opened the form (it is gone): never lost to the page. */}
        <Input value={draft.name} onChange={(_, d) => form.set('name', d.value)} autoFocus data-testid="project-name" />
      </Field>
      <ProjectFields value={draft} onChange={(field, v) => form.set(field, v as never)} onDateProblem={form.reportDate} testId="project" />
      <OwnerField
        runtime={runtime}
        ownerName={draft.owner === 'me' ? intl.formatMessage({ id: 'projects.ownerMe' }) : draft.owner.name}
        disabled={form.saving}
        onChoose={(person) => (form.set('owner', person), true)}
        testId="project-owner"
      />
      <Caption1 as="h4">{intl.formatMessage({ id: 'projects.participants' })}</Caption1>
      {draft.participants.length > 0 && (
        <ul className={styles.list} data-testid="project-form-participants">
          {draft.participants.map((p) => (
            <li key={entityKey(p.entity.ref)} className={styles.item}>
              <span className={styles.itemName}>
                {p.entity.name}
                {p.role ? <Caption1 className={styles.muted}>{` · ${roleText(intl, p.role)}`}</Caption1> : null}
              </span>
              <Button size="small" appearance="subtle" icon={<Dismiss16Regular />} aria-label={intl.formatMessage({ id: 'projects.remove' }, { name: p.entity.name })} onClick={() => form.removeParticipant(p.entity)} />
            </li>
          ))}
        </ul>
      )}
      <ParticipantPicker runtime={runtime} me={me} onAdd={form.addParticipant} />
      {message && (
        <MessageBar intent="error" data-testid="project-form-error">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={form.saving} data-testid="project-save">
          {intl.formatMessage({ id: form.saving ? 'projects.saving' : files ? 'projects.createAndFile' : 'projects.create' })}
        </Button>
        <Button onClick={onCancel} disabled={form.saving} data-testid="project-cancel">
          {intl.formatMessage({ id: 'projects.cancel' })}
        </Button>
      </div>
    </form>
  );
}
