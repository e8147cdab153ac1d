import { useCallback, useEffect, useState } from 'react';
import { recordSetUpProblem, type FilingRuntime } from '../../services/filingRuntime';
import { openItem, type CurrentItemState } from '../currentItem/useCurrentItem';
import { useLatest, type AsyncState } from '../shared/useAsync';
import type { Departed } from './DepartedNotice';

const SET_UP_WORDS = { notSetUp: 'filing.notSetUp', noSite: 'filing.noSite', outdated: 'filing.recordOutdated' } as const;

/** The panel's own state: whether the record is set up, a retry on the next item, and a message that left. */
export function useFilingPanel(item: CurrentItemState, state: AsyncState<FilingRuntime>, onRetry: (() => void) | undefined) {
  const [departed, setDepartedState] = useState<Departed | null>(null);
  // A departed bar whose Undo is done says no more than a confirmation: it goes with the next item, so it
  // cannot read as about that one. The item shown as it finished (a bar still offering Undo or Retry stays).
  const [finished, setFinished] = useState<{ record: string; on: string | undefined } | null>(null);
  const shown = openItem(item);
  const shownId = shown?.id;
  const setDeparted = useCallback((next: Departed | null) => {
    setDepartedState(next);
    setFinished(null);
  }, []);
  const onFinished = useCallback((record: string) => setFinished({ record, on: shownId }), [shownId]);
  const over = finished !== null && departed !== null && finished.record === departed.record.id && finished.on !== shownId;
  useEffect(() => {
    if (over) setDeparted(null);
  }, [over, setDeparted]);
  const problem = state.status === 'error' ? recordSetUpProblem(state.error) : null;
  const setUpKey = problem ? SET_UP_WORDS[problem] : null;
  // A passing failure to locate the record must not last until the pane is reopened: the next item tries again.
  // Only a new item retries by itself; the state it failed in does not (so it is read, not watched).
  const retryable = useLatest(state.status === 'error' && setUpKey === null ? onRetry : undefined);
  useEffect(() => {
    if (shownId) retryable.current?.();
  }, [shownId, retryable]);
  return { shown, departed: departed && !over && departed.itemId !== shownId ? departed : null, setDeparted, onFinished, setUpKey } as const;
}
