import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useIntl, type IntlShape } from 'react-intl';
import type { Filing } from '../../services/filingRuntime';
import type { FiledMoveUndo } from '../../services/filing/filedMoveUndo';
import type { FilingRuntime } from '../../services/filingRuntime';
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
  /** The filings that click made (not those the message already had): its Undo removes them. */
  filings: Filing[];
}

/** What the bar says after Undo: all undone, or exactly what is left. */
function undoneText(intl: IntlShape, outcome: FiledMoveUndo, departed: Departed): string {
  const where = { known: outcome.folder ? 'yes' : 'no', folder: outcome.folder ?? '' };
  if (outcome.kind === 'undone') {
    const names = departed.filings.map((f) => f.entityName);
    return intl.formatMessage({ id: 'filing.departedUndone' }, { ...where, names: intl.formatList(names, { type: 'conjunction' }), count: names.length });
  }
  const names = outcome.left.filings.map((f) => f.entityName);
  if (!outcome.movedBack) return intl.formatMessage({ id: 'filing.departedUndoFailed' }, { folder: folderName(intl, departed.moved) });
  return intl.formatMessage({ id: 'filing.departedUnfileFailed' }, { ...where, names: intl.formatList(names, { type: 'conjunction' }), count: names.length });
}

/** What became of a message filed and moved away, with one Undo for both while Triage's history still holds the move. */
export function DepartedNotice({ departed, triage, runtime, onGone, onFinished }: { departed: Departed; triage: TriageRuntime; runtime: FilingRuntime | null; onGone: () => void; onFinished: (record: string) => void }) {
  const intl = useIntl();
  const { undoable, busy, outcome, undo } = useDepartedUndo(triage, runtime, departed, onGone, onFinished);
  const names = intl.formatList(departed.names, { type: 'conjunction' });
  const failed = outcome?.kind === 'partial';
  const text = outcome
    ? undoneText(intl, outcome, departed)
    : intl.formatMessage({ id: 'filing.departed' }, { subject: departed.subject || intl.formatMessage({ id: 'item.noSubject' }), names, count: departed.names.length, folder: folderName(intl, departed.moved) });
  const offered = undoable && outcome?.kind !== 'undone';
  return (
    <>
      <MessageBar intent={failed ? 'warning' : 'success'} data-testid="filing-departed">
        <MessageBarBody>{text}</MessageBarBody>
        {offered && (
          <MessageBarActions>
            <Button size="small" disabled={busy} onClick={() => void undo()} data-testid={failed ? 'filing-departed-retry' : 'filing-departed-undo'}>
              {busy ? <Spinner size="extra-tiny" /> : intl.formatMessage({ id: failed ? 'filing.retry' : 'triage.undo' })}
            </Button>
          </MessageBarActions>
        )}
      </MessageBar>
      {failed && <ErrorNotice error={outcome.error} />}
    </>
  );
}
