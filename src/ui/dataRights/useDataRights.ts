import { useState } from 'react';
import { mayKeepRecord } from '../../domain/recordKeepers';
import type { EntitySummary } from '../../domain/entities';
import type { ErasePreview, RecordKeeping } from '../../services/record/recordKeeping';
import { useAsync } from '../shared/useAsync';
import { downloadText } from './download';
import type { ErasedPerson } from './ErasedNotice';

export type DataRightsStatus =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'exported'; file: string; filings: number; notes: number }
  | { kind: 'confirming'; preview: ErasePreview }
  | { kind: 'erased'; erased: ErasedPerson }
  | { kind: 'failed'; error: unknown };

/** Export (a JSON download) and erasure (after a confirmation that names what goes) of one person. */
export function useDataRights(keeping: RecordKeeping, person: EntitySummary, onErased: (erased: ErasedPerson) => void) {
  const [status, setStatus] = useState<DataRightsStatus>({ kind: 'idle' });
  // Asked when the actions are about to be shown; the service keeps the answer for the session.
  const standing = useAsync(keeping.keeperStanding).state;
  const run = async (work: () => Promise<DataRightsStatus>) => {
    if (status.kind === 'working') return;
    setStatus({ kind: 'working' });
    try {
      setStatus(await work());
    } catch (error) {
      setStatus({ kind: 'failed', error });
    }
  };
  return {
    status,
    /** Still asking (null), or on what grounds the user may or may not export and erase. */
    standing: standing.status === 'ready' ? standing.value : standing.status === 'error' ? 'notOwner' : null,
    allowed: standing.status === 'ready' && mayKeepRecord(standing.value),
    exportJson: () =>
      run(async () => {
        const file = await keeping.exportPerson(person.ref);
        downloadText(file.fileName, file.json);
        return { kind: 'exported', file: file.fileName, filings: file.data.filings.length, notes: file.data.notes.length };
      }),
    askErase: () => run(async () => ({ kind: 'confirming', preview: await keeping.previewErase(person.ref) })),
    erase: () =>
      run(async () => {
        if (status.kind !== 'confirming') throw new Error('nothing to erase before the confirmation');
        const { preview } = status;
        const done = await keeping.erasePerson(person.ref);
        const erased: ErasedPerson = { name: preview.person.name, addresses: preview.addresses, filings: preview.filings, participations: preview.participations, notes: done.notes };
        onErased(erased);
        return { kind: 'erased', erased };
      }),
    cancel: () => setStatus({ kind: 'idle' }),
  };
}
