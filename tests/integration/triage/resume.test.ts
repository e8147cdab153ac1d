/**
 * Issue 17: "the triage intent written down before it is sent and resumed when the pane reopens". An
 * intent a closed pane left unsettled is resumed by the next runner: each message is read first (nothing
 * applied twice), one still where the action found it is triaged, one moved elsewhere since is left
 * there and named, and resuming again does nothing more.
 */
import { createItemIdentities } from '../../../src/services/itemIdentities';
import { createOutbox } from '../../../src/services/triage/outbox';
import { createTriageRunner } from '../../../src/services/triage/runner';
import { createTriageHistory } from '../../../src/services/triage/undoHistory';
import { sandboxPerFile } from '../helpers/sandbox';
import { messagesIn, readMessage, statesIn, triageHarness } from './harness';

const t = sandboxPerFile();

function memoryStorage() {
  const items = new Map<string, string>();
  return { items, getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
}

function paneOver(storage: ReturnType<typeof memoryStorage>) {
  const h = triageHarness(t(), { maxRetries: 1 });
  const history = createTriageHistory(storage);
  const outbox = createOutbox(storage);
  const runner = createTriageRunner({ serviceFor: () => h.service, identities: createItemIdentities(h.graph), history, outbox });
  return { h, history, outbox, runner };
}

test('an intent a closed pane left unsent is resumed when the pane reopens, once, with an undo record', async () => {
  const storage = memoryStorage();
  const [m] = await messagesIn(t(), 'inbox', 1, 'rest');
  // The pane wrote the intent down and closed before sending it.
  paneOver(storage).outbox.begin('archive', [m!]);

  const reopened = paneOver(storage);
  const outcomes = await reopened.runner.resume();
  expect(outcomes.map((o) => o.kind)).toEqual(['done']);
  expect(reopened.outbox.list()).toEqual([]);
  const record = reopened.history.list()[0]!;
  expect(record).toMatchObject({ action: 'archive', messages: [{ before: { subject: m!.subject } }] });
  const archive = (await readMessage(t(), record.messages[0]!.before.id))!.parentFolderId;
  expect(archive).toBe(record.messages[0]!.destinationFolderId);
  // Idempotent: nothing is left to resume.
  expect(await paneOver(storage).runner.resume()).toEqual([]);
  expect(reopened.history.list()).toHaveLength(1);
});

test('a resumed intent leaves a message moved elsewhere since, names it, and drops it', async () => {
  const storage = memoryStorage();
  const [m] = await statesIn(t(), 'inbox');
  const closing = paneOver(storage);
  // Written down with the state read before the pane closed.
  closing.outbox.begin('asap', [{ id: m!.id, subject: m!.subject }], null, { [m!.id]: m! });
  // Meanwhile the user archived it in Outlook itself.
  expect((await closing.h.service.triage('archive', [m!.id])).failed).toEqual([]);
  const archived = (await readMessage(t(), m!.id))!.parentFolderId;

  const reopened = paneOver(storage);
  const outcomes = await reopened.runner.resume();
  expect(outcomes).toMatchObject([{ kind: 'partial', failed: [{ messageId: m!.id, reason: 'movedSince', subject: m!.subject }] }]);
  expect((await readMessage(t(), m!.id))!.parentFolderId).toBe(archived);
  expect(reopened.outbox.list()).toEqual([]);
});

test('an intent whose first write landed before the pane closed is resumed, but the changed state is never taken for its "before"', async () => {
  const storage = memoryStorage();
  const m = (await statesIn(t(), 'inbox')).find((s) => !s.isRead && s.flag.flagStatus === 'notFlagged')!;
  const closing = paneOver(storage);
  const intent = closing.outbox.begin('readLater', [{ id: m.id, subject: m.subject }]);
  // It sent its first write (as the runner marks it), the PATCH landed; the pane closed before the answer (and the move) came.
  closing.outbox.writing(intent.id);
  await closing.h.graph.api(`/me/messages/${m.id}`).patch({ isRead: true });

  const reopened = paneOver(storage);
  const outcomes = await reopened.runner.resume();
  expect(outcomes).toMatchObject([{ kind: 'done', unconfirmed: [m.subject] }]);
  expect((await readMessage(t(), m.id))!.parentFolderId).toBe((await reopened.h.service.ensureFolders()).readLater);
  // An undo would restore "read": not what the user had. None is offered; the outcome says so.
  expect(reopened.history.list()).toEqual([]);
});

test('an intent this runner is sending itself is not resumed', async () => {
  const storage = memoryStorage();
  const { runner, outbox } = paneOver(storage);
  const [m] = await statesIn(t(), 'inbox');
  const running = runner.triageKnown('readLater', { mailbox: null, immutableId: m!.id, subject: m!.subject });
  expect(outbox.list()).toHaveLength(1);
  expect(await runner.resume()).toEqual([]);
  expect((await running).kind).toBe('done');
});
