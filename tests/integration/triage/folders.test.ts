/**
 * The ASAP and Read later folders: created on first use, reused, remembered; a renamed one found again
 * by id, a deleted one recreated; never two of them, even when two clicks race.
 */
import { defaultTriageSettings, parseTriageSettings, storedTriageSettings, type TriageSettings } from '../../../src/domain/triage/settings';
import { json, sandboxPerFile } from '../helpers/sandbox';
import { SettingsConflictError } from '../../../src/services/triage/triageService';
import { folderId, graphCalls, messagesIn, readMessage, triageHarness } from './harness';

const t = sandboxPerFile();

interface Folder {
  id: string;
  displayName: string;
  parentFolderId: string;
}

async function topFolders(name: string): Promise<Folder[]> {
  const page = await t().graphJson<{ value: Folder[] }>(`/me/mailFolders?$top=100&$filter=${encodeURIComponent(`displayName eq '${name}'`)}`);
  return page.body.value;
}

/** Folder creates, sent on their own or inside a `$batch` (the first click's create rides with its lookup). */
const creates = () =>
  graphCalls(t()).flatMap((c) => [
    ...(c.method === 'POST' && /\/v1\.0\/me\/mailFolders$/.test(c.url) ? [c] : []),
    ...(c.inner ?? []).filter((r) => r.method === 'POST' && /^\/?me\/mailFolders$/.test(r.url)),
  ]);
const settingsStore = (): { current: TriageSettings } => ({ current: defaultTriageSettings('en') });

test('created on first use, then reused and remembered; Read later is not created by an ASAP click', async () => {
  const settings = settingsStore();
  const h = triageHarness(t(), { sharedSettings: settings });
  const [a, b, c] = await messagesIn(t(), 'inbox', 3);

  await h.service.triage('asap', [a!.id]);
  const [asap] = await topFolders('ASAP');
  expect(creates()).toHaveLength(1);
  expect(settings.current.folderIds).toEqual({ asap: asap!.id });
  expect(await topFolders('Read later')).toEqual([]);

  await h.service.triage('asap', [b!.id]);
  // A new session of the same user (roaming settings) finds it too.
  await triageHarness(t(), { sharedSettings: settings }).service.triage('asap', [c!.id]);
  expect(creates()).toHaveLength(1);
  expect(await topFolders('ASAP')).toHaveLength(1);
  for (const m of [a, b, c]) expect((await readMessage(t(), m!.id))!.parentFolderId).toBe(asap!.id);
});

test('a folder the user renamed is found again by its id', async () => {
  const settings = settingsStore();
  const [a, b] = await messagesIn(t(), 'inbox', 2);
  await triageHarness(t(), { sharedSettings: settings }).service.triage('asap', [a!.id]);
  const id = settings.current.folderIds!.asap!;
  await t().graphFetch(`/me/mailFolders/${id}`, json('PATCH', { displayName: 'Kiireelliset' }));

  t().sandbox.control.clearRequests();
  await triageHarness(t(), { sharedSettings: settings }).service.triage('asap', [b!.id]);
  expect((await readMessage(t(), b!.id))!.parentFolderId).toBe(id);
  expect(creates()).toEqual([]);
  expect(await topFolders('ASAP')).toEqual([]);
});

test('a folder deleted between sessions is recreated, and the new one remembered', async () => {
  const settings = settingsStore();
  const [a, b] = await messagesIn(t(), 'inbox', 2);
  await triageHarness(t(), { sharedSettings: settings }).service.triage('asap', [a!.id]);
  const old = settings.current.folderIds!.asap!;
  await t().graphFetch(`/me/mailFolders/${old}`, { method: 'DELETE' }); // into Deleted Items, where it still "exists"

  await triageHarness(t(), { sharedSettings: settings }).service.triage('asap', [b!.id]);
  const [fresh] = await topFolders('ASAP');
  expect(fresh!.id).not.toBe(old);
  expect(settings.current.folderIds!.asap).toBe(fresh!.id);
  expect((await readMessage(t(), b!.id))!.parentFolderId).toBe(fresh!.id);
});

test('a folder deleted while the pane stays open: the mail goes to a recreated folder, not into Deleted Items', async () => {
  const h = triageHarness(t());
  const [a, b] = await messagesIn(t(), 'inbox', 2);
  const first = await h.service.triage('asap', [a!.id]);
  const old = first.record.messages[0]!.destinationFolderId;
  await t().graphFetch(`/me/mailFolders/${old}`, { method: 'DELETE' });

  const second = await h.service.triage('asap', [b!.id]);
  const [fresh] = await topFolders('ASAP');
  expect(second.failed).toEqual([]);
  expect(second.record.messages).toMatchObject([{ destinationFolderId: fresh!.id, before: { id: b!.id, parentFolderId: await folderId(t(), 'inbox'), isRead: expect.any(Boolean) } }]);
  expect((await readMessage(t(), b!.id))!.parentFolderId).toBe(fresh!.id);
  // Undo still brings it back to the inbox: the state before was kept across the second move.
  await h.service.undo(second.record);
  expect((await readMessage(t(), b!.id))!.parentFolderId).toBe(await folderId(t(), 'inbox'));
});

