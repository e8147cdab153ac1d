/**
 * Meetings in the playground against the sandbox: a recurring meeting linked to a project as a whole
 * series, seen from another occurrence, what was agreed written after it, and the project's
 * timeline showing both; in English (light) and Finnish (dark), at the pane's 320 px.
 */
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { openPlayground, sharedBrowser, showTaskpane, type ClientId } from './browser';
import { axe, provision } from './record';

jest.setTimeout(90_000);

const browser = sharedBrowser();
const PROJECT = 'Työelämäyhteistyö 2025';

async function openOccurrence(page: Page, subject?: string, skip = 0): Promise<string> {
  const rows = page.locator('[data-testid="event-row"][data-type="occurrence"]').filter(subject ? { hasText: subject } : {});
  const row = rows.nth(skip);
  await row.waitFor();
  const title = (await row.getByTestId('event-row-subject').textContent()) ?? '';
  await row.click();
  await page.getByTestId('reading-subject').filter({ hasText: title }).waitFor();
  return title;
}

const noOverflow = (pane: Frame) => pane.evaluate(() => document.documentElement.scrollWidth);

// Outlook mobile has no appointment surface for Trail (its manifest declares MobileMessageReadCommandSurface only).
const LANGUAGES = [
  { client: 'new-outlook' as ClientId, lang: 'en-US', theme: 'light' as const, filed: `Linked to ${PROJECT}.`, series: 'whole series', saved: 'Notes saved to', recurring: 'Recurring meeting', shot: 'meeting-en-light.png' },
  { client: 'mac' as ClientId, lang: 'fi-FI', theme: 'dark' as const, filed: `Liitetty: ${PROJECT}.`, series: 'koko sarja', saved: 'Muistiinpanot tallennettu', recurring: 'Toistuva kokous', shot: 'meeting-fi-dark.png' },
];

test.each(LANGUAGES)('a recurring meeting linked to a project as a series, notes of what was agreed, the project’s timeline ($client, $lang, $theme)', async (l) => {
  const { context, page, problems } = await openPlayground(browser(), { lang: l.lang, theme: l.theme, client: l.client });
  const store = await provision();
  await store.createProject({ name: PROJECT });
  await page.getByTestId('calendar-tab').click();
  const subject = await openOccurrence(page);
  // Outlook pins no appointment's pane (pinnable-taskpane.md), so it closes as another meeting opens, and opens again.
  let pane = await showTaskpane(page);

  // The pane asks: the whole series (the default) or only this occurrence.
  await pane.getByTestId('filing-scope').waitFor();
  expect(await pane.getByTestId('filing-scope').getByRole('radio', { name: new RegExp(l.series, 'i') }).isChecked()).toBe(true);
  expect(await axe(page)).toEqual([]);
  await pane.getByTestId('filing-search').fill('työelä');
  await pane.getByTestId('filing-results').filter({ hasText: PROJECT }).getByTestId('search-result-file').first().click();
  await pane.getByTestId('filing-result').filter({ hasText: l.filed }).waitFor();
  await pane.getByTestId('filing-filed').filter({ hasText: l.series }).waitFor();

  // Another occurrence of the series is linked too.
  await openOccurrence(page, subject, 1);
  pane = await showTaskpane(page);
  await pane.getByTestId('filing-filed').filter({ hasText: PROJECT }).waitFor();

  const agreed = 'Sovittiin: 3 harjoittelupaikkaa syksyllä <script>alert(1)</script> 🙂';
  await pane.getByTestId('meeting-notes').fill(agreed);
  await pane.getByTestId('meeting-notes-save').click();
  await pane.getByTestId('filing-result').filter({ hasText: l.saved }).waitFor();
  await pane.waitForFunction(() => (document.querySelector('[data-testid="meeting-notes"]') as HTMLTextAreaElement).value === ''); // cleared once saved
  expect(await noOverflow(pane)).toBeLessThanOrEqual(320);

  await pane.getByTestId('filing-filed').getByTestId('entity-link').filter({ hasText: PROJECT }).click();
  const project = pane.getByTestId('entity-view-project');
  await project.getByTestId('history-filing').filter({ hasText: l.recurring }).first().waitFor();
  await project.getByTestId('history-filing').filter({ hasText: 'Sovittiin: 3 harjoittelupaikkaa' }).waitFor();
  expect(await noOverflow(pane)).toBeLessThanOrEqual(320);
  expect(await axe(page)).toEqual([]);
  if (process.env.UPDATE_SCREENSHOTS) await page.getByTestId('taskpane-frame').screenshot({ path: path.join(__dirname, '..', '..', 'docs', l.shot) });
  await project.getByTestId('entity-back').click();
  await pane.getByTestId('filing-search').waitFor();
  expect(problems).toEqual([]);
  await context.close();
});
