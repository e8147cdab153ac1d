/**
 * @jest-environment ./tests/support/jsdomWithFetch.js
 *
 * The filing panel as the user meets it, rendered in jsdom against the record in the sandbox over HTTP:
 * create inline from an unknown sender, one-click suggestions with their reason, keyboard search,
 * entity views, errors that keep what was typed, and hostile names as text.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { MessageSnapshot } from '../../../src/office/host';
import { startFilingRuntime } from '../../../src/services/filingRuntime';
import { FilingPanelOnHost, panelHarnessOfFile } from './harness';

const h = panelHarnessOfFile({ clearFaults: true });

/** Opens the seeded message whose sender passes the test; each message is used once. */
function open(accept: (address: string) => boolean): MessageSnapshot {
  const index = h.inbox.findIndex((m) => m.from && accept(m.from.address.toLowerCase()));
  if (index < 0) throw new Error('the seeded inbox has no such message');
  const [message] = h.inbox.splice(index, 1);
  act(() => h.host.select(message!));
  return message!;
}
/** Datariihi and one of its people, as the first test leaves them: made here when a test runs alone. */
async function datariihi(): Promise<void> {
  const { store } = h.runtime.filing;
  const organisation = await store.createOrganisation({ name: 'Datariihi', domains: ['datariihi.fi'] });
  await store.createPerson({ name: 'Sanna Datariihi', emails: ['sanna.datariihi@datariihi.fi'], organisationId: organisation.entity.ref.id });
  await h.runtime.index.refresh();
}
/** The two spring projects the keyboard test searches for, made (or found) by whichever test needs them. */
async function springProjects(): Promise<void> {
  await h.runtime.filing.store.createProject({ name: 'Kevätnäyttely 2025' });
  await h.runtime.filing.store.createProject({ name: 'Kevätretki 2025' });
  await h.runtime.index.refresh();
}
const renderPanel = (locale: 'en' | 'fi' = 'en') => h.render(<FilingPanelOnHost host={h.host} state={{ status: 'ready', value: h.runtime }} />, locale);

test('an unknown sender: the card says so; one click creates the person and organisation and files to both', async () => {
  renderPanel();
  const message = open((a) => a.endsWith('@datariihi.fi'));
  const unknown = await screen.findByTestId('filing-unknown');
  expect(unknown.textContent).toContain(message.from!.address);
  expect(unknown.textContent).toContain('datariihi.fi');
  expect((await screen.findByTestId('person-card-unknown')).textContent).toBeTruthy();

  fireEvent.click(within(unknown).getByTestId('filing-create-person'));
  expect(await screen.findByTestId('filing-result')).toHaveProperty('textContent', expect.stringContaining('Datariihi'));
  const filed = await screen.findByTestId('filing-filed');
  expect(within(filed).getAllByTestId('entity-link').map((l) => l.textContent)).toEqual(expect.arrayContaining(['Datariihi']));
  expect(filed.textContent).toContain(h.s.t.user.displayName); // who filed it
  expect(screen.queryByTestId('filing-unknown')).toBeNull();
  // The card now knows them, and shows their address once, not again among the contact details.
  await waitFor(() => expect(screen.queryByTestId('person-card-unknown')).toBeNull());
  const card = screen.getByTestId('person-card');
  await within(card).findByTestId('person-facts');
  expect(card.textContent!.split(message.from!.address.toLowerCase()).length - 1).toBe(1);
  // Outlook's message list shows it as filed.
  const stored = await h.s.t.graphJson<{ categories: string[] }>(`/me/messages/${encodeURIComponent(message.id)}?$select=categories`);
  expect(stored.body.categories).toContain('Trail');
});

