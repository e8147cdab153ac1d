/**
 * Erasures and merges swept again once every colleague's pane has caught up with them.
 *
 * A pane files to an entity without reading it first when its index, caught up within
 * ENTITY_MAX_AGE_MS, holds it (record/replicatedTrailStore.ts: each such read is 1 resource unit of the
 * budget all users of the tenant share). So a colleague who still knew a person erased, or a duplicate
 * merged, may file to it for up to that long afterwards. The pane that erased or merged sweeps the gone
 * entity again after that time and a margin: late filings of an erased person are removed, a merged
 * duplicate's are moved onto the entity kept. A sweep not yet done is kept in storage, so closing the
 * pane only delays it to the next open; one that fails is tried again then.
 */
import { ENTITY_MAX_AGE_MS } from '../../record/entityIndex';
import type { LateSweep, TrailStore } from '../../record/trailStore';
import { createPersistedList, type ItemStorage } from '../storage/persistedList';

/** The index's freshness bound, and five minutes for a write already under way (its retries included). */
export const LATE_SWEEP_AFTER_MS = ENTITY_MAX_AGE_MS + 5 * 60_000;

/** A sweep that failed is tried again after this long while the pane stays open (and when it next opens). */
export const RETRY_AFTER_MS = 5 * 60_000;

interface Pending {
  late: LateSweep;
  /** When it is due (ms since the epoch). */
  dueAt: number;
}

export interface LateSweepsOptions {
  store: Pick<TrailStore, 'sweep'>;
  storage: ItemStorage;
  key: string;
  now?: () => number;
  /** How the pane waits while open (setTimeout by default); tests pass their own. */
  wait?: (ms: number, then: () => void) => void;
}

export interface LateSweeps {
  /** Remembers an erasure or a merge just done, to sweep once it is due. */
  schedule(late: LateSweep): void;
  /** Sweeps what is due now (as the pane opens, and when a timer fires); what fails stays for next time. */
  runDue(): Promise<void>;
}

const isRef = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string' && ['person', 'organisation', 'project'].includes(String((value as { kind?: unknown }).kind));

function parsePending(raw: unknown): Pending | undefined {
  const p = raw as Partial<Pending> | null;
  const late = p?.late as Partial<{ kind: string; ref: unknown; from: unknown; into: unknown }> | undefined;
  if (typeof p?.dueAt !== 'number' || !late) return undefined;
  if (late.kind === 'erased' && isRef(late.ref)) return p as Pending;
  if (late.kind === 'merged' && isRef(late.from) && isRef(late.into)) return p as Pending;
  return undefined;
}

const sameSweep = (a: LateSweep, b: LateSweep): boolean => JSON.stringify(a) === JSON.stringify(b);

export function createLateSweeps(options: LateSweepsOptions): LateSweeps {
  const now = options.now ?? Date.now;
  const wait = options.wait ?? ((ms: number, then: () => void) => void setTimeout(then, ms));
  const pending = createPersistedList(options.storage, options.key, parsePending, 200);
  let running: Promise<void> | undefined;

  async function sweepDue(): Promise<void> {
    for (const entry of [...pending.list()].reverse().filter((p) => p.dueAt <= now())) { // oldest first
      try {
        await options.store.sweep(entry.late);
        pending.update((items) => items.filter((p) => !sameSweep(p.late, entry.late)));
      } catch {
        // Kept: tried again when the pane next opens (or this one's next timer fires).
      }
    }
  }

  /** While the pane stays open: a timer for the next sweep not yet due, and a retry in a while for one that failed. */
  function waitForNext(): void {
    const left = pending.list();
    if (left.length === 0) return;
    const at = now();
    const notDue = left.filter((p) => p.dueAt > at).map((p) => p.dueAt - at);
    wait(notDue.length < left.length ? RETRY_AFTER_MS : Math.min(...notDue), () => void runDue());
  }

  const runDue = (): Promise<void> =>
    (running ??= sweepDue()
      .then(waitForNext)
      .finally(() => (running = undefined)));

  return {
    schedule(late) {
      const entry: Pending = { late, dueAt: now() + LATE_SWEEP_AFTER_MS };
      // Newest first: past the list's cap the oldest are the ones dropped.
      pending.update((items) => [entry, ...items.filter((p) => !sameSweep(p.late, late))]);
      wait(LATE_SWEEP_AFTER_MS, () => void runDue());
    },
    runDue,
  };
}
