/**
 * @jest-environment ./tests/support/jsdomWithFetch.js
 *
 * The triage pane on a message of a shared mailbox, against the sandbox over HTTP: Book time reads
 * the message where it lives and books the block in that mailbox's calendar, never the user's own.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { webcrypto } from 'node:crypto';
import { IntlProvider } from 'react-intl';
import { messageSnapshot, type GraphMessage } from '../../../dev/playground/graphShapes';
import { SandboxTokenSource } from '../../../src/auth/sandboxTokens';
import { createGraphClient } from '../../../src/graph/client';
import { catalogues } from '../../../src/i18n/messages';
import { createTriageRuntime } from '../../../src/services/triageRuntime';
import { TriagePanel } from '../../../src/ui/triage/TriagePanel';
import { TestHost } from '../../support/testHost';
import { FIXTURE_SHARED, fixtureMailbox } from '../helpers/fixtureMailbox';
import { expectNoContractViolations, startTestSandbox, TEST_ANCHOR, type TestSandbox } from '../helpers/sandbox';

let t: TestSandbox;
beforeAll(async () => {
  // Book time keys its block by a digest of the message id: the browser's Web Crypto, which jsdom lacks.
  Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });
  t = await startTestSandbox({ mailbox: fixtureMailbox });
});
afterAll(() => t.close());
expectNoContractViolations(() => t);

// The clock only (timers run as ever): the pane books from "now", and the fixture's week is known.
beforeEach(() => {
  jest.useFakeTimers({
    now: TEST_ANCHOR,
    doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback'],
  });
  t.sandbox.control.reset();
});
afterEach(() => jest.useRealTimers());

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
    key: (i) => [...items.keys()][i] ?? null,
    get length() {
      return items.size;
    },
  };
}

const SHARED = `/users/${encodeURIComponent(FIXTURE_SHARED.mail)}`;
/** The test's own reads, with a token made on the test's clock (the sandbox checks it on that clock). */
const asUser = () => ({ token: t.tokenFor(t.user) });
const bookingsIn = async (mailbox: string) =>
  (await t.graphJson<{ value: Array<{ subject: string; transactionId: string | null }> }>(`${mailbox}/events?$top=500&$select=subject,transactionId`, asUser())).body.value.filter((e) =>
    e.transactionId?.startsWith('trail-booktime-'),
  );

// Book time on a shared mailbox's message read the message (and the calendar) of the user's own mailbox.
test("Book time on a shared mailbox's message books the block in that mailbox, not the user's own", async () => {
  const page = await t.graphJson<{ value: GraphMessage[] }>(`${SHARED}/mailFolders/inbox/messages?$top=1&$select=id,subject,from,toRecipients,ccRecipients,conversationId,internetMessageId,receivedDateTime`, asUser());
  expect(page.status).toBe(200);
  const item = messageSnapshot(page.body.value[0]!, FIXTURE_SHARED.mail);
  const host = new TestHost(item);
  const graph = createGraphClient({ baseUrl: t.sandbox.origin, tokens: new SandboxTokenSource(t.sandbox.origin), retry: { sleep: async () => undefined } });
  const runtime = createTriageRuntime(host, graph, memoryStorage());
  render(
    <IntlProvider locale="en" messages={catalogues.en} defaultLocale="en" timeZone="Europe/Helsinki">
      <FluentProvider theme={webLightTheme}>
        <TriagePanel host={host} runtime={runtime} item={{ status: 'ready', value: item }} />
      </FluentProvider>
    </IntlProvider>,
  );
  fireEvent.click(await screen.findByTestId('book-time-button'));
  expect((await screen.findByTestId('book-time-outcome', {}, { timeout: 10_000 })).textContent).toMatch(/booked/i);

  expect((await bookingsIn(SHARED)).map((e) => e.subject)).toEqual([item.subject]);
  expect(await bookingsIn('/me')).toEqual([]);
}, 30_000);

