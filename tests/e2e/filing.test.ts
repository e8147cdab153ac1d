/**
 * Filing in the playground against the sandbox: an unknown sender created and filed inline, the
 * organisation suggested on the next mail from its domain and filed with one click, search.
 */
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { openPlayground, sandboxOrigin, sharedBrowser, showTaskpane, taskpaneFrame, type ClientId } from './browser';
import { axe, provision } from './record';
import { SCENARIO_FIXTURES } from '../../dev/sandbox/seed/fixtures';

jest.setTimeout(90_000);

const browser = sharedBrowser();

async function openFrom(page: Page, domain: string): Promise<string> {
  const row = page.getByTestId('message-row').filter({ hasText: new RegExp(`@${domain.replace('.', '\\.')}|Datariihi`, 'i') }).first();
  if ((await row.count()) === 0) throw new Error(`no message from ${domain} in the list`);
  const subject = ((await row.getByTestId('message-row-subject').textContent()) ?? '').replace(/^⚑ /, '');
  await row.click();
  await page.getByTestId('reading-subject').filter({ hasText: subject }).waitFor();
  return subject;
}

async function openSubject(page: Page, subject: string): Promise<string> {
  await page.getByTestId('message-row').filter({ hasText: subject }).first().click();
  await page.getByTestId('reading-subject').filter({ hasText: subject }).waitFor();
  return subject;
}

// Two senders of one organisation nobody has filed yet, pinned near the top of the Inbox for any anchor.
const { supplierSupport, supplierInvoice } = SCENARIO_FIXTURES;

// Each language in a client of its own; mobile too, which cannot pin the pane and opens items by their web link.
const LANGUAGES = [
  {
    client: 'new-outlook' as ClientId,
    lang: 'en-US',
    theme: 'light' as const,
    filed: 'Filed to',
    suggestion: 'Organisation · mail from datariihi.fi',
    filedOrg: 'Filed to Datariihi.',
    cardEntry: /Filed to Datariihi by Aino Laine/,
    shot: 'filing-en-light.png',
  },
  {
    client: 'mac' as ClientId,
    lang: 'fi-FI',
    theme: 'dark' as const,
    filed: 'Kirjattu:',
    suggestion: 'Organisaatio · viesti osoitteesta datariihi.fi',
    filedOrg: 'Kirjattu: Datariihi.',
    cardEntry: /Kirjattu kohteeseen Datariihi, kirjasi Aino Laine/,
    shot: 'filing-fi-dark.png',
  },
  {
    client: 'mobile' as ClientId,
    lang: 'en-US',
    theme: 'light' as const,
    filed: 'Filed to',
    suggestion: 'Organisation · mail from datariihi.fi',
    filedOrg: 'Filed to Datariihi.',
    cardEntry: /Filed to Datariihi by Aino Laine/,
    shot: null,
  },
];

const noOverflow = (pane: Frame) => pane.evaluate(() => document.documentElement.scrollWidth);

