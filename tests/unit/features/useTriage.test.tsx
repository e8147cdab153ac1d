/** @jest-environment jsdom */
import { act, renderHook, waitFor } from '@testing-library/react';
import { defaultTriageSettings } from '../../../src/domain/triage/settings';
import { useTriage } from '../../../src/ui/triage/useTriage';
import type { TriageRuntime } from '../../../src/services/triageRuntime';
import { createTriageHistory } from '../../../src/services/triage/undoHistory';
import { createOutbox } from '../../../src/services/triage/outbox';
import { createTriageRunner } from '../../../src/services/triage/runner';
import type { TriageService } from '../../../src/services/triage/triageService';
import type { TriageAction, TriageRecord } from '../../../src/services/triage/types';
import { message, TestHost } from '../../support/testHost';

const SHARED = 'koulutuspalvelut@seutuopisto.fi';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
}

/** A service standing in for one mailbox: its own counts, and a triage that always succeeds. */
function service(mailbox: string | null, counts: { asap: number; readLater: number }) {
  let n = 0;
  return {
    mailbox,
    settings: () => defaultTriageSettings('fi'),
    // The Read later folder was made while Outlook was in English: the mailbox names it so.
    destinationName: (action: TriageAction) => ({ asap: 'ASAP', readLater: 'Read later', archive: '' })[action],
    counts: async () => ({ asap: counts.asap, overdue: 0, readLater: counts.readLater, readLaterUnread: counts.readLater }),
    triage: async (action: TriageAction, ids: readonly string[]) => {
      if (action === 'asap') counts.asap += ids.length;
      const record: TriageRecord = {
        id: `r${++n}-${mailbox ?? 'own'}`,
        action,
        at: '2026-12-07T10:00:00Z',
        ...(mailbox ? { mailbox } : {}),
        messages: ids.map((id) => ({ before: { id, subject: id, parentFolderId: 'inbox', isRead: false, flag: { flagStatus: 'notFlagged' as const }, categories: [] }, destinationFolderId: action })),
      };
      return { record, failed: [] };
    },
  } as unknown as TriageService;
}

function runtime() {
  const own = service(null, { asap: 3, readLater: 4 });
  const shared = service(SHARED, { asap: 0, readLater: 0 });
  const parts = {
    service: own,
    serviceFor: (mailbox: string | null | undefined) => (mailbox ? shared : own),
    history: createTriageHistory(memoryStorage()),
    outbox: createOutbox(memoryStorage()),
    identities: { ofAll: async (mailbox: string | null, ids: readonly string[]) => new Map(ids.map((id) => [id, { mailbox, immutableId: id }])) } as unknown as TriageRuntime['identities'],
  };
  const value: TriageRuntime = { ...parts, runner: createTriageRunner(parts), booking: { book: () => Promise.reject(new Error('not booked here')) } };
  return value;
}

// The pane showed the user's own counts ("ASAP 3 · Lue myöhemmin 4") while it triaged in a shared mailbox.
test("the counts are those of the mailbox the open item is in, before and after an action there", async () => {
  const host = new TestHost({ ...message('Koulutuskysely'), mailbox: SHARED });
  const triage = runtime();
  const { result } = renderHook(() => useTriage(host, triage));
  await waitFor(() => expect(result.current.counts).toMatchObject({ asap: 0, readLater: 0 }));
  await act(() => result.current.triage('asap'));
  await waitFor(() => expect(result.current.counts).toMatchObject({ asap: 1, readLater: 0 }));
  expect(result.current.outcome).toMatchObject({ kind: 'done', folder: 'ASAP' });

  act(() => host.select(message('Oma viesti'))); // back in the user's own mailbox
  await waitFor(() => expect(result.current.counts).toMatchObject({ asap: 3, readLater: 4 }));
});

// "Moved to ASAP…" stayed on screen after another message was opened.
test('opening another item clears what the pane said about the last action; Undo stays in Recent', async () => {
  const host = new TestHost(message('Hankehakemus'));
  const triage = runtime();
  const { result } = renderHook(() => useTriage(host, triage));
  await waitFor(() => expect(result.current.selection).toHaveLength(1));
  await act(() => result.current.triage('asap'));
  expect(result.current.outcome).toMatchObject({ kind: 'done', action: 'asap' });

  // The message leaving the view (as a move makes it) is no other item: what was said stays.
  act(() => host.select(null));
  await act(async () => undefined);
  expect(result.current.outcome).toMatchObject({ kind: 'done', action: 'asap' });
  // Reopening the message the outcome is about keeps it too (as after an undo brings it back).
  act(() => host.select(message('Hankehakemus')));
  await act(async () => undefined);
  expect(result.current.outcome).toMatchObject({ kind: 'done', action: 'asap' });

  act(() => host.select(message('Toinen viesti')));
  await waitFor(() => expect(result.current.outcome).toBeNull());
  expect(result.current.history).toHaveLength(1);
});

// A Finnish user saw "Lue myöhemmin" while the folder in use is named "Read later".
test('the counts and the outcome name the folders as the mailbox names them, not as the settings would', async () => {
  const host = new TestHost(message('Hankehakemus'));
  const triage = runtime();
  const { result } = renderHook(() => useTriage(host, triage));
  await waitFor(() => expect(result.current.counts).toMatchObject({ asapFolder: 'ASAP', readLaterFolder: 'Read later' }));
  await act(() => result.current.triage('readLater'));
  expect(result.current.outcome).toMatchObject({ kind: 'done', folder: 'Read later' });
});
