import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import { ErrorNotice } from '../shared/ErrorNotice';
import { folderName } from './filingText';
import type { FiledTriage, FilingResult } from './useFiling';
import { useFilingWords } from './wording';

/** What the last action did, in words; with Undo when a filing also moved the message. */
export function FilingResultBar({ result, onUndoMove, busy, filedKey }: { result: FilingResult; filedKey: string; onUndoMove: (moved: FiledTriage) => void; busy: boolean }) {
  const intl = useIntl();
  const words = useFilingWords();
  const bar = useRef<HTMLDivElement>(null);
  // Unfile removes the very button that was pressed (once the Filed to list is read again): focus comes
  // here rather than falling to the page.
  useEffect(() => {
    const lost = !document.activeElement || document.activeElement === document.body;
    if (lost) bar.current?.focus();
  }, [result, filedKey]);
  if (result.kind === 'error') return <ErrorNotice error={result.error} />;
  if (result.kind === 'sameName') return null; // asked where the person would be created (SameNameWarning)
  const list = (names: string[]) => intl.formatList(names, { type: 'conjunction' });
  let text: string;
  let intent: 'success' | 'error' | 'warning' = 'success';
  switch (result.kind) {
    case 'filed': {
      text = intl.formatMessage({ id: result.tagged ? words.done : words.doneUntagged }, { names: list(result.names) });
      if (result.moved) {
        text += ` ${intl.formatMessage({ id: result.moved.record ? 'filing.moved' : 'filing.moveQueued' }, { folder: folderName(intl, result.moved) })}`;
        if (!result.moved.record) intent = 'warning';
      }
      break;
    }
    case 'noted':
      text = intl.formatMessage({ id: 'meeting.notesSaved' }, { names: list(result.names) });
      break;
    case 'created':
      text = intl.formatMessage({ id: 'filing.created' }, { names: list(result.names) });
      break;
    case 'moveUndone':
      text = intl.formatMessage({ id: 'filing.departedUndone' }, { known: result.folder ? 'yes' : 'no', folder: result.folder ?? '', names: list(result.names), count: result.names.length });
      break;
    case 'unfiled':
      text = intl.formatMessage({ id: words.unfiled }, { name: result.name });
      break;
    case 'failed': {
      const gone = result.gone ?? [];
      const filed = result.filed ?? [];
      text = [
        result.names.length ? intl.formatMessage({ id: words.failed }, { names: list(result.names) }) : '',
        gone.length ? intl.formatMessage({ id: words.gone }, { names: list(gone), count: gone.length }) : '',
        gone.length && filed.length ? intl.formatMessage({ id: words.done }, { names: list(filed) }) : '',
      ]
        .filter(Boolean)
        .join(' ');
      intent = result.names.length ? 'error' : 'warning';
      break;
    }
  }
  const moved = result.kind === 'filed' && result.moved?.record ? result.moved : null;
  return (
    <MessageBar ref={bar} tabIndex={-1} intent={intent} data-testid="filing-result">
      <MessageBarBody>{text}</MessageBarBody>
      {moved && (
        <MessageBarActions>
          <Button size="small" disabled={busy} onClick={() => onUndoMove(moved)} data-testid="filing-undo-move">
            {intl.formatMessage({ id: 'triage.undo' })}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
