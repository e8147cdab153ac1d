/**
 * A shared mailbox opened beside the user's own: triage from the taskpane moves the message in that
 * mailbox (over /users/{address}/…), not in the user's own, and undo brings it back there.
 */
import { SandboxTokenSource } from '../../src/auth/sandboxTokens';
import { createGraphClient } from '../../src/graph/client';
import { eventually, openMessage, openPlayground, sandboxOrigin, sharedBrowser, taskpaneFrame } from './browser';
import { axe } from './record';

jest.setTimeout(60_000);

const browser = sharedBrowser();
const SHARED = 'koulutuspalvelut@seutuopisto.fi';

/** Which folders of a mailbox hold a message with this subject, by display name, read over Graph as the user. */
async function foldersHolding(root: string, subject: string): Promise<string[]> {
  const graph = createGraphClient({ baseUrl: sandboxOrigin(), tokens: new SandboxTokenSource(sandboxOrigin()) });
  const folders = (await graph.api(`${root}/mailFolders`).top(100).get()).value as Array<{ id: string; displayName: string }>;
  const holding: string[] = [];
  for (const folder of folders) {
    const messages = (await graph.api(`${root}/mailFolders/${folder.id}/messages`).select(['subject']).top(1000).get()).value as Array<{ subject: string }>;
    if (messages.some((m) => m.subject === subject)) holding.push(folder.displayName);
  }
  return holding;
}

test('Read later on a shared mailbox message moves it in that mailbox, and undo brings it back there', async () => {
  const { context, page, problems } = await openPlayground(browser(), { mailbox: SHARED });
  await page.getByTestId('shared-mailbox').filter({ hasText: SHARED }).waitFor();
  const subject = await openMessage(page, 0);
  const ownBefore = await foldersHolding('/me', subject);
  expect(await foldersHolding(`/users/${SHARED}`, subject)).toEqual(['Saapuneet']); // the shared mailbox is in Finnish

  await page.getByTestId('ribbon-trail').click();
  await page.getByTestId('taskpane-pin').click(); // pinned, so the pane stays when the message leaves
  const pane = await taskpaneFrame(page);
  await pane.getByTestId('triage-readLater').waitFor();
  expect(await axe(page)).toEqual([]);
  await pane.getByTestId('triage-readLater').click();
  await pane.getByTestId('triage-outcome').waitFor();

  await eventually(() => foldersHolding(`/users/${SHARED}`, subject), (where) => expect(where).toEqual(['Read later']));
  expect(await foldersHolding('/me', subject)).toEqual(ownBefore); // the user's own mailbox is untouched
  // The counts are the shared mailbox's (they were the user's own): nothing in ASAP, the one message in Read later, unread.
  await pane.getByTestId('triage-counts').filter({ hasText: 'ASAP 0 (0 overdue) · Read later 1 (1 unread)' }).waitFor();

  await pane.getByTestId('triage-undo').first().click();
  await eventually(() => foldersHolding(`/users/${SHARED}`, subject), (where) => expect(where).toEqual(['Saapuneet']));
  await page.getByTestId('message-row').filter({ hasText: subject }).first().waitFor();
  expect(problems).toEqual([]);
  await context.close();
});
