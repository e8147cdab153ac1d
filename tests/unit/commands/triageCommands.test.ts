import { runTriageCommand } from '../../../src/app/commands/triageCommands';
import { createTriageRunner, type TriageRunnerDeps } from '../../../src/services/triage/runner';
import { defaultTriageSettings, destinationName, type TriageSettings } from '../../../src/domain/triage/settings';
import { GraphRequestError } from '../../../src/graph/errors';
import type { HostNotification } from '../../../src/office/host';
import type { TriageService } from '../../../src/services/triage/triageService';
import type { TriageFailure, TriageRecord, TriageResult } from '../../../src/services/triage/types';
import { message, TestHost } from '../../support/testHost';

const before = { id: 'm1', subject: 'Hankehakemus', parentFolderId: 'inbox', isRead: false, flag: { flagStatus: 'notFlagged' as const }, categories: [] };
const record: TriageRecord = { id: 'r1', action: 'archive', at: '2026-11-20T08:00:00Z', messages: [{ before, destinationFolderId: 'archive' }] };

function deps(answer: () => Promise<TriageResult>, settings: TriageSettings = defaultTriageSettings('fi'), names: Partial<Record<string, string>> = {}) {
  const remembered: TriageRecord[] = [];
  const kept: TriageFailure[][] = [];
  const calls: string[][] = [];
  const mailboxes: Array<string | null> = [];
  const triage = {
    triage: async (_action: string, ids: readonly string[]) => {
      calls.push([...ids]);
      return answer();
    },
    settings: () => settings,
    destinationName: (action: 'asap' | 'readLater' | 'archive') => names[action] ?? destinationName(settings, action),
    mailbox: null,
  } as unknown as TriageService;
  const value: TriageRunnerDeps = {
    serviceFor: (mailbox) => {
      mailboxes.push(mailbox ?? null);
      return triage;
    },
    // Graph's translation stood in for: the immutable id of what Office handed out, in its mailbox.
    identities: { ofAll: async (mailbox, ids) => new Map(ids.map((id) => [id, { mailbox, immutableId: `immutable:${mailbox ?? 'own'}:${id}` }])) },
    history: { add: (r) => void remembered.push(r), remove: () => undefined },
    outbox: {
      begin: (action, messages, mailbox) => ({ id: 'e1', action, messageIds: messages.map((m) => m.id), subjects: messages.map((m) => m.subject), lastError: '', attempts: 0, at: '', state: 'sending', ...(mailbox ? { mailbox } : {}) }),
      settle: (id, _done, f) => {
        if (f.length === 0) return null;
        kept.push([...f]);
        return { id, action: 'archive', messageIds: f.map((x) => x.messageId), subjects: f.map((x) => x.subject), lastError: '', attempts: 1, at: '' };
      },
      discard: () => undefined,
      rename: () => undefined,
      supersede: () => undefined,
      writing: () => undefined,
      list: () => [],
      retry: () => Promise.reject(new Error('no retry here')),
    },
  };
  // The ribbon runs the one triage runner; the deps it works with stand in for Graph and storage.
  return { value, runner: createTriageRunner(value), remembered, kept, calls, mailboxes };
}

const lastNotification = (host: TestHost): HostNotification => host.notifications.at(-1)!;

test('triages the open message, records it for undo, confirms in the user language, completes the event', async () => {
  const host = new TestHost(message('Hankehakemus'), 'fi-FI');
  const d = deps(async () => ({ record, failed: [] }));
  const completed = jest.fn();
  await runTriageCommand(host, d.runner, 'archive', { completed });
  // By the id Office gave, so the click waits for nothing before its one call (the record names the
  // message by the immutable id Graph answers with).
  expect(d.calls).toEqual([[message('Hankehakemus').id]]);
  expect(d.mailboxes).toEqual([null]);
  expect(d.remembered).toEqual([record]);
  expect(host.notifications.map((n) => n.kind)).toEqual(['progress', 'informational']);
  expect(lastNotification(host).message).toBe('Arkistoitu. Voit kumota Trail-ruudussa.');
  expect(completed).toHaveBeenCalledTimes(1);
});

test("a message of a shared mailbox is triaged by that mailbox's service", async () => {
  const host = new TestHost({ ...message('Koulutuskysely'), mailbox: 'koulutuspalvelut@seutuopisto.fi' }, 'fi-FI');
  const d = deps(async () => ({ record, failed: [] }));
  await runTriageCommand(host, d.runner, 'archive', { completed: () => undefined });
  expect(d.mailboxes).toEqual(['koulutuspalvelut@seutuopisto.fi']);
});

