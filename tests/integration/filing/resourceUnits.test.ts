/**
 * What one item change costs SharePoint's shared app budget, in resource units as the sandbox meters
 * them (dev/sandbox/core/meter.ts): counts, never times. With a warm entity index the participants are
 * named locally, so the pane asks the record only about the item and its conversation; coming back to
 * the item, or to another message of the thread, within the session reuses those answers.
 */
import type { MessageSnapshot } from '../../../src/office/host';
import { createEntityIndex } from '../../../src/record/entityIndex';
import { SiteLists } from '../../../src/record/listItems';
import { createFilingService } from '../../../src/services/filing/filingService';
import { storePerFile } from '../helpers/store';

const s = storePerFile({ clearFaultsAfterEach: false });

interface GraphMessage {
  id: string;
  subject: string;
  from: { emailAddress: { name: string; address: string } };
  internetMessageId: string;
  conversationId: string;
  receivedDateTime: string;
}

const snapshot = (m: GraphMessage, conversationId = m.conversationId): MessageSnapshot => ({
  kind: 'message',
  id: m.id,
  officeItemId: m.id,
  mailbox: null,
  subject: m.subject,
  from: m.from.emailAddress,
  to: [],
  cc: [],
  conversationId,
  internetMessageId: m.internetMessageId,
  receivedAt: m.receivedDateTime,
});

/** RU the work spends, and its SharePoint requests. */
async function spent(work: () => Promise<unknown>): Promise<{ ru: number; requests: number }> {
  const before = s().t.sandbox.control.usage();
  await work();
  const after = s().t.sandbox.control.usage();
  return { ru: after.totalRu - before.totalRu, requests: after.requests - before.requests };
}

test('one item change costs 4 RU for a known and for an unknown sender; the same item or thread again within the session costs 0 and 2', async () => {
  const select = 'id,subject,from,internetMessageId,conversationId,receivedDateTime';
  const inbox = (await s().t.graphJson<{ value: GraphMessage[] }>(`/me/mailFolders/inbox/messages?$top=50&$select=${select}`)).body.value.filter((m) => m.from);
  const [known, unknown, sibling] = [inbox[0]!, inbox.find((m) => m.from.emailAddress.address !== inbox[0]!.from.emailAddress.address)!, inbox[2]!];
  await s().store.createPerson({ name: known.from.emailAddress.name, emails: [known.from.emailAddress.address] });
  const index = createEntityIndex(new SiteLists(s().graph, s().location));
  await index.refresh();
  expect(index.state).toBe('warm');
  const filing = createFilingService({ store: s().store, graph: s().graph, self: s().t.user.userPrincipalName, index });

  // Filings of the item and of its conversation: two multi-item queries in one $batch, 2 RU each.
  let shown: Awaited<ReturnType<typeof filing.view>> | undefined;
  expect(await spent(async () => void (shown = await filing.view(snapshot(known))))).toEqual({ ru: 4, requests: 2 });
  expect(shown!.sender?.person?.name).toBe(known.from.emailAddress.name);
  expect(await spent(() => filing.view(snapshot(unknown)))).toEqual({ ru: 4, requests: 2 });
  // Back to the first message: nothing asked again.
  expect(await spent(() => filing.view(snapshot(known)))).toEqual({ ru: 0, requests: 0 });
  // Another message of the first one's thread: only its own filings are asked.
  expect(await spent(() => filing.view(snapshot(sibling, known.conversationId)))).toEqual({ ru: 2, requests: 1 });

  // Filing it: the pane's re-read afterwards shows the filing without asking again.
  const { outcomes } = await filing.fileTo(shown!.item, [shown!.sender!.person!]);
  expect(outcomes.map((o) => o.status)).toEqual(['filed']);
  let again: Awaited<ReturnType<typeof filing.view>> | undefined;
  expect(await spent(async () => void (again = await filing.view(snapshot(known))))).toEqual({ ru: 0, requests: 0 });
  expect(again!.filed.map((f) => f.entityName)).toEqual([known.from.emailAddress.name]);
});

test("a colleague's filing shows once the session's answer is older than its maximum age", async () => {
  let now = 1_000_000;
  const select = 'id,subject,from,internetMessageId,conversationId,receivedDateTime';
  const m = (await s().t.graphJson<{ value: GraphMessage[] }>(`/me/mailFolders/inbox/messages?$top=50&$select=${select}`)).body.value.filter((x) => x.from)[5]!;
  const filing = createFilingService({ store: s().store, graph: s().graph, self: s().t.user.userPrincipalName, contextMaxAgeMs: 60_000, now: () => now });
  const first = await filing.view(snapshot(m));
  expect(first.filed).toEqual([]);
  const project = await s().store.createProject({ name: 'Kollegan hanke' });
  await s().storeAs({ name: 'Kari Nieminen', upn: 'kari.nieminen@seutuopisto.fi' }).file(first.item, [{ ref: project.entity.ref, name: project.entity.name, detail: '' }]);
  now += 59_000;
  expect((await filing.view(snapshot(m))).filed).toEqual([]);
  now += 2_000;
  expect((await filing.view(snapshot(m))).filed.map((f) => f.filedBy.name)).toEqual(['Kari Nieminen']);
});
