import { useCallback, useState } from 'react';
import type { EntityKind, EntitySummary } from '../../domain/entities';
import type { RecordKeeping } from '../../services/record/recordKeeping';
import { useAsync } from '../shared/useAsync';

/** Search as the user types (the local index when warm), narrowed to some kinds. */
export function useEntityPicker(keeping: RecordKeeping, kinds?: readonly EntityKind[]) {
  const [text, setText] = useState('');
  const kindKey = kinds?.join(',') ?? '';
  const read = useCallback(async () => {
    if (!text.trim()) return [] as EntitySummary[];
    const { results } = await keeping.search(text.trim(), 8);
    return results.filter((r) => !kindKey || kindKey.split(',').includes(r.ref.kind));
  }, [keeping, text, kindKey]);
  const { state } = useAsync(read, `picker:${text}`);
  return { text, setText, state, clear: () => setText('') };
}
