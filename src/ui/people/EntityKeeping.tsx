import { Button } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import type { Entity, EntitySummary } from '../../domain/entities';
import type { RecordKeeping } from '../../services/record/recordKeeping';
import { DataRights } from '../dataRights/DataRights';
import type { ErasedPerson } from '../dataRights/ErasedNotice';
import { MergePanel } from '../merge/MergePanel';
import { NoteForm } from '../notes/NoteForm';
import { PersonEditor } from './PersonEditor';
import { useEntityKeeping } from './useEntityKeeping';
import { usePersonEditorStyles } from './usePersonEditorStyles';

export interface EntityKeepingProps {
  keeping: RecordKeeping;
  entity: EntitySummary;
  /** The entity as read (null while loading). */
  full: Entity | null;
  organisation: EntitySummary | null;
  /** The record changed under the view: read it again. */
  onChanged: () => void;
  /** The person was erased: the view says what went, in place of the person. */
  onErased: (erased: ErasedPerson) => void;
  /** Leave the entity's view. */
  onBack: () => void;
  /** Open another entity's view (a person who has the name typed). */
  onOpen?: ((entity: EntitySummary) => void) | undefined;
}

/** Under an entity view: edit a person, a new note, merge a duplicate in, a person's data. One panel open at a time. */
export function EntityKeeping({ keeping, entity, full, organisation, onChanged, onErased, onBack, onOpen }: EntityKeepingProps) {
  const intl = useIntl();
  const styles = usePersonEditorStyles();
  const k = useEntityKeeping(keeping, entity, full, organisation);
  const toggle = (panel: Parameters<typeof k.open>[0], label: string, testId: string) => (
    <Button size="small" appearance={k.panel === panel ? 'primary' : 'secondary'} aria-expanded={k.panel === panel} onClick={() => k.open(panel)} data-testid={testId}>
      {label}
    </Button>
  );
  return (
    <>
      <div className={styles.actions} data-testid="entity-keeping">
        {toggle('note', intl.formatMessage({ id: 'notes.new' }), 'note-new')}
        {k.canEdit && toggle('edit', intl.formatMessage({ id: 'people.edit' }), 'person-edit')}
        {k.canMerge && toggle('merge', intl.formatMessage({ id: 'merge.open' }), 'merge-open')}
        {k.canKeepData && toggle('data', intl.formatMessage({ id: 'data.title' }), 'data-open')}
      </div>
      {k.panel === 'note' && <NoteForm keeping={keeping} prefilled={k.prefilled} onClose={k.close} onSaved={onChanged} />}
      {k.panel === 'edit' && k.person && (
        <PersonEditor
          key={k.person.etag}
          keeping={keeping}
          person={k.person}
          onSaved={() => {
            k.close();
            onChanged();
          }}
          onClose={k.close}
          onOpen={onOpen}
          onMerge={k.mergeFrom}
        />
      )}
      {k.panel === 'merge' && <MergePanel key={k.mergeWith?.ref.id ?? ''} keeping={keeping} kept={entity} chosen={k.mergeWith} onMerged={onChanged} onClose={k.close} />}
      {k.panel === 'data' && <DataRights keeping={keeping} person={entity} onErased={onErased} onBack={onBack} />}
    </>
  );
}
