/** Mail folders: listing, well-known names, create (409 on duplicates), rename, delete, child folders. */
import { fixtureMailbox } from '../helpers/fixtureMailbox';
import { expectNoContractViolations, json, startTestSandbox, takeViolations, type TestSandbox } from '../helpers/sandbox';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ mailbox: fixtureMailbox });
});
afterAll(() => t.close());

interface Folder {
  id: string;
  displayName: string;
  parentFolderId: string;
  childFolderCount: number;
  unreadItemCount: number;
  totalItemCount: number;
  isHidden: boolean;
}
type Page<T> = { value: T[]; '@odata.nextLink'?: string; '@odata.context': string };

test('top-level folders are the children of msgfolderroot, named in the mailbox language', async () => {
  const root = await t.graphJson<Folder>('/me/mailFolders/msgfolderroot');
  const page = await t.graphJson<Page<Folder>>('/me/mailFolders?$top=50');
  expect(page.status).toBe(200);
  expect(page.body.value.every((f) => f.parentFolderId === root.body.id)).toBe(true);
  expect(page.body.value.map((f) => f.displayName)).toEqual(expect.arrayContaining(['Saapuneet', 'Arkisto', 'Poistetut', 'Lähetetyt', 'Uutiskirjeet']));
  expect(page.body['@odata.context']).toBe(`${t.graphUrl}/$metadata#users('${t.user.id}')/mailFolders`);
});

test('a folder has Graph counts', async () => {
  const inbox = await t.graphJson<Folder>('/me/mailFolders/inbox');
  expect(inbox.body).toMatchObject({ displayName: 'Saapuneet', childFolderCount: 1, totalItemCount: 25, isHidden: false });
  expect(inbox.body.unreadItemCount).toBe(17);
  const byId = await t.graphJson<Folder>(`/me/mailFolders/${inbox.body.id}`);
  expect(byId.body.id).toBe(inbox.body.id);
});

test('$top pages the folder list with a nextLink', async () => {
  const first = await t.graphJson<Page<Folder>>('/me/mailFolders?$top=3');
  expect(first.body.value).toHaveLength(3);
  expect(first.body['@odata.nextLink']).toContain('$skip=3');
  const second = await t.graphJson<Page<Folder>>(first.body['@odata.nextLink']!);
  expect(second.body.value[0]!.id).not.toBe(first.body.value[0]!.id);
});

test("$filter=displayName eq '...' finds a folder", async () => {
  const page = await t.graphJson<Page<Folder>>(`/me/mailFolders?$filter=${encodeURIComponent("displayName eq 'Arkisto'")}`);
  expect(page.body.value).toHaveLength(1);
  expect(page.body.value[0]!.displayName).toBe('Arkisto');
});

test('creating a folder returns 201; the same name again under the same parent is 409 ErrorFolderExists', async () => {
  const created = await t.graphJson<Folder>('/me/mailFolders', json('POST', { displayName: 'ASAP' }));
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ displayName: 'ASAP', totalItemCount: 0, childFolderCount: 0 });
  const again = await t.graphJson<{ error: { code: string; message: string } }>('/me/mailFolders', json('POST', { displayName: 'asap' }));
  expect(again.status).toBe(409);
  expect(again.body.error).toMatchObject({ code: 'ErrorFolderExists', message: 'A folder with the specified name already exists.' });
  // The same name is fine under another parent.
  const child = await t.graphJson<Folder>('/me/mailFolders/inbox/childFolders', json('POST', { displayName: 'ASAP' }));
  expect(child.status).toBe(201);
});

test('child folders are listed under their parent', async () => {
  const inbox = await t.graphJson<Folder>('/me/mailFolders/inbox');
  const created = await t.graphJson<Folder>(`/me/mailFolders/${inbox.body.id}/childFolders`, json('POST', { displayName: 'Lue myöhemmin' }));
  expect(created.body.parentFolderId).toBe(inbox.body.id);
  const children = await t.graphJson<Page<Folder>>('/me/mailFolders/inbox/childFolders');
  expect(children.body.value.map((f) => f.displayName)).toEqual(expect.arrayContaining(['Projektit', 'Lue myöhemmin']));
});

test('hidden folders are listed only with includeHiddenFolders=true', async () => {
  await t.graphJson('/me/mailFolders', json('POST', { displayName: 'Piilo', isHidden: true }));
  const plain = await t.graphJson<Page<Folder>>('/me/mailFolders?$top=100');
  const withHidden = await t.graphJson<Page<Folder>>('/me/mailFolders?$top=100&includeHiddenFolders=true');
  expect(plain.body.value.some((f) => f.displayName === 'Piilo')).toBe(false);
  expect(withHidden.body.value.some((f) => f.displayName === 'Piilo' && f.isHidden)).toBe(true);
});

test('renaming a folder, and refusing a name a sibling has', async () => {
  const created = await t.graphJson<Folder>('/me/mailFolders', json('POST', { displayName: 'Väliaikainen' }));
  const renamed = await t.graphJson<Folder>(`/me/mailFolders/${created.body.id}`, json('PATCH', { displayName: 'Pysyvä' }));
  expect(renamed.status).toBe(200);
  expect(renamed.body.displayName).toBe('Pysyvä');
  const clash = await t.graphFetch(`/me/mailFolders/${created.body.id}`, json('PATCH', { displayName: 'Arkisto' }));
  expect(clash.status).toBe(409);
});

test('deleting a folder moves it to Deleted Items; distinguished folders cannot be deleted', async () => {
  const created = await t.graphJson<Folder>('/me/mailFolders', json('POST', { displayName: 'Roskiin' }));
  expect((await t.graphFetch(`/me/mailFolders/${created.body.id}`, { method: 'DELETE' })).status).toBe(204);
  const deleted = await t.graphJson<Folder>('/me/mailFolders/deleteditems');
  const moved = await t.graphJson<Folder>(`/me/mailFolders/${created.body.id}`);
  expect(moved.body.parentFolderId).toBe(deleted.body.id);
  const inbox = await t.graphJson<{ error: { code: string } }>('/me/mailFolders/inbox', { method: 'DELETE' });
  expect(inbox.status).toBe(400);
  expect(inbox.body.error.code).toBe('ErrorDeleteDistinguishedFolder');
});

describe('bad input', () => {
  test('an unknown folder id is 404 and a malformed one 400', async () => {
    expect((await t.graphFetch('/me/mailFolders/AAMkADnotARealFolderId00000000000000=')).status).toBe(404);
    const malformed = await t.graphJson<{ error: { code: string } }>('/me/mailFolders/not%20an%20id');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('ErrorInvalidIdMalformed');
  });

  test('an unknown property in the body is OData 400 RequestBodyRead', async () => {
    const res = await t.graphJson<{ error: { code: string; message: string } }>('/me/mailFolders', json('POST', { displayname: 'typo' }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('RequestBodyRead');
    expect(res.body.error.message).toContain("The property 'displayname' does not exist on type 'microsoft.graph.mailFolder'");
    expect(takeViolations(t)).toEqual(['POST /v1.0/me/mailFolders']);
  });
});

expectNoContractViolations(() => t);
