/**
 * A ribbon click may load the function file afresh: nothing in memory, only roaming settings. What a first
 * click learnt there (folder ids, and the mailbox context: time zone, Archive and Deleted Items ids, per
 * mailbox) lets the next fresh click act at once, in one round trip; the first click ever takes two (the
 * folder's create rides with the lookup). A remembered id that went stale costs a second round trip and
 * never leaves mail in the wrong place. Each session runs on the function file's own Graph client (fetch-only).
 */
import { sequentialRoundTrips } from '../helpers/roundTrips';
import { MAILBOX_CONTEXT_KEY } from '../../../src/services/storage/keys';
import { defaultTriageSettings } from '../../../src/domain/triage/settings';
import { json, sandboxPerFile } from '../helpers/sandbox';
import { folderId, graphCalls, messagesIn, readMessage, triageHarness, type SharedSettings } from './harness';

const t = sandboxPerFile();

async function roundTripsOf(work: () => Promise<unknown>): Promise<number> {
  t().sandbox.control.clearRequests();
  t().sandbox.control.setFaults({ latencyMs: 20 });
  await work();
  t().sandbox.control.clearFaults();
  return sequentialRoundTrips(graphCalls(t()));
}

const roaming = (): SharedSettings => ({ current: defaultTriageSettings('en') });

type Remembered = Record<string, { timeZone: string; archiveFolderId: string; deletedItemsFolderId?: string }>;

test('the first click ever is two round trips, and a click in a fresh function file after it is one', async () => {
  const settings = roaming();
  const [a, b] = await messagesIn(t(), 'inbox', 2);
  expect(await roundTripsOf(() => triageHarness(t(), { sharedSettings: settings, graphClient: 'fetch' }).service.triage('asap', [a!.id]))).toBe(2);
  const remembered = settings.roaming![MAILBOX_CONTEXT_KEY] as Remembered;
  expect(remembered.me).toEqual({ timeZone: expect.any(String), archiveFolderId: await folderId(t(), 'archive'), deletedItemsFolderId: await folderId(t(), 'deleteditems') });

  const fresh = triageHarness(t(), { sharedSettings: settings, graphClient: 'fetch' });
  let result: Awaited<ReturnType<typeof fresh.service.triage>> | undefined;
  expect(await roundTripsOf(async () => (result = await fresh.service.triage('asap', [b!.id])))).toBe(1);
  expect(result!.failed).toEqual([]);
  expect((await readMessage(t(), b!.id))!.parentFolderId).toBe(settings.current.folderIds!.asap);
  // The folder's name comes from the check that rode along, not from a read before.
  expect(fresh.service.destinationName('asap')).toBe('ASAP');
}, 15_000); // the file's first requests also compile the sandbox's contract validators

test('Read later and Archive in a fresh function file are one round trip each', async () => {
  const settings = roaming();
  const [a, b, c] = await messagesIn(t(), 'inbox', 3);
  await triageHarness(t(), { sharedSettings: settings, graphClient: 'fetch' }).service.triage('readLater', [a!.id]);
  expect(await roundTripsOf(() => triageHarness(t(), { sharedSettings: settings, graphClient: 'fetch' }).service.triage('readLater', [b!.id]))).toBe(1);
  expect(await roundTripsOf(() => triageHarness(t(), { sharedSettings: settings, graphClient: 'fetch' }).service.triage('archive', [c!.id]))).toBe(1);
  expect((await readMessage(t(), c!.id))!.parentFolderId).toBe(await folderId(t(), 'archive'));
});

test('a remembered folder deleted since: the fresh click finds it in Deleted Items and the mail ends in a new folder', async () => {
  const settings = roaming();
  const [a, b] = await messagesIn(t(), 'inbox', 2);
  await triageHarness(t(), { sharedSettings: settings, graphClient: 'fetch' }).service.triage('asap', [a!.id]);
  const old = settings.current.folderIds!.asap!;
  await t().graphFetch(`/me/mailFolders/${old}`, { method: 'DELETE' });

  const result = await triageHarness(t(), { sharedSettings: settings, graphClient: 'fetch' }).service.triage('asap', [b!.id]);
  expect(result.failed).toEqual([]);
  const now = (await readMessage(t(), b!.id))!.parentFolderId;
  expect(now).not.toBe(old);
  expect(now).not.toBe(await folderId(t(), 'deleteditems'));
  expect(settings.current.folderIds!.asap).toBe(now);
});

test('a remembered Archive id that is no longer Archive: the mail ends in Archive, and the id is corrected', async () => {
  const settings = roaming();
  const [a, b] = await messagesIn(t(), 'inbox', 2);
  await triageHarness(t(), { sharedSettings: settings, graphClient: 'fetch' }).service.triage('archive', [a!.id]);
  const other = (await t().graphJson<{ id: string }>('/me/mailFolders', json('POST', { displayName: 'Old archive' }))).body.id;
  const remembered = settings.roaming![MAILBOX_CONTEXT_KEY] as Remembered;
  remembered.me = { ...remembered.me!, archiveFolderId: other };

  const result = await triageHarness(t(), { sharedSettings: settings, graphClient: 'fetch' }).service.triage('archive', [b!.id]);
  expect(result.failed).toEqual([]);
  const archive = await folderId(t(), 'archive');
  expect((await readMessage(t(), b!.id))!.parentFolderId).toBe(archive);
  expect(result.record.messages).toMatchObject([{ destinationFolderId: archive }]);
  expect((settings.roaming![MAILBOX_CONTEXT_KEY] as Remembered).me!.archiveFolderId).toBe(archive);
});

test('a remembered time zone that changed since: the due date follows the mailbox as it is now', async () => {
  const warm = roaming();
  const [a, b] = await messagesIn(t(), 'inbox', 2);
  await triageHarness(t(), { sharedSettings: warm }).service.triage('asap', [a!.id]);
  const expected = (await readMessage(t(), a!.id))!.flag;
  const remembered = warm.roaming![MAILBOX_CONTEXT_KEY] as Remembered;
  const zone = remembered.me!.timeZone === 'Pacific/Kiritimati' ? 'Etc/GMT+12' : 'Pacific/Kiritimati';
  remembered.me = { ...remembered.me!, timeZone: zone };

  const result = await triageHarness(t(), { sharedSettings: warm }).service.triage('asap', [b!.id]);
  expect(result.failed).toEqual([]);
  expect((await readMessage(t(), b!.id))!.flag).toEqual(expected);
  expect((warm.roaming![MAILBOX_CONTEXT_KEY] as Remembered).me!.timeZone).not.toBe(zone);
});
