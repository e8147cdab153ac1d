import fs from 'node:fs';
import path from 'node:path';
import { SandboxTokenSource } from '../../src/auth/sandboxTokens';
import { createGraphClient } from '../../src/graph/client';
import { openEvent, openMessage, openPlayground, sandboxOrigin, sharedBrowser, showTaskpane, taskpaneFrame } from './browser';
import { axe } from './record';

jest.setTimeout(60_000);

const browser = sharedBrowser();

test('the playground shows the seeded inbox, the reading pane and the taskpane with the item', async () => {
  const { context, page, problems } = await openPlayground(browser());
  const inbox = page.getByTestId('folder-inbox');
  await expect(inbox.textContent()).resolves.toMatch(/^Saapuneet\s*\d+$/); // a Finnish mailbox; unread count beside the name

  const rows = page.getByTestId('message-row');
  expect(await rows.count()).toBeGreaterThan(10);
  const subject = await openMessage(page, 2);
  const sender = await page.getByTestId('reading-from').textContent();

  await page.getByTestId('ribbon-trail').click();
  const pane = await taskpaneFrame(page);
  await pane.getByTestId('current-item-subject').waitFor();
  expect(await pane.getByTestId('current-item-subject').textContent()).toBe(subject);
  const senderName = sender!.split(' <')[0]!;
  expect(await pane.getByTestId('current-item-person').textContent()).toContain(senderName);
  await pane.getByTestId('account-status').waitFor();
  expect(await pane.getByTestId('account-status').textContent()).toBe('Connected as Aino Laine');

  if (process.env.UPDATE_SCREENSHOTS) {
    await page.screenshot({ path: path.join(__dirname, '..', '..', 'docs', 'playground.png') });
  }
  expect(problems).toEqual([]);
  await context.close();
});

