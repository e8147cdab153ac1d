import type { OfficeHost } from '../../office/host';
import type { FilingRuntime } from '../../services/filingRuntime';
import type { TriageRuntime } from '../../services/triageRuntime';
import { CurrentItem } from '../currentItem/CurrentItem';
import { openItem, type CurrentItemState } from '../currentItem/useCurrentItem';
import { RecordMenu } from '../projects/RecordMenu';
import { FilingPanel } from '../filing/FilingPanel';
import { NewNoteButton } from '../notes/NewNoteButton';
import type { AsyncState } from '../shared/useAsync';
import { TriagePanel } from '../triage/TriagePanel';

/** The open item, its filing and triage: the shell reads the item from Outlook once per change, for all of them. */
export function ItemPane({ host, item, filing, triage, onRetry }: { host: OfficeHost; item: CurrentItemState; filing: AsyncState<FilingRuntime>; triage: TriageRuntime; onRetry: () => void }) {
  return (
    <>
      <CurrentItem state={item} />
      {item.status === 'ready' && !item.value && filing.status === 'ready' && <NewNoteButton keeping={filing.value.keeping} prefilled={[]} />}
      <FilingPanel host={host} item={item} state={filing} triage={triage} onRetry={onRetry} />
      {item.status === 'ready' && !openItem(item) && <RecordMenu host={host} state={filing} />}
      <TriagePanel host={host} runtime={triage} item={item} />
    </>
  );
}
