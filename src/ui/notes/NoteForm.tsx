import { Button, Field, Input, MessageBar, MessageBarBody, Textarea } from '@fluentui/react-components';
import { Dismiss12Regular } from '@fluentui/react-icons';
import { useIntl } from 'react-intl';
import type { EntitySummary } from '../../domain/entities';
import { HEADLINE_MAX, type RecordKeeping } from '../../services/record/recordKeeping';
import { KeepingForm } from '../people/KeepingForm';
import { ErrorNotice } from '../shared/ErrorNotice';
import { EntityPicker } from './EntityPicker';
import { useNoteForm } from './useNoteForm';
import { useNoteFormStyles } from './useNoteFormStyles';

export interface NoteFormProps {
  keeping: RecordKeeping;
  /** The entities the note starts with: the open view's (a person and their organisation). */
  prefilled: readonly EntitySummary[];
  onClose: () => void;
  /** After a save: the timelines shown may now hold the note. */
  onSaved?: () => void;
}

/** A note of a call or an encounter: headline, optional text, when, and every entity it belongs to. */
export function NoteForm({ keeping, prefilled, onClose, onSaved }: NoteFormProps) {
  const intl = useIntl();
  const styles = useNoteFormStyles();
  const f = useNoteForm(keeping, prefilled, onSaved);
  const saving = f.status.kind === 'saving';
  return (
    <KeepingForm
      testId="note-form"
      title={intl.formatMessage({ id: 'notes.title' })}
      onSubmit={() => void f.save()}
      submitLabel={intl.formatMessage({ id: saving ? 'people.saving' : 'notes.save' })}
      submitTestId="note-save"
      saving={saving}
      canSubmit={f.status.kind !== 'saved'}
      closeLabel={intl.formatMessage({ id: 'notes.cancel' })}
      closeTestId="note-close"
      onClose={onClose}
    >
      <Field label={intl.formatMessage({ id: 'notes.headline' })} required validationMessage={f.problem === 'needHeadline' ? intl.formatMessage({ id: 'notes.needHeadline' }) : undefined}>
        <Input autoFocus maxLength={HEADLINE_MAX} value={f.draft.headline} onChange={(_, d) => f.update({ headline: d.value })} data-testid="note-headline" />
      </Field>
      <Field label={intl.formatMessage({ id: 'notes.body' })}>
        <Textarea value={f.draft.body} resize="vertical" onChange={(_, d) => f.update({ body: d.value })} data-testid="note-body" />
      </Field>
      <Field label={intl.formatMessage({ id: 'notes.when' })}>
        <Input type="datetime-local" value={f.draft.when} onChange={(_, d) => f.update({ when: d.value })} data-testid="note-when" />
      </Field>
      <Field label={intl.formatMessage({ id: 'notes.belongsTo' })} validationMessage={f.problem === 'needEntity' ? intl.formatMessage({ id: 'notes.needEntity' }) : undefined}>
        {/* A plain list with a remove button each: Fluent's TagGroup puts aria-hidden focus guards around its tags, which axe refuses (aria-hidden-focus). */}
        <ul className={styles.tags} data-testid="note-entities">
          {f.draft.entities.map((e) => (
            <li key={`${e.ref.kind}:${e.ref.id}`} className={styles.chip}>
              <span>{e.name}</span>
              <Button size="small" appearance="transparent" icon={<Dismiss12Regular />} aria-label={intl.formatMessage({ id: 'notes.removeEntity' }, { name: e.name })} onClick={() => f.remove(e)} />
            </li>
          ))}
        </ul>
      </Field>
      <EntityPicker keeping={keeping} label={intl.formatMessage({ id: 'notes.addEntity' })} onPick={f.add} exclude={f.draft.entities} testId="note-add" />
      {f.status.kind === 'failed' && (
        <>
          <MessageBar intent="warning" data-testid="note-failed">
            <MessageBarBody>{intl.formatMessage({ id: 'notes.failed' }, { names: intl.formatList(f.status.names, { type: 'conjunction' }), count: f.status.names.length })}</MessageBarBody>
          </MessageBar>
          <ErrorNotice error={f.status.error} />
        </>
      )}
      {f.status.kind === 'saved' && (
        <MessageBar intent="success" data-testid="note-saved">
          <MessageBarBody>{intl.formatMessage({ id: 'notes.saved' }, { count: f.status.count })}</MessageBarBody>
        </MessageBar>
      )}
    </KeepingForm>
  );
}
