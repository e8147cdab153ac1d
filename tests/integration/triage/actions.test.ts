/**
 * ASAP, Read later and Archive over HTTP against the sandbox, each read back through Graph, and undo
 * of each restoring folder, flag and read state exactly.
 */
import { instantOfGraphDateTime as instantOf } from '../../../src/domain/graphDateTime';
import type { MessageState } from '../../../src/services/triage/types';
import { json, sandboxPerFile, TEST_ANCHOR } from '../helpers/sandbox';
import { folderId, graphCalls, readMessage, statesIn, triageHarness, type TriageHarness } from './harness';

const t = sandboxPerFile();
let h: TriageHarness;

beforeEach(() => {
  h = triageHarness(t());
});

/** Inbox messages with their state, to pick ones that show what an action does. */
const inbox = (): Promise<MessageState[]> => statesIn(t(), 'inbox');

async function pick(match: (m: MessageState) => boolean): Promise<MessageState> {
  const found = (await inbox()).find(match);
  if (!found) throw new Error('the seeded inbox has no such message');
  return found;
}

async function topFolderNamed(name: string): Promise<string | undefined> {
  const page = await t().graphJson<{ value: Array<{ id: string }> }>(`/me/mailFolders?$filter=${encodeURIComponent(`displayName eq '${name}'`)}`);
  return page.body.value[0]?.id;
}

const at = (value: { dateTime: string; timeZone: string } | undefined) => instantOf(value)?.toISOString();

test('ASAP: flagged from now to Friday 16:00 in the mailbox zone, read, moved to a new ASAP folder; categories untouched', async () => {
  const message = await pick((m) => !m.isRead && m.flag.flagStatus === 'notFlagged' && m.categories.length > 0);
  const result = await h.service.triage('asap', [message.id]);

  expect(result.failed).toEqual([]);
  const asapFolder = await topFolderNamed('ASAP');
  expect(asapFolder).toBeDefined();
  expect(result.record).toMatchObject({ action: 'asap', at: TEST_ANCHOR.toISOString(), messages: [{ before: message, destinationFolderId: asapFolder }] });

  const after = (await readMessage(t(), message.id))!;
  expect(after).toMatchObject({ id: message.id, parentFolderId: asapFolder, isRead: true, categories: message.categories });
  expect(after.flag.flagStatus).toBe('flagged');
  // Wednesday 12:00 in Helsinki (EET, UTC+2): due Friday 16:00 there.
  expect(at(after.flag.startDateTime)).toBe('2025-03-12T10:00:00.000Z');
  expect(at(after.flag.dueDateTime)).toBe('2025-03-14T14:00:00.000Z');
});

test('a warm service triages a message in one round trip: read, flag, move (and a look at the folder) in one $batch', async () => {
  await h.service.ensureFolders();
  const message = await pick((m) => m.flag.flagStatus === 'notFlagged');
  t().sandbox.control.clearRequests();
  await h.service.triage('asap', [message.id]);
  const calls = graphCalls(t());
  expect(calls).toHaveLength(1);
  expect(calls[0]!.inner!.map((r) => `${r.method} ${r.status}`).sort()).toEqual(['GET 200', 'GET 200', 'PATCH 200', 'POST 201']);
});

test('undo of ASAP restores folder, read state and the missing flag exactly', async () => {
  const message = await pick((m) => !m.isRead && m.flag.flagStatus === 'notFlagged');
  const { record } = await h.service.triage('asap', [message.id]);
  const undone = await h.service.undo(record);
  expect(undone).toEqual({ restored: [message.id], failed: [] });
  expect(await readMessage(t(), message.id)).toEqual(message);
});

test('ASAP on a message already flagged replaces its dates, and undo brings the old ones back', async () => {
  const message = await pick((m) => m.flag.flagStatus === 'flagged' && !!m.flag.dueDateTime);
  const { record } = await h.service.triage('asap', [message.id]);
  expect(at((await readMessage(t(), message.id))!.flag.dueDateTime)).toBe('2025-03-14T14:00:00.000Z');
  await h.service.undo(record);
  const restored = (await readMessage(t(), message.id))!;
  expect(restored).toMatchObject({ parentFolderId: message.parentFolderId, isRead: message.isRead, categories: message.categories });
  expect(restored.flag.flagStatus).toBe('flagged');
  expect(at(restored.flag.startDateTime)).toBe(at(message.flag.startDateTime));
  expect(at(restored.flag.dueDateTime)).toBe(at(message.flag.dueDateTime));
});

test('undo restores a flag that had no dates: cleared first, since a PATCH without dates keeps the ones there', async () => {
  const message = await pick((m) => m.flag.flagStatus === 'notFlagged');
  await t().graphFetch(`/me/messages/${encodeURIComponent(message.id)}`, json('PATCH', { flag: { flagStatus: 'flagged' } }));
  const flaggedWithoutDates = (await readMessage(t(), message.id))!;
  expect(flaggedWithoutDates.flag).toEqual({ flagStatus: 'flagged' });

  const { record } = await h.service.triage('asap', [message.id]);
  await h.service.undo(record);
  expect(await readMessage(t(), message.id)).toEqual(flaggedWithoutDates);
});