test('a folder deleted for good while the pane stays open: the move finds it gone and a new one is made', async () => {
  const h = triageHarness(t());
  const [a, b] = await messagesIn(t(), 'inbox', 2);
  const first = await h.service.triage('readLater', [a!.id]);
  const old = first.record.messages[0]!.destinationFolderId;
  await t().graphFetch(`/me/mailFolders/${old}`, { method: 'DELETE' });
  await t().graphFetch(`/me/mailFolders/${old}`, { method: 'DELETE' });

  const second = await h.service.triage('readLater', [b!.id]);
  const [fresh] = await topFolders('Read later');
  expect(second.failed).toEqual([]);
  expect((await readMessage(t(), b!.id))!.parentFolderId).toBe(fresh!.id);
});

test('two triages at once in one session create one folder', async () => {
  const h = triageHarness(t());
  const [a, b] = await messagesIn(t(), 'inbox', 2);
  const results = await Promise.all([h.service.triage('readLater', [a!.id]), h.service.triage('readLater', [b!.id])]);
  expect(results.flatMap((r) => r.failed)).toEqual([]);
  expect(creates()).toHaveLength(1);
  const [folder] = await topFolders('Read later');
  for (const m of [a, b]) expect((await readMessage(t(), m!.id))!.parentFolderId).toBe(folder!.id);
});

test('two sessions clicking at once (ribbon and pane) still make one folder: the second create meets 409 and finds it', async () => {
  const [a, b] = await messagesIn(t(), 'inbox', 2);
  const results = await Promise.all([triageHarness(t()).service.triage('asap', [a!.id]), triageHarness(t()).service.triage('asap', [b!.id])]);
  expect(results.flatMap((r) => r.failed)).toEqual([]);
  const folders = await topFolders('ASAP');
  expect(folders).toHaveLength(1);
  expect(creates().map((c) => c.status).sort()).toEqual([201, 409]);
  for (const m of [a, b]) expect((await readMessage(t(), m!.id))!.parentFolderId).toBe(folders[0]!.id);
});

test('concurrent ensureFolders() calls share one lookup', async () => {
  const h = triageHarness(t());
  const [one, two] = await Promise.all([h.service.ensureFolders(), h.service.ensureFolders()]);
  expect(one).toEqual(two);
  const batches = graphCalls(t()).filter((c) => c.url.endsWith('/$batch'));
  expect(batches).toHaveLength(1);
  expect(creates()).toHaveLength(2);
  expect(await h.service.ensureFolders()).toEqual(one);
  expect(graphCalls(t()).filter((c) => c.url.endsWith('/$batch'))).toHaveLength(1);
});

test('a folder that exists by name (made by hand, any case) is taken, not duplicated', async () => {
  await t().graphFetch('/me/mailFolders', json('POST', { displayName: 'asap' }));
  const h = triageHarness(t());
  const ids = await h.service.ensureFolders();
  expect(creates().filter((c) => c.status === 201)).toHaveLength(2); // ours: 'asap' by hand, then Read later
  expect((await topFolders('ASAP')).map((f) => f.id)).toEqual([ids.asap]);
});

