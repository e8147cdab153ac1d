/**
 * Triage when Graph throttles, fails and drops connections: everything ends triaged exactly once, what
 * cannot be done is named message by message, and a retry from the outbox never applies anything twice.
 * Waits are recorded, not slept.
 */
import { createOutbox } from '../../../src/services/triage/outbox';
import type { FaultRule } from '../../../dev/sandbox/core/faults';
import { json, sandboxPerFile } from '../helpers/sandbox';
import { folderId, graphCalls, readMessage, statesIn, triageHarness } from './harness';

const t = sandboxPerFile();

/** Writes Graph applied per message (PATCH 200, move 201), read from the sandbox's request log. */
function appliedWrites(): Map<string, { patches: number; moves: number }> {
  const applied = new Map<string, { patches: number; moves: number }>();
  for (const call of graphCalls(t())) {
    for (const inner of call.inner ?? []) {
      const match = /\/messages\/([^/?]+)(\/move)?/.exec(inner.url);
      if (!match || inner.status < 200 || inner.status > 299 || inner.method === 'GET') continue;
      const id = decodeURIComponent(match[1]!);
      const counts = applied.get(id) ?? { patches: 0, moves: 0 };
      if (match[2]) counts.moves += 1;
      else counts.patches += 1;
      applied.set(id, counts);
    }
  }
  return applied;
}

const flaky = (rate429: number, rate503: number, resets = 0): FaultRule[] => [
  ...(resets > 0 ? [{ kind: 'reset' as const, next: resets, method: 'POST', pathPattern: '/me/messages/*/move' }] : []),
  { kind: '429', rate: rate429, retryAfterSeconds: 2, pathPattern: '/me/messages/*' },
  { kind: '503', rate: rate503, pathPattern: '/me/messages/*' },
  { kind: '429', rate: 0.05, retryAfterSeconds: 1, pathPattern: '/$batch' },
];

const memoryStorage = () => {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
};

test('100 messages through 429s, 503s and dropped connections: all triaged, each flagged and moved exactly once', async () => {
  const h = triageHarness(t(), { maxRetries: 8 });
  await h.service.ensureFolders();
  const messages = (await statesIn(t(), 'inbox')).slice(0, 100);
  t().sandbox.control.clearRequests();
  t().sandbox.control.setFaults({ rules: flaky(0.08, 0.05, 2) });

  const result = await h.service.triage('asap', messages.map((m) => m.id));
  t().sandbox.control.clearFaults();

  expect(result.failed).toEqual([]);
  expect(result.record.messages.map((m) => m.before)).toEqual(messages);
  const applied = appliedWrites();
  for (const m of messages) expect([m.id, applied.get(m.id)]).toEqual([m.id, { patches: 1, moves: 1 }]);
  const asap = result.record.messages[0]!.destinationFolderId;
  for (const m of messages) expect(await readMessage(t(), m.id)).toMatchObject({ parentFolderId: asap, isRead: true, flag: { flagStatus: 'flagged' } });
  // Graph was failing: the service waited (recorded here), it did not give up.
  expect(h.waits.length).toBeGreaterThan(0);
  expect(graphCalls(t()).some((c) => c.inner?.some((r) => r.status === 503))).toBe(true);
  expect(graphCalls(t()).some((c) => c.inner?.some((r) => r.status === 429))).toBe(true);
  expect(graphCalls(t()).some((c) => c.reset)).toBe(true);
});

test('undo of 100 through throttling restores every message exactly', async () => {
  const h = triageHarness(t(), { maxRetries: 8 });
  const messages = (await statesIn(t(), 'inbox')).slice(0, 100);
  const { record } = await h.service.triage('archive', messages.map((m) => m.id));
  t().sandbox.control.setFaults({ rules: flaky(0.1, 0.05) });
  const undone = await h.service.undo(record);
  t().sandbox.control.clearFaults();
  expect(undone.failed).toEqual([]);
  expect(undone.restored).toHaveLength(100);
  expect(await statesIn(t(), 'inbox')).toEqual(expect.arrayContaining(messages));
});

