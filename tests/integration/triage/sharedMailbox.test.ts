/**
 * Triage of a message in a shared mailbox, over HTTP against the sandbox: the move happens in that
 * mailbox (at /users/{address}/…) and never in the user's own; a mailbox without Full Access is
 * refused with Graph's 403 and the words the user reads say why.
 */
import { describeError } from '../../../src/i18n/errors';
import { en, fi } from '../../../src/i18n/messages';
import { toMessageState } from '../../../src/services/triage/messageState';
import type { MessageState } from '../../../src/services/triage/types';
import { FIXTURE_COLLEAGUE, FIXTURE_SHARED, FIXTURE_SHARED_INBOX_COUNT, fixtureMailbox } from '../helpers/fixtureMailbox';
import { expectNoContractViolations, startTestSandbox, type TestSandbox } from '../helpers/sandbox';
import { defaultTriageSettings } from '../../../src/domain/triage/settings';
import { MAILBOX_CONTEXT_KEY } from '../../../src/services/storage/keys';
import { graphCalls, statesIn, triageHarness, type SharedSettings } from './harness';

let t: TestSandbox;

beforeAll(async () => {
  t = await startTestSandbox({ mailbox: fixtureMailbox });
});
afterAll(() => t.close());
expectNoContractViolations(() => t);

beforeEach(() => {
  t.sandbox.control.reset();
  t.sandbox.control.clearRequests();
});

const IMMUTABLE = { Prefer: 'IdType="ImmutableId"' };
const shared = (path: string) => `/users/${encodeURIComponent(FIXTURE_SHARED.mail)}${path}`;
const SELECT = '$select=id,subject,parentFolderId,isRead,flag,categories';

async function sharedFolder(name: string): Promise<MessageState[]> {
  const page = await t.graphJson<{ value: unknown[] }>(shared(`/mailFolders/${name}/messages?${SELECT}&$top=50`), { headers: IMMUTABLE });
  return page.body.value.map((m) => toMessageState(m)!);
}

async function sharedTopFolder(name: string): Promise<string | undefined> {
  const page = await t.graphJson<{ value: Array<{ id: string }> }>(shared(`/mailFolders?$filter=${encodeURIComponent(`displayName eq '${name}'`)}`));
  return page.body.value[0]?.id;
}

test("Archive moves the message into the shared mailbox's own Archive; the user's own mailbox is untouched", async () => {
  const ownInbox = await statesIn(t, 'inbox');
  const ownArchive = await statesIn(t, 'archive');
  const [message] = await sharedFolder('inbox');
  const h = triageHarness(t, { sharedMailbox: FIXTURE_SHARED.mail });
  t.sandbox.control.clearRequests();

  const result = await h.service.triage('archive', [message!.id]);
  const urls = graphCalls(t).flatMap((r) => (r.inner ? r.inner.map((i) => i.url) : [r.url.replace(/^\/v1\.0/, '')]));

  expect(result.failed).toEqual([]);
  expect(result.record.mailbox).toBe(FIXTURE_SHARED.mail);
  expect((await sharedFolder('inbox')).map((m) => m.id)).not.toContain(message!.id);
  expect((await sharedFolder('archive')).map((m) => m.id)).toEqual([message!.id]);
  expect(await statesIn(t, 'inbox')).toEqual(ownInbox);
  expect(await statesIn(t, 'archive')).toEqual(ownArchive);

  // Mail requests (inside the batches too) went to the shared mailbox; the time zone came from the user's own settings.
  expect(urls.filter((u) => u.includes('mailboxSettings'))).toEqual(['/me/mailboxSettings']);
  expect(urls.filter((u) => !u.includes('mailboxSettings')).every((u) => u.includes(`/users/${encodeURIComponent(FIXTURE_SHARED.mail)}/`))).toBe(true);
});

