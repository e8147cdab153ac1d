/** State survives a restart through the persist file; reset() returns to the seeded state; ids follow the seed. */
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureMailbox } from '../helpers/fixtureMailbox';
import { json, startTestSandbox, type TestSandbox } from '../helpers/sandbox';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sandbox-state-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Page = { value: Array<{ id: string; displayName: string }> };
const folderNames = async (t: TestSandbox): Promise<string[]> =>
  (await t.graphJson<Page>('/me/mailFolders?$top=100')).body.value.map((f) => f.displayName);

test('the same seed gives the same ids', async () => {
  const a = await startTestSandbox({ mailbox: fixtureMailbox });
  const b = await startTestSandbox({ mailbox: fixtureMailbox });
  try {
    const idsA = (await a.graphJson<Page>('/me/messages?$top=5&$select=id')).body.value.map((m) => m.id);
    const idsB = (await b.graphJson<Page>('/me/messages?$top=5&$select=id')).body.value.map((m) => m.id);
    expect(idsA).toEqual(idsB);
    const other = await startTestSandbox({ mailbox: fixtureMailbox, seed: 7 });
    const idsC = (await other.graphJson<Page>('/me/messages?$top=5&$select=id')).body.value.map((m) => m.id);
    await other.close();
    expect(idsC).not.toEqual(idsA);
  } finally {
    await a.close();
    await b.close();
  }
});

test('changes are saved to the persist file and loaded by the next sandbox', async () => {
  const file = join(dir, 'round-trip', 'state.json');
  const first = await startTestSandbox({ mailbox: fixtureMailbox, persistFile: file });
  const created = await first.graphJson<{ id: string }>('/me/mailFolders', json('POST', { displayName: 'Pysyvä kansio' }));
  const message = (await first.graphJson<Page>('/me/mailFolders/inbox/messages?$top=1')).body.value[0]!;
  const moved = await first.graphJson<{ id: string }>(`/me/messages/${message.id}/move`, json('POST', { destinationId: created.body.id }));
  await first.close();
  expect(existsSync(file)).toBe(true);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveProperty('mail.mailboxes');

  const second = await startTestSandbox({ mailbox: fixtureMailbox, persistFile: file });
  try {
    expect(await folderNames(second)).toContain('Pysyvä kansio');
    const got = await second.graphJson<{ parentFolderId: string }>(`/me/messages/${moved.body.id}`);
    expect(got.body.parentFolderId).toBe(created.body.id);
    // New ids after a restart never repeat ones handed out before it.
    const another = await second.graphJson<{ id: string }>('/me/mailFolders', json('POST', { displayName: 'Toinen' }));
    expect(another.body.id).not.toBe(created.body.id);
    expect(another.body.id).not.toBe(moved.body.id);
  } finally {
    await second.close();
  }
});

test('reset() goes back to the seeded state, over HTTP too, and is persisted', async () => {
  const file = join(dir, 'reset', 'state.json');
  const t = await startTestSandbox({ mailbox: fixtureMailbox, persistFile: file });
  try {
    const before = (await t.graphJson<Page>('/me/messages?$top=3&$select=id')).body.value.map((m) => m.id);
    await t.graphJson('/me/mailFolders', json('POST', { displayName: 'Poistuva' }));
    expect(await folderNames(t)).toContain('Poistuva');
    t.sandbox.control.reset();
    expect(await folderNames(t)).not.toContain('Poistuva');
    expect((await t.graphJson<Page>('/me/messages?$top=3&$select=id')).body.value.map((m) => m.id)).toEqual(before);

    await t.graphJson('/me/mailFolders', json('POST', { displayName: 'Taas' }));
    expect((await fetch(`${t.sandbox.origin}/_sandbox/reset`, { method: 'POST' })).status).toBe(204);
    expect(await folderNames(t)).not.toContain('Taas');
  } finally {
    await t.close();
  }
  const reloaded = await startTestSandbox({ mailbox: fixtureMailbox, persistFile: file });
  try {
    expect(await folderNames(reloaded)).not.toContain('Taas');
  } finally {
    await reloaded.close();
  }
});