test('an unknown sender whose name another person already has: warned with who they are and their address; created only when asked', async () => {
  renderPanel();
  const message = open((a) => !a.endsWith('@datariihi.fi') && !a.endsWith('seutuopisto.fi'));
  const unknown = (await screen.findAllByTestId('filing-unknown')).find((row) => row.textContent?.includes(message.from!.address))!;
  const { store } = h.runtime.filing;
  const name = message.from!.name.split('|')[0]!.trim();
  // Someone else with the same name (written in other case and order) at another address.
  const [first, ...rest] = name.split(/\s+/);
  const namesake = await store.createPerson({ name: [...rest, first].join(' ').toLocaleUpperCase('fi'), emails: [`nimikaima${Date.now()}@toinen.fi`] });
  await h.runtime.index.refresh();
  fireEvent.click(within(unknown).getByTestId('filing-create-person'));
  const warning = await screen.findByTestId('same-name');
  expect(warning.textContent).toContain(namesake.entity.name);
  expect(warning.textContent).toContain('@toinen.fi');
  expect(await store.search(message.from!.address, 5)).toEqual([]); // nothing created yet
  fireEvent.click(within(warning).getByTestId('same-name-anyway'));
  expect(await screen.findByTestId('filing-result')).toHaveProperty('textContent', expect.stringContaining(name));
  await waitFor(async () => expect((await store.search(message.from!.address, 5)).map((e) => e.ref.kind)).toContain('person'));
});

test('the next mail from that domain suggests the organisation and says why; one click files it', async () => {
  await datariihi();
  await h.warm();
  renderPanel();
  const message = open((a) => a.endsWith('@datariihi.fi'));
  const suggestion = (await screen.findAllByTestId('filing-suggestion')).find((row) => row.textContent?.includes('Datariihi'))!;
  expect(suggestion.textContent).toContain('datariihi.fi'); // the reason: the mail domain
  fireEvent.click(within(suggestion).getByTestId('filing-suggestion-file'));
  await waitFor(() => expect(screen.getByTestId('filing-result').textContent).toContain('Datariihi'));
  expect(within(await screen.findByTestId('filing-filed')).getByText('Datariihi')).toBeTruthy();
  // The history beside it now shows this mail as filed, without the card going back to a skeleton.
  const entries = () => within(screen.getByTestId('person-card')).getAllByTestId(/^history-/);
  await waitFor(() => expect(entries().find((e) => e.textContent?.includes(message.subject))?.textContent).toContain('Filed to Datariihi by'));
  expect(screen.queryByTestId('history-loading')).toBeNull();
});

test('search is operable by keyboard alone: Down to the results, End, Home, Up back to the box, Escape clears', async () => {
  await springProjects();
  renderPanel();
  open((a) => a.endsWith('.fi'));
  const box = (await screen.findByTestId('filing-search')) as HTMLInputElement;
  fireEvent.change(box, { target: { value: 'kevät' } });
  const results = await screen.findByTestId('filing-results');
  const buttons = within(results).getAllByTestId('search-result-file');
  expect(buttons.length).toBeGreaterThanOrEqual(2);
  expect(within(results).getByText('Projects')).toBeTruthy(); // grouped by kind

  box.focus();
  fireEvent.keyDown(box, { key: 'ArrowDown' });
  expect(document.activeElement).toBe(buttons[0]);
  fireEvent.keyDown(buttons[0]!, { key: 'End' });
  expect(document.activeElement).toBe(buttons[buttons.length - 1]);
  fireEvent.keyDown(document.activeElement!, { key: 'Home' });
  expect(document.activeElement).toBe(buttons[0]);
  fireEvent.keyDown(buttons[0]!, { key: 'ArrowUp' });
  expect(document.activeElement).toBe(box);
  fireEvent.keyDown(box, { key: 'Escape' });
  expect(box.value).toBe('');
  expect(screen.queryByTestId('filing-results')).toBeNull();
});

