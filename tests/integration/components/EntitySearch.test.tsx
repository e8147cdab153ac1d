/**
 * @jest-environment ./tests/support/jsdomWithFetch.js
 *
 * The search box when the server answers it (the entity index not warm yet): a search SharePoint
 * refuses, because more than 5,000 names start with what was typed, or a search that fails, is shown as
 * a problem with what to do, never as "Nothing found" (issue 17, defect 7).
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { bulkInsertItems } from '../../../dev/sandbox/sharepoint';
import { createEntityIndex, searchEntities } from '../../../src/record/entityIndex';
import { SiteLists } from '../../../src/record/listItems';
import { keyRows } from '../../../src/record/mapping';
import type { FilingRuntime } from '../../../src/services/filingRuntime';
import { panelHarnessOfFile, renderEntitySearch } from './harness';

jest.setTimeout(60_000);

const h = panelHarnessOfFile({ clearFaults: true });
/** The pane's runtime before its index has loaded: every search goes to the server. */
let cold: FilingRuntime;
beforeAll(() => {
  const keys = Array.from({ length: 6_000 }, (_, i) => keyRows({ kind: 'person', id: String(20_000 + i) }, `Anna Hakija${i}`, [], [])).flat();
  bulkInsertItems(h.s.t.sandbox.control.context(), h.s.location.siteId, h.s.location.lists.keys, keys as unknown as Record<string, unknown>[]);
  const index = createEntityIndex(new SiteLists(h.s.graph, h.s.location));
  cold = { ...h.runtime, index, searchEntities: (text, limit = 10) => searchEntities(index, (prefix, n) => h.runtime.filing.store.search(prefix, n), text, limit) };
});

const renderSearch = (locale: 'en' | 'fi' = 'en') => renderEntitySearch(h, { runtime: cold, locale });

test('a one-letter search the record refuses asks for more letters, not "Nothing found"; more letters find them', async () => {
  renderSearch();
  expect(cold.index.state).not.toBe('warm');
  fireEvent.change(await screen.findByTestId('filing-search'), { target: { value: 'a' } });
  const problem = await screen.findByTestId('filing-search-too-broad');
  expect(problem.textContent).toContain('Type a few more letters');
  expect(screen.queryByText(/Nothing found/)).toBeNull();

  fireEvent.change(screen.getByTestId('filing-search'), { target: { value: 'hakija123' } });
  await screen.findByTestId('filing-results');
  expect(screen.queryByTestId('filing-search-too-broad')).toBeNull();
});

test('in Finnish too', async () => {
  renderSearch('fi');
  fireEvent.change(await screen.findByTestId('filing-search'), { target: { value: 'a' } });
  expect((await screen.findByTestId('filing-search-too-broad')).textContent).toContain('Kirjoita muutama kirjain lisää');
});

test('a search the server fails is an error with what to do, not "Nothing found"', async () => {
  h.s.t.sandbox.control.setFaults({ rules: [{ kind: '503', pathPattern: `/lists/${h.s.location.lists.keys}/items` }] });
  renderSearch();
  fireEvent.change(await screen.findByTestId('filing-search'), { target: { value: 'zzzz' } });
  const failed = await screen.findByTestId('filing-search-failed', {}, { timeout: 30_000 });
  expect(failed.textContent).toBeTruthy();
  expect(screen.queryByText(/Nothing found/)).toBeNull();
  h.s.t.sandbox.control.clearFaults();
  fireEvent.change(screen.getByTestId('filing-search'), { target: { value: 'zzzzz' } });
  await waitFor(() => expect(screen.queryByText(/Nothing found/)).not.toBeNull());
  expect(screen.queryByTestId('filing-search-failed')).toBeNull();
});
