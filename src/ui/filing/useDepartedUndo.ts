import { useEffect, useRef, useState } from 'react';
import { undoFiledMove, type FiledMove, type FiledMoveUndo } from '../../services/filing/filedMoveUndo';
import type { FilingRuntime } from '../../services/filingRuntime';
import type { TriageRuntime } from '../../services/triageRuntime';
import { useLatest } from '../shared/useAsync';
import type { Departed } from './DepartedNotice';

/**
 * One Undo for a click that filed a message and moved it away: the message back, then the filings that
 * click made removed. What is left after a failure is kept, so Retry does only that.
 */
export function useDepartedUndo(triage: TriageRuntime, runtime: FilingRuntime | null, departed: Departed, onGone: () => void, onFinished: (record: string) => void) {
  const inHistory = () => triage.history.list().some((r) => r.id === departed.record.id);
  const [undoable] = useState(inHistory);
  const [left, setLeft] = useState<FiledMove>({ record: departed.record, filings: departed.filings });
  const [outcome, setOutcome] = useState<FiledMoveUndo | null>(null);
  const [busy, setBusy] = useState(false);
  const own = useRef(false);
  const gone = useLatest(onGone);
  const finished = useLatest(onFinished);
  const moveLeft = left.record !== null;
  // The move undone from Triage's Recent list instead: what this bar says of it is no longer so, so it goes.
  useEffect(() => {
    if (!moveLeft) return undefined;
    return triage.history.subscribe(() => {
      if (!own.current && !triage.history.list().some((r) => r.id === departed.record.id)) gone.current();
    });
  }, [triage, departed.record.id, moveLeft, gone]);
  const undo = async () => {
    if (!runtime) return;
    setBusy(true);
    own.current = true;
    try {
      const result = await undoFiledMove({ runner: triage.runner, unfile: (f) => runtime.filing.unfile(f), graph: runtime.graph }, left, outcome?.folder ?? null);
      setOutcome(result);
      if (result.kind === 'partial') setLeft(result.left);
      else {
        setLeft({ record: null, filings: [] });
        finished.current(departed.record.id); // all undone: nothing more to offer, the bar is a confirmation now
      }
    } catch (error) {
      setOutcome({ kind: 'partial', left, movedBack: left.record === null, folder: outcome?.folder ?? null, error });
    } finally {
      own.current = false;
      setBusy(false);
    }
  };
  return { undoable: undoable && runtime !== null, busy, outcome, undo };
}
