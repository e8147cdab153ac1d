import { useEffect, useState } from 'react';
import { recordSetUpProblem, type FilingRuntime } from '../../services/filingRuntime';
import { openItem, type CurrentItemState } from '../currentItem/useCurrentItem';
import { useLatest, type AsyncState } from '../shared/useAsync';
import type { Departed } from './DepartedNotice';

const SET_UP_WORDS = { notSetUp: 'filing.notSetUp', noSite: 'filing.noSite', outdated: 'filing.recordOutdated' } as const;

/** The panel's own state: whether the record is set up, a retry on the next item, and a message that left. */
export function useFilingPanel(item: CurrentItemState, state: AsyncState<FilingRuntime>, onRetry: (() => void) | undefined) {
  const [departed, setDeparted] = useState<Departed | null>(null);
  const shown = openItem(item);
  const shownId = shown?.id;
  const problem = state.status === 'error' ? recordSetUpProblem(state.error) : null;
  const setUpKey = problem ? SET_UP_WORDS[problem] : null;
  // A passing failure to locate the record must not last until the pane is reopened: the next item tries again.
  // Only a new item retries by itself; the state it failed in does not (so it is read, not watched).
  const retryable = useLatest(state.status === 'error' && setUpKey === null ? onRetry : undefined);
  useEffect(() => {
    if (shownId) retryable.current?.();
  }, [shownId, retryable]);
  return { shown, departed: departed && departed.itemId !== shownId ? departed : null, setDeparted, setUpKey } as const;
}