test('messages that keep failing are named, kept in the outbox, and a retry finishes them without applying anything twice', async () => {
  const h = triageHarness(t(), { maxRetries: 6 });
  const messages = (await statesIn(t(), 'inbox')).filter((m) => !m.isRead && m.flag.flagStatus === 'notFlagged').slice(0, 40);
  const stuck = messages.slice(10, 13);
  t().sandbox.control.setFaults({
    rules: [...stuck.map((m): FaultRule => ({ kind: '503', pathPattern: `/me/messages/${m.id}/move` })), ...flaky(0.05, 0.05)],
  });

  const result = await h.service.triage('asap', messages.map((m) => m.id));
  t().sandbox.control.clearFaults();

  // Exactly the three, by id and subject, with Graph's error and the state they had before.
  expect(result.failed.map((f) => [f.messageId, f.subject, f.error.status, f.error.code])).toEqual(stuck.map((m) => [m.id, m.subject, 503, 'serviceNotAvailable']));
  expect(result.failed.map((f) => f.before)).toEqual(stuck);
  expect(result.record.messages).toHaveLength(messages.length - stuck.length);
  // Their flag was set (the PATCH went through); only the move did not.
  for (const m of stuck) expect(await readMessage(t(), m.id)).toMatchObject({ parentFolderId: m.parentFolderId, isRead: true, flag: { flagStatus: 'flagged' } });

  const outbox = createOutbox(memoryStorage());
  const entry = outbox.add('asap', result.failed);
  expect(outbox.list()).toEqual([entry]);
  expect(entry).toMatchObject({ messageIds: stuck.map((m) => m.id), subjects: stuck.map((m) => m.subject), lastError: '503 serviceNotAvailable', attempts: 1 });

  // Meanwhile one of them did reach the folder (as when a move's answer is lost on the way back).
  const asap = result.record.messages[0]!.destinationFolderId;
  await t().graphFetch(`/me/messages/${encodeURIComponent(stuck[0]!.id)}/move`, json('POST', { destinationId: asap }));

  h.clock.now = new Date('2025-03-13T07:30:00Z'); // the next morning, still before Friday's due
  t().sandbox.control.clearRequests();
  const retried = await outbox.retry(entry.id, h.service);

  expect(retried.failed).toEqual([]);
  expect(outbox.list()).toEqual([]);
  const applied = appliedWrites();
  expect(applied.get(stuck[0]!.id)).toBeUndefined(); // found already moved and flagged: nothing sent
  for (const m of stuck.slice(1)) expect(applied.get(m.id)).toEqual({ patches: 0, moves: 1 });
  for (const m of stuck) {
    const now = (await readMessage(t(), m.id))!;
    expect(now).toMatchObject({ parentFolderId: asap, isRead: true });
    expect(now.flag.startDateTime!.dateTime).toMatch(/^2025-03-12T10:00:00/); // not restamped by the retry
  }
  // The retry's record holds what the user had before the first attempt, so undo restores exactly that.
  expect(retried.record.messages.map((m) => m.before)).toEqual(stuck);
  await h.service.undo(retried.record);
  for (const m of stuck) expect(await readMessage(t(), m.id)).toEqual(m);
});

test('a $batch whose answer is lost: the moves that happened are found, not repeated; no undo is offered for states it cannot know', async () => {
  const h = triageHarness(t());
  await h.service.ensureFolders();
  const messages = (await statesIn(t(), 'inbox')).slice(0, 3);
  t().sandbox.control.clearRequests();
  // One move inside the call drops the connection: the others ran, but their answers never arrive.
  t().sandbox.control.setFaults({ rules: [{ kind: 'reset', next: 1, method: 'POST', pathPattern: '/me/messages/*/move' }] });

  const result = await h.service.triage('readLater', messages.map((m) => m.id));

  expect(graphCalls(t()).filter((c) => c.reset)).toHaveLength(1);
  expect(result.failed).toEqual([]);
  const readLater = (await h.service.ensureFolders()).readLater;
  const applied = appliedWrites();
  for (const m of messages) {
    expect(applied.get(m.id)?.moves).toBe(1);
    expect((await readMessage(t(), m.id))!.parentFolderId).toBe(readLater);
  }
  expect(result.record.messages).toEqual([]);
});

test('a selection too large for one call reads first, so a lost answer loses no state: undo stays exact', async () => {
  const h = triageHarness(t());
  await h.service.ensureFolders();
  const messages = (await statesIn(t(), 'inbox')).slice(0, 12);
  t().sandbox.control.clearRequests();
  t().sandbox.control.setFaults({ rules: [{ kind: 'reset', next: 1, method: 'POST', pathPattern: '/me/messages/*/move' }] });

  const result = await h.service.triage('archive', messages.map((m) => m.id));
  expect(result.failed).toEqual([]);
  expect(result.record.messages.map((m) => m.before)).toEqual(messages);
  for (const m of messages) expect(appliedWrites().get(m.id)?.moves).toBe(1);
  await h.service.undo(result.record);
  for (const m of messages) expect(await readMessage(t(), m.id)).toEqual(m);
});

test('when the mailbox cannot be reached at all, every message is reported with the error, nothing is thrown', async () => {
  const h = triageHarness(t(), { maxRetries: 1 });
  const messages = (await statesIn(t(), 'inbox')).slice(0, 2);
  t().sandbox.control.setFaults({ rules: [{ kind: '503', pathPattern: '/$batch' }] });
  const result = await h.service.triage('archive', messages.map((m) => m.id));
  expect(result.record.messages).toEqual([]);
  expect(result.failed.map((f) => [f.messageId, f.error.status])).toEqual(messages.map((m) => [m.id, 503]));
  t().sandbox.control.clearFaults();
  expect((await readMessage(t(), messages[0]!.id))!.parentFolderId).not.toBe(await folderId(t(), 'archive'));
});
