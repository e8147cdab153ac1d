import type { OfficeHost } from '../../office/host';
import type { FilingRuntime } from '../../services/filingRuntime';
import type { TriageRuntime } from '../../services/triageRuntime';
import { CurrentItem } from '../currentItem/CurrentItem';
import type { CurrentItemState } from '../currentItem/useCurrentItem';
import { FilingPanel } from '../filing/FilingPanel';
import type { AsyncState } from '../shared/useAsync';
import { TriagePanel } from '../triage/TriagePanel';

/** The open item, its filing and triage: the shell reads the item from Outlook once per change, for all of them. */
export function ItemPane({ host, item, filing, triage, onRetry }: { host: OfficeHost; item: CurrentItemState; filing: AsyncState<FilingRuntime>; triage: TriageRuntime; onRetry: () => void }) {
  return (
    <>
      <CurrentItem state={item} />
      <FilingPanel host={host} item={item} state={filing} triage={triage} onRetry={onRetry} />
      <TriagePanel host={host} runtime={triage} item={item} />
    </>
  );
}
