/**
 * @jest-environment ./tests/support/jsdomWithFetch.js
 *
 * Filed and archived in one click, then Undo on the bar the pane keeps for the message that left:
 * one Undo moves it back AND removes the filings that click made, and says so; a filing that could
 * not be removed is named and retried alone. Undone from Triage's Recent instead, the bar goes.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { MessageSnapshot } from '../../../src/office/host';
import type { EntityRef } from '../../../src/domain/entities';
import { createTriageRuntime, type TriageRuntime } from '../../../src/services/triageRuntime';
import { FilingPanelOnHost, panelHarnessOfFile } from './harness';

// The sandbox's mailbox is a Finnish one: its Inbox is named "Saapuneet", as the mailbox names it.
const h = panelHarnessOfFile({ clearFaults: true });
let triage: TriageRuntime;
beforeAll(() => {
  triage = createTriageRuntime(h.host, h.s.graph, window.localStorage);
});

function next(): MessageSnapshot {
  const [message] = h.inbox.splice(0, 1);
  act(() => h.host.select(message!));
  return message!;
}
const renderPanel = (locale: 'en' | 'fi' = 'en') => h.render(<FilingPanelOnHost host={h.host} state={{ status: 'ready', value: h.runtime }} triage={triage} />, locale);

async function project(name: string): Promise<EntityRef> {
  const made = await h.runtime.filing.store.createProject({ name });
  await h.runtime.index.refresh();
  return made.entity.ref;
}
const filedTo = async (ref: EntityRef, subject: string) => (await h.runtime.filing.store.filingsOfEntity(ref)).items.filter((f) => f.item.subject === subject).length;
const inboxSubjects = async () => (await h.s.t.graphJson<{ value: Array<{ subject: string }> }>('/me/mailFolders/inbox/messages?$select=subject&$top=500')).body.value.map((m) => m.subject);

/** Files the open message to the project found by `query`, archiving it in the same click, then moves the pane on. */
async function fileAndArchive(query: string): Promise<MessageSnapshot> {
  const message = next();
  fireEvent.change(await screen.findByTestId('filing-search'), { target: { value: query } });
  const results = await screen.findByTestId('filing-results');
  fireEvent.click(within(results).getAllByTestId('search-result-file')[0]!);
  await waitFor(() => expect(triage.history.list().length).toBeGreaterThan(0));
  next(); // Outlook shows the next message once the filed one has left
  await screen.findByTestId('filing-departed');
  return message;
}

beforeEach(() => window.localStorage.setItem('trail.afterFiling', 'archive'));

test('one Undo moves the message back and removes the filing that click made, and says so', async () => {
  const ref = await project('Kumottava hanke');
  renderPanel();
  const message = await fileAndArchive('kumottava');
  expect(await filedTo(ref, message.subject)).toBe(1);
  expect(await inboxSubjects()).not.toContain(message.subject);

  fireEvent.click(screen.getByTestId('filing-departed-undo'));
  await waitFor(() => expect(screen.getByTestId('filing-departed').textContent).toMatch(/^Undone: the message is back in Saapuneet and no longer filed to Kumottava hanke\./));
  expect(await inboxSubjects()).toContain(message.subject);
  expect(await filedTo(ref, message.subject)).toBe(0);
  expect(screen.queryByTestId('filing-departed-undo')).toBeNull();
});

test('the move back done and the unfiling failed: says what is left, and Retry removes only that', async () => {
  const ref = await project('Sitkeä hanke');
  renderPanel('fi');
  const before = await inboxSubjects();
  const message = await fileAndArchive('sitkeä');
  const alike = before.filter((s) => s === message.subject).length; // the seeded inbox has replies of one subject
  h.s.t.sandbox.control.setFaults({ rules: [{ kind: '503', method: 'DELETE', pathPattern: '/items', next: 20 }] });
  fireEvent.click(screen.getByTestId('filing-departed-undo'));
  const retry = await screen.findByTestId('filing-departed-retry');
  expect(screen.getByTestId('filing-departed').textContent).toMatch(/on taas kansiossa Saapuneet, mutta se on yhä kirjattu kohteeseen Sitkeä hanke/);
  expect(await inboxSubjects()).toContain(message.subject);

  h.s.t.sandbox.control.clearFaults();
  fireEvent.click(retry);
  await waitFor(() => expect(screen.getByTestId('filing-departed').textContent).toMatch(/^Kumottu: viesti on taas kansiossa Saapuneet, eikä sitä ole enää kirjattu kohteeseen Sitkeä hanke\./));
  expect(await filedTo(ref, message.subject)).toBe(0);
  expect((await inboxSubjects()).filter((s) => s === message.subject)).toHaveLength(alike); // moved back once, not twice
});

test('the move undone from Triage’s Recent instead: the bar no longer says the message was moved', async () => {
  await project('Muualta kumottu');
  renderPanel();
  await fileAndArchive('muualta');
  const record = triage.history.list()[0]!;
  await act(async () => void (await triage.runner.undo(record)));
  await waitFor(() => expect(screen.queryByTestId('filing-departed')).toBeNull());
});

test('once undone, the bar goes when the user opens another message: it would read as about that one', async () => {
  await project('Vaihtuva hanke');
  renderPanel('fi');
  await fileAndArchive('vaihtuva');
  next(); // still offering Undo, the bar stays as another message opens
  expect(screen.getByTestId('filing-departed-undo')).toBeTruthy();
  fireEvent.click(screen.getByTestId('filing-departed-undo'));
  await waitFor(() => expect(screen.getByTestId('filing-departed').textContent).toMatch(/^Kumottu: viesti on taas kansiossa Saapuneet/));
  next();
  await screen.findByTestId('filing-search');
  expect(screen.queryByTestId('filing-departed')).toBeNull();
});