test('ASAP makes its folder in the shared mailbox, flags by the user\'s own clock, and undo restores it there', async () => {
  const h = triageHarness(t, { sharedMailbox: FIXTURE_SHARED.mail });
  const [message] = await sharedFolder('inbox');

  const result = await h.service.triage('asap', [message!.id]);

  expect(result.failed).toEqual([]);
  const asap = await sharedTopFolder('ASAP');
  expect(asap).toBeDefined();
  // Not in the user's own mailbox: the folder id is remembered for the shared mailbox only.
  const own = await t.graphJson<{ value: unknown[] }>(`/me/mailFolders?$filter=${encodeURIComponent("displayName eq 'ASAP'")}`);
  expect(own.body.value).toEqual([]);
  expect(h.settings.current.folderIds?.asap).toBe(asap);
  const moved = (await sharedFolder(asap!))[0]!;
  expect(moved).toMatchObject({ id: message!.id, isRead: true, flag: { flagStatus: 'flagged' } });

  const undone = await h.service.undo(result.record);
  expect(undone).toEqual({ restored: [message!.id], failed: [] });
  expect((await sharedFolder('inbox')).find((m) => m.id === message!.id)).toEqual(message);
  expect(await sharedFolder('inbox')).toHaveLength(FIXTURE_SHARED_INBOX_COUNT);
});

test("a record of the shared mailbox is never undone in the user's own mailbox (its ids mean nothing there)", async () => {
  const inShared = triageHarness(t, { sharedMailbox: FIXTURE_SHARED.mail });
  const [message] = await sharedFolder('inbox');
  const { record } = await inShared.service.triage('archive', [message!.id]);
  await expect(triageHarness(t).service.undo(record)).rejects.toThrow(RangeError);
});

test('a mailbox without Full Access: every message fails with 403 ErrorAccessDenied, nothing moves, and the words say what to ask for', async () => {
  const h = triageHarness(t, { sharedMailbox: FIXTURE_COLLEAGUE.mail });
  const result = await h.service.triage('archive', ['AAMkSomeonesMessage=']);

  expect(result.record.messages).toEqual([]);
  expect(result.failed).toHaveLength(1);
  expect(result.failed[0]!.error).toMatchObject({ status: 403, code: 'ErrorAccessDenied' });
  const words = describeError(result.failed[0]!.error);
  expect(words.key).toBe('error.mailboxAccessDenied');
  expect(en[words.key]).toMatch(/Full Access/);
  expect(fi[words.key]).toMatch(/Full Access/);
  // Forbidden is not transient: no retry hammered the mailbox.
  expect(h.waits).toEqual([]);
});

test("each mailbox's context is remembered on its own (roaming settings are the user's): a fresh click in the shared one uses its Archive", async () => {
  const settings: SharedSettings = { current: defaultTriageSettings('en') };
  const [own] = await statesIn(t, 'inbox');
  const [first, second] = await sharedFolder('inbox');
  await triageHarness(t, { sharedSettings: settings }).service.triage('archive', [own!.id]);
  await triageHarness(t, { sharedSettings: settings, sharedMailbox: FIXTURE_SHARED.mail }).service.triage('archive', [first!.id]);
  const remembered = settings.roaming![MAILBOX_CONTEXT_KEY] as Record<string, { archiveFolderId: string }>;
  const sharedArchive = (await t.graphJson<{ id: string }>(shared('/mailFolders/archive?$select=id'))).body.id;
  expect(remembered[`shared:${FIXTURE_SHARED.mail.toLowerCase()}`]!.archiveFolderId).toBe(sharedArchive);
  expect(remembered.me!.archiveFolderId).not.toBe(sharedArchive);

  const result = await triageHarness(t, { sharedSettings: settings, sharedMailbox: FIXTURE_SHARED.mail }).service.triage('archive', [second!.id]);
  expect(result.failed).toEqual([]);
  expect((await sharedFolder('archive')).map((m) => m.id).sort()).toEqual([first!.id, second!.id].sort());
});
