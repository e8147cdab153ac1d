/**
 * Issue 17: the triage intent is written down before it is sent, the latest intent per message wins
 * (successes feed the outbox too), a lost answer is told and never recorded wrong, and a partial undo
 * keeps what it could not undo. Against the sandbox, with faults before and after the write.
 */
import { createItemIdentities } from '../../../src/services/itemIdentities';
import { createOutbox } from '../../../src/services/triage/outbox';
import { createTriageRunner } from '../../../src/services/triage/runner';
import { createTriageHistory } from '../../../src/services/triage/undoHistory';
import { sandboxPerFile } from '../helpers/sandbox';
import { messagesIn, readMessage, statesIn, triageHarness } from './harness';

const t = sandboxPerFile();

function memoryStorage(initial?: Map<string, string>) {
  const items = new Map(initial ?? []);
  return { items, getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
}

function setup(storage = memoryStorage()) {
  const h = triageHarness(t(), { maxRetries: 1 });
  const history = createTriageHistory(storage);
  const outbox = createOutbox(storage);
  const runner = createTriageRunner({ serviceFor: () => h.service, identities: createItemIdentities(h.graph), history, outbox });
  return { h, history, outbox, runner, storage };
}

test('a later successful action supersedes the queued one: its Retry cannot move the message back, and it is in Recent', async () => {
  const { h, history, outbox, runner } = setup();
  const [m] = await statesIn(t(), 'inbox');
  // The mailbox cannot be reached: the ASAP waits in Not done yet.
  t().sandbox.control.setFaults({ rules: [{ kind: '503', pathPattern: '/$batch' }] });
  const asap = await runner.triageKnown('asap', { mailbox: null, immutableId: m!.id, subject: m!.subject });
  expect(asap.kind).toBe('partial');
  const queued = outbox.list();
  expect(queued).toHaveLength(1);
  t().sandbox.control.clearFaults();

  const archive = await runner.triageKnown('archive', { mailbox: null, immutableId: m!.id, subject: m!.subject });
  expect(archive.kind).toBe('done');
  expect(outbox.list()).toEqual([]);
  expect(history.list().map((r) => r.action)).toEqual(['archive']);
  expect(await runner.retry(queued[0]!.id)).toBeNull();
  const context = await h.service.ensureFolders();
  expect((await readMessage(t(), m!.id))!.parentFolderId).not.toBe(context.asap);
});

test('as a user would: ribbon ASAP while Microsoft 365 is unreachable, Archive in the pane, then Retry of the queued ASAP: the message stays archived', async () => {
  const { history, outbox, runner } = setup();
  // REST ids, as Office names the open message and the selection.
  const [m] = await messagesIn(t(), 'inbox', 1, 'rest');
  t().sandbox.control.setFaults({ rules: [{ kind: 'reset', pathPattern: '/$batch' }, { kind: 'reset', pathPattern: '/me/translateExchangeIds' }] });
  const ribbon = await runner.triageItems('asap', { mailbox: null, items: [m!] });
  expect(ribbon.kind).toBe('partial');
  const queued = outbox.list()[0]!;
  expect(queued).toMatchObject({ action: 'asap', subjects: [m!.subject] });
  t().sandbox.control.clearFaults();

  const pane = await runner.triageItems('archive', { mailbox: null, items: [m!] });
  expect(pane.kind).toBe('done');
  expect(history.list().map((r) => [r.action, r.messages.map((x) => x.before.subject)])).toEqual([['archive', [m!.subject]]]);
  expect(outbox.list()).toEqual([]);
  expect(await runner.retry(queued.id)).toBeNull();
  const archived = pane.kind === 'done' ? pane.record!.messages[0]! : (undefined as never);
  expect((await readMessage(t(), archived.before.id))!.parentFolderId).toBe(archived.destinationFolderId);
});

test('a partial undo keeps what it could not undo in Recent, says how many, and undoing again finishes it', async () => {
  const { history, runner } = setup();
  const messages = (await statesIn(t(), 'inbox')).slice(0, 3);
  const done = await runner.triageKnown('archive', { mailbox: null, immutableId: messages[0]!.id, subject: messages[0]!.subject });
  const more = await Promise.all(messages.slice(1).map((m) => runner.triageKnown('archive', { mailbox: null, immutableId: m.id, subject: m.subject })));
  expect([done, ...more].every((o) => o.kind === 'done')).toBe(true);
  const record = { ...done.kind === 'done' ? done.record! : (undefined as never), messages: [done, ...more].flatMap((o) => (o.kind === 'done' ? o.record!.messages : [])) };
  for (const o of [done, ...more]) if (o.kind === 'done') history.remove(o.record!.id);
  history.add(record);

  const stuck = messages[2]!;
  t().sandbox.control.setFaults({ rules: [{ kind: '503', pathPattern: `/me/messages/${stuck.id}/move` }] });
  const undone = await runner.undo(record);
  expect(undone).toMatchObject({ kind: 'undone', count: 2, failed: [{ messageId: stuck.id, subject: stuck.subject }] });
  expect(history.list()).toHaveLength(1);
  expect(history.list()[0]!.messages.map((m) => m.before)).toEqual([stuck]);

  t().sandbox.control.clearFaults();
  expect(await runner.undo(history.list()[0]!)).toMatchObject({ kind: 'undone', count: 1, failed: [] });
  expect(history.list()).toEqual([]);
  for (const m of messages) expect(await readMessage(t(), m.id)).toEqual(m);
});

test('a whole answer lost after the write: the user is told which messages are unconfirmed, and a Retry never records the moved state as "before"', async () => {
  const { outbox, runner, history } = setup();
  const [warm, m] = (await statesIn(t(), 'inbox')).filter((s) => !s.isRead && s.flag.flagStatus === 'notFlagged');
  // Folders and the mailbox's zone known, so the next call is the write itself.
  await runner.triageKnown('asap', { mailbox: null, immutableId: warm!.id, subject: warm!.subject });
  history.remove(history.list()[0]!.id);
  // The first call writes and its answer is lost; every call after it fails before writing.
  t().sandbox.control.setFaults({ rules: [{ kind: 'after503', next: 1, pathPattern: '/$batch' }, { kind: '503', pathPattern: '/$batch' }] });
  const first = await runner.triageKnown('asap', { mailbox: null, immutableId: m!.id, subject: m!.subject });
  expect(first.kind).toBe('partial');
  expect(outbox.list()).toMatchObject([{ messageIds: [m!.id], beforeLost: [m!.id] }]);
  t().sandbox.control.clearFaults();

  const retried = await runner.retry(outbox.list()[0]!.id);
  expect(retried).toMatchObject({ kind: 'done', unconfirmed: [m!.subject] });
  // No undo record with a wrong "before" (already moved and flagged).
  expect(retried?.kind === 'done' && retried.record).toBeNull();
  expect(history.list()).toEqual([]);
  expect(outbox.list()).toEqual([]);
});

test('an inner answer lost after the write still keeps an exact undo record', async () => {
  const { runner } = setup();
  const [m] = (await statesIn(t(), 'inbox')).filter((s) => !s.isRead && s.flag.flagStatus === 'notFlagged');
  t().sandbox.control.setFaults({ rules: [{ kind: 'after503', next: 1, method: 'POST', pathPattern: '/me/messages/*/move' }] });
  const outcome = await runner.triageKnown('asap', { mailbox: null, immutableId: m!.id, subject: m!.subject });
  expect(outcome).toMatchObject({ kind: 'done', unconfirmed: [] });
  expect(outcome.kind === 'done' && outcome.record!.messages.map((r) => r.before)).toEqual([m]);
  await runner.undo(outcome.kind === 'done' ? outcome.record! : (undefined as never));
  expect(await readMessage(t(), m!.id)).toEqual(m);
});

test('the intent is written down before it is sent: a pane closed mid-action leaves it in Not done yet, marked interrupted, and Retry finishes it', async () => {
  const { storage, runner } = setup();
  const [m] = await statesIn(t(), 'inbox');
  t().sandbox.control.setFaults({ latencyMs: 300, rules: [] });
  const running = runner.triageKnown('archive', { mailbox: null, immutableId: m!.id, subject: m!.subject });
  // What storage holds once the intent is written down, the request still on its way (300 ms), is what a pane closed then leaves behind.
  let settled = false;
  void running.finally(() => (settled = true));
  while (!settled && ![...storage.items.values()].some((v) => v.includes(m!.id))) await new Promise((resolve) => setTimeout(resolve, 5));
  const left = new Map(storage.items);
  await running;
  t().sandbox.control.clearFaults();

  const reopened = setup(memoryStorage(left));
  const waiting = reopened.outbox.list();
  expect(waiting).toMatchObject([{ action: 'archive', messageIds: [m!.id], subjects: [m!.subject], state: 'sending' }]);
  expect(reopened.runner.interrupted().map((e) => e.id)).toEqual([waiting[0]!.id]);
  const retried = await reopened.runner.retry(waiting[0]!.id);
  expect(retried?.kind).toBe('done');
  expect(reopened.outbox.list()).toEqual([]);
});

test("an intent from the pane names the message by its immutable id as soon as it is known, so a Retry after the move still finds it", async () => {
  const { storage, runner } = setup();
  const [m] = await messagesIn(t(), 'inbox', 1, 'rest');
  const [immutable] = await messagesIn(t(), 'inbox', 1);
  t().sandbox.control.setFaults({ latencyMs: 150, rules: [{ kind: 'after503', pathPattern: '/$batch' }] });
  const running = runner.triageItems('archive', { mailbox: null, items: [m!] });
  // What storage holds once the id is known (not after a fixed time: a loaded machine is slower) is what a pane closed then leaves behind.
  let settled = false;
  void running.finally(() => (settled = true));
  const namesImmutable = () => [...storage.items.values()].some((v) => v.includes(immutable!.id));
  while (!settled && !namesImmutable()) await new Promise((resolve) => setTimeout(resolve, 5));
  const left = new Map(storage.items);
  await running;
  t().sandbox.control.clearFaults();

  const reopened = setup(memoryStorage(left));
  expect(reopened.outbox.list()).toMatchObject([{ action: 'archive', messageIds: [immutable!.id], state: 'sending' }]);
  expect(await reopened.runner.retry(reopened.outbox.list()[0]!.id)).toMatchObject({ kind: 'done' });
  expect(reopened.outbox.list()).toEqual([]);
});

test('an undo is a newer intent: it takes its messages out of a queued older entry, whose Retry then cannot move them', async () => {
  const { outbox, runner } = setup();
  const [m] = await statesIn(t(), 'inbox');
  const asap = await runner.triageKnown('asap', { mailbox: null, immutableId: m!.id, subject: m!.subject });
  expect(asap.kind).toBe('done');
  t().sandbox.control.setFaults({ rules: [{ kind: '503', pathPattern: '/$batch' }] });
  expect((await runner.triageKnown('archive', { mailbox: null, immutableId: m!.id, subject: m!.subject })).kind).toBe('partial');
  const queued = outbox.list()[0]!;
  t().sandbox.control.clearFaults();

  expect(await runner.undo(asap.kind === 'done' ? asap.record! : (undefined as never))).toMatchObject({ kind: 'undone', count: 1 });
  expect(outbox.list()).toEqual([]);
  expect(await runner.retry(queued.id)).toBeNull();
  expect(await readMessage(t(), m!.id)).toEqual(m);
});

test('a newer intent from the pane takes its message out of an older entry as soon as its immutable id is known, even when the pane closes before it settles', async () => {
  const { storage, outbox, runner } = setup();
  const [m] = await messagesIn(t(), 'inbox', 1, 'rest');
  const [immutable] = await messagesIn(t(), 'inbox', 1);
  t().sandbox.control.setFaults({ rules: [{ kind: '503', pathPattern: '/$batch' }] });
  expect((await runner.triageKnown('asap', { mailbox: null, immutableId: immutable!.id, subject: immutable!.subject })).kind).toBe('partial');
  const older = outbox.list()[0]!;
  t().sandbox.control.setFaults({ latencyMs: 150, rules: [{ kind: 'after503', pathPattern: '/$batch' }] });
  const running = runner.triageItems('archive', { mailbox: null, items: [m!] });
  // Storage as it is once the newer intent names the message by its immutable id (not after a fixed time: a loaded machine is slower).
  let settled = false;
  void running.finally(() => (settled = true));
  while (!settled && !outbox.list().some((e) => e.action === 'archive' && e.messageIds.includes(immutable!.id))) await new Promise((resolve) => setTimeout(resolve, 5));
  const left = new Map(storage.items);
  await running;
  t().sandbox.control.clearFaults();

  const reopened = setup(memoryStorage(left));
  expect(reopened.outbox.list()).toMatchObject([{ action: 'archive', messageIds: [immutable!.id], state: 'sending' }]);
  expect(await reopened.runner.retry(older.id)).toBeNull();
});

test('a newer intent whose translation and answer were both lost still names the message by the immutable id it read, so it supersedes the older entry', async () => {
  const { h, outbox, runner } = setup();
  const [m] = await messagesIn(t(), 'inbox', 1, 'rest');
  const [immutable] = await messagesIn(t(), 'inbox', 1);
  t().sandbox.control.setFaults({ rules: [{ kind: '503', pathPattern: '/$batch' }] });
  expect((await runner.triageKnown('asap', { mailbox: null, immutableId: immutable!.id, subject: immutable!.subject })).kind).toBe('partial');
  const older = outbox.list()[0]!;
  t().sandbox.control.setFaults({ rules: [{ kind: 'reset', pathPattern: '/me/translateExchangeIds' }, { kind: 'after503', method: 'POST', pathPattern: '/me/messages/*/move' }] });
  const newer = await runner.triageItems('archive', { mailbox: null, items: [m!] });
  t().sandbox.control.clearFaults();
  const context = await h.service.ensureFolders();
  const where = (await readMessage(t(), immutable!.id))!.parentFolderId;
  expect(outbox.list().filter((e) => e.id === older.id)).toEqual([]);
  expect(await runner.retry(older.id)).toBeNull();
  expect((await readMessage(t(), immutable!.id))!.parentFolderId).toBe(where);
  expect(where === context.asap).toBe(false);
  expect(newer.kind).not.toBe('error');
});

test('a newer intent that failed before anything was read, its translation lost too, still supersedes the older entry: the failure is translated again', async () => {
  const { outbox, runner } = setup();
  const [m] = await messagesIn(t(), 'inbox', 1, 'rest');
  const [immutable] = await messagesIn(t(), 'inbox', 1);
  t().sandbox.control.setFaults({ rules: [{ kind: '503', pathPattern: '/$batch' }] });
  expect((await runner.triageKnown('asap', { mailbox: null, immutableId: immutable!.id, subject: immutable!.subject })).kind).toBe('partial');
  const older = outbox.list()[0]!;
  const was = (await readMessage(t(), immutable!.id))!;
  t().sandbox.control.setFaults({ rules: [{ kind: 'reset', next: 1, pathPattern: '/me/translateExchangeIds' }, { kind: '503', pathPattern: '/$batch' }] });
  const newer = await runner.triageItems('archive', { mailbox: null, items: [m!] });
  t().sandbox.control.clearFaults();
  expect(newer).toMatchObject({ kind: 'partial', failed: [{ messageId: immutable!.id }] });
  expect(outbox.list()).toMatchObject([{ action: 'archive', messageIds: [immutable!.id] }]);
  expect(await runner.retry(older.id)).toBeNull();
  expect(await readMessage(t(), immutable!.id)).toEqual(was);
});
