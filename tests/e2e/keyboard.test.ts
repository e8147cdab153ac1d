/**
 * A searched filing by keyboard alone in the playground: from anywhere in the pane, "/" puts focus in
 * Find, the letters are typed, Down arrow chooses the first result's File button and Enter files —
 * at most six keys besides the letters. English (light) and Finnish (dark), at the pane's 320 px.
 */
import { openMessage, openPlayground, sharedBrowser, showTaskpane, type ClientId } from './browser';
import { axe, provision } from './record';

jest.setTimeout(120_000);

const browser = sharedBrowser();

const LANGUAGES = [
  { client: 'new-outlook' as ClientId, lang: 'en-US', theme: 'light' as const, shortcutHint: 'Press / anywhere in the pane' },
  { client: 'mac' as ClientId, lang: 'fi-FI', theme: 'dark' as const, shortcutHint: 'Paina / missä tahansa paneelissa' },
];

test.each(LANGUAGES)('a searched filing in at most six keys plus the letters, from anywhere in the pane ($lang, $theme)', async (l) => {
  const { context, page, problems } = await openPlayground(browser(), { lang: l.lang, theme: l.theme, client: l.client });
  const store = await provision();
  await store.createOrganisation({ name: 'Näppäimistö Oy', domains: ['nappaimisto.fi'] });
  await openMessage(page, 0);
  const pane = await showTaskpane(page);
  const find = pane.getByTestId('filing-search');
  await find.waitFor();
  // The shortcut is shown, and told to assistive technology.
  expect(await find.getAttribute('aria-keyshortcuts')).toBe('/');
  await pane.getByText(l.shortcutHint).waitFor();

  // Focus somewhere else in the pane, as after triage or reading the history.
  await pane.getByRole('button').last().focus();
  expect(await pane.evaluate(() => document.activeElement?.getAttribute('data-testid'))).not.toBe('filing-search');

  let keys = 0;
  const press = async (key: string) => {
    keys++;
    await page.keyboard.press(key);
  };
  await press('/');
  expect(await pane.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('filing-search');
  await page.keyboard.type('Näppäim'); // the letters, not counted
  expect(await find.inputValue()).toBe('Näppäim'); // the shortcut itself was not typed into the box
  await pane.getByTestId('search-result').filter({ hasText: 'Näppäimistö Oy' }).waitFor();
  await press('ArrowDown');
  await press('Enter');
  await pane.getByTestId('filing-filed').filter({ hasText: 'Näppäimistö Oy' }).waitFor();
  expect(keys).toBeLessThanOrEqual(6);

  // In a text field, "/" is just a character.
  await find.focus();
  await page.keyboard.type('a/b');
  expect(await find.inputValue()).toContain('a/b');
  expect(await pane.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  expect(await axe(page)).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
});