test('several at once: select two search results and file to both with one button', async () => {
  await springProjects();
  renderPanel();
  open((a) => a.endsWith('.fi'));
  fireEvent.change(await screen.findByTestId('filing-search'), { target: { value: 'kevät' } });
  const rows = within(await screen.findByTestId('filing-results')).getAllByTestId('search-result');
  rows.slice(0, 2).forEach((row) => fireEvent.click(within(row).getByRole('checkbox')));
  const fileSelected = screen.getByTestId('filing-file-selected');
  expect(fileSelected.textContent).toContain('2');
  fireEvent.click(fileSelected);
  await waitFor(() => expect(within(screen.getByTestId('filing-filed')).getAllByTestId('filing-unfile')).toHaveLength(2));
  expect(screen.queryByTestId('filing-file-selected')).toBeNull();

  // Unfile removes the button pressed: the keyboard user's focus lands on what it did, not on the page.
  const unfile = within(screen.getByTestId('filing-filed')).getAllByTestId('filing-unfile')[0]!;
  unfile.focus();
  fireEvent.click(unfile);
  await waitFor(() => expect(within(screen.getByTestId('filing-filed')).getAllByTestId('filing-unfile')).toHaveLength(1));
  await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('filing-result')));
  expect(screen.getByTestId('filing-result').textContent).toMatch(/^No longer filed to /);
});

test('a failed filing says so in plain words and keeps the note typed; the retry files once', async () => {
  await h.runtime.filing.store.createProject({ name: 'Syysnäyttely 2025' });
  await h.runtime.index.refresh();
  renderPanel('fi');
  open((a) => a.endsWith('.fi'));
  fireEvent.change(await screen.findByTestId('filing-search'), { target: { value: 'syysnäyttely' } });
  await screen.findByTestId('filing-results');
  fireEvent.change(screen.getByTestId('filing-note'), { target: { value: 'Sovittu: näyttely toukokuussa' } });
  h.s.t.sandbox.control.setFaults({ rules: [{ kind: '503', method: 'POST', pathPattern: '/items', next: 20 }] });
  fireEvent.click(screen.getByTestId('search-result-file'));
  const failure = await screen.findByTestId('filing-result');
  expect(failure.textContent).toMatch(/Syysnäyttely/);
  expect(failure.textContent).not.toMatch(/503|Service|error/i); // plain Finnish, not a status code
  expect((screen.getByTestId('filing-note') as HTMLInputElement).value).toBe('Sovittu: näyttely toukokuussa');

  h.s.t.sandbox.control.clearFaults();
  const retry = screen.getByTestId('search-result-file');
  await waitFor(() => expect(retry.hasAttribute('disabled')).toBe(false)); // the pane re-reads the item first
  fireEvent.click(retry);
  await waitFor(() => expect(screen.getByTestId('filing-result').textContent).toMatch(/^Kirjattu/));
  const filed = await screen.findByTestId('filing-filed');
  await waitFor(() => expect(within(filed).getAllByText(/Syysnäyttely/)).toHaveLength(1));
  expect(filed.textContent).toContain('Sovittu: näyttely toukokuussa');
  expect((screen.getByTestId('filing-note') as HTMLInputElement).value).toBe('');
});

test('opening an entity shows its view; Back returns to the item with the note and search still typed, focus where it was', async () => {
  await datariihi();
  renderPanel();
  open((a) => a.endsWith('@datariihi.fi') || a.endsWith('.fi'));
  fireEvent.change(await screen.findByTestId('filing-note'), { target: { value: 'kesken' } });
  fireEvent.change(screen.getByTestId('filing-search'), { target: { value: 'datariihi' } });
  const show = within(await screen.findByTestId('filing-results')).getByRole('button', { name: 'Show Datariihi' });
  show.focus();
  fireEvent.click(show);
  const view = await screen.findByTestId('entity-view-organisation');
  expect(within(view).getByRole('heading', { name: 'Datariihi' })).toBeTruthy();
  expect(await within(view).findByTestId('entity-related')).toBeTruthy(); // its people
  fireEvent.click(within(view).getByTestId('entity-back'));
  expect(((await screen.findByTestId('filing-note')) as HTMLInputElement).value).toBe('kesken');
  expect((screen.getByTestId('filing-search') as HTMLInputElement).value).toBe('datariihi'); // the search too
  const opener = within(screen.getByTestId('filing-results')).getByRole('button', { name: 'Show Datariihi' });
  await waitFor(() => expect(document.activeElement).toBe(opener)); // focus back where the user was
});

