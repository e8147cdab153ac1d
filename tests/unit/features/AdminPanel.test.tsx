/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import { AdminPanel } from '../../../src/ui/admin/AdminPanel';
import type { ProvisioningService } from '../../../src/services/provisioning/provisioningService';
import { GraphRequestError } from '../../../src/graph/errors';
import { catalogues } from '../../../src/i18n/messages';
import type { StoreLocation } from '../../../src/record/location';
import { ProvisioningIncompleteError, type ListPlan, type ProvisioningPlan, type ProvisioningProgress } from '../../../src/record/provision';
import { NotASiteUrlError, SiteNotFoundError } from '../../../src/record/site';
import type { TenantSettingsRead } from '../../../src/record/tenantSettings';

const site = { id: 'site-1', webUrl: 'https://seutuopisto.sharepoint.com/sites/trail', displayName: 'Trail' };
const list = (displayName: string, more: Partial<ListPlan> = {}): ListPlan => ({
  list: 'people',
  displayName,
  id: 'x',
  create: false,
  addColumns: [],
  indexColumns: [],
  conflicts: [],
  ...more,
});
const planOf = (...lists: ListPlan[]): ProvisioningPlan => ({ siteId: site.id, lists });
/** The organisation's settings as a fresh setup leaves them: the item, every column empty. */
const inForce: TenantSettingsRead = { settings: { publicDomains: [], neverFileDomains: [] }, problems: [], source: 'item' };
const location = { siteId: 'site-1', lists: { people: 'list-1' } } as unknown as StoreLocation;

/** A provisioning service the test answers by hand, so every in-between state can be looked at. */
function manualService() {
  const pending: Array<{ resolve: (value: unknown) => void; reject: (error: unknown) => void }> = [];
  const asked: string[] = [];
  let onProgress: ((p: ProvisioningProgress) => void) | undefined;
  const wait = <T,>() => new Promise<T>((resolve, reject) => pending.push({ resolve: resolve as (value: unknown) => void, reject }));
  const service: ProvisioningService = {
    check: (siteUrl) => {
      asked.push(`check ${siteUrl}`);
      return wait();
    },
    apply: (applied, _plan, progress) => {
      asked.push(`apply ${applied.id}`);
      onProgress = progress;
      return wait();
    },
  };
  return {
    service,
    asked,
    answer: (value: unknown) => act(async () => pending.shift()!.resolve(value)),
    fail: (error: unknown) => act(async () => pending.shift()!.reject(error)),
    progress: (done: number, total: number) => act(async () => onProgress!({ done, total, list: 'x' })),
  };
}

function renderPanel(service: ProvisioningService, locale: 'en' | 'fi' = 'en', onReady?: (l: StoreLocation) => void) {
  return render(
    <IntlProvider locale={locale} messages={catalogues[locale]}>
      <FluentProvider theme={webLightTheme}>
        <AdminPanel service={service} defaultSiteUrl={site.webUrl} onReady={onReady} />
      </FluentProvider>
    </IntlProvider>,
  );
}

const planLines = () => [...screen.getByTestId('admin-plan').querySelectorAll('li')].map((li) => li.textContent);
const isDisabled = (testId: string) => screen.getByTestId(testId).getAttribute('aria-disabled') === 'true';

test('checks the site, shows the plan in words, sets up with progress, and says where the record is', async () => {
  const manual = manualService();
  const ready = jest.fn();
  renderPanel(manual.service, 'en', ready);
  fireEvent.click(screen.getByTestId('admin-check'));
  expect(screen.getByText('Checking the site…')).toBeTruthy();
  await manual.answer({ site, settings: inForce, plan: planOf(list('Trail People', { create: true }), list('Trail Filings', { addColumns: ['EntityName'], indexColumns: [{ name: 'ItemDate', id: 'c' }] }), list('Trail Notes')) });
  expect(planLines()).toEqual(['Trail People: will be created', 'Trail Filings: will get columns EntityName', 'Trail Filings: will index ItemDate', 'Trail Notes: ready']);
  expect(screen.getByText(`What setting up ${site.webUrl} will do`)).toBeTruthy();

  fireEvent.click(screen.getByTestId('admin-apply'));
  await manual.progress(1, 3);
  expect(screen.getByText('Setting up: 1 of 3 lists')).toBeTruthy();
  expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('1');
  expect(isDisabled('admin-check')).toBe(true);
  expect(isDisabled('admin-apply')).toBe(true);
  fireEvent.click(screen.getByTestId('admin-apply'));
  expect(manual.asked).toEqual([`check ${site.webUrl}`, 'apply site-1']);

  await manual.answer(location);
  expect(screen.getByTestId('admin-done').textContent).toBe(`The shared record is ready on ${site.webUrl}.`);
  expect(JSON.parse(screen.getByTestId('admin-location').textContent!)).toEqual(location);
  expect(ready).toHaveBeenCalledWith(location, site);
});

