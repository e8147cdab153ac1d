/**
 * @jest-environment ./tests/support/jsdomWithFetch.js
 *
 * A closed project, rendered in jsdom against the record in the sandbox over HTTP: Find names it
 * "Closed" beside its kind, it is no longer suggested as one the user filed to lately, and it can still
 * be found and filed to on purpose.
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { FilingPanelOnHost, panelHarnessOfFile, renderEntitySearch } from './harness';

const h = panelHarnessOfFile({ slow: true });

const stamp = Date.now();
const NAME = `Päättynyt hanke ${stamp}`;

test('a project filed to lately and then closed is not suggested again', async () => {
  const { store } = h.runtime.filing;
  const made = await store.createProject({ name: NAME, projectKind: 'fundedProject' });
  await h.runtime.filing.fileTo((await h.runtime.filing.view(h.inbox[0]!)).item, [{ ref: made.entity.ref, name: NAME, detail: 'fundedProject' }]);
  await h.runtime.index.refresh();
  expect((await h.runtime.filing.view(h.inbox[1]!)).suggestions.map((s) => s.entity.name)).toContain(NAME);

  await store.update(await store.get(made.entity.ref), { status: 'closed' });
  await h.runtime.index.refresh();
  expect((await h.runtime.filing.view(h.inbox[1]!)).suggestions.map((s) => s.entity.name)).not.toContain(NAME);
});

test.each([
  ['en', 'Funded project · Closed'],
  ['fi', 'Rahoitettu hanke · Päättynyt'],
] as const)('Find names a closed project "Closed" beside its kind (%s)', async (locale, caption) => {
  renderEntitySearch(h, { locale });
  fireEvent.change(await screen.findByTestId('filing-search'), { target: { value: NAME } });
  const results = await screen.findByTestId('filing-results');
  await waitFor(() => expect(results.textContent).toContain(NAME));
  expect(results.textContent).toContain(caption);
});

test('a closed project the thread is filed to is still suggested for the thread, named "Closed"', async () => {
  const { store } = h.runtime.filing;
  const name = `Päättynyt ketjuhanke ${stamp}`;
  const first = h.inbox.find((m) => h.inbox.some((o) => o !== m && o.conversationId && o.conversationId === m.conversationId));
  const second = h.inbox.find((o) => o !== first && o.conversationId === first?.conversationId);
  const made = await store.createProject({ name });
  await h.runtime.filing.fileTo((await h.runtime.filing.view(first!)).item, [{ ref: made.entity.ref, name, detail: 'project' }]);
  await store.update(await store.get(made.entity.ref), { status: 'closed' });
  await h.runtime.index.refresh();
  h.render(<FilingPanelOnHost host={h.host} state={{ status: 'ready', value: h.runtime }} />);
  act(() => h.host.select(second!));
  await waitFor(() => expect(screen.getAllByTestId('filing-suggestion').find((r) => r.textContent?.includes(name))?.textContent).toContain('Closed'));
});