test('hostile names render as inert text', async () => {
  const hostile = '<img src=x onerror=alert(1)> "Ö\'Brien" \u202Eevil\u202C 🙂 ' + 'x'.repeat(200);
  await h.runtime.filing.store.createProject({ name: hostile });
  await h.runtime.index.refresh();
  const { container } = renderPanel();
  open((a) => a.endsWith('.fi'));
  fireEvent.change(await screen.findByTestId('filing-search'), { target: { value: 'brien' } });
  const link = within(await screen.findByTestId('filing-results')).getByTestId('entity-link');
  expect(link.textContent).toBe(hostile);
  expect(container.querySelector('img')).toBeNull();
});

test('a recipient Trail does not know: a click shows the history with them beside the message; the sender’s comes back', async () => {
  const own = h.s.t.user.mail!.split('@')[1]!.toLowerCase();
  const outside = h.inbox.filter((m) => m.from && !m.from.address.toLowerCase().endsWith(`@${own}`));
  const known = (await h.runtime.filing.store.resolve(outside.map((m) => m.from!.address))).people;
  // A colleague of ours cc'd an outsider we have mail from but nobody has put in Trail yet.
  const theirs = outside.find((m) => !known.has(m.from!.address.toLowerCase()))!;
  const recipient = theirs.from!;
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  // Its card starts on its own sender: a well-formed address other than ours and the recipient's.
  const index = h.inbox.findIndex(
    (m) =>
      !!m.from &&
      /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(m.from.address) &&
      !same(m.from.address, h.s.t.user.mail!) &&
      ![m.from, ...m.to, ...m.cc].some((r) => same(r.address, recipient.address)),
  );
  const [message] = h.inbox.splice(index, 1);
  renderPanel();
  act(() => h.host.select({ ...message!, cc: [...message!.cc, recipient] }));

  const link = (await screen.findAllByTestId('filing-unknown-history')).find((l) => l.textContent?.includes(recipient.address))!;
  // Who is on this mail comes before what was filed to lately (earlier tests filed to several).
  const recentList = await screen.findByTestId('filing-suggestions-recent');
  expect(within(recentList).getAllByTestId('filing-suggestion').length).toBeLessThanOrEqual(3);
  expect(link.compareDocumentPosition(recentList) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  expect((await screen.findByTestId('person-card')).textContent).not.toContain(recipient.address);
  fireEvent.click(link);
  const card = await screen.findByTestId('person-card');
  expect(within(card).getByRole('heading').textContent).toContain(recipient.name || recipient.address);
  expect(document.activeElement).toBe(card); // keyboard and screen-reader users land on what they asked for
  expect(within(card).getByTestId('person-card-unknown')).toBeTruthy();
  expect(within(card).getByTestId('person-card-create')).toBeTruthy();
  await waitFor(() => expect(within(card).getByTestId('history-entries').textContent).toContain(theirs.subject)); // our own mail with them

  fireEvent.click(screen.getByTestId('person-card-sender'));
  await waitFor(() => expect(screen.getByTestId('person-card').textContent).toContain(message!.from!.address));
  expect(screen.queryByTestId('person-card-sender')).toBeNull();
});

test('a build that names no site says so in the user’s language, without a request to Graph', async () => {
  h.s.t.sandbox.control.clearRequests();
  const error = await startFilingRuntime(h.host, h.s.graph, '', window.localStorage).catch((e: unknown) => e);
  expect(h.s.t.sandbox.control.requests().filter((r) => r.url.includes('/v1.0/'))).toEqual([]);
  const view = h.render(<FilingPanelOnHost host={h.host} state={{ status: 'error', error }} />, 'fi');
  expect((await screen.findByTestId('filing-not-set-up')).textContent).toContain('SharePoint-sivustolla');
  view.unmount();
  h.render(<FilingPanelOnHost host={h.host} state={{ status: 'error', error }} />, 'en');
  expect((await screen.findByTestId('filing-not-set-up')).textContent).toContain('does not say which SharePoint site');
});

test('the note is a growing box that counts to the record’s 255 characters: a longer note is never cut, it stops filing until shortened', async () => {
  await h.runtime.filing.store.createProject({ name: 'Pitkä huomio -hanke' });
  await h.runtime.index.refresh();
  renderPanel();
  open((a) => a.endsWith('.fi'));
  const note = (await screen.findByTestId('filing-note')) as HTMLTextAreaElement;
  expect(note.tagName).toBe('TEXTAREA');
  expect(screen.getByTestId('filing-note-count').textContent).toBe('0 / 255');

  const long = `Sovittu ${'pitkästi '.repeat(40)}`.trim();
  fireEvent.change(note, { target: { value: long } });
  expect(note.value).toBe(long); // all of it, not cut at 255
  expect(screen.getByTestId('filing-note-count').textContent).toBe(`${long.length} / 255`);
  expect(screen.getByText(/at most 255 characters/)).toBeTruthy();
  fireEvent.change(screen.getByTestId('filing-search'), { target: { value: 'pitkä huomio' } });
  const file = within(await screen.findByTestId('filing-results')).getByTestId('search-result-file');
  expect(file.hasAttribute('disabled')).toBe(true);

  // A line break cannot be kept in the record's one-line note: it shows as a space before it is filed.
  const fits = 'Sovittu:\nnäyttely toukokuussa';
  fireEvent.change(note, { target: { value: fits } });
  expect(note.value).toBe('Sovittu: näyttely toukokuussa');
  await waitFor(() => expect(file.hasAttribute('disabled')).toBe(false));
  fireEvent.click(file);
  await waitFor(() => expect(screen.getByTestId('filing-filed').textContent).toContain('Sovittu: näyttely toukokuussa'));
});

test.each([
  { locale: 'en' as const, limit: /255 characters/ },
  { locale: 'fi' as const, limit: /255 merkkiä/ },
])('a sender whose name is longer than the record keeps: the pane says so before creating, and no cut name is saved ($locale)', async ({ locale, limit }) => {
  renderPanel(locale);
  const seeded = h.inbox.splice(h.inbox.findIndex((m) => m.from), 1)[0]!;
  const address = `pitka.nimi.${locale}@pitkanimi-${locale}.fi`;
  const long = `Pitkä ${'Nimi'.repeat(70)}`;
  act(() => h.host.select({ ...seeded, from: { name: long, address }, to: [] }));
  const unknown = (await screen.findAllByTestId('filing-unknown')).find((u) => u.textContent?.includes(address))!;
  expect(unknown.textContent).toMatch(limit);
  expect(within(unknown).getByTestId('filing-create-person').hasAttribute('disabled')).toBe(true);
  // The store refuses it too, rather than cutting it at 255.
  await expect(h.runtime.filing.store.createPerson({ name: long, emails: [address], organisationId: null })).rejects.toThrow(/nameTooLong/);
});

test('Microsoft 365 unreachable as the item opens: the pane says so in plain words with Try again, which recovers on the same item', async () => {
  renderPanel();
  h.s.t.sandbox.control.setFaults({ rules: [{ kind: 'reset', next: 200 }] });
  open((a) => a.endsWith('.fi'));
  const retry = await screen.findByTestId('filing-retry', {}, { timeout: 15_000 });
  expect(screen.getByTestId('filing-panel').textContent).toMatch(/cannot reach Microsoft 365/);
  h.s.t.sandbox.control.clearFaults();
  fireEvent.click(retry);
  await waitFor(() => expect(screen.queryByTestId('filing-retry')).toBeNull(), { timeout: 15_000 });
  expect(await screen.findByTestId('filing-search')).toBeTruthy();
}, 40_000);
