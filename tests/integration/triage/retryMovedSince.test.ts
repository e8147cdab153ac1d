/**
 * Issue 17, stale: a queued action must not drag back a message the user has moved since (by a newer
 * Trail action the outbox could not match, its intent named by a REST id whose translation a closed pane
 * never saved, or in Outlook itself). A Retry reads first; a message that is neither where the action
 * found it nor where it sends it was moved by something newer: it is left there, named, and no longer waits.
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

test('a Retry of a queued ASAP leaves a message moved to Read later since, names it, and keeps nothing waiting', async () => {
  const h = triageHarness(t(), { maxRetries: 1 });
  const storage = memoryStorage();
  const history = createTriageHistory(storage);
  const outbox = createOutbox(storage);
  const runner = createTriageRunner({ serviceFor: () => h.service, identities: createItemIdentities(h.graph), history, outbox });
  const [m] = await statesIn(t(), 'inbox');
  // The message's flag cannot be written (before the write): the ASAP waits in Not done yet, its "before" read.
  t().sandbox.control.setFaults({ rules: [{ kind: '503', method: 'PATCH', pathPattern: `/me/messages/${m!.id}` }] });
  const asap = await runner.triageKnown('asap', { mailbox: null, immutableId: m!.id, subject: m!.subject });
  expect(asap.kind).toBe('partial');
  const queued = outbox.list()[0]!;
  expect(queued.before?.[m!.id]?.parentFolderId).toBe(m!.parentFolderId);
  t().sandbox.control.clearFaults();

  // Moved since, where the outbox cannot see it (a pane closed before its intent was renamed, or Outlook itself).
  const later = await h.service.triage('readLater', [m!.id]);
  expect(later.failed).toEqual([]);
  const readLater = (await h.service.ensureFolders()).readLater;
  expect((await readMessage(t(), m!.id))!.parentFolderId).toBe(readLater);

  const retried = await runner.retry(queued.id);
  expect((await readMessage(t(), m!.id))!.parentFolderId).toBe(readLater);
  expect(retried).toMatchObject({ kind: 'partial', failed: [{ messageId: m!.id, reason: 'movedSince' }] });
  expect(outbox.list()).toEqual([]);
  expect(history.list()).toEqual([]);
});

test('a Retry still moves a message that is where the action found it', async () => {
  const h = triageHarness(t(), { maxRetries: 1 });
  const storage = memoryStorage();
  const outbox = createOutbox(storage);
  const runner = createTriageRunner({ serviceFor: () => h.service, identities: createItemIdentities(h.graph), history: createTriageHistory(storage), outbox });
  const [m] = await statesIn(t(), 'inbox');
  t().sandbox.control.setFaults({ rules: [{ kind: '503', method: 'PATCH', pathPattern: `/me/messages/${m!.id}` }] });
  expect((await runner.triageKnown('asap', { mailbox: null, immutableId: m!.id, subject: m!.subject })).kind).toBe('partial');
  t().sandbox.control.clearFaults();
  const retried = await runner.retry(outbox.list()[0]!.id);
  expect(retried?.kind).toBe('done');
  expect((await readMessage(t(), m!.id))!.parentFolderId).toBe((await h.service.ensureFolders()).asap);
});

test('a newer intent named by a REST id (its translation lost) still wins over an older queued one: Retry names it first', async () => {
  const h = triageHarness(t(), { maxRetries: 1 });
  const storage = memoryStorage();
  const history = createTriageHistory(storage);
  const outbox = createOutbox(storage);
  const runner = createTriageRunner({ serviceFor: () => h.service, identities: createItemIdentities(h.graph), history, outbox });
  const [m] = await statesIn(t(), 'inbox');
  const [rest] = (await messagesIn(t(), 'inbox', 200, 'rest')).filter((r) => r.subject === m!.subject);
  // The ASAP's answers are all lost: it waits, by immutable id, with no "before".
  t().sandbox.control.setFaults({ rules: [{ kind: 'afterReset', pathPattern: '/$batch' }] });
  expect((await runner.triageKnown('asap', { mailbox: null, immutableId: m!.id, subject: m!.subject })).kind).toBe('partial');
  const older = outbox.list()[0]!;
  // Then Read later from the pane (Office's REST id); Outlook cannot be reached at all, translation included.
  t().sandbox.control.setFaults({ rules: [{ kind: 'reset', pathPattern: '/$batch' }, { kind: 'reset', pathPattern: '/me/translateExchangeIds' }] });
  expect((await runner.triageItems('readLater', { mailbox: null, items: [rest!] })).kind).toBe('partial');
  t().sandbox.control.clearFaults();
  const where = (await readMessage(t(), m!.id))!.parentFolderId;

  // The older ASAP may not move it: Read later is what the user wants now.
  const retried = await runner.retry(older.id);
  expect(retried).toBeNull();
  expect((await readMessage(t(), m!.id))!.parentFolderId).toBe(where);
  expect(outbox.list()).toMatchObject([{ action: 'readLater', messageIds: [m!.id] }]);
});
