import { Field, Textarea } from '@fluentui/react-components';
import { useLayoutEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import { NOTE_MAX } from '../../services/filingRuntime';
import type { FilingControls } from './useFiling';
import { useFilingPanelStyles } from './useFilingPanelStyles';

/**
 * The note with the filing: a box that wraps and grows, counting to what the record's one-line column
 * holds. A longer note stays as typed and stops filing, with the reason, rather than being cut.
 */
export function NoteField({ f, label }: { f: FilingControls; label: string }) {
  const styles = useFilingPanelStyles();
  const intl = useIntl();
  const box = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + 2}px`;
  }, [f.note]);
  const count = f.note.trim().length;
  return (
    <Field
      label={label}
      validationState={f.noteTooLong ? 'error' : 'none'}
      validationMessage={f.noteTooLong ? intl.formatMessage({ id: 'filing.noteTooLong' }, { max: NOTE_MAX, over: count - NOTE_MAX }) : undefined}
      hint={<span data-testid="filing-note-count">{intl.formatMessage({ id: 'filing.noteCount' }, { count, max: NOTE_MAX })}</span>}
    >
      <Textarea
        ref={box}
        value={f.note}
        rows={1}
        resize="vertical"
        textarea={{ className: styles.note }}
        onChange={(_, d) => f.setNote(d.value)}
        // Enter would start a line the record cannot keep.
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.preventDefault();
        }}
        data-testid="filing-note"
      />
    </Field>
  );
}
