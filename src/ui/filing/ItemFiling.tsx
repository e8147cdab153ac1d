import { entityKey } from '../../domain/entities';
import type { ItemSnapshot, OfficeHost } from '../../office/host';
import type { FilingRuntime } from '../../services/filingRuntime';
import type { TriageRuntime } from '../../services/triageRuntime';
import type { Departed } from './DepartedNotice';
import { EntityView } from './EntityView';
import { ItemFilingBody } from './ItemFilingBody';
import { useFiling } from './useFiling';
import { useOpenedEntities } from './useOpenedEntities';
import { FILING_WORDS, FilingWordsContext } from './wording';

/** One open item's filing, and the entities opened from it on top. */
export function ItemFiling({ runtime, host, item, triage, onDeparted }: { runtime: FilingRuntime; host: OfficeHost; item: ItemSnapshot; triage: TriageRuntime | undefined; onDeparted: (d: Departed) => void }) {
  const f = useFiling(runtime, item, triage, {
    onMovedAway: ({ names, moved, filings }) => onDeparted({ itemId: item.id, subject: item.subject, names, moved, record: moved.record, filings }),
    bodyText: host.itemBodyText ? () => host.itemBodyText!() : undefined,
  });
  const { top, open, back } = useOpenedEntities();
  // The item's view stays mounted while an entity is shown, so Back finds the search and note as they were typed.
  return (
    <FilingWordsContext.Provider value={FILING_WORDS[item.kind === 'appointment' ? 'appointment' : 'message']}>
      {top && <EntityView key={entityKey(top.ref)} runtime={runtime} host={host} entity={top} onBack={back} onOpen={open} />}
      <div hidden={!!top} style={{ display: top ? 'none' : 'contents' }}>
        <ItemFilingBody runtime={runtime} host={host} item={item} f={f} onOpen={open} triage={triage} />
      </div>
    </FilingWordsContext.Provider>
  );
}
