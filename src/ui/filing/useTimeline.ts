import { useCallback, useEffect, useRef, useState } from 'react';
import { entityKey, type EntitySummary } from '../../domain/entities';
import type { OfficeHost } from '../../office/host';
import type { FilingRuntime } from '../../services/filingRuntime';
import { findInOwnMailbox, firstTimelinePage, nextTimelinePage, type TimelineEntry, type TimelinePage, type TimelineSource } from '../../services/timeline/timeline';
import { useAsync, useLatest, type AsyncState } from '../shared/useAsync';

export interface TimelineShown {
  entries: TimelineEntry[];
  next: Record<string, string>;
  /** The next page is being read. */
  more: boolean;
}

/** Pages read after the first one, for that first page (a re-read of the first page starts them afresh). */
type Paged = ({ from: TimelinePage } & TimelineShown) | { from: TimelinePage; error: unknown };

/** The same subjects, kept while their key is: a new array with the same entities reads nothing again. */
function useSameSubjects(subjects: EntitySummary[]): EntitySummary[] {
  const key = subjects.map((s) => entityKey(s.ref)).join(',');
  const [kept, setKept] = useState({ key, subjects });
  if (kept.key !== key) setKept({ key, subjects });
  return kept.key === key ? kept.subjects : subjects;
}

export interface TimelineInputs {
  runtime: FilingRuntime;
  host: OfficeHost;
  subjects: EntitySummary[];
  address: string | null;
  mailbox: string | null;
  revision: string;
}

/**
 * The timeline's state: the first page (a skeleton for someone else; re-read in place when `revision`
 * changes), further pages as "Show more" comes into view, and opening an entry in Outlook.
 */
export function useTimeline({ runtime, host, subjects: given, address, mailbox, revision }: TimelineInputs) {
  const subjects = useSameSubjects(given);
  const source = useCallback(
    (): TimelineSource => ({ store: runtime.filing.store, graph: runtime.graph, self: runtime.self, mailbox, currentName: (ref) => runtime.index.entity(ref)?.name }),
    [runtime, mailbox],
  );
  const readFirst = useCallback(() => firstTimelinePage(source(), subjects, address), [source, subjects, address]);
  const whose = `${address ?? ''}|${subjects.map((s) => entityKey(s.ref)).join(',')}|${mailbox ?? ''}`;
  const first = useAsync(readFirst, whose, revision).state;
  const [paged, setPaged] = useState<Paged | null>(null);
  const [notice, setNotice] = useState<'notInMailbox' | null>(null);

  let state: AsyncState<TimelineShown>;
  if (first.status !== 'ready') state = first;
  else if (paged && paged.from === first.value) state = 'error' in paged ? { status: 'error', error: paged.error } : { status: 'ready', value: paged };
  else state = { status: 'ready', value: { entries: first.value.entries, next: first.value.next, more: false } };

  const showMore = async () => {
    if (first.status !== 'ready' || state.status !== 'ready' || state.value.more) return;
    const from = first.value;
    const shown = state.value;
    setPaged({ from, ...shown, more: true });
    try {
      const page = await nextTimelinePage(source(), subjects, shown.next);
      setPaged({ from, entries: [...shown.entries, ...page.entries], next: page.next, more: false });
    } catch (error) {
      setPaged({ from, error });
    }
  };

  const moreButton = useRef<HTMLButtonElement | null>(null);
  const latestShowMore = useLatest(showMore);
  const hasMore = state.status === 'ready' && Object.keys(state.value.next).length > 0;
  const shownCount = state.status === 'ready' ? state.value.entries.length : 0;
  useEffect(() => {
    const target = moreButton.current;
    if (!hasMore || !target || typeof IntersectionObserver === 'undefined') return;
    // Observed afresh after each page, so a page too short to fill the pane leads on to the next.
    const observer = new IntersectionObserver((seen) => seen.some((e) => e.isIntersecting) && void latestShowMore.current(), { rootMargin: '0px 0px 160px 0px' });
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasMore, shownCount, latestShowMore]);

  const open = async (entry: TimelineEntry) => {
    if (!entry.open) return;
    setNotice(null);
    const found = await findInOwnMailbox(runtime.graph, entry.open).catch(() => null);
    if (found) host.openItem(found);
    else setNotice('notInMailbox');
  };

  return { state, hasMore, showMore, moreButton, open, notice };
}
