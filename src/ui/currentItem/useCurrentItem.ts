import { useCallback, useEffect } from 'react';
import type { ItemSnapshot, OfficeHost } from '../../office/host';
import { useAsync, type AsyncState } from '../shared/useAsync';

/** The open item; ready with null when nothing is open. */
export type CurrentItemState = AsyncState<ItemSnapshot | null>;

/**
 * The item a pinned pane should show, read once per item change for the whole pane (the shell hands
 * it to every panel). On every item change the previous item is cleared first, so data about the old
 * message never flashes beside the new one; a late answer for an older item is dropped.
 */
export function useCurrentItem(host: OfficeHost): CurrentItemState {
  const read = useCallback(() => host.currentItem(), [host]);
  const { state, retry } = useAsync(read);
  useEffect(() => host.onItemChanged(() => void retry()), [host, retry]);
  return state;
}

/** The open item once read, else undefined. */
export const openItem = (state: CurrentItemState): ItemSnapshot | undefined => (state.status === 'ready' ? (state.value ?? undefined) : undefined);
