/**
 * @jest-environment ./tests/support/jsdomWithFetch.js
 *
 * Hostile text as the user sees it, rendered against the record in the sandbox over HTTP: a
 * representative subset of the corpus (three of each category) as project names found by search, as
 * typed search text, as the filing note and as folder names in the triage settings form. Every one
 * renders as text (no element from it), every box keeps exactly what was typed, and nothing crashes.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import { catalogues } from '../../../src/i18n/messages';
import type { MessageSnapshot } from '../../../src/office/host';
import { TriageSettingsForm } from '../../../src/ui/triage/TriageSettingsForm';
import { representativeHostile } from '../../support/hostileStrings';
import { FilingPanelOnHost, startPanelHarness, type PanelHarness } from '../components/harness';
import { expectNoContractViolations, startTestSandbox, type TestSandbox } from '../helpers/sandbox';
import { triageHarness } from '../triage/harness';

const SUBSET = representativeHostile(3);
/** Elements hostile text would make if it were ever treated as markup (Fluent's own icons are svg: counted before). */
// Fluent's own icons (svg.fui-Icon-*) come and go with the UI ("Create project '…'" when nothing matches); markup from a name would not carry that class.
const MARKUP = 'script, img, svg:not([class*="fui-Icon"]), iframe, style, b, i, a, [onerror], [onload]';
const markupIn = (container: HTMLElement) => container.querySelectorAll(MARKUP).length;

describe('the filing panel', () => {
  let h: PanelHarness;
  let message: MessageSnapshot;
  beforeAll(async () => {
    h = await startPanelHarness();
    for (const { text } of SUBSET) await h.runtime.filing.store.createProject({ name: text }).catch(() => undefined); // refused ones are the record suite's subject
    await h.runtime.index.refresh();
    message = h.inbox.find((m) => m.from?.address.toLowerCase().endsWith('.fi'))!;
  }, 120_000);
  afterAll(() => h.s.t.close());
  expectNoContractViolations(() => h?.s.t);

  test('hostile names found by search render as text, and the search box keeps what was typed', async () => {
    expect(SUBSET.length).toBeGreaterThanOrEqual(50);
    const { container } = h.render(<FilingPanelOnHost host={h.host} state={{ status: 'ready', value: h.runtime }} />);
    act(() => h.host.select(message));
    const box = (await screen.findByTestId('filing-search')) as HTMLInputElement;
    const before = markupIn(container);
    const shown = () => {
      const results = screen.queryByTestId('filing-results');
      return results ? within(results).queryAllByTestId('entity-link').map((l) => l.textContent) : [];
    };
    const problems: string[] = [];
    for (const { category, label, text } of SUBSET) {
      fireEvent.change(box, { target: { value: text } });
      if (box.value !== text.replace(/[\r\n]/g, '')) problems.push(`${category} / ${label}: the box holds ${JSON.stringify(box.value.slice(0, 60))}`);
      // A markup name the index has (made above) is shown as it was typed, as text.
      if (/[<&>]/.test(text)) {
        await waitFor(() => expect(shown()).toContain(text.trim())).catch(() => problems.push(`${category} / ${label}: not shown as itself among ${JSON.stringify(shown()).slice(0, 120)}`));
      }
      if (markupIn(container) !== before) problems.push(`${category} / ${label}: made an element`);
    }
    expect(problems).toEqual([]);
    expect(screen.getByTestId('filing-search')).toBeTruthy(); // still there: nothing crashed
  }, 60_000);

  test('the filing note keeps what was typed and counts it', async () => {
    const { container } = h.render(<FilingPanelOnHost host={h.host} state={{ status: 'ready', value: h.runtime }} />);
    act(() => h.host.select(message));
    const note = (await screen.findByTestId('filing-note')) as HTMLTextAreaElement;
    const before = markupIn(container);
    const problems: string[] = [];
    for (const { category, label, text } of SUBSET) {
      fireEvent.change(note, { target: { value: text } });
      // One line, as the record keeps it: a pasted line break becomes a space, in sight in the box.
      if (note.value !== text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')) problems.push(`${category} / ${label}: the note holds ${JSON.stringify(note.value.slice(0, 60))}`);
      const count = screen.getByTestId('filing-note-count').textContent ?? '';
      if (!count.includes(String(note.value.trim().length))) problems.push(`${category} / ${label}: count ${count}`);
      if (markupIn(container) !== before) problems.push(`${category} / ${label}: made an element`);
    }
    expect(problems).toEqual([]);
  }, 60_000);
});

describe('the triage settings form', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox();
  });
  afterAll(() => t.close());
  expectNoContractViolations(() => t);

  test('hostile folder names stay as typed; a refused one says why beside the field and nothing is sent', async () => {
    const h = triageHarness(t);
    const { container } = render(
      <IntlProvider locale="en" messages={catalogues.en} defaultLocale="en">
        <FluentProvider theme={webLightTheme}>
          <TriageSettingsForm service={h.service} onSaved={() => undefined} />
        </FluentProvider>
      </IntlProvider>,
    );
    const field = screen.getByTestId('settings-read-later') as HTMLInputElement;
    const before = markupIn(container);
    const problems: string[] = [];
    for (const { category, label, text } of SUBSET) {
      fireEvent.change(field, { target: { value: text } });
      if (field.value !== text.replace(/[\r\n]/g, '')) problems.push(`${category} / ${label}: the field holds ${JSON.stringify(field.value.slice(0, 60))}`);
      if (markupIn(container) !== before) problems.push(`${category} / ${label}: made an element`);
    }
    // The last one typed is refused (a 60k name is not a folder name): the reason shows, the draft stays.
    fireEvent.change(field, { target: { value: '<img src=x onerror=alert(1)>' } });
    t.sandbox.control.clearRequests();
    fireEvent.click(screen.getByTestId('settings-save'));
    expect(await screen.findByText(/at most 64 characters/)).toBeTruthy();
    expect(field.value).toBe('<img src=x onerror=alert(1)>');
    expect(t.sandbox.control.requests()).toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);
});
