import path from 'node:path';
import type { Page } from 'playwright-core';
import { eventually, messageRow, openMessage, openPlayground, sharedBrowser, showTaskpane, taskpaneFrame, type ClientId } from './browser';

jest.setTimeout(60_000);

const browser = sharedBrowser();

const rowSubjects = async (page: Page): Promise<string[]> =>
  (await page.getByTestId('message-row-subject').allTextContents()).map((s) => s.replace(/^⚑ /, ''));

/** How many rows have this subject: several messages may share one ("Hyväksytty: …" from each attendee). */
const rowsWith = async (page: Page, subject: string): Promise<number> => (await rowSubjects(page)).filter((s) => s === subject).length;

test.each<ClientId>(['new-outlook', 'mac'])('ASAP from the ribbon: the message leaves the Inbox for ASAP, flagged; undo in the taskpane brings it back (%s)', async (client) => {
  const { context, page, problems } = await openPlayground(browser(), { client });
  const subject = await openMessage(page, 3);
  const sameSubject = await rowsWith(page, subject);
  await page.getByTestId('ribbon-asap').click();
  // On the item, or, once the moved message has left the reading pane, in the playground's log.
  await page.getByTestId(/^(item-notification|notification-log)$/).filter({ hasText: 'Moved to ASAP' }).waitFor();
  await eventually(() => rowsWith(page, subject), (count) => expect(count).toBe(sameSubject - 1));

  await page.getByTestId('folder-ASAP').click();
  const moved = messageRow(page, subject);
  await moved.waitFor();
  expect(await moved.getByTestId('message-row-subject').textContent()).toBe(`⚑ ${subject}`);
  // Due at the end of this working week: a Friday at 16:00 in the mailbox's zone, less than a week away.
  const due = new Date((await moved.getByTestId('message-row-due').getAttribute('data-due'))!);
  const helsinki = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Helsinki', weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(due);
  expect(helsinki).toBe('Fri 16:00');
  expect(due.getTime() - Date.now()).toBeLessThan(7 * 86_400_000);

  await moved.click();
  await page.getByTestId('ribbon-trail').click();
  const pane = await taskpaneFrame(page);
  await pane.getByTestId('triage-undo').first().click();
  await pane.getByTestId('triage-outcome').filter({ hasText: 'back where it was' }).waitFor();

  await page.getByTestId('folder-inbox').click();
  await eventually(() => rowsWith(page, subject), (count) => expect(count).toBe(sameSubject));
  expect(problems).toEqual([]);
  await context.close();
});

test('five selected messages are archived together from the taskpane', async () => {
  const { context, page, problems } = await openPlayground(browser());
  await openMessage(page, 0);
  await page.getByTestId('ribbon-trail').click();
  await page.getByTestId('taskpane-pin').click();
  const pane = await taskpaneFrame(page);

  const subjects = await rowSubjects(page);
  const chosen = subjects.slice(1, 6);
  await page.getByTestId('message-row').nth(1).click();
  for (const index of [2, 3, 4, 5]) await page.getByTestId('message-row').nth(index).click({ modifiers: ['Control'] });
  await pane.getByTestId('triage-selection').filter({ hasText: '5 messages selected' }).waitFor();
  await pane.getByTestId('triage-archive').click();
  await pane.getByTestId('triage-outcome').filter({ hasText: '5 messages archived.' }).waitFor();

  // Subjects repeat in a real inbox ("Poissaolo 23.11."), so compare how often each occurs.
  const occurrences = (list: string[]) => chosen.map((c) => list.filter((s) => s === c).length);
  const expected = occurrences(subjects).map((n, i) => n - chosen.filter((c) => c === chosen[i]).length);
  await eventually(async () => occurrences(await rowSubjects(page)), (counts) => expect(counts).toEqual(expected));
  await page.getByTestId('folder-archive').click();
  for (const subject of chosen) await messageRow(page, subject).first().waitFor();
  expect(problems).toEqual([]);
  await context.close();
});