function renderPane(storage: Storage, item: ReturnType<typeof messageSnapshot>) {
  const host = new TestHost(item);
  const graph = createGraphClient({ baseUrl: t.sandbox.origin, tokens: new SandboxTokenSource(t.sandbox.origin), retry: { sleep: async () => undefined } });
  const runtime = createTriageRuntime(host, graph, storage);
  render(
    <IntlProvider locale="en" messages={catalogues.en} defaultLocale="en" timeZone="Europe/Helsinki">
      <FluentProvider theme={webLightTheme}>
        <TriagePanel host={host} runtime={runtime} item={{ status: 'ready', value: item }} />
      </FluentProvider>
    </IntlProvider>,
  );
  return runtime;
}

// Issue 17 (4): "Undone: 2 messages are back where they were", and the third was in no list.
test('a partial undo says how many were not undone, by subject, and keeps them in Recent', async () => {
  const page = await t.graphJson<{ value: GraphMessage[] }>(`${SHARED}/mailFolders/inbox/messages?$top=3&$select=id,subject,from,toRecipients,ccRecipients,conversationId,internetMessageId,receivedDateTime`, {
    ...asUser(),
    headers: { Prefer: 'IdType="ImmutableId"' },
  });
  const messages = page.body.value;
  const runtime = renderPane(memoryStorage(), messageSnapshot(messages[0]!, FIXTURE_SHARED.mail));
  // Taken elsewhere (filing's then-archive): the pane hears of it through the history.
  const outcomes = await act(() => Promise.all(messages.map((m) => runtime.runner.triageKnown('archive', { mailbox: FIXTURE_SHARED.mail, immutableId: m.id, subject: m.subject ?? '' }))));
  expect(outcomes.every((o) => o.kind === 'done')).toBe(true);
  const stuck = messages[0]!;
  t.sandbox.control.setFaults({ rules: [{ kind: '503', pathPattern: `*/messages/${stuck.id}/move` }] });

  const row = (await screen.findAllByTestId('triage-undo')).find((button) => button.closest('li')!.textContent!.includes(stuck.subject ?? ''))!;
  fireEvent.click(row);
  const said = (await screen.findByTestId('triage-outcome', {}, { timeout: 20_000 })).textContent!;
  expect(said).toMatch(/0 messages are back where they were\. 1 message was not undone/);
  expect(said).toContain(stuck.subject!);
  expect(screen.getByTestId('triage-history').textContent).toContain(stuck.subject!);
  t.sandbox.control.clearFaults();
}, 30_000);

// Issue 17 (10): closing the pane mid-action kept nothing; now the intent waits, and the pane that
// opens next resumes it and says so.
test('an intent left by a closed pane is resumed when the pane opens, and the pane says what it finished', async () => {
  const page = await t.graphJson<{ value: GraphMessage[] }>(`${SHARED}/mailFolders/inbox/messages?$top=1&$select=id,subject,from,toRecipients,ccRecipients,conversationId,internetMessageId,receivedDateTime`, {
    ...asUser(),
    headers: { Prefer: 'IdType="ImmutableId"' },
  });
  const message = page.body.value[0]!;
  const storage = memoryStorage();
  const left = [{ id: 'i1', action: 'archive', messageIds: [message.id], subjects: [message.subject], lastError: '', attempts: 0, at: TEST_ANCHOR.toISOString(), state: 'sending', mailbox: FIXTURE_SHARED.mail }];
  storage.setItem('trail.triage.outbox', JSON.stringify(left));
  renderPane(storage, messageSnapshot(message, FIXTURE_SHARED.mail));
  expect((await screen.findByTestId('triage-resumed', {}, { timeout: 20_000 })).textContent).toBe('Finished an action left unfinished when Trail last closed: 1 message done.');
  expect(screen.queryByTestId('triage-outbox')).toBeNull();
  const now = await t.graphJson<{ parentFolderId: string }>(`${SHARED}/messages/${message.id}?$select=parentFolderId`, { ...asUser(), headers: { Prefer: 'IdType="ImmutableId"' } });
  const archive = await t.graphJson<{ id: string }>(`${SHARED}/mailFolders/archive?$select=id`, asUser());
  expect(now.body.parentFolderId).toBe(archive.body.id);
}, 30_000);
