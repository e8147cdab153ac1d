/**
 * Issue 17, "the latest intent per message wins", where a newer intent is named only by Office's REST
 * ids (its translation to immutable ids was lost): it must still take its messages out of an older
 * entry, so that entry's Retry cannot move them after the newer click.
 */
import { GraphRequestError } from '../../../src/graph/errors';
import { createItemIdentities } from '../../../src/services/itemIdentities';
import { createOutbox } from '../../../src/services/triage/outbox';
import { createTriageRunner } from '../../../src/services/triage/runner';
import { createTriageHistory } from '../../../src/services/triage/undoHistory';
import { sandboxPerFile } from '../helpers/sandbox';
import { messagesIn, readMessage, triageHarness } from './harness';

jest.setTimeout(30_000);
const t = sandboxPerFile();

function memoryStorage() {
  const items = new Map<string, string>();
  return { items, getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
}

function setup() {
  const h = triageHarness(t(), { maxRetries: 1 });
  const storage = memoryStorage();
  const history = createTriageHistory(storage);
  const outbox = createOutbox(storage);
  const runner = createTriageRunner({ serviceFor: () => h.service, identities: createItemIdentities(h.graph), history, outbox });
  return { h, history, outbox, runner };
}

test('a selection whose translation failed (nothing sent) is still the latest intent: the older entry it shares a message with cannot move that message on Retry', async () => {
  const { outbox, runner } = setup();
  const rest = await messagesIn(t(), 'inbox', 2, 'rest');
  const immutable = await messagesIn(t(), 'inbox', 2);
  t().sandbox.control.setFaults({ rules: [{ kind: '503', pathPattern: '/$batch' }] });
  expect((await runner.triageKnown('asap', { mailbox: null, immutableId: immutable[0]!.id, subject: immutable[0]!.subject })).kind).toBe('partial');
  const older = outbox.list()[0]!;
  const was = (await readMessage(t(), immutable[0]!.id))!;
  t().sandbox.control.setFaults({ rules: [{ kind: '503', pathPattern: '/me/translateExchangeIds' }] });
  const newer = await runner.triageItems('archive', { mailbox: null, items: rest });
  expect(newer.kind).toBe('error');
  t().sandbox.control.clearFaults();

  await runner.retry(older.id);
  expect(await readMessage(t(), immutable[0]!.id)).toEqual(was);
});

test('a click named by its REST id whose whole answer was lost after the move is not "missing": it is read again by its immutable id, done and told unconfirmed', async () => {
  const { h, outbox, runner } = setup();
  const [m] = await messagesIn(t(), 'inbox', 1, 'rest');
  const [immutable] = await messagesIn(t(), 'inbox', 1);
  const context = await h.service.ensureFolders();
  t().sandbox.control.setFaults({ rules: [{ kind: 'after503', pathPattern: '/$batch', next: 1 }] });
  const outcome = await runner.triageItems('asap', { mailbox: null, items: [m!] });
  t().sandbox.control.clearFaults();
  expect(outcome).toMatchObject({ kind: 'done', unconfirmed: [m!.subject] });
  expect(outbox.list()).toEqual([]);
  expect((await readMessage(t(), immutable!.id))!.parentFolderId).toBe(context.asap);
});

test('a click while an older entry waits, whose translation fails and whose move lands unanswered, is still the latest intent: the older Retry cannot move its message back', async () => {
  const { h, outbox, runner } = setup();
  const [m] = await messagesIn(t(), 'inbox', 1, 'rest');
  const [immutable] = await messagesIn(t(), 'inbox', 1);
  await h.service.ensureFolders();
  // An older Read later waits in Not done yet, named by its immutable id, its "before" lost with an
  // answer (as a pane keeps it after its writes landed unanswered): a Retry cannot tell a newer move from its own.
  const older = outbox.add('readLater', [{ messageId: immutable!.id, subject: immutable!.subject, error: new GraphRequestError(503, 'serviceNotAvailable', 'lost'), beforeLost: true }]);
  // The user archives it from Office's REST id: every translation of that id fails, and the move lands with its answer lost.
  t().sandbox.control.setFaults({ rules: [{ kind: '503', pathPattern: '/me/translateExchangeIds' }, { kind: 'after503', pathPattern: '/$batch', next: 1 }] });
  await runner.triageItems('archive', { mailbox: null, items: [m!] });
  t().sandbox.control.clearFaults();
  const after = (await readMessage(t(), immutable!.id))!.parentFolderId;
  await runner.retry(older.id);
  // The newest intent (Archive) wins, whatever it answered: the Retry leaves the message where that click left it.
  expect((await readMessage(t(), immutable!.id))!.parentFolderId).toBe(after);
});
