/**
 * Filing mail that lives in a shared mailbox, against the provisioned record in the sandbox: the
 * filing records which mailbox holds the item (its immutable id means nothing elsewhere), the Trail
 * category lands on the shared mailbox's copy, and history reads mail with the sender there.
 */
import type { EntitySummary } from '../../../src/domain/entities';
import { createFilingService, FILED_CATEGORY } from '../../../src/services/filing/filingService';
import { firstTimelinePage } from '../../../src/services/timeline/timeline';
import type { MessageSnapshot } from '../../../src/office/host';
import { SHARED_MAILBOX_ADDRESS } from '../../../dev/sandbox/seed';
import { TEST_ANCHOR } from '../helpers/sandbox';
import { storePerFile } from '../helpers/store';

const s = storePerFile({ clearFaultsAfterEach: false });

interface GraphMessage {
  id: string;
  subject: string;
  from: { emailAddress: { name: string; address: string } };
  toRecipients: Array<{ emailAddress: { name: string; address: string } }>;
  conversationId: string;
  internetMessageId: string;
  receivedDateTime: string;
  categories?: string[];
}

const IMMUTABLE = { Prefer: 'IdType="ImmutableId"' };
const sharedPath = `/users/${encodeURIComponent(SHARED_MAILBOX_ADDRESS)}`;
const summary = (o: { entity: { ref: EntitySummary['ref']; name: string } }): EntitySummary => ({ ref: o.entity.ref, name: o.entity.name, detail: '' });

/** The shared inbox with Graph's default (REST) ids, as Office describes its items once converted. */
async function sharedInbox(): Promise<GraphMessage[]> {
  const select = 'id,subject,from,toRecipients,conversationId,internetMessageId,receivedDateTime,categories';
  return (await s().t.graphJson<{ value: GraphMessage[] }>(`${sharedPath}/mailFolders/inbox/messages?$select=${select}`)).body.value;
}

const immutableIdOf = async (restId: string): Promise<string> =>
  (await s().t.graphJson<{ id: string }>(`${sharedPath}/messages/${encodeURIComponent(restId)}?$select=id`, { headers: IMMUTABLE })).body.id;

const snapshot = (m: GraphMessage): MessageSnapshot => ({
  kind: 'message',
  id: m.id,
  officeItemId: m.id,
  mailbox: SHARED_MAILBOX_ADDRESS,
  subject: m.subject,
  from: m.from.emailAddress,
  to: m.toRecipients.map((r) => r.emailAddress),
  cc: [],
  conversationId: m.conversationId,
  internetMessageId: m.internetMessageId,
  receivedAt: m.receivedDateTime,
});

test('a filing of shared-mailbox mail records the mailbox, and the category is set on that mailbox’s copy', async () => {
  const filing = createFilingService({ store: s().store, graph: s().graph, self: s().t.user.userPrincipalName });
  const message = (await sharedInbox()).find((m) => m.from.emailAddress.address.endsWith('@routasalo-konepaja.fi'))!;
  const open = snapshot(message);
  const immutableId = await immutableIdOf(message.id);
  const view = await filing.view(open);
  expect(view.item.mailbox).toBe(SHARED_MAILBOX_ADDRESS);
  // Translated in the shared mailbox (/users/{mailbox}/translateExchangeIds), where the id means something.
  expect(view.item.immutableId).toBe(immutableId);
  // The team address the mail was sent to is the organisation's own: never suggested as someone to file to.
  expect(view.unknown.map((u) => u.address)).toEqual([message.from.emailAddress.address]);

  const organisation = summary(await s().store.createOrganisation({ name: 'Konepaja Routasalo Oy', domains: ['routasalo-konepaja.fi'] }));
  const { outcomes, tagged } = await filing.fileTo(view.item, [organisation]);
  expect(outcomes.map((o) => o.status)).toEqual(['filed']);
  expect(tagged).toBe(true);

  // As SharePoint holds it: the Mailbox column of the filing row.
  const row = (await s().t.graphJson<{ value: Array<{ fields: Record<string, unknown> }> }>(
    `/sites/${encodeURIComponent(s().location.siteId)}/lists/${s().location.lists.filings}/items?$expand=fields($select=Mailbox,ImmutableId,FiledByUpn)`,
  )).body.value.find((r) => r.fields.ImmutableId === immutableId)!;
  expect(row.fields).toMatchObject({ Mailbox: SHARED_MAILBOX_ADDRESS, FiledByUpn: s().t.user.userPrincipalName });
  // And as the store reads it back.
  expect((await s().store.filingsOfItem(view.item)).map((f) => f.item.mailbox)).toEqual([SHARED_MAILBOX_ADDRESS]);

  const tag = await s().t.graphJson<{ categories: string[] }>(`${sharedPath}/messages/${encodeURIComponent(immutableId)}?$select=categories`, { headers: IMMUTABLE });
  expect(tag.body.categories).toContain(FILED_CATEGORY);
  // The id is the shared mailbox's: the user's own mailbox does not know it.
  expect((await s().t.graphFetch(`/me/messages/${encodeURIComponent(immutableId)}`, { headers: IMMUTABLE })).status).toBe(404);
});

test('history beside shared-mailbox mail shows the mail with the sender from that mailbox, opened by its internetMessageId', async () => {
  const message = (await sharedInbox()).find((m) => m.from.emailAddress.address.endsWith('@pihlajaharjunhoiva.fi'))!;
  const page = await firstTimelinePage(
    { store: s().store, graph: s().graph, self: s().t.user.userPrincipalName, mailbox: SHARED_MAILBOX_ADDRESS, now: () => TEST_ANCHOR },
    [],
    message.from.emailAddress.address,
  );
  const mail = page.entries.filter((e) => e.kind === 'mail');
  expect(mail.map((e) => e.subject)).toContain(message.subject);
  expect(mail.find((e) => e.subject === message.subject)!.open).toEqual({ in: 'lookup', kind: 'message', internetMessageId: message.internetMessageId });
});
