import { useEffect, useState } from 'react';
import type { TriageRuntime } from '../../services/triageRuntime';
import type { TriageRecord } from '../../services/triage/types';

/** Undo of a move made with a filing, while Triage's history still holds it. */
export function useDepartedUndo(triage: TriageRuntime, record: TriageRecord, onDone: () => void) {
  const [undoable, setUndoable] = useState(() => triage.history.list().some((r) => r.id === record.id));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Undone from Triage's Recent list instead: then there is nothing left to undo here.
  useEffect(() => triage.history.subscribe(() => setUndoable(triage.history.list().some((r) => r.id === record.id))), [triage, record.id]);
  const undo = async () => {
    setBusy(true);
    setError(null);
    try {
      await triage.service.undo(record);
      triage.history.remove(record.id);
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { undoable, busy, error, undo };
}
