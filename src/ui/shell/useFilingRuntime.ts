import type { FilingRuntime } from '../../services/filingRuntime';
import { useAsync, type AsyncState } from '../shared/useAsync';

export interface FilingRuntimeControls {
  state: AsyncState<FilingRuntime>;
  /** Locates the record again, keeping what is shown (a sign-in succeeded, the admin screen closed). */
  relocate: () => void;
  /** Try again after the record could not be located: from a skeleton. */
  retry: () => void;
}

/** The shared record located for the pane: started once, and again when something may have changed it. */
export function useFilingRuntime(start: () => Promise<FilingRuntime>): FilingRuntimeControls {
  const { state, reload, retry } = useAsync(start);
  return { state, relocate: () => void reload(), retry: () => void (state.status === 'error' ? retry() : reload()) };
}
