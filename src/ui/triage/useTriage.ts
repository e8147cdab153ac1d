import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { OfficeHost, SelectedItem } from '../../office/host';
import type { TriageRuntime } from '../../services/triageRuntime';
import type { TriageRunOutcome, TriageUndoOutcome } from '../../services/triage/runner';
import type { TriageAction, TriageRecord } from '../../services/triage/types';
import type { CurrentItemState } from '../currentItem/useCurrentItem';

/** Outlook's multi-select tops out here, and so does one action. */
export const MAX_SELECTION = 100;

/** What the pane says about its last action: the runner's outcome of a triage or a retry, or of an undo. */
export type TriageOutcome = TriageRunOutcome | TriageUndoOutcome;

export interface Counts {
  asap: number;
  overdue: number;
  readLater: number;
  readLaterUnread: number;
  /** The folders' names as the mailbox has them (the one remembered by id may differ from the settings). */
  asapFolder: string;
  readLaterFolder: string;
}

/**
 * The taskpane's triage: the selection, actions on it, counts, undo and the outbox. The open item is
 * the one the shell read for the whole pane; only the selection is read here.
 */
export function useTriage(host: OfficeHost, runtime: TriageRuntime, item: CurrentItemState) {
  const [selection, setSelection] = useState<SelectedItem[]>([]);
  const [busy, setBusy] = useState<TriageAction | 'undo' | 'retry' | null>(null);
  const [outcome, setOutcome] = useState<TriageOutcome | null>(null);
  const [counts, setCounts] = useState<Counts | null>(null);
  // The mailbox the selection is in: the open item's (Book time and triage act there).
  const [mailbox, setMailbox] = useState<string | null>(null);
  const history = useSyncExternalStore(runtime.history.subscribe, runtime.history.list);
  const stored = useSyncExternalStore(runtime.outbox.subscribe, runtime.outbox.list);
  // An intent this pane is sending right now is its busy state, not something waiting; one left by a
  // closed pane or ribbon click is (offered for Retry).
  const outbox = useMemo(() => stored.filter((entry) => !(entry.state === 'sending' && runtime.runner.isRunning(entry.id))), [stored, runtime]);

  // What this panel last said is about its own last action: a move made elsewhere (filing's
  // "then archive", a ribbon button) makes it stale, so it goes.
  const ownRecords = useRef(new Set<string>());
  const seenRecords = useRef(new Set(history.map((r) => r.id)));
  // The subjects the outcome is about: opening one of them again is no reason to drop it.
  const outcomeAbout = useRef<readonly string[]>([]);
  // The open item, and the mailbox the pane acts on: a shared one's counts are its own, not the user's.
  const open = useRef<{ id: string | null; mailbox: string | null } | undefined>(undefined);
  const countsRead = useRef(0);
  const refreshCounts = useCallback(() => {
    // Only the latest read may land: an answer for the mailbox the pane has left must not show.
    const read = ++countsRead.current;
    const land = (next: Counts | null) => read === countsRead.current && setCounts(next);
    const service = runtime.serviceFor(open.current?.mailbox ?? null);
    service.counts().then(
      (counts) => land({ ...counts, asapFolder: service.destinationName('asap'), readLaterFolder: service.destinationName('readLater') }),
      () => land(null),
    );
  }, [runtime]);
  useEffect(() => {
    const added = history.filter((r) => !seenRecords.current.has(r.id));
    for (const r of added) seenRecords.current.add(r.id);
    if (added.some((r) => !ownRecords.current.has(r.id))) {
      setOutcome(null);
      // The ribbon (or filing's then-archive) moved mail: what waits in ASAP and Read later changed too.
      refreshCounts();
    }
  }, [history, refreshCounts]);
  useEffect(() => {
    // The open item as the shell read it (once for the whole pane); a read that failed is nothing open.
    if (item.status === 'loading') return;
    const opened = item.status === 'ready' ? item.value : null;
    const previous = open.current;
    // Nothing open (the message just moved away) leaves the pane in the mailbox it was acting on.
    const next = { id: opened?.id ?? null, mailbox: opened ? opened.mailbox : (previous?.mailbox ?? null) };
    open.current = next;
    setMailbox(next.mailbox);
    // Another message opened: what the pane said was about the one before (Undo stays in Recent).
    if (previous && opened && opened.id !== previous.id && !outcomeAbout.current.includes(opened.subject)) setOutcome(null);
    if (!previous || next.mailbox !== previous.mailbox) {
      setCounts(null);
      refreshCounts();
    }
  }, [item, refreshCounts]);
  useEffect(() => {
    // Item and selection events can both fire for one click: only the latest read may land.
    let latest = 0;
    const readSelection = () => {
      const read = ++latest;
      const land = (items: SelectedItem[]) => read === latest && setSelection(items.filter((i) => i.kind === 'message'));
      host.selectedItems().then(land, () => land([]));
    };
    readSelection();
    const stopItem = host.onItemChanged(readSelection);
    const stopSelection = host.onSelectionChanged(readSelection);
    return () => {
      stopItem();
      stopSelection();
    };
  }, [host]);

  /** What the pane says after an action: the runner's outcome, about these subjects; counts read again. */
  const show = useCallback(
    (next: TriageOutcome, subjects: readonly string[]) => {
      setOutcome(next);
      if (next.kind === 'error') return;
      outcomeAbout.current = [...subjects];
      refreshCounts();
    },
    [refreshCounts],
  );
  const own = useRef({ onRecord: (record: TriageRecord) => void ownRecords.current.add(record.id) }).current;

  // Intents a closed pane or ribbon click left unfinished are resumed once, when the pane opens; the
  // pane says what that finished, left or still waits for.
  const [resumed, setResumed] = useState<TriageRunOutcome[]>([]);
  const resuming = useRef(false);
  useEffect(() => {
    if (resuming.current || runtime.runner.interrupted().length === 0) return;
    resuming.current = true;
    void runtime.runner.resume(own).then((outcomes) => {
      setResumed(outcomes);
      if (outcomes.length) refreshCounts();
    });
  }, [runtime, own, refreshCounts]);

  const triage = useCallback(
    async (action: TriageAction) => {
      if (busy) return;
      // Read the selection at click time: it may have changed since the pane last looked.
      const items = (await host.selectedItems()).filter((i) => i.kind === 'message');
      if (items.length === 0 || items.length > MAX_SELECTION) return;
      setBusy(action);
      setOutcome(null);
      try {
        // Selected messages share the open item's folder, so its mailbox (known since it opened) is theirs.
        const mailbox = open.current?.mailbox ?? null;
        show(await runtime.runner.triageItems(action, { mailbox, items }, own), items.map((i) => i.subject));
      } finally {
        setBusy(null);
      }
    },
    [busy, host, runtime, show, own],
  );

  const undo = useCallback(
    async (record: TriageRecord) => {
      if (busy) return;
      setBusy('undo');
      try {
        show(await runtime.runner.undo(record), record.messages.map((m) => m.before.subject));
      } finally {
        setBusy(null);
      }
    },
    [busy, runtime, show],
  );

  const retry = useCallback(
    async (entryId: string) => {
      if (busy) return;
      const entry = runtime.outbox.list().find((e) => e.id === entryId);
      if (!entry) return;
      setBusy('retry');
      try {
        const outcome = await runtime.runner.retry(entryId, own);
        if (outcome) show(outcome, entry.subjects);
      } finally {
        setBusy(null);
      }
    },
    [busy, runtime, show, own],
  );

  return { selection, mailbox, busy, outcome, resumed, counts, history, outbox, triage, undo, retry, refreshCounts, discard: runtime.outbox.discard };
}
