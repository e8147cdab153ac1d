/**
 * The Graph concept modules against the sandbox: what they send, that they page where asked, and that
 * every failure reaches the caller as a GraphRequestError (converted once, inside the module).
 */
import { TEST_ANCHOR } from '../helpers/sandbox';
import { SandboxTokenSource } from '../../../src/auth/sandboxTokens';
import { instantOfGraphDateTime } from '../../../src/domain/graphDateTime';
import { calendarView, eventById } from '../../../src/graph/calendar';
import { createGraphClient, type GraphClient } from '../../../src/graph/client';
import { GraphRequestError, isConflict } from '../../../src/graph/errors';
import { createTopFolder, renameFolder, topFoldersNamed } from '../../../src/graph/mailFolders';
import { mailboxPaths } from '../../../src/graph/mailboxPaths';
import { mailboxSettingsUrl, readMailboxSettings } from '../../../src/graph/mailboxSettings';
import { categoriesOf, messageIn, setCategories } from '../../../src/graph/messages';
import { SignInError } from '../../../src/graph/tokens';
import { expectNoContractViolations, startTestSandbox, type TestSandbox } from '../helpers/sandbox';

let t: TestSandbox;
let graph: GraphClient;
beforeAll(async () => {
  t = await startTestSandbox();
  graph = createGraphClient({ baseUrl: t.sandbox.origin, tokens: new SandboxTokenSource(t.sandbox.origin), retry: { sleep: async () => undefined } });
});
afterAll(() => t.close());
expectNoContractViolations(() => t);

const calls = () => t.sandbox.control.requests().map((r) => `${r.method} ${new URL(r.url, 'https://x').pathname}`);
const GONE = 'AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AgoneAAA=';
const DAY = 86_400_000;
const window = { from: new Date(TEST_ANCHOR.getTime() - 14 * DAY), to: new Date(TEST_ANCHOR.getTime() + 14 * DAY) };

describe('calendar', () => {
  test('calendarView reads the first page only, unless asked to follow every page', async () => {
    const all = await calendarView(graph, null, window, { select: ['id', 'start', 'end'], top: 500 });
    expect(all.length).toBeGreaterThan(3);
    t.sandbox.control.clearRequests();
    const first = await calendarView(graph, null, window, { select: ['id', 'start', 'end'], top: 2 });
    expect(first.map((e) => e.id)).toEqual(all.slice(0, 2).map((e) => e.id));
    expect(calls()).toEqual(['GET /v1.0/me/calendarView']);

    const paged = await calendarView(graph, null, window, { select: ['id', 'start', 'end'], top: 2, inUtc: true, allPages: { max: 50, error: 'no end' } });
    expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));
    // Every start is a Graph date-time the one parser reads, inside the window it was asked for.
    for (const event of paged) {
      const start = instantOfGraphDateTime(event.start);
      expect(start).toBeDefined();
      expect(start!.getTime()).toBeLessThan(window.to.getTime());
    }
    await expect(calendarView(graph, null, window, { select: ['id'], top: 1, allPages: { max: 2, error: 'the view did not end' } })).rejects.toThrow('the view did not end');
  });

  test('a shared mailbox by its id is read at /users/{id}', async () => {
    t.sandbox.control.clearRequests();
    await calendarView(graph, t.user.id, window, { select: ['id'], top: 1 });
    expect(calls()).toEqual([`GET /v1.0/users/${t.user.id}/calendarView`]);
  });

  test('an event that is not there is a GraphRequestError 404', async () => {
    const failure = await eventById(graph, null, GONE, ['id']).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphRequestError);
    expect(failure).toMatchObject({ status: 404 });
  });
});

describe('mailbox settings', () => {
  test('one URL, read alone (with a select) or as a batch step (without)', async () => {
    expect(mailboxSettingsUrl('/me')).toBe('/me/mailboxSettings');
    expect(mailboxSettingsUrl('/users/x/', ['timeZone'])).toBe('/users/x/mailboxSettings?$select=timeZone');
    expect(mailboxPaths('/users/x', '/me').mailboxSettings()).toBe('/me/mailboxSettings');
    const settings = await readMailboxSettings(graph, null, ['timeZone', 'workingHours']);
    expect(typeof settings.timeZone).toBe('string');
  });
});

describe('messages', () => {
  test('categories are read and replaced; a message that is not there is a GraphRequestError 404', async () => {
    const inbox = (await t.graphJson<{ value: Array<{ id: string }> }>('/me/mailFolders/inbox/messages?$top=1&$select=id')).body.value;
    const item = { mailbox: null, immutableId: inbox[0]!.id };
    const before = await categoriesOf(graph, item);
    await setCategories(graph, item, [...before, 'Concept test']);
    expect(await categoriesOf(graph, item)).toEqual([...before, 'Concept test']);
    expect((await messageIn(graph, null, item.immutableId, ['categories'])).categories).toEqual([...before, 'Concept test']);
    const failure = await categoriesOf(graph, { mailbox: null, immutableId: GONE }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphRequestError);
    expect(failure).toMatchObject({ status: 404 });
  });
});

describe('mail folders', () => {
  test('made, found by name as Exchange compares names, renamed; a second of the same name is a conflict', async () => {
    const paths = mailboxPaths('/me');
    const created = await createTopFolder(graph, paths, 'Concept Folder');
    expect(created?.id).toEqual(expect.any(String));
    expect((await topFoldersNamed(graph, paths, 'concept folder')).map((f) => f.id)).toEqual([created!.id]);
    const again = await createTopFolder(graph, paths, 'Concept Folder').catch((error: unknown) => error);
    expect(again).toBeInstanceOf(GraphRequestError);
    expect(isConflict(again as GraphRequestError)).toBe(true);
    await renameFolder(graph, paths, created!.id!, 'Concept Folder Renamed');
    expect((await topFoldersNamed(graph, paths, 'Concept Folder Renamed')).map((f) => f.id)).toEqual([created!.id]);
    expect(await topFoldersNamed(graph, paths, 'Concept Folder')).toEqual([]);
  });
});

describe('sign-in', () => {
  test('a sign-in failure reaches the caller as it is, not as a Graph error: only signing in mends it', async () => {
    const signedOut = createGraphClient({
      baseUrl: t.sandbox.origin,
      tokens: { getAccessToken: () => Promise.reject(new SignInError('consentRequired', 'Consent needed.')) },
      retry: { sleep: async () => undefined },
    });
    const failures = await Promise.all([
      readMailboxSettings(signedOut, null).catch((error: unknown) => error),
      topFoldersNamed(signedOut, mailboxPaths('/me'), 'ASAP').catch((error: unknown) => error),
      calendarView(signedOut, null, window, { select: ['id'], top: 1 }).catch((error: unknown) => error),
    ]);
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(SignInError);
      expect(failure).toMatchObject({ problem: 'consentRequired' });
    }
  });
});