test.each([
  { client: 'new-outlook' as const, hostName: 'newOutlookWindows', form: 'ews' },
  { client: 'mobile' as const, hostName: 'OutlookIOS', form: 'rest' },
])('the taskpane runs on the playground’s Office.js, which hands out the item’s id as $client does ($form, never the immutable id)', async ({ client, hostName, form }) => {
  const { context, page, problems } = await openPlayground(browser(), { client });
  const subject = await openMessage(page, 1);
  const pane = await showTaskpane(page);
  await pane.getByTestId('current-item-subject').filter({ hasText: subject }).waitFor();
  const seen = await pane.evaluate(() => {
    const mailbox = Office.context.mailbox;
    return { itemId: mailbox.item!.itemId, hostName: mailbox.diagnostics.hostName, converts: typeof mailbox.convertToRestId === 'function' };
  });
  expect(seen.hostName).toBe(hostName);
  expect(seen.converts).toBe(form === 'ews');
  const restId = form === 'ews' ? seen.itemId.replace(/\//g, '-').replace(/\+/g, '_') : seen.itemId;
  if (form === 'ews') expect(seen.itemId).toMatch(/^[A-Za-z0-9+/]+=*$/);
  // The id names the open message in Graph, and it is not the message's immutable id.
  const graph = createGraphClient({ baseUrl: sandboxOrigin(), tokens: new SandboxTokenSource(sandboxOrigin()) });
  const message = (await graph.api(`/me/messages/${encodeURIComponent(restId)}`).select(['id', 'subject']).get()) as { id: string; subject: string };
  expect(message.subject).toBe(subject);
  expect(message.id).not.toBe(restId); // Trail's client asks for immutable ids
  expect(problems).toEqual([]);
  await context.close();
});

test('a pinned taskpane follows the selection; an unpinned one closes when the selection changes', async () => {
  const { context, page, problems } = await openPlayground(browser());
  const first = await openMessage(page, 0);
  await page.getByTestId('ribbon-trail').click();
  await page.getByTestId('taskpane-pin').click();
  const pane = await taskpaneFrame(page);
  await pane.getByTestId('current-item-subject').filter({ hasText: first }).waitFor();

  for (const index of [2, 4]) {
    const subject = await openMessage(page, index);
    await pane.getByTestId('current-item-subject').filter({ hasText: subject }).waitFor();
  }

  await page.getByTestId('taskpane-pin').click(); // unpin
  await openMessage(page, 5);
  await page.getByTestId('taskpane-frame').waitFor({ state: 'detached' });
  expect(problems).toEqual([]);
  await context.close();
});

test('a ribbon button runs the real function file and reports through an item notification', async () => {
  const { context, page, problems } = await openPlayground(browser(), { lang: 'fi-FI' });
  await openMessage(page, 0);
  await page.getByTestId('ribbon-read-later').click();
  // On the item, or in the log once the moved message has left the reading pane (as it may at once).
  const notification = page.getByTestId('item-notification').or(page.getByTestId('notification-log'));
  await notification.filter({ hasText: 'Lue myöhemmin' }).first().waitFor();
  expect(problems).toEqual([]);
  await context.close();
});

test('the taskpane speaks Finnish when Office does', async () => {
  const { context, page, problems } = await openPlayground(browser(), { lang: 'fi-FI', theme: 'dark' });
  await openMessage(page, 0);
  await page.getByTestId('ribbon-trail').click();
  const pane = await taskpaneFrame(page);
  await pane.getByTestId('account-status').waitFor();
  expect(await pane.getByTestId('account-status').textContent()).toBe('Yhdistetty käyttäjänä Aino Laine');
  expect(await pane.getByTestId('current-item-person').textContent()).toMatch(/^Lähettäjä: /);
  expect(problems).toEqual([]);
  await context.close();
});

test('opening a meeting from the calendar shows it in the appointment taskpane', async () => {
  const { context, page, problems } = await openPlayground(browser());
  await page.getByTestId('calendar-tab').click();
  const subject = await openEvent(page, 0);
  await page.getByTestId('ribbon-trail').click();
  const pane = await taskpaneFrame(page);
  await pane.getByTestId('current-item-subject').filter({ hasText: subject }).waitFor();
  expect(await pane.getByText('Meeting').count()).toBe(1);
  expect(await pane.getByTestId('current-item-person').textContent()).toMatch(/^Organizer: /);
  expect(problems).toEqual([]);
  await context.close();
});

test('every URL in the manifest is served by the build', async () => {
  const manifest = fs.readFileSync(path.join(__dirname, '..', '..', 'manifest.xml'), 'utf8');
  const { manifestUrls } = await import('../unit/manifest/manifestFacts');
  const urls = manifestUrls(manifest).filter((url) => url.startsWith('https://localhost:3000/'));
  expect(urls.length).toBeGreaterThan(10);
  for (const url of urls) {
    const served = url.replace('https://localhost:3000', process.env.E2E_ADDIN_ORIGIN!);
    const response = await fetch(served);
    expect({ url, status: response.status }).toEqual({ url, status: 200 });
    if (url.endsWith('.png')) expect(response.headers.get('content-type')).toBe('image/png');
  }
});

test('an administrator sets up the shared record from the taskpane; checking again finds nothing to do', async () => {
  const { context, page, problems } = await openPlayground(browser(), { lang: 'fi-FI' });
  await openMessage(page, 0);
  await page.getByTestId('ribbon-trail').click();
  const pane = await taskpaneFrame(page);
  await pane.getByTestId('admin-open').click();
  await pane.getByTestId('admin-check').click();
  await pane.getByTestId('admin-plan').waitFor();
  expect(await pane.getByTestId('admin-plan').textContent()).toContain('Trail Filings: luodaan');
  await pane.getByTestId('admin-apply').click();
  await pane.getByTestId('admin-done').waitFor();
  expect(await pane.getByTestId('admin-done').textContent()).toBe('Yhteinen rekisteri on valmis sivustolla https://seutuopisto.sharepoint.com/sites/trail.');
  await pane.getByTestId('admin-check').click();
  await pane.getByTestId('admin-nothing-to-do').waitFor();
  // The settings item setup made: every column empty, so Trail's own values hold.
  expect(await pane.getByTestId('admin.settings.neverFile').textContent()).toBe('ei yhtään');
  expect(await pane.getByTestId('admin-settings').textContent()).toContain('Sivuston sisältö → Trail Settings');
  expect(await axe(page)).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
});
