import { useEffect, useState } from 'react';
import type { ItemSnapshot, OfficeHost } from '../../office/host';

export type CurrentItemState =
  | { status: 'loading' }
  | { status: 'none' }
  | { status: 'ready'; item: ItemSnapshot }
  | { status: 'error'; error: unknown };

/**
 * The item a pinned pane should show. On every item change the previous item is cleared first, so
 * data about the old message never flashes beside the new one; a late answer for an older item is dropped.
 */
export function useCurrentItem(host: OfficeHost): CurrentItemState {
  const [state, setState] = useState<CurrentItemState>({ status: 'loading' });
  useEffect(() => {
    let generation = 0;
    const load = (): void => {
      const mine = ++generation;
      setState({ status: 'loading' });
      host.currentItem().then(
        (item) => mine === generation && setState(item ? { status: 'ready', item } : { status: 'none' }),
        (error: unknown) => mine === generation && setState({ status: 'error', error }),
      );
    };
    load();
    const unsubscribe = host.onItemChanged(load);
    return () => {
      generation++;
      unsubscribe();
    };
  }, [host]);
  return state;
}
