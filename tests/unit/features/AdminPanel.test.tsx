/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import { AdminPanel } from '../../../src/features/admin/AdminPanel';
import type { ProvisioningService } from '../../../src/features/admin/provisioningService';
import { GraphRequestError } from '../../../src/graph/errors';
import { catalogues } from '../../../src/i18n/messages';
import type { ProvisioningPlan } from '../../../src/store/provision';
import { SiteNotFoundError } from '../../../src/store/site';

const site = { id: 'site-1', webUrl: 'https://seutuopisto.sharepoint.com/sites/trail', displayName: 'Trail' };
const list = (displayName: string, more: Partial<ProvisioningPlan['lists'][number]> = {}) => ({
  list: 'people' as const,
  displayName,
  id: 'x',
  create: false,
  addColumns: [],
  indexColumns: [],
  conflicts: [],
  ...more,
});

/** A provisioning service the test drives by hand: each call waits until the test answers it. */
function manualService() {
  const pending: Array<{ resolve: (v: unknown) => void; reject: (e: unknown) => void }> = [];
  let progress: ((p: { done: number; total: number; list: string }) => void) | undefined;
  const service: ProvisioningService = {
    check: () => new Promise((resolve, reject) => pending.push({ resolve: resolve as (v: unknown) => void, reject })),
    apply: (_site, _plan, onProgress) => {
      progress = onProgress;
      return new Promise((resolve, reject) => pending.push({ resolve: resolve as (v: unknown) => void, reject }));
    },
  };
  return { service, answer: (value: unknown) => pending.shift()!.resolve(value), fail: (error: unknown) => pending.shift()!.reject(error), progress: (done: number) => progress!({ done, total: 2, list: 'x' }) };
}

function renderPanel(service: ProvisioningService, locale: 'en' | 'fi' = 'en') {
  render(
    <IntlProvider locale={locale} messages={catalogues[locale]}>
      <FluentProvider theme={webLightTheme}>
        <AdminPanel service={service} defaultSiteUrl={site.webUrl} />
      </FluentProvider>
    </IntlProvider>,
  );
}

test('checks the site, shows the plan in words, sets up with progress, and says when it is done', async () => {
  const manual = manualService();
  renderPanel(manual.service);
  fireEvent.click(screen.getByTestId('admin-check'));
  expect(screen.getByText('Checking the site…')).toBeTruthy();
  const plan = { siteId: 'site-1', lists: [list('Trail People', { create: true }), list('Trail Filings', { addColumns: ['EntityName'], indexColumns: [{ name: 'ItemDate', id: 'c' }] })] };
  await act(async () => manual.answer({ site, plan }));
  expect(screen.getByTestId('admin-plan').textContent).toBe('Trail People: will be createdTrail Filings: will get columns EntityNameTrail Filings: will index ItemDate');

  fireEvent.click(screen.getByTestId('admin-apply'));
  await act(async () => manual.progress(1));
  expect(screen.getByText('Setting up: 1 of 2 lists')).toBeTruthy();
  expect((screen.getByTestId('admin-check') as HTMLButtonElement).disabled).toBe(true);
  await act(async () => manual.answer({ siteId: 'site-1', lists: {} }));
  expect(screen.getByTestId('admin-done').textContent).toBe(`The shared record is ready on ${site.webUrl}.`);
});

test('a site already set up needs nothing, and says so', async () => {
  const manual = manualService();
  renderPanel(manual.service, 'fi');
  fireEvent.click(screen.getByTestId('admin-check'));
  await act(async () => manual.answer({ site, plan: { siteId: 'site-1', lists: [list('Trail People')] } }));
  expect(screen.getByTestId('admin-nothing-to-do').textContent).toBe('Kaikki on valmiina. Ei tehtävää.');
  expect(screen.queryByTestId('admin-apply')).toBeNull();
});

test('a wrongly typed column is explained and left alone', async () => {
  const manual = manualService();
  renderPanel(manual.service);
  fireEvent.click(screen.getByTestId('admin-check'));
  await act(async () => manual.answer({ site, plan: { siteId: 's', lists: [list('Trail Notes', { conflicts: [{ name: 'Body', expected: 'note', found: 'number' }] })] } }));
  expect(screen.getByTestId('admin-plan').textContent).toContain('column Body is number but Trail needs note. Trail leaves it alone');
});

test.each([
  [new SiteNotFoundError('x'), 'There is no SharePoint site at that address, or you cannot see it.'],
  [new GraphRequestError(403, 'accessDenied', 'Access denied'), 'You need SharePoint site owner rights (Sites.Manage.All) to set up Trail. Ask your Microsoft 365 administrator.'],
  [new GraphRequestError(0, 'network', 'offline'), 'Trail cannot reach Microsoft 365 right now. Check your connection; nothing was changed.'],
])('failures are told in plain words, and what was typed stays (%s)', async (error, words) => {
  const manual = manualService();
  renderPanel(manual.service);
  fireEvent.change(screen.getByTestId('admin-site-url'), { target: { value: 'https://seutuopisto.sharepoint.com/sites/other' } });
  fireEvent.click(screen.getByTestId('admin-check'));
  await act(async () => manual.fail(error));
  expect(screen.getByRole('alert').textContent).toBe(words);
  expect((screen.getByTestId('admin-site-url') as HTMLInputElement).value).toBe('https://seutuopisto.sharepoint.com/sites/other');
});