describe('changing the folder names in settings', () => {
  test('renames the folder in the mailbox: same id, its mail stays, the next click uses it', async () => {
    const settings = settingsStore();
    const [a, b] = await messagesIn(t(), 'inbox', 2);
    await triageHarness(t(), { sharedSettings: settings }).service.triage('asap', [a!.id]);
    const id = settings.current.folderIds!.asap!;

    const h = triageHarness(t(), { sharedSettings: settings });
    const saved = await h.service.changeSettings({ asapFolderName: ' Kiire ', readLaterFolderName: 'Read later', dueRule: { weekday: 4, hour: 15, minute: 30 } });
    expect(saved).toMatchObject({ asapFolderName: 'Kiire', dueRule: { weekday: 4, hour: 15, minute: 30 }, folderIds: { asap: id } });
    expect(settings.current).toEqual(saved);
    expect((await topFolders('Kiire')).map((f) => f.id)).toEqual([id]);
    expect(await topFolders('ASAP')).toEqual([]);
    expect((await readMessage(t(), a!.id))!.parentFolderId).toBe(id);

    t().sandbox.control.clearRequests();
    await h.service.triage('asap', [b!.id]);
    expect((await readMessage(t(), b!.id))!.parentFolderId).toBe(id);
    expect(creates()).toEqual([]);
  });

  test('a name another folder already has adopts that folder instead of making a second', async () => {
    const settings = settingsStore();
    const [a] = await messagesIn(t(), 'inbox', 1);
    await triageHarness(t(), { sharedSettings: settings }).service.triage('readLater', [a!.id]);
    const ours = settings.current.folderIds!.readLater!;
    const mine = await t().graphJson<Folder>('/me/mailFolders', json('POST', { displayName: 'Luettavat' }));

    await triageHarness(t(), { sharedSettings: settings }).service.changeSettings({ asapFolderName: 'ASAP', readLaterFolderName: 'Luettavat', dueRule: settings.current.dueRule });
    expect(settings.current.folderIds!.readLater).toBe(mine.body.id);
    expect(await topFolders('Luettavat')).toHaveLength(1);
    // The old folder and its mail are left as they were: nothing of the user's is moved or deleted.
    expect((await readMessage(t(), a!.id))!.parentFolderId).toBe(ours);
  });

  test('a folder never used yet is simply made under the new name on first use', async () => {
    const settings = settingsStore();
    const [a] = await messagesIn(t(), 'inbox', 1);
    const h = triageHarness(t(), { sharedSettings: settings });
    await h.service.changeSettings({ asapFolderName: 'ASAP', readLaterFolderName: 'Myöhemmin 📚', dueRule: settings.current.dueRule });
    expect(creates()).toEqual([]);
    await h.service.triage('readLater', [a!.id]);
    const [made] = await topFolders('Myöhemmin 📚');
    expect((await readMessage(t(), a!.id))!.parentFolderId).toBe(made!.id);
  });

  test('swapping the two names is refused, with nothing renamed or saved', async () => {
    const settings = settingsStore();
    const [a, b] = await messagesIn(t(), 'inbox', 2);
    const h = triageHarness(t(), { sharedSettings: settings });
    await h.service.triage('asap', [a!.id]);
    await h.service.triage('readLater', [b!.id]);
    const before = settings.current;
    await expect(h.service.changeSettings({ asapFolderName: 'Read later', readLaterFolderName: 'ASAP', dueRule: before.dueRule })).rejects.toBeInstanceOf(SettingsConflictError);
    expect(settings.current).toBe(before);
    expect(await topFolders('ASAP')).toHaveLength(1);
    expect(await topFolders('Read later')).toHaveLength(1);
  });

  test('an invalid name is refused before anything is sent', async () => {
    const h = triageHarness(t());
    await expect(h.service.changeSettings({ asapFolderName: 'a/b', readLaterFolderName: 'Read later', dueRule: h.settings.current.dueRule })).rejects.toThrow(RangeError);
    expect(graphCalls(t())).toEqual([]);
  });
});

describe('a folder made in one display language, used in another', () => {
  /** Roaming settings as the runtime keeps them: stored without unchosen names, read back in the language of the day. */
  function roamingIn(locale: { current: 'en' | 'fi' }): { current: TriageSettings } {
    let stored: unknown = undefined;
    return {
      get current() {
        return parseTriageSettings(stored, locale.current);
      },
      set current(next: TriageSettings) {
        stored = storedTriageSettings(next);
      },
    };
  }

  // A Finnish user saw "Lue myöhemmin" while the folder in use was "Read later", made when Outlook was in English.
  test('the remembered folder is used and named as it is in the mailbox; no second folder is made', async () => {
    const locale = { current: 'en' as 'en' | 'fi' };
    const settings = roamingIn(locale);
    const [a, b] = await messagesIn(t(), 'inbox', 2);
    await triageHarness(t(), { sharedSettings: settings }).service.triage('readLater', [a!.id]);
    const [folder] = await topFolders('Read later');

    locale.current = 'fi';
    t().sandbox.control.clearRequests();
    const h = triageHarness(t(), { sharedSettings: settings });
    expect(await h.service.counts()).toMatchObject({ readLater: 1 });
    expect(h.service.destinationName('readLater')).toBe('Read later'); // as the pane's counts name it, before any click
    await h.service.triage('readLater', [b!.id]);
    expect(creates()).toEqual([]);
    expect(await topFolders('Lue myöhemmin')).toEqual([]);
    expect((await readMessage(t(), b!.id))!.parentFolderId).toBe(folder!.id);
    expect(h.service.destinationName('readLater')).toBe('Read later');
  });

  test('before a folder is used, the name is the one it will be made with', async () => {
    const h = triageHarness(t(), { settings: defaultTriageSettings('fi') });
    expect(h.service.destinationName('readLater')).toBe('Lue myöhemmin');
    expect(h.service.destinationName('archive')).toBe('');
    await h.service.counts();
    expect(h.service.destinationName('readLater')).toBe('Lue myöhemmin');
  });
});