test.each(LANGUAGES)('unknown sender created and filed inline; the next mail from the domain suggests the organisation, filed with one click; history ($client, $lang, $theme)', async (l) => {
  const { context, page, problems } = await openPlayground(browser(), { lang: l.lang, theme: l.theme, client: l.client });
  await provision();
  const first = await openSubject(page, supplierSupport.subject);
  let pane = await showTaskpane(page);

  const unknown = pane.getByTestId('filing-unknown').first();
  await unknown.waitFor();
  expect(await axe(page)).toEqual([]);
  await unknown.getByTestId('filing-create-person').click();
  await pane.getByTestId('filing-result').filter({ hasText: l.filed }).waitFor();
  await pane.getByTestId('filing-filed').filter({ hasText: 'Datariihi' }).waitFor();
  expect(await pane.getByTestId('filing-filed').locator('li').count()).toBe(2);

  await openSubject(page, supplierInvoice.subject);
  pane = await showTaskpane(page);
  const suggestion = pane.getByTestId('filing-suggestion').filter({ hasText: l.suggestion });
  await suggestion.waitFor();
  expect(await noOverflow(pane)).toBeLessThanOrEqual(320);
  expect(await axe(page)).toEqual([]);
  await suggestion.getByTestId('filing-suggestion-file').click(); // the one click
  await pane.getByTestId('filing-result').filter({ hasText: l.filedOrg }).waitFor();
  await pane.getByTestId('filing-filed').filter({ hasText: 'Datariihi' }).waitFor();

  // The card beside it (the second sender, not yet a person in the record): the organisation's filing of the first mail, by the user.
  const card = pane.getByTestId('person-card');
  await card.getByTestId('history-filing').filter({ hasText: first }).waitFor();
  expect(await card.getByTestId('history-filing').filter({ hasText: first }).textContent()).toMatch(l.cardEntry);
  if (process.env.UPDATE_SCREENSHOTS && l.shot) await page.getByTestId('taskpane-frame').screenshot({ path: path.join(__dirname, '..', '..', 'docs', l.shot) });

  // The organisation's own view: its person, and both mails in its timeline; an entry opens in Outlook.
  await pane.getByTestId('filing-filed').getByTestId('entity-link').filter({ hasText: 'Datariihi' }).click();
  const org = pane.getByTestId('entity-view-organisation');
  await org.getByTestId('entity-related').getByTestId('entity-link').first().waitFor();
  await org.getByTestId('entity-timeline-entries').waitFor();
  const second = (await page.getByTestId('reading-subject').textContent()) ?? '';
  for (const subject of [first, second]) await org.getByTestId('history-filing').filter({ hasText: subject }).first().waitFor();
  expect(await noOverflow(pane)).toBeLessThanOrEqual(320);
  expect(await axe(page)).toEqual([]);
  const entry = org.getByTestId('history-filing').filter({ hasText: first }).first().getByRole('button');
  if (l.client === 'mobile') {
    // No display forms on mobile: the item opens in the browser, at its Outlook on the web address (answered here, offline).
    await context.route('https://outlook.office365.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Outlook</title>' }));
    const [opened] = await Promise.all([context.waitForEvent('page'), entry.click()]);
    await opened.waitForURL(/^https:\/\/outlook\.office365\.com\/owa\/\?ItemID=/);
    await opened.close();
  } else {
    await entry.click();
    await page.getByTestId('opened-form').filter({ hasText: first }).waitFor();
  }

  // The first sender's history: their own mail, and the colleague's mail filed to their organisation.
  await org.getByTestId('entity-related').getByTestId('entity-link').filter({ hasText: 'Palvelupiste' }).click();
  const person = pane.getByTestId('entity-view-person');
  for (const subject of [first, second]) await person.getByTestId('history-filing').filter({ hasText: subject }).first().waitFor();
  expect(await axe(page)).toEqual([]);
  await person.getByTestId('entity-back').click();
  await org.getByTestId('entity-back').click();

  // Search by keys alone: type, Down to the first result, Enter files it.
  await pane.getByTestId('filing-search').fill('datar');
  await pane.getByTestId('filing-results').filter({ hasText: 'Datariihi' }).waitFor();
  expect(await axe(page)).toEqual([]);
  await pane.getByTestId('filing-search').press('ArrowDown');
  expect(await pane.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toMatch(/search-result-file/);
  expect(problems).toEqual([]);
  await context.close();
});

test('filed to several at once and archived in the same click; undo brings the message back and it stays filed', async () => {
  const { context, page, problems } = await openPlayground(browser());
  const kari = await provision();
  await kari.createProject({ name: 'Digiloikka' });
  await kari.createOrganisation({ name: 'Digiosuuskunta', domains: ['digiosuus-esim.fi'] });
  await kari.createProject({ name: 'Taitopaja' });
  const subject = await openFrom(page, 'datariihi.fi');
  await page.getByTestId('ribbon-trail').click();
  await page.getByTestId('taskpane-pin').click();
  const pane = await taskpaneFrame(page);

  await pane.getByTestId('filing-search').fill('digi');
  const results = pane.getByTestId('filing-results');
  for (const name of ['Digiloikka', 'Digiosuuskunta']) await results.getByTestId('search-result').filter({ hasText: name }).getByTestId('search-result-select').check();
  await pane.getByTestId('filing-after').selectOption('archive');
  expect(await axe(page)).toEqual([]);
  await pane.getByTestId('filing-file-selected').filter({ hasText: 'File to the 2 selected' }).click();

  // The message leaves the inbox as Archive would; the move is in Triage's history, with undo.
  await page.getByTestId('message-row').filter({ hasText: subject }).waitFor({ state: 'detached' });
  // The pane, now on the next message, still says what became of the one that left.
  await pane.getByTestId('filing-departed').filter({ hasText: subject }).filter({ hasText: 'Archive' }).waitFor();
  const undo = pane.getByTestId('triage-history').getByTestId('triage-undo').first();
  await undo.click();
  await pane.getByTestId('filing-departed-undo').waitFor({ state: 'detached' }); // undone once, not offered twice
  const row = page.getByTestId('message-row').filter({ hasText: subject });
  await row.waitFor();
  await row.click();
  await page.getByTestId('reading-subject').filter({ hasText: subject }).waitFor();
  for (const name of ['Digiloikka', 'Digiosuuskunta']) await pane.getByTestId('filing-filed').filter({ hasText: name }).waitFor();
  // The choice is remembered for the next message.
  expect(await pane.getByTestId('filing-after').inputValue()).toBe('archive');
  expect(await pane.getByTestId('triage-outcome').textContent()).toContain('back where it was');

  // Filed and archived again: Triage's "Undone" was about the earlier move, so it goes.
  await pane.getByTestId('filing-search').fill('taitopaja');
  await results.getByTestId('search-result').filter({ hasText: 'Taitopaja' }).getByTestId('search-result-file').click();
  await page.getByTestId('message-row').filter({ hasText: subject }).waitFor({ state: 'detached' });
  await pane.getByTestId('triage-outcome').waitFor({ state: 'detached' });
  expect(problems).toEqual([]);
  await context.close();
});

