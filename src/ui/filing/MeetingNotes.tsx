import { Button, Field, Spinner, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { FilingControls } from './useFiling';

/** "What was agreed", written after the meeting and filed to everything the meeting is linked to. */
export function MeetingNotes({ f, linked }: { f: FilingControls; linked: boolean }) {
  const intl = useIntl();
  const [text, setText] = useState('');
  // Cleared only once saved: a failure keeps what was written.
  const save = async () => {
    if (await f.addMeetingNote(text.trim())) setText('');
  };
  return (
    <Field label={intl.formatMessage({ id: 'meeting.notes' })} hint={linked ? undefined : intl.formatMessage({ id: 'meeting.notesHint' })}>
      <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" maxLength={10_000} data-testid="meeting-notes" />
      <Button size="small" disabled={!linked || !text.trim() || f.busy !== null} onClick={() => void save()} data-testid="meeting-notes-save">
        {f.busy === 'note' ? <Spinner size="extra-tiny" /> : intl.formatMessage({ id: 'meeting.notesSave' })}
      </Button>
    </Field>
  );
}