test('a site already set up needs nothing: Set up stays, disabled, and says so in Finnish', async () => {
  const manual = manualService();
  renderPanel(manual.service, 'fi');
  fireEvent.click(screen.getByTestId('admin-check'));
  await manual.answer({ site, settings: inForce, plan: planOf(list('Trail People')) });
  expect(screen.getByTestId('admin-nothing-to-do').textContent).toBe('Kaikki on valmiina. Ei tehtävää.');
  expect(isDisabled('admin-apply')).toBe(true);
  expect(screen.queryByTestId('admin-plan')).toBeNull();
});

test('a wrongly typed column is explained in SharePoint\'s own words and left alone; the rest can still be set up', async () => {
  const manual = manualService();
  renderPanel(manual.service);
  fireEvent.click(screen.getByTestId('admin-check'));
  await manual.answer({
    site,
    settings: inForce,
    plan: planOf(list('Trail Notes', { addColumns: ['NoteDate'], conflicts: [{ name: 'Body', expected: 'note', found: 'number' }] })),
  });
  expect(planLines()).toEqual([
    'Trail Notes: will get columns NoteDate',
    'Trail Notes: column Body is “Number” but Trail needs “Multiple lines of text”. Trail leaves it alone; ask your SharePoint administrator.',
  ]);
  expect(isDisabled('admin-apply')).toBe(false);
  fireEvent.click(screen.getByTestId('admin-apply'));
  await manual.answer(location);
  expect(screen.getByTestId('admin-conflicts').textContent).toBe('1 column still differs from what Trail needs. Trail left them alone; ask your SharePoint administrator.');
});

test('only conflicts left: nothing to do, and the conflict is still shown', async () => {
  const manual = manualService();
  renderPanel(manual.service, 'fi');
  fireEvent.click(screen.getByTestId('admin-check'));
  await manual.answer({ site, settings: inForce, plan: planOf(list('Trail Notes', { conflicts: [{ name: 'Body', expected: 'note', found: 'other' }] })) });
  expect(screen.getByTestId('admin-nothing-to-do')).toBeTruthy();
  expect(planLines()).toEqual(['Trail Notes: sarakkeen Body tyyppi on ”muu tyyppi”, mutta Trail tarvitsee tyypin ”Useita tekstirivejä”. Trail ei muuta sitä; kysy SharePoint-ylläpitäjältä.']);
});

test.each([
  ['not a site', new NotASiteUrlError('x'), 'That is not a SharePoint site address. It looks like https://contoso.sharepoint.com/sites/trail.'],
  ['no such site', new SiteNotFoundError('x'), 'There is no SharePoint site at that address, or you cannot see it.'],
  ['403', new GraphRequestError(403, 'accessDenied', 'Access denied'), 'You need SharePoint site owner rights (Sites.Manage.All) to set up Trail; ask your Microsoft 365 administrator.'],
  ['offline', new GraphRequestError(0, 'network', 'offline'), 'Trail cannot reach Microsoft 365 right now. Check your connection; nothing was changed.'],
  ['a bug', new Error('schema.ts asks for too much'), 'Setting up stopped: schema.ts asks for too much'],
])('failures are told in plain words, and what was typed stays (%s)', async (_name, error, words) => {
  const manual = manualService();
  renderPanel(manual.service);
  fireEvent.change(screen.getByTestId('admin-site-url'), { target: { value: 'https://seutuopisto.sharepoint.com/sites/other' } });
  fireEvent.click(screen.getByTestId('admin-check'));
  await manual.fail(error);
  expect(screen.getByRole('alert').textContent).toBe(words);
  expect((screen.getByTestId('admin-site-url') as HTMLInputElement).value).toBe('https://seutuopisto.sharepoint.com/sites/other');
});

