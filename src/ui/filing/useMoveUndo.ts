import type { TriageRuntime } from '../../services/triageRuntime';
import type { TriageRecord } from '../../services/triage/types';
import type { FilingResult } from './useFiling';

type Run = (key: string, work: () => Promise<FilingResult>) => Promise<boolean>;

/** Undoing the move a filing made in the same click (the message back where it was), through Triage's runner. */
export function useMoveUndo(triage: TriageRuntime | undefined, run: Run) {
  return (record: TriageRecord) =>
    run('undoMove', async () => {
      if (!triage) throw new Error('no triage');
      const undone = await triage.runner.undo(record);
      if (undone.kind === 'error') throw undone.error;
      // Not restored: said as the error it met; the record stays in Triage's Recent, where Undo tries again.
      if (undone.failed.length > 0) throw undone.failed[0]!.error;
      return { kind: 'moveUndone' };
    });
}