test('the confirmation names the folder as the user named it', async () => {
  const host = new TestHost(message('Hankehakemus'), 'fi-FI');
  const d = deps(async () => ({ record: { ...record, action: 'readLater' }, failed: [] }), { ...defaultTriageSettings('fi'), readLaterFolderName: 'Luettavat' });
  await runTriageCommand(host, d.runner, 'readLater', { completed: () => undefined });
  expect(lastNotification(host).message).toBe('Siirretty kansioon Luettavat. Voit kumota Trail-ruudussa.');
});

test('what could not be done is kept for retry and said plainly', async () => {
  const host = new TestHost(message('x'));
  const failure: TriageFailure = { messageId: 'm1', subject: 'x', error: new GraphRequestError(503, 'ServiceUnavailable', 'down') };
  const d = deps(async () => ({ record: { ...record, messages: [] }, failed: [failure] }));
  const completed = jest.fn();
  await runTriageCommand(host, d.runner, 'asap', { completed });
  expect(d.kept).toEqual([[failure]]);
  expect(d.remembered).toEqual([]);
  expect(lastNotification(host)).toMatchObject({ kind: 'error', message: expect.stringContaining('Open Trail to retry') });
  expect(completed).toHaveBeenCalledTimes(1);
});

test('no open message: nothing is sent, the user is told, the event completes', async () => {
  const host = new TestHost(null);
  const d = deps(async () => ({ record, failed: [] }));
  const completed = jest.fn();
  await runTriageCommand(host, d.runner, 'readLater', { completed });
  expect(d.calls).toEqual([]);
  expect(lastNotification(host)).toMatchObject({ kind: 'error', message: 'Open a message to triage it.' });
  expect(completed).toHaveBeenCalledTimes(1);
});

test('an unexpected failure (offline) is reported and the button never stays busy', async () => {
  const host = new TestHost(message('x'));
  const d = deps(() => Promise.reject(new GraphRequestError(0, 'network', 'fetch failed')));
  const completed = jest.fn();
  await runTriageCommand(host, d.runner, 'asap', { completed });
  expect(lastNotification(host).message).toContain('cannot reach Microsoft 365');
  expect(completed).toHaveBeenCalledTimes(1);
});

test('what fails is kept for retry by its immutable id, which still finds the message after a move whose answer was lost', async () => {
  const host = new TestHost(message('Hankehakemus'));
  const restId = message('Hankehakemus').id;
  const d = deps(async () => ({ record: { ...record, messages: [] }, failed: [{ messageId: restId, subject: 'Hankehakemus', error: new GraphRequestError(503, 'serviceNotAvailable', 'x') }] }));
  await runTriageCommand(host, d.runner, 'asap', { completed: () => undefined });
  expect(d.kept.map((failures) => failures.map((f) => f.messageId))).toEqual([[`immutable:own:${restId}`]]);
});

test('when the open message cannot be given its immutable id (offline), triage still runs and keeps its failure under the id Office gave', async () => {
  const host = new TestHost(message('x'));
  const restId = message('x').id;
  const d = deps(async () => ({ record: { ...record, messages: [] }, failed: [{ messageId: restId, subject: 'x', error: new GraphRequestError(0, 'network', 'fetch failed') }] }));
  d.value.identities = { ofAll: () => Promise.reject(new GraphRequestError(0, 'network', 'fetch failed')) };
  const completed = jest.fn();
  await runTriageCommand(host, d.runner, 'asap', { completed });
  expect(d.calls).toEqual([[restId]]);
  expect(d.kept.map((failures) => failures.map((f) => f.messageId))).toEqual([[restId]]);
  expect(lastNotification(host).message).toContain('cannot reach Microsoft 365');
  expect(completed).toHaveBeenCalledTimes(1);
});

test("a failure Graph could not name (no answer, so no subject) is kept under the subject Office gives the open item", async () => {
  const host = new TestHost(message('Hankehakemus'));
  const d = deps(async () => ({ record: { ...record, messages: [] }, failed: [{ messageId: message('Hankehakemus').id, subject: '', error: new GraphRequestError(0, 'network', 'fetch failed') }] }));
  await runTriageCommand(host, d.runner, 'readLater', { completed: () => undefined });
  expect(d.kept.map((failures) => failures.map((f) => f.subject))).toEqual([['Hankehakemus']]);
});

test('the confirmation names the folder as the mailbox does when that differs from the settings (made in another language)', async () => {
  const host = new TestHost(message('Hankehakemus'), 'fi-FI');
  const d = deps(async () => ({ record: { ...record, action: 'readLater' }, failed: [] }), defaultTriageSettings('fi'), { readLater: 'Read later' });
  await runTriageCommand(host, d.runner, 'readLater', { completed: () => undefined });
  expect(lastNotification(host).message).toBe('Siirretty kansioon Read later. Voit kumota Trail-ruudussa.');
});