test('a failed set-up keeps the plan, so Set up can simply be pressed again', async () => {
  const manual = manualService();
  renderPanel(manual.service);
  fireEvent.click(screen.getByTestId('admin-check'));
  await manual.answer({ site, settings: inForce, plan: planOf(list('Trail People', { create: true })) });
  fireEvent.click(screen.getByTestId('admin-apply'));
  await manual.fail(new ProvisioningIncompleteError(['Trail People'], 'x'));
  expect(screen.getByRole('alert').textContent).toContain('Setting up did not finish on Trail People');
  expect(planLines()).toEqual(['Trail People: will be created']);
  fireEvent.click(screen.getByTestId('admin-apply'));
  expect(manual.asked).toEqual([`check ${site.webUrl}`, 'apply site-1', 'apply site-1']);
});

test('the keyboard way: Enter in the address checks it; a new address forgets the old plan', async () => {
  const manual = manualService();
  renderPanel(manual.service);
  const input = screen.getByTestId('admin-site-url');
  fireEvent.change(input, { target: { value: '  seutuopisto.sharepoint.com/sites/trail ' } });
  fireEvent.submit(input.closest('form')!);
  expect(manual.asked).toEqual(['check   seutuopisto.sharepoint.com/sites/trail ']);
  await manual.answer({ site, settings: inForce, plan: planOf(list('Trail People', { create: true })) });
  expect(screen.getByTestId('admin-apply')).toBeTruthy();
  fireEvent.change(input, { target: { value: 'https://seutuopisto.sharepoint.com/sites/other' } });
  expect(screen.queryByTestId('admin-apply')).toBeNull();
  expect(screen.queryByTestId('admin-plan')).toBeNull();
});

test('an empty address cannot be checked', () => {
  const manual = manualService();
  renderPanel(manual.service);
  fireEvent.change(screen.getByTestId('admin-site-url'), { target: { value: '   ' } });
  expect(isDisabled('admin-check')).toBe(true);
});

test('the organisation settings in force are shown after Check, each ignored value with why, and where to change them', async () => {
  const manual = manualService();
  renderPanel(manual.service);
  fireEvent.click(screen.getByTestId('admin-check'));
  await manual.answer({
    site,
    plan: planOf(list('Trail People')),
    settings: {
      settings: { readLaterFolderName: 'Luettavat', publicDomains: ['kotiposti.fi', 'posti.fi'], neverFileDomains: [] },
      problems: [
        { column: 'AsapFolderName', value: 'Saapuneet/ASAP', problem: 'invalidFolderName' },
        { column: 'PublicDomains', value: '<b>ei</b>', problem: 'invalidDomain' },
      ],
      source: 'item',
    } satisfies TenantSettingsRead,
  });
  const summary = screen.getByTestId('admin-settings');
  expect(screen.getByTestId('admin.settings.asap').textContent).toBe('Trail’s own name, in each user’s language');
  expect(screen.getByTestId('admin.settings.readLater').textContent).toBe('Luettavat');
  expect(screen.getByTestId('admin.settings.publicDomains').textContent).toBe('kotiposti.fi, posti.fi');
  expect(screen.getByTestId('admin.settings.neverFile').textContent).toBe('none');
  expect(screen.getAllByTestId('admin-settings-ignored').map((bar) => bar.textContent)).toEqual([
    'AsapFolderName: “Saapuneet/ASAP” is ignored: it cannot be a folder name.',
    'PublicDomains: “<b>ei</b>” is ignored: it is not a mail domain.',
  ]);
  expect(summary.querySelector('b')).toBeNull(); // what an admin typed is text, never markup
  expect(summary.textContent).toContain('Site contents → Trail Settings');
});

test('settings not there yet or unreadable: Finnish words for each, and the plan still shows', async () => {
  for (const [settings, words] of [
    [{ settings: { publicDomains: [], neverFileDomains: [] }, problems: [], source: 'noList' }, 'ei vielä ole Trail Settings -luetteloa'],
    [{ settings: { publicDomains: [], neverFileDomains: [] }, problems: [], source: 'noItem' }, 'Trail Settings -luettelossa ei ole kohdetta'],
    [null, 'ei juuri nyt voitu lukea'],
  ] as const) {
    const manual = manualService();
    const view = renderPanel(manual.service, 'fi');
    fireEvent.click(screen.getByTestId('admin-check'));
    await manual.answer({ site, plan: planOf(list('Trail Settings', { create: true })), settings });
    expect(screen.getByTestId('admin-settings').textContent).toContain(words);
    expect(planLines()).toEqual(['Trail Settings: luodaan']);
    view.unmount();
  }
});
