/** What is waiting: ASAP (and overdue) and Read later, as the folders and the ASAP flags say. */
import { countWaiting } from '../../../src/services/triage/counts';
import { mailboxPaths } from '../../../src/graph/mailboxPaths';
import { json, sandboxPerFile } from '../helpers/sandbox';
import { graphCalls, statesIn, triageHarness } from './harness';

const t = sandboxPerFile();

test('before first use: all zero, and counting creates no folder', async () => {
  const h = triageHarness(t());
  expect(await h.service.counts()).toEqual({ asap: 0, overdue: 0, readLater: 0, readLaterUnread: 0 });
  expect(graphCalls(t()).filter((c) => c.method === 'POST' && c.url.endsWith('/mailFolders'))).toEqual([]);
});

test('counts what is in ASAP and Read later; ASAP turns overdue at Friday 16:00 in the mailbox zone', async () => {
  const h = triageHarness(t());
  const inbox = await statesIn(t(), 'inbox');
  const asap = inbox.slice(0, 3);
  const unread = inbox.filter((m) => !m.isRead && !asap.includes(m)).slice(0, 1);
  const read = inbox.filter((m) => m.isRead && !asap.includes(m)).slice(0, 1);
  await h.service.triage('asap', asap.map((m) => m.id));
  // Read later marks unread (it used to keep the read state, so one of the two counted as read).
  await h.service.triage('readLater', [...unread, ...read].map((m) => m.id));

  expect(await h.service.counts()).toEqual({ asap: 3, overdue: 0, readLater: 2, readLaterUnread: 2 });

  h.clock.now = new Date('2025-03-14T13:59:59Z'); // Friday 15:59:59 in Helsinki
  expect((await h.service.counts()).overdue).toBe(0);
  h.clock.now = new Date('2025-03-14T14:00:00Z'); // 16:00: due
  expect(await h.service.counts()).toEqual({ asap: 3, overdue: 3, readLater: 2, readLaterUnread: 2 });
});

test('only flagged messages with a due date past count as overdue (not completed ones, nor ones without a date)', async () => {
  const h = triageHarness(t());
  const [due, completed, undated] = await statesIn(t(), 'inbox', 3);
  const { record } = await h.service.triage('asap', [due!.id, completed!.id, undated!.id]);
  await t().graphFetch(`/me/messages/${encodeURIComponent(completed!.id)}`, json('PATCH', { flag: { flagStatus: 'complete' } }));
  await t().graphFetch(`/me/messages/${encodeURIComponent(undated!.id)}`, json('PATCH', { flag: { flagStatus: 'notFlagged' } }));
  await t().graphFetch(`/me/messages/${encodeURIComponent(undated!.id)}`, json('PATCH', { flag: { flagStatus: 'flagged' } }));
  h.clock.now = new Date('2025-03-20T08:00:00Z');
  expect(await h.service.counts()).toMatchObject({ asap: 3, overdue: 1 });
  expect(record.messages).toHaveLength(3);
});

test('overdue follows the pages of flags to the end', async () => {
  const h = triageHarness(t());
  const messages = (await statesIn(t(), 'inbox')).slice(0, 7);
  await h.service.triage('asap', messages.map((m) => m.id));
  const { asap } = await h.service.ensureFolders();
  t().sandbox.control.clearRequests();
  const counts = await countWaiting(h.graph, mailboxPaths(), { asap }, new Date('2025-03-15T00:00:00Z'), () => undefined, {}, 2);
  expect(counts).toMatchObject({ asap: 7, overdue: 7 });
  expect(graphCalls(t())).toHaveLength(4); // one $batch with the first page, then three more pages
});

test('a folder deleted meanwhile counts as empty and is looked up again next time', async () => {
  const h = triageHarness(t());
  const [message] = await statesIn(t(), 'inbox', 1);
  const { record } = await h.service.triage('readLater', [message!.id]);
  const folder = record.messages[0]!.destinationFolderId;
  await t().graphFetch(`/me/mailFolders/${folder}`, { method: 'DELETE' });
  await t().graphFetch(`/me/mailFolders/${folder}`, { method: 'DELETE' });
  expect(await h.service.counts()).toMatchObject({ readLater: 0, readLaterUnread: 0 });
  t().sandbox.control.clearRequests();
  expect(await h.service.counts()).toMatchObject({ readLater: 0 });
  // The second count looked the folders up again (and found none: counting creates nothing).
  expect(graphCalls(t())[0]!.inner!.some((r) => r.url.includes('$filter=displayName'))).toBe(true);
});
