/**
 * The triage runner against the sandbox: an action in a shared mailbox leaves its undo record (for that
 * mailbox) in the history, what cannot be done waits in the outbox with its mailbox, and undo goes back there.
 */
import { createItemIdentities } from '../../../src/services/itemIdentities';
import { createOutbox } from '../../../src/services/triage/outbox';
import { createTriageRunner } from '../../../src/services/triage/runner';
import { createTriageHistory } from '../../../src/services/triage/undoHistory';
import { FIXTURE_SHARED, fixtureMailbox } from '../helpers/fixtureMailbox';
import { expectNoContractViolations, startTestSandbox, type TestSandbox } from '../helpers/sandbox';
import { triageHarness } from './harness';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ mailbox: fixtureMailbox });
});
afterAll(() => t.close());
expectNoContractViolations(() => t);
beforeEach(() => t.sandbox.control.reset());

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
}

const SHARED = `/users/${encodeURIComponent(FIXTURE_SHARED.mail)}`;

test('an action in a shared mailbox: the record and the outbox entry name that mailbox, and undo restores it there', async () => {
  const h = triageHarness(t, { sharedMailbox: FIXTURE_SHARED.mail });
  const history = createTriageHistory(memoryStorage());
  const outbox = createOutbox(memoryStorage());
  const runner = createTriageRunner({ serviceFor: () => h.service, identities: createItemIdentities(h.graph), history, outbox });
  // REST ids, as Office names the selection.
  const [message] = (await t.graphJson<{ value: Array<{ id: string; subject: string }> }>(`${SHARED}/mailFolders/inbox/messages?$top=1&$select=id,subject`)).body.value;
  const gone = { id: 'AAMkAGI2TG93AAA=', subject: 'Poistettu viesti' };

  const outcome = await runner.triageItems('archive', { mailbox: FIXTURE_SHARED.mail, items: [message!, gone] });
  expect(outcome).toMatchObject({ kind: 'partial', action: 'archive', mailbox: FIXTURE_SHARED.mail, total: 2, done: 1 });
  if (outcome.kind !== 'partial') throw new Error('expected a partial outcome');
  expect(outcome.failed.map((f) => f.subject)).toEqual(['']);
  expect(history.list()).toEqual([outcome.record]);
  expect(outcome.record).toMatchObject({ mailbox: FIXTURE_SHARED.mail, messages: [{ before: { subject: message!.subject } }] });
  expect(outbox.list()).toEqual([outcome.entry]);
  expect(outcome.entry).toMatchObject({ action: 'archive', mailbox: FIXTURE_SHARED.mail, attempts: 1 });

  const inbox = async () => (await t.graphJson<{ value: Array<{ subject: string }> }>(`${SHARED}/mailFolders/inbox/messages?$top=50&$select=subject`)).body.value.map((m) => m.subject);
  expect(await inbox()).not.toContain(message!.subject);
  expect(await runner.undo(outcome.record!)).toEqual({ kind: 'undone', count: 1, failed: [], record: null });
  expect(await inbox()).toContain(message!.subject);
  expect(history.list()).toEqual([]);
});
