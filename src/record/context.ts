import type { BatchOptions, BatchResult, BatchStep } from '../graph/batch';
import type { SiteLists } from './listItems';
import type { Filer } from './mapping';

/** What every store operation needs: the lists, who is acting, the clock, and batching. */
export interface StoreContext {
  lists: SiteLists;
  filer: Filer;
  now: () => Date;
  /** Organisation-specific additions to the public mail domains. */
  extraPublicDomains: readonly string[];
  /** `options` for one call only (e.g. no retries where a refusal is an answer: entityWindows.ts). */
  batch: (steps: readonly BatchStep[], options?: BatchOptions) => Promise<BatchResult[]>;
  /**
   * Entity keys whose query on EntityKey alone SharePoint refused as past the list view threshold, in
   * this store's lifetime: their filings are read through date windows at once (entityWindows.ts).
   */
  pastThreshold?: Set<string>;
}
