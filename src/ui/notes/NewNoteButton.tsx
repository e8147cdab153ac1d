import { Button } from '@fluentui/react-components';
import { NoteAdd16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { EntitySummary } from '../../domain/entities';
import type { RecordKeeping } from '../../services/record/recordKeeping';
import { NoteForm } from './NoteForm';
import { useNoteFormStyles } from './useNoteFormStyles';

/** "New note" and, once pressed, the form prefilled with the entities given (none from the pane with no item). */
export function NewNoteButton({ keeping, prefilled, onSaved }: { keeping: RecordKeeping; prefilled: readonly EntitySummary[]; onSaved?: () => void }) {
  const intl = useIntl();
  const styles = useNoteFormStyles();
  const [open, setOpen] = useState(false);
  if (open) return <NoteForm keeping={keeping} prefilled={prefilled} onClose={() => setOpen(false)} {...(onSaved ? { onSaved } : {})} />;
  return (
    <Button size="small" icon={<NoteAdd16Regular />} onClick={() => setOpen(true)} data-testid="note-new" className={styles.start}>
      {intl.formatMessage({ id: 'notes.new' })}
    </Button>
  );
}
