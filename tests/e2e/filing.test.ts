/**
 * Filing in the playground against the sandbox: an unknown sender created and filed inline, the
 * organisation suggested on the next mail from its domain and filed with one click, search.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openPlayground, sharedBrowser, taskpaneFrame } from './browser';
import { axe, provision } from './record';

jest.setTimeout(90_000);

const browser = sharedBrowser();

async function openFrom(page: Page, domain: string, skip: string[] = []): Promise<string> {
  const row = page.getByTestId('message-row').filter({ hasText: new RegExp(`@${domain.replace('.', '\\.')}|Datariihi`, 'i') });
  const count = await row.count();
  for (let i = 0; i < count; i++) {
    const subject = ((await row.nth(i).getByTestId('message-row-subject').textContent()) ?? '').replace(/^⚑ /, '');
    if (skip.includes(subject)) continue;
    await row.nth(i).click();
    await page.getByTestId('reading-subject').filter({ hasText: subject }).waitFor();
    return subject;
  }
  throw new Error(`no message from ${domain} in the list`);
}

test('unknown sender created and filed inline; the next mail from the domain suggests the organisation, filed with one click', async () => {
  const { context, page, problems } = await openPlayground(browser());
  await provision();
  const first = await openFrom(page, 'datariihi.fi');
  await page.getByTestId('ribbon-trail').click();
  await page.getByTestId('taskpane-pin').click();
  const pane = await taskpaneFrame(page);

  const unknown = pane.getByTestId('filing-unknown').first();
  await unknown.waitFor();
  expect(await axe(page)).toEqual([]);
  await unknown.getByTestId('filing-create-person').click();
  await pane.getByTestId('filing-result').filter({ hasText: 'Filed to' }).waitFor();
  await pane.getByTestId('filing-filed').filter({ hasText: 'Datariihi' }).waitFor();
  expect(await pane.getByTestId('filing-filed').locator('li').count()).toBe(2);

  await openFrom(page, 'datariihi.fi', [first]);
  const suggestion = pane.getByTestId('filing-suggestion').filter({ hasText: 'Organisation · mail from datariihi.fi' });
  await suggestion.waitFor();
  await suggestion.getByTestId('filing-suggestion-file').click(); // the one click
  await pane.getByTestId('filing-result').filter({ hasText: 'Filed to Datariihi.' }).waitFor();
  await pane.getByTestId('filing-filed').filter({ hasText: 'Datariihi' }).waitFor();

  // The card beside it: the organisation's filing of the first mail, by the user, and this mail.
  const card = pane.getByTestId('person-card');
  await card.getByTestId('history-filing').filter({ hasText: first }).waitFor();
  expect(await card.getByTestId('history-filing').filter({ hasText: first }).textContent()).toMatch(/Filed to .+ and Datariihi by Aino Laine/);

  // The organisation's own view: its person, and both mails in its timeline; an entry opens in Outlook.
  await pane.getByTestId('filing-filed').getByTestId('entity-link').filter({ hasText: 'Datariihi' }).click();
  const org = pane.getByTestId('entity-view-organisation');
  await org.getByTestId('entity-related').getByTestId('entity-link').first().waitFor();
  await org.getByTestId('entity-timeline-entries').waitFor();
  const second = (await page.getByTestId('reading-subject').textContent()) ?? '';
  for (const subject of [first, second]) await org.getByTestId('history-filing').filter({ hasText: subject }).first().waitFor();
  expect(await axe(page)).toEqual([]);
  await org.getByTestId('history-filing').filter({ hasText: first }).first().getByRole('button').click();
  await page.getByTestId('opened-form').filter({ hasText: first }).waitFor();
  await org.getByTestId('entity-back').click();

  // Search by keys alone: type, Down to the first result, Enter files it.
  await pane.getByTestId('filing-search').fill('datar');
  await pane.getByTestId('filing-results').filter({ hasText: 'Datariihi' }).waitFor();
  expect(await axe(page)).toEqual([]);
  await pane.getByTestId('filing-search').press('ArrowDown');
  expect(await pane.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toMatch(/filing-result-file/);
  expect(problems).toEqual([]);
  await context.close();
});

test('in Finnish at 320 px, dark: suggestions and the filed state read in Finnish, nothing overflows', async () => {
  const { context, page, problems } = await openPlayground(browser(), { lang: 'fi-FI', theme: 'dark' });
  await provision();
  await openFrom(page, 'datariihi.fi');
  await page.getByTestId('ribbon-trail').click();
  const pane = await taskpaneFrame(page);
  await pane.getByTestId('filing-unknown').first().getByTestId('filing-create-person').click();
  await pane.getByTestId('filing-result').filter({ hasText: 'Kirjattu:' }).waitFor();
  await pane.getByTestId('filing-filed').filter({ hasText: 'Datariihi' }).waitFor();
  expect(await pane.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  expect(await axe(page)).toEqual([]);
  if (process.env.UPDATE_SCREENSHOTS) {
    await page.getByTestId('taskpane-frame').screenshot({ path: path.join(__dirname, '..', '..', 'docs', 'filing-fi-dark.png') });
  }
  expect(problems).toEqual([]);
  await context.close();
});
