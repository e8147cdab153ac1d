/**
 * @jest-environment ./tests/support/jsdomWithFetch.js
 *
 * The filing panel for an open meeting, rendered in jsdom against the sandbox over HTTP: series or
 * occurrence, notes of what was agreed (kept on failure), and the attendees suggested.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { EntitySummary } from '../../../src/domain/entities';
import type { AppointmentSnapshot } from '../../../src/office/host';
import { FilingPanelOnHost, panelHarnessOfFile, summaryOf } from './harness';

const h = panelHarnessOfFile({ clearFaults: true });
/** An occurrence kept aside for tests that give it attendees of their own. */
let spare: AppointmentSnapshot;
beforeAll(() => {
  spare = h.occurrences[0]!;
});

const summary = (o: { entity: { ref: EntitySummary['ref']; name: string } }): EntitySummary => summaryOf(o.entity);

/** Two occurrences of one seeded series; each series is handed out once. */
function twoOccurrences(): [AppointmentSnapshot, AppointmentSnapshot] {
  const first = h.occurrences.find((o) => h.occurrences.filter((x) => x.seriesId === o.seriesId).length >= 2)!;
  const pair = h.occurrences.filter((o) => o.seriesId === first.seriesId);
  h.occurrences = h.occurrences.filter((o) => o.seriesId !== first.seriesId);
  return [pair[0]!, pair[1]!];
}
const renderPanel = (locale: 'en' | 'fi' = 'en') => h.render(<FilingPanelOnHost host={h.host} state={{ status: 'ready', value: h.runtime }} />, locale);

test('a recurring meeting asks series or occurrence (series by default); a series link shows on the next occurrence; notes wait for a link', async () => {
  const project = summary(await h.runtime.filing.store.createProject({ name: 'Työelämäyhteistyö 2025' }));
  await h.runtime.index.refresh();
  const [first, second] = twoOccurrences();
  renderPanel();
  act(() => h.host.select(first));
  expect((await screen.findByRole('heading', { level: 2 })).textContent).toBe('Link to Trail');
  const scope = await screen.findByTestId('filing-scope');
  expect(within(scope).getByRole('radio', { name: /whole series/ })).toHaveProperty('checked', true);
  expect((await screen.findByTestId('meeting-notes-save')).hasAttribute('disabled')).toBe(true);
  expect(screen.getByText(/Link the meeting first/)).toBeTruthy();

  fireEvent.change(screen.getByTestId('filing-search'), { target: { value: 'työelämä' } });
  fireEvent.click(within(await screen.findByTestId('filing-results')).getByTestId('search-result-file'));
  expect(await within(await screen.findByTestId('filing-filed')).findByText(/whole series/)).toBeTruthy();

  act(() => h.host.select(second));
  const filed = await screen.findByTestId('filing-filed');
  expect(within(filed).getByText(project.name)).toBeTruthy();
  expect(filed.textContent).toContain('whole series');
});

test('only this occurrence: the link stays on it, and the next occurrence is not linked', async () => {
  const project = summary(await h.runtime.filing.store.createProject({ name: 'Vain kerran -hanke' }));
  await h.runtime.index.refresh();
  const [first, second] = twoOccurrences();
  renderPanel('fi');
  act(() => h.host.select(first));
  fireEvent.click(within(await screen.findByTestId('filing-scope')).getByRole('radio', { name: /vain tämä kerta/ }));
  fireEvent.change(screen.getByTestId('filing-search'), { target: { value: 'vain kerran' } });
  fireEvent.click(within(await screen.findByTestId('filing-results')).getByTestId('search-result-file'));
  const filed = await screen.findByTestId('filing-filed');
  expect(within(filed).getByText(project.name)).toBeTruthy();
  expect(filed.textContent).not.toContain('koko sarja');

  act(() => h.host.select(second));
  await screen.findByTestId('filing-scope');
  expect(screen.queryByTestId('filing-filed')).toBeNull();
});

test('notes of what was agreed: a failure keeps what was written; saved, they are cleared and reach the project’s timeline', async () => {
  const project = summary(await h.runtime.filing.store.createProject({ name: 'Muistiohanke' }));
  const [first] = twoOccurrences();
  await h.runtime.filing.fileTo((await h.runtime.filing.view(first)).series!, [project]);
  renderPanel();
  act(() => h.host.select(first));
  const notes = (await screen.findByTestId('meeting-notes')) as HTMLTextAreaElement;
  await screen.findByTestId('filing-filed');
  const agreed = 'Sovittiin: 3 harjoittelupaikkaa <b>syksyllä</b> \u202Bעברית\u202C 🙂';
  fireEvent.change(notes, { target: { value: agreed } });

  h.s.t.sandbox.control.setFaults({ rules: [{ kind: '503', method: 'POST', pathPattern: '/items', next: 20 }] });
  fireEvent.click(screen.getByTestId('meeting-notes-save'));
  expect(await screen.findByText(/Something went wrong .*Try again/)).toBeTruthy();
  expect(notes.value).toBe(agreed);

  h.s.t.sandbox.control.clearFaults();
  const save = screen.getByTestId('meeting-notes-save');
  await waitFor(() => expect(save.hasAttribute('disabled')).toBe(false));
  fireEvent.click(save);
  await waitFor(() => expect(screen.getByTestId('filing-result').textContent).toBe('Notes saved to Muistiohanke.'));
  await waitFor(() => expect(notes.value).toBe(''));
  const history = await h.runtime.filing.store.history([project.ref]);
  expect(history.filings.map((f) => f.note)).toContain(agreed);
});

test.each([
  { locale: 'en' as const, link: 'Link', linkTo: 'Link to', linked: /^Linked to /, reason: / at /, notReason: /mail from/ },
  { locale: 'fi' as const, link: 'Liitä', linkTo: 'Liitä:', linked: /^Liitetty: /, reason: /verkkotunnuksesta/, notReason: /viesti osoitteesta/ },
])('a meeting is linked, not filed: its buttons, its result and its reasons say so ($locale)', async ({ locale, link, linkTo, linked, reason, notReason }) => {
  // An attendee from outside, whose organisation is in Trail.
  const org = `linkkitesti-${locale}.fi`;
  const first: AppointmentSnapshot = { ...spare, requiredAttendees: [...spare.requiredAttendees, { name: 'Outi Ulkopuolinen', address: `outi@${org}` }] };
  const made = summary(await h.runtime.filing.store.createOrganisation({ name: `Linkkiorganisaatio ${locale}`, domains: [org] }));
  await h.runtime.index.refresh();
  renderPanel(locale);
  act(() => h.host.select(first));
  const suggestions = await screen.findByTestId('filing-suggestions');
  const row = within(suggestions).getAllByTestId('filing-suggestion').find((r) => r.textContent?.includes(made.name))!;
  expect(row.textContent).toMatch(reason);
  expect(suggestions.textContent).not.toMatch(notReason);
  const button = within(row).getByTestId('filing-suggestion-file');
  expect(button.textContent).toBe(link);
  expect(button.getAttribute('aria-label')).toContain(linkTo);
  fireEvent.click(button);
  await waitFor(() => expect(screen.getByTestId('filing-result').textContent).toMatch(linked));
});
