import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import type { TriageRuntime } from '../../services/triageRuntime';
import type { TriageRecord } from '../../services/triage/types';
import { ErrorNotice } from '../shared/ErrorNotice';
import { folderName } from './filingText';
import { useDepartedUndo } from './useDepartedUndo';
import type { FiledTriage } from './useFiling';

/** A message filed and moved in one click: it has left the pane, so the pane says what became of it. */
export interface Departed {
  itemId: string;
  subject: string;
  names: string[];
  moved: FiledTriage;
  record: TriageRecord;
}

/** What became of a message filed and moved away, with its undo while Triage's history still holds it. */
export function DepartedNotice({ departed, triage, onDone }: { departed: Departed; triage: TriageRuntime; onDone: () => void }) {
  const intl = useIntl();
  const { undoable, busy, error, undo } = useDepartedUndo(triage, departed.record, onDone);
  const names = intl.formatList(departed.names, { type: 'conjunction' });
  return (
    <>
      <MessageBar intent="success" data-testid="filing-departed">
        <MessageBarBody>{intl.formatMessage({ id: 'filing.departed' }, { subject: departed.subject || intl.formatMessage({ id: 'item.noSubject' }), names, count: departed.names.length, folder: folderName(intl, departed.moved) })}</MessageBarBody>
        {undoable && (
          <MessageBarActions>
            <Button size="small" disabled={busy} onClick={() => void undo()} data-testid="filing-departed-undo">
              {busy ? <Spinner size="extra-tiny" /> : intl.formatMessage({ id: 'triage.undo' })}
            </Button>
          </MessageBarActions>
        )}
      </MessageBar>
      {error !== null && <ErrorNotice error={error} />}
    </>
  );
}