test('filed and archived in one click; one Undo on the bar brings the message back and unfiles it, and says so', async () => {
  const { context, page, problems } = await openPlayground(browser());
  const kari = await provision();
  await kari.createProject({ name: 'Peruttava hanke' });
  const subject = await openFrom(page, 'datariihi.fi');
  await page.getByTestId('ribbon-trail').click();
  await page.getByTestId('taskpane-pin').click();
  const pane = await taskpaneFrame(page);
  await pane.getByTestId('filing-search').fill('peruttava');
  await pane.getByTestId('filing-after').selectOption('archive');
  await pane.getByTestId('filing-results').getByTestId('search-result').filter({ hasText: 'Peruttava hanke' }).getByTestId('search-result-file').click();
  await page.getByTestId('message-row').filter({ hasText: subject }).waitFor({ state: 'detached' });
  await pane.getByTestId('filing-departed').filter({ hasText: subject }).waitFor();
  expect(await axe(page)).toEqual([]);
  await pane.getByTestId('filing-departed-undo').click();
  const undone = pane.getByTestId('filing-departed').filter({ hasText: /^Undone: the message is back in .+ and no longer filed to Peruttava hanke\./ });
  await undone.waitFor();
  expect(await pane.getByTestId('filing-departed-undo').count()).toBe(0); // nothing left to undo
  expect(await axe(page)).toEqual([]);
  await page.getByTestId('taskpane-frame').screenshot({ path: path.join(process.env.SCREENSHOT_DIR ?? '/tmp', 'filing-departed-undone.png') });
  await page.getByTestId('message-row').filter({ hasText: subject }).first().waitFor();
  expect(problems).toEqual([]);
  await context.close();
});

test('a long timeline loads its next page as the pane scrolls to its end, without a click', async () => {
  const { context, page, problems } = await openPlayground(browser());
  const kari = await provision();
  const created = await kari.createProject({ name: 'Pitkä hanke' });
  const project = { ref: created.entity.ref, name: created.entity.name, detail: '' };
  for (let day = 1; day <= 14; day++) await kari.addNote({ headline: `Puhelu ${day}`, date: `2026-11-${String(day).padStart(2, '0')}T09:00:00Z` }, [project]);
  await openFrom(page, 'datariihi.fi');
  await page.getByTestId('ribbon-trail').click();
  const pane = await taskpaneFrame(page);
  await pane.getByTestId('filing-search').fill('pitkä');
  await pane.getByTestId('filing-results').getByRole('button', { name: 'Show Pitkä hanke' }).click();

  const entries = pane.getByTestId('entity-timeline-entries').getByTestId('history-filing');
  await entries.nth(9).waitFor();
  expect(await entries.count()).toBe(10);
  await pane.getByTestId('entity-timeline-more').scrollIntoViewIfNeeded();
  await entries.nth(13).waitFor();
  expect(await pane.getByTestId('entity-timeline-more').count()).toBe(0);
  expect(problems).toEqual([]);
  await context.close();
});

test('when SharePoint cannot be reached as the pane opens, Try again recovers without reopening it, and so does the next item', async () => {
  const { context, page, problems } = await openPlayground(browser());
  await provision();
  const faults = (plan: unknown) =>
    fetch(`${sandboxOrigin()}/_sandbox/faults`, { method: plan ? 'PUT' : 'DELETE', headers: { 'Content-Type': 'application/json' }, ...(plan ? { body: JSON.stringify(plan) } : {}) });
  // Longer than the client's own retries: the outage outlasts them.
  await faults({ rules: [{ kind: '503', pathPattern: '/sites/', next: 40 }] });
  await openSubject(page, supplierSupport.subject);
  await page.getByTestId('ribbon-trail').click();
  const pane = await taskpaneFrame(page);
  await pane.getByTestId('filing-retry').waitFor({ timeout: 30_000 });
  expect(await pane.getByTestId('filing-panel').textContent()).toContain('Try again');

  await faults(null);
  await pane.getByTestId('filing-retry').click();
  await pane.getByTestId('filing-search').waitFor();

  // The same outage again in a fresh, pinned pane: this time a new item is what recovers it.
  const second = await openPlayground(browser());
  await provision(); // opening a playground resets the sandbox
  await faults({ rules: [{ kind: '503', pathPattern: '/sites/', next: 40 }] });
  await openSubject(second.page, supplierSupport.subject);
  await second.page.getByTestId('ribbon-trail').click();
  await second.page.getByTestId('taskpane-pin').click(); // a pinned pane follows the selection
  const pane2 = await taskpaneFrame(second.page);
  await pane2.getByTestId('filing-retry').waitFor({ timeout: 30_000 });
  await faults(null);
  await openSubject(second.page, supplierInvoice.subject);
  await pane2.getByTestId('filing-search').waitFor();
  expect([...problems, ...second.problems]).toEqual([]);
  await second.context.close();
  await context.close();
});
