import { useCallback, useState } from 'react';
import type { EntitySummary } from '../../domain/entities';
import type { RecordKeeping } from '../../services/record/recordKeeping';
import { useAsync } from '../shared/useAsync';

export type MergeStatus = { kind: 'choosing' } | { kind: 'merging' } | { kind: 'merged'; filings: number } | { kind: 'failed'; error: unknown };

/**
 * Merging a duplicate into the open entity (which stays): the likely duplicates Trail sees, the
 * chosen one's preview of what moves, and the merge. A merge that stops part-way can be pressed
 * again: the store finishes what is left.
 */
export function useMerge(keeping: RecordKeeping, kept: EntitySummary, onMerged: () => void, initiallyChosen: EntitySummary | null = null) {
  const suggestionsRead = useCallback(() => keeping.suggestDuplicates(kept.ref), [keeping, kept]);
  const suggestions = useAsync(suggestionsRead, `${kept.ref.kind}:${kept.ref.id}`).state;
  const [chosen, setChosen] = useState<EntitySummary | null>(initiallyChosen);
  const previewRead = useCallback(() => (chosen ? keeping.previewMerge(chosen.ref, kept.ref) : Promise.resolve(null)), [keeping, kept, chosen]);
  const preview = useAsync(previewRead, chosen ? `${chosen.ref.kind}:${chosen.ref.id}` : 'none').state;
  const [status, setStatus] = useState<MergeStatus>({ kind: 'choosing' });
  const merge = async () => {
    if (!chosen || status.kind === 'merging') return;
    setStatus({ kind: 'merging' });
    try {
      const moved = await keeping.merge(chosen.ref, kept.ref);
      setStatus({ kind: 'merged', filings: moved.filingsMoved });
      onMerged();
    } catch (error) {
      setStatus({ kind: 'failed', error });
    }
  };
  return { suggestions, chosen, choose: (e: EntitySummary | null) => (setChosen(e), setStatus({ kind: 'choosing' })), preview, status, merge };
}