// Read later used to leave the read state and flag alone; the README says unread and unflagged (what is left to read).
test('Read later: moved to a new "Read later" folder, unread and unflagged; undo restores read state and flag exactly', async () => {
  const flagged = await pick((m) => m.flag.flagStatus === 'flagged' && m.isRead);
  const unread = await pick((m) => !m.isRead);
  const result = await h.service.triage('readLater', [flagged.id, unread.id]);
  expect(result.failed).toEqual([]);
  const readLater = await topFolderNamed('Read later');
  for (const message of [flagged, unread]) {
    const after = (await readMessage(t(), message.id))!;
    expect(after).toMatchObject({ parentFolderId: readLater, isRead: false, categories: message.categories });
    expect(after.flag.flagStatus).toBe('notFlagged');
  }

  await h.service.undo(result.record);
  for (const message of [flagged, unread]) expect(await readMessage(t(), message.id)).toEqual(message);
});

test('Archive: into the well-known Archive folder, read, and a flag completed (its dates kept)', async () => {
  const message = await pick((m) => m.flag.flagStatus === 'flagged' && !!m.flag.startDateTime);
  const result = await h.service.triage('archive', [message.id]);
  expect(result.failed).toEqual([]);
  const after = (await readMessage(t(), message.id))!;
  expect(after).toMatchObject({ parentFolderId: await folderId(t(), 'archive'), isRead: true, categories: message.categories });
  expect(after.flag.flagStatus).toBe('complete');
  expect(at(after.flag.dueDateTime)).toBe(at(message.flag.dueDateTime));
  expect(after.flag.completedDateTime).toBeDefined();

  await h.service.undo(result.record);
  const restored = (await readMessage(t(), message.id))!;
  expect(restored).toMatchObject({ parentFolderId: message.parentFolderId, isRead: message.isRead, categories: message.categories });
  expect(restored.flag).toMatchObject({ flagStatus: 'flagged' });
  expect(restored.flag.completedDateTime).toBeUndefined();
  expect(at(restored.flag.dueDateTime)).toBe(at(message.flag.dueDateTime));
});

test('Archive leaves an unflagged message unflagged (no "complete" mark on mail that had no flag)', async () => {
  const message = await pick((m) => !m.isRead && m.flag.flagStatus === 'notFlagged');
  await h.service.triage('archive', [message.id]);
  expect(await readMessage(t(), message.id)).toMatchObject({ isRead: true, flag: { flagStatus: 'notFlagged' } });
});

test('undo says per message when the folder it came from no longer exists, or the message itself is gone', async () => {
  const folder = (await t().graphJson<{ id: string }>('/me/mailFolders', json('POST', { displayName: 'Projekti X' }))).body.id;
  const [kept, gone] = (await inbox()).slice(0, 2);
  for (const m of [kept!, gone!]) await t().graphFetch(`/me/messages/${encodeURIComponent(m.id)}/move`, json('POST', { destinationId: folder }));
  const { record } = await h.service.triage('readLater', [kept!.id, gone!.id]);
  expect(record.messages).toHaveLength(2);

  // The folder is deleted for good (deleting twice empties it from Deleted Items), and one message too.
  await t().graphFetch(`/me/mailFolders/${folder}`, { method: 'DELETE' });
  await t().graphFetch(`/me/mailFolders/${folder}`, { method: 'DELETE' });
  await t().graphFetch(`/me/messages/${encodeURIComponent(gone!.id)}`, { method: 'DELETE' });
  await t().graphFetch(`/me/messages/${encodeURIComponent(gone!.id)}`, { method: 'DELETE' });

  const undone = await h.service.undo(record);
  expect(undone.restored).toEqual([]);
  expect(undone.failed.map((f) => [f.messageId, f.reason, f.error.status])).toEqual([
    [kept!.id, 'folderMissing', 404],
    [gone!.id, 'messageMissing', 404],
  ]);
  expect(undone.failed[0]!.subject).toBe(kept!.subject);
  // Nothing was half restored: the message still sits where triage put it.
  expect((await readMessage(t(), kept!.id))!.parentFolderId).toBe(record.messages[0]!.destinationFolderId);
});

test('several messages at once: one record, each with its own state before', async () => {
  const messages = (await inbox()).slice(0, 7);
  const result = await h.service.triage('asap', messages.map((m) => m.id));
  expect(result.failed).toEqual([]);
  expect(result.record.messages.map((m) => m.before)).toEqual(messages);
  const undone = await h.service.undo(result.record);
  expect(undone.restored.sort()).toEqual(messages.map((m) => m.id).sort());
  for (const m of messages) expect(await readMessage(t(), m.id)).toEqual(m);
});

test('a message that does not exist is reported, the others are triaged', async () => {
  const [message] = await inbox();
  const missing = 'AAMkAGI2TAAA0000000000000000000000000000000000000000000000000000AAA=';
  const result = await h.service.triage('readLater', [message!.id, missing]);
  expect(result.record.messages.map((m) => m.before.id)).toEqual([message!.id]);
  expect(result.failed).toMatchObject([{ messageId: missing, subject: '', reason: 'messageMissing', error: { status: 404 } }]);
});

test('the Finnish folder name is used when the settings say so', async () => {
  h = triageHarness(t(), { settings: { asapFolderName: 'ASAP', readLaterFolderName: "Lue myöhemmin 'kesällä'", dueRule: { weekday: 5, hour: 16, minute: 0 } } });
  const [message] = await inbox();
  await h.service.triage('readLater', [message!.id]);
  expect((await readMessage(t(), message!.id))!.parentFolderId).toBe(await topFolderNamed("Lue myöhemmin ''kesällä''"));
});