test('in Finnish, dark, 320 px: book time for a mail, then ASAP it from the taskpane', async () => {
  const { context, page, problems } = await openPlayground(browser(), { lang: 'fi-FI', theme: 'dark' });
  const subject = await openMessage(page, 2);
  await page.getByTestId('ribbon-trail').click();
  await page.getByTestId('taskpane-pin').click();
  const pane = await taskpaneFrame(page);
  await pane.getByTestId('triage-selection').filter({ hasText: '1 viesti valittu' }).waitFor();

  await pane.getByTestId('book-time-button').click();
  const booked = pane.getByTestId('book-time-outcome').filter({ hasText: 'Varattu kalenteriisi' });
  await booked.waitFor();
  // In the mailbox's zone (Helsinki), within working hours, whatever zone the browser runs in.
  const [, hour] = /(\d{2})[.:]\d{2}–/.exec((await booked.textContent()) ?? '') ?? [];
  expect(Number(hour)).toBeGreaterThanOrEqual(8);
  expect(Number(hour)).toBeLessThan(17);
  // A second click finds the block already made for this mail rather than booking another.
  await pane.getByTestId('book-time-button').click();
  await pane.getByTestId('book-time-outcome').filter({ hasText: 'Tälle viestille on jo varattu aika' }).waitFor();

  await pane.getByTestId('triage-asap').click();
  await pane.getByTestId('triage-outcome').filter({ hasText: 'Siirretty kansioon ASAP' }).waitFor();
  await pane.getByTestId('triage-counts').filter({ hasText: /ASAP [1-9]/ }).waitFor();
  // The mail left the Inbox, and with it the selection.
  await pane.getByTestId('triage-selection').filter({ hasText: 'Valitse lajiteltavat viestit.' }).waitFor();
  const width = await pane.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(320); // nothing overflows the narrow pane
  if (process.env.UPDATE_SCREENSHOTS) {
    await page.getByTestId('taskpane-frame').screenshot({ path: path.join(__dirname, '..', '..', 'docs', 'triage-fi-dark.png') });
  }

  await page.getByTestId('folder-ASAP').click();
  await page.getByTestId('message-row').filter({ hasText: subject }).getByTestId('message-row-due').filter({ hasText: 'Määräaika' }).waitFor();
  expect(problems).toEqual([]);
  await context.close();
});

test('a ribbon action updates the pinned pane\'s counts, not only its Recent list', async () => {
  const { context, page, problems } = await openPlayground(browser(), { client: 'new-outlook' });
  await openMessage(page, 2);
  const pane = await showTaskpane(page);
  const asapCount = async () => Number(/ASAP (\d+)/.exec((await pane.getByTestId('triage-counts').textContent()) ?? '')?.[1]);
  await eventually(asapCount, (count) => expect(count).toBeGreaterThanOrEqual(0));
  const before = await asapCount();
  await openMessage(page, 4);
  await page.getByTestId('ribbon-asap').click();
  await pane.getByTestId('triage-undo').first().waitFor();
  await eventually(asapCount, (count) => expect(count).toBe(before + 1));
  expect(problems).toEqual([]);
  await context.close();
});

test('on mobile (no ribbon buttons, no pinning): ASAP from the taskpane sends the message to ASAP, flagged', async () => {
  const { context, page, problems } = await openPlayground(browser(), { client: 'mobile' });
  const subject = await openMessage(page, 2);
  // Mobile's command surface has the task pane button alone (manifest.xml, MobileMessageReadCommandSurface).
  expect(await page.getByTestId('ribbon-asap').count()).toBe(0);
  const pane = await showTaskpane(page);
  expect(await page.getByTestId('taskpane-pin').count()).toBe(0);
  await pane.getByTestId('triage-selection').filter({ hasText: '1 message selected' }).waitFor();
  const sameSubject = await rowsWith(page, subject);
  await pane.getByTestId('triage-asap').click();
  await eventually(() => rowsWith(page, subject), (count) => expect(count).toBe(sameSubject - 1));
  await page.getByTestId('folder-ASAP').click();
  await messageRow(page, subject).getByTestId('message-row-due').waitFor();
  expect(problems).toEqual([]);
  await context.close();
});

test('settings, in Finnish at 320 px: a refused name says why; a saved name is the folder the next Read later goes to', async () => {
  const { context, page, problems } = await openPlayground(browser(), { lang: 'fi-FI' });
  const subject = await openMessage(page, 2);
  await page.getByTestId('ribbon-trail').click();
  const pane = await taskpaneFrame(page);
  await pane.getByTestId('triage-settings-toggle').click();

  const readLater = pane.getByTestId('settings-read-later');
  await readLater.fill('Kesken/valmis');
  await pane.getByTestId('settings-save').click();
  await pane.getByText('ilman merkkejä').waitFor();
  expect(await readLater.inputValue()).toBe('Kesken/valmis'); // what was typed stays

  await readLater.fill('  Luettavat 📚 ');
  await pane.getByTestId('settings-due-day').selectOption({ label: 'torstai' });
  await pane.getByTestId('settings-due-time').fill('15.30');
  await pane.getByTestId('settings-save').click();
  await pane.getByTestId('settings-saved').waitFor();
  expect(await readLater.inputValue()).toBe('Luettavat 📚');
  expect(await pane.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  if (process.env.UPDATE_SCREENSHOTS) {
    await page.getByTestId('taskpane-frame').screenshot({ path: path.join(__dirname, '..', '..', 'docs', 'triage-settings-fi.png') });
  }

  // Pinned, so the pane stays when the message moves away (an unpinned pane closes with its item, as in Outlook).
  await page.getByTestId('taskpane-pin').click();
  await pane.getByTestId('triage-readLater').click();
  await pane.getByTestId('triage-outcome').filter({ hasText: 'Siirretty kansioon Luettavat 📚.' }).waitFor();
  await pane.getByTestId('triage-counts').filter({ hasText: 'Luettavat 📚 1' }).waitFor();
  await page.getByTestId('folder-Luettavat 📚').click();
  await messageRow(page, subject).waitFor();
  expect(problems).toEqual([]);
  await context.close();
});
