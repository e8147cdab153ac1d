/**
 * Issue 14: an item's identity is its immutable id, made once from the EWS id Outlook hands out.
 * A message is filed from the real OfficeJsHost (over an Office object that behaves as documented),
 * moved by triage (which gives it a new REST id), and then still opens from its history entry.
 */
import { ewsToRest, restToEws } from '../../../dev/sandbox/mail/ids';
import type { EntitySummary } from '../../../src/domain/entities';
import { createFilingService } from '../../../src/services/filing/filingService';
import { findInOwnMailbox, firstTimelinePage } from '../../../src/services/timeline/timeline';
import { OfficeJsHost } from '../../../src/office/officeJsHost';
import { documentedOffice } from '../../support/documentedOffice';
import { expectNoContractViolations } from '../helpers/sandbox';
import { startTestStore, type TestStore } from '../helpers/store';
import { triageHarness } from '../triage/harness';

let s: TestStore;
let entity: EntitySummary;
beforeAll(async () => {
  s = await startTestStore();
  const org = await s.store.createOrganisation({ name: 'Datariihi Oy', domains: ['datariihi.fi'] });
  entity = { ref: org.entity.ref, name: org.entity.name, detail: '' };
});
afterAll(() => s.t.close());
expectNoContractViolations(() => s?.t);

interface GraphMessage {
  id: string;
  subject: string;
  from?: { emailAddress: { name: string; address: string } };
  toRecipients: Array<{ emailAddress: { name: string; address: string } }>;
  conversationId: string;
  internetMessageId: string;
  receivedDateTime: string;
}

/** Graph's ids of a message: the REST id it has now, and the immutable id it keeps for life. */
async function idsOf(anyId: string): Promise<{ restId: string; immutableId: string }> {
  const path = `/me/messages/${encodeURIComponent(anyId)}?$select=id`;
  const [rest, immutable] = await Promise.all([
    s.t.graphJson<{ id: string }>(path),
    s.t.graphJson<{ id: string }>(path, { headers: { Prefer: 'IdType="ImmutableId"' } }),
  ]);
  expect([rest.status, immutable.status]).toEqual([200, 200]);
  return { restId: rest.body.id, immutableId: immutable.body.id };
}

const sameId = (id: string) => id;

// Outlook on the web and desktop hand out EWS ids; Outlook mobile hands out REST ids and opens items by
// them ("Use the Outlook REST APIs from an Outlook add-in": Get the item ID).
test.each([
  ['Outlook on the web', 'OutlookWebApp', restToEws, 0],
  ['Outlook for iOS', 'OutlookIOS', sameId, 1],
])('%s: a message filed and then moved by triage still opens from its history entry', async (_client, hostName, officeIdOf, nth) => {
  // A seeded inbox message, as this Outlook hands it to the add-in.
  const select = 'id,subject,from,toRecipients,conversationId,internetMessageId,receivedDateTime';
  const inbox = (await s.t.graphJson<{ value: GraphMessage[] }>(`/me/mailFolders/inbox/messages?$top=100&$select=${select}`)).body.value;
  const m = inbox.filter((each) => each.from && each.from.emailAddress.address.endsWith('@datariihi.fi'))[nth]!;
  expect(m).toBeDefined();
  const before = await idsOf(m.id);
  expect(before.restId).toBe(m.id);
  expect(before.immutableId).not.toBe(before.restId);
  const { office, opened } = documentedOffice({
    hostName,
    item: {
      itemId: officeIdOf(m.id),
      itemType: 'message',
      subject: m.subject,
      from: { displayName: m.from!.emailAddress.name, emailAddress: m.from!.emailAddress.address },
      to: m.toRecipients.map((r) => ({ displayName: r.emailAddress.name, emailAddress: r.emailAddress.address })),
      cc: [],
      conversationId: m.conversationId,
      internetMessageId: m.internetMessageId,
      dateTimeCreated: new Date(m.receivedDateTime),
    },
  });
  const host = new OfficeJsHost(office);
  const open = await host.currentItem();
  expect(open).not.toBeNull();

  // Filed: the filing keeps the item's immutable id, not the REST id that a move changes.
  const filing = createFilingService({ store: s.store, graph: s.graph, self: s.t.user.userPrincipalName });
  const view = await filing.view(open!);
  expect(view.item).toMatchObject({ kind: 'message', immutableId: before.immutableId, mailbox: null });
  const { outcomes, tagged } = await filing.fileTo(view.item, [entity]);
  expect(outcomes.map((o) => o.status)).toEqual(['filed']);
  expect(tagged).toBe(true);

  // Triage moves it, as "Read later after filing" does: its REST id changes, its immutable id does not.
  const triage = triageHarness(s.t);
  const moved = await triage.service.triage('readLater', [view.item.immutableId]);
  expect(moved.failed).toEqual([]);
  const after = await idsOf(before.immutableId);
  expect(after.immutableId).toBe(before.immutableId);
  expect(after.restId).not.toBe(before.restId);
  expect((await s.t.graphFetch(`/me/messages/${encodeURIComponent(before.restId)}?$select=id`)).status).toBe(404);

  // History: the user's own filing opens in Outlook, as the timeline's click does.
  const page = await firstTimelinePage({ store: s.store, graph: s.graph, self: s.t.user.userPrincipalName }, [entity], null);
  const entry = page.entries.find((e) => e.kind === 'filing' && e.subject === m.subject);
  expect(entry?.open).toMatchObject({ in: 'own', kind: 'message' });
  const found = await findInOwnMailbox(s.graph, entry!.open!);
  expect(found).not.toBeNull();
  host.openItem(found!);
  // displayMessageForm got the id this Outlook opens items by, and it is the message's id now, after the move.
  expect(opened).toEqual([{ form: 'message', id: officeIdOf(after.restId) }]);
  expect((await s.t.graphFetch(`/me/messages/${encodeURIComponent(ewsToRest(opened[0]!.id))}?$select=id`)).status).toBe(200);
});
