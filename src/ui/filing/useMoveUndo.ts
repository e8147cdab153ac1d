import { undoFiledMove } from '../../services/filing/filedMoveUndo';
import type { FilingRuntime } from '../../services/filingRuntime';
import type { TriageRuntime } from '../../services/triageRuntime';
import type { FiledTriage, FilingResult } from './useFiling';

type Run = (key: string, work: () => Promise<FilingResult>) => Promise<boolean>;

/**
 * Undoing a click that filed and moved the message while it stays in the pane: the message back where
 * it was (through Triage's runner) and the filings that click made removed, as the departed bar does.
 */
export function useMoveUndo(triage: TriageRuntime | undefined, runtime: FilingRuntime, run: Run) {
  return (moved: FiledTriage) =>
    run('undoMove', async () => {
      if (!triage || !moved.record) throw new Error('no triage');
      const filings = moved.filings ?? [];
      const undone = await undoFiledMove({ runner: triage.runner, unfile: (f) => runtime.filing.unfile(f), graph: runtime.graph }, { record: moved.record, filings });
      // Not all undone: said as the error it met; the item's view, read again, shows what is still filed.
      if (undone.kind === 'partial') throw undone.error;
      return { kind: 'moveUndone', names: filings.map((f) => f.entityName), folder: undone.folder };
    });
}
