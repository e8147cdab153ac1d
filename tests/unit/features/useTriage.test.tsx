/** @jest-environment jsdom */
import { act, renderHook, waitFor } from '@testing-library/react';
import { useCurrentItem } from '../../../src/ui/currentItem/useCurrentItem';
import { useTriage } from '../../../src/ui/triage/useTriage';
import { message, TestHost } from '../../support/testHost';
import { SHARED, testTriageRuntime as runtime } from '../../support/triageRuntime';

// The pane showed the user's own counts ("ASAP 3 · Lue myöhemmin 4") while it triaged in a shared mailbox.
test("the counts are those of the mailbox the open item is in, before and after an action there", async () => {
  const host = new TestHost({ ...message('Koulutuskysely'), mailbox: SHARED });
  const triage = runtime();
  const { result } = renderHook(() => useTriage(host, triage, useCurrentItem(host)));
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
  const { result } = renderHook(() => useTriage(host, triage, useCurrentItem(host)));
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
  const { result } = renderHook(() => useTriage(host, triage, useCurrentItem(host)));
  await waitFor(() => expect(result.current.counts).toMatchObject({ asapFolder: 'ASAP', readLaterFolder: 'Read later' }));
  await act(() => result.current.triage('readLater'));
  expect(result.current.outcome).toMatchObject({ kind: 'done', folder: 'Read later' });
});
