/**
 * Filing the open message against the provisioned record in the sandbox: suggestions, "Filed to",
 * the Trail category on the message, and locating the record for daily use.
 */
import type { MessageSnapshot } from '../../../src/office/host';
import { createFilingService, FILED_CATEGORY, type FilingService } from '../../../src/services/filing/filingService';
import { forgetStoreLocation, locateStore, StoreNotSetUpError } from '../../../src/record/locate';
import { storeLocationKey } from '../../../src/services/storage/keys';
import { expectNoContractViolations, startTestSandbox } from '../helpers/sandbox';
import { startTestStore, TRAIL_SITE_URL, type TestStore } from '../helpers/store';

let s: TestStore;
let storage: Storage;
let filing: FilingService;

class MemoryStorage implements Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  private readonly map = new Map<string, string>();
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => void this.map.set(k, v);
  removeItem = (k: string) => void this.map.delete(k);
}

beforeAll(async () => {
  s = await startTestStore();
});
afterAll(() => s.t.close());
beforeEach(() => {
  storage = new MemoryStorage() as unknown as Storage;
  filing = createFilingService({ store: s.store, graph: s.graph, self: s.t.user.mail ?? s.t.user.userPrincipalName, storage });
});
expectNoContractViolations(() => s?.t);

interface GraphMessage {
  id: string;
  subject: string;
  from?: { emailAddress: { name: string; address: string } };
  toRecipients: Array<{ emailAddress: { name: string; address: string } }>;
  internetMessageId: string;
  receivedDateTime: string;
}
let inbox: GraphMessage[] = [];

/** The next unused seeded message whose sender passes the test, as the host would describe it (by its REST id). */
async function message(accept: (address: string, subject: string) => boolean, conversationId?: string): Promise<MessageSnapshot> {
  if (!inbox.length) {
    const select = 'id,subject,from,toRecipients,internetMessageId,receivedDateTime';
    inbox = (await s.t.graphJson<{ value: GraphMessage[] }>(`/me/mailFolders/inbox/messages?$top=200&$select=${select}`)).body.value;
  }
  const index = inbox.findIndex((m) => m.from && accept(m.from.emailAddress.address.toLowerCase(), m.subject));
  if (index < 0) throw new Error('the seeded inbox has no such message');
  const m = inbox.splice(index, 1)[0]!;
  return {
    kind: 'message',
    id: m.id,
    officeItemId: m.id,
    mailbox: null,
    subject: m.subject,
    from: m.from!.emailAddress,
    to: m.toRecipients.map((r) => r.emailAddress),
    cc: [],
    conversationId: conversationId ?? `conv-${m.id}`,
    internetMessageId: m.internetMessageId,
    receivedAt: m.receivedDateTime,
  };
}
const outside = (address: string) => !address.endsWith('@seutuopisto.fi') && !/@(gmail|outlook|hotmail)\./.test(address);

test('an unknown sender: no suggestions, the sender offered for creation; after creating and filing, the next mail from the domain suggests the organisation', async () => {
  // Two senders of one organisation in the seeded inbox: tuki@ and laskutus@datariihi.fi.
  const first = await message((a) => a.endsWith('@datariihi.fi'));
  const sender = first.from!.address.toLowerCase();
  const empty = await filing.view(first);
  expect(empty.suggestions).toEqual([]);
  expect(empty.unknown).toEqual([expect.objectContaining({ address: first.from!.address, domain: 'datariihi.fi', role: 'sender' })]);

  const org = await s.store.createOrganisation({ name: 'Datariihi Oy', domains: ['datariihi.fi'] });
  const person = await s.store.createPerson({ name: first.from!.name || sender, emails: [sender], organisationId: org.entity.ref.id });
  const summary = (o: typeof org | typeof person) => ('detail' in o.entity ? o.entity : { ref: o.entity.ref, name: o.entity.name, detail: '' });
  const { outcomes, tagged } = await filing.fileTo(empty.item, [summary(person), summary(org)]);
  expect(outcomes.map((o) => o.status)).toEqual(['filed', 'filed']);
  expect(tagged).toBe(true);
  const stored = await s.t.graphJson<{ categories: string[] }>(`/me/messages/${encodeURIComponent(first.id)}?$select=categories`);
  expect(stored.body.categories).toEqual([FILED_CATEGORY]);

  const again = await filing.view(first);
  expect(again.filed.map((f) => f.entityName).sort()).toEqual(['Datariihi Oy', person.entity.name].sort());
  expect(again.filed.every((f) => f.filedBy.upn === s.t.user.userPrincipalName)).toBe(true);
  expect(again.suggestions.map((x) => x.entity.name)).not.toContain('Datariihi Oy');

  const second = await message((a) => a.endsWith('@datariihi.fi') && a !== sender);
  const view = await filing.view(second);
  expect(view.suggestions[0]).toMatchObject({ entity: { name: 'Datariihi Oy' }, reason: { kind: 'domain', domain: 'datariihi.fi' } });
  expect(view.unknown.map((u) => u.address)).toEqual([second.from!.address]);
});

test('a reply in a filed thread suggests the thread’s projects', async () => {
  const project = await s.store.createProject({ name: 'Osaajahanke 2027' });
  const summary = { ref: project.entity.ref, name: project.entity.name, detail: '' };
  const first = await message(outside, 'conv-thread');
  await filing.fileTo((await filing.view(first)).item, [summary]);
  const reply = await message(outside, 'conv-thread');
  const view = await filing.view(reply);
  expect(view.suggestions.map((x) => [x.entity.name, x.reason.kind])).toContainEqual(['Osaajahanke 2027', 'conversation']);
});

test('filing twice files once; the category is added once and other categories are kept', async () => {
  const project = await s.store.createProject({ name: 'Kahdesti' });
  const summary = { ref: project.entity.ref, name: project.entity.name, detail: '' };
  const m = await message((_, subject) => subject.includes('<'));
  await s.t.graphFetch(`/me/messages/${encodeURIComponent(m.id)}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ categories: ['Red category'] }) });
  const item = (await filing.view(m)).item;
  await filing.fileTo(item, [summary]);
  const second = await filing.fileTo(item, [summary]);
  expect(second.outcomes.map((o) => o.status)).toEqual(['alreadyFiled']);
  const stored = await s.t.graphJson<{ categories: string[] }>(`/me/messages/${encodeURIComponent(m.id)}?$select=categories`);
  expect(stored.body.categories).toEqual(['Red category', FILED_CATEGORY]);
  // What the user filed to lately is suggested on the next mail.
  const other = await message(outside);
  expect((await filing.view(other)).suggestions.map((x) => [x.entity.name, x.reason.kind])).toContainEqual(['Kahdesti', 'recent']);
});

test('the record is located by site URL in two round trips, then from storage with none', async () => {
  const memory = new MemoryStorage();
  const remembered = { storage: memory, key: storeLocationKey(TRAIL_SITE_URL) };
  const first = await locateStore(s.graph, TRAIL_SITE_URL, remembered);
  expect(first).toEqual(s.location);
  s.t.sandbox.control.clearRequests();
  expect(await locateStore(s.graph, TRAIL_SITE_URL, remembered)).toEqual(s.location);
  expect(s.t.sandbox.control.requests().filter((r) => r.url.includes('/v1.0/'))).toEqual([]);
  forgetStoreLocation(remembered);
  expect(memory.getItem(`trail.location:${TRAIL_SITE_URL}`)).toBeNull();
});

test('a site without Trail’s lists says so, naming what is missing', async () => {
  const bare = await startTestSandbox();
  try {
    const graph = (await import('../../../src/graph/client')).createGraphClient({
      baseUrl: bare.sandbox.origin,
      tokens: new (await import('../../../src/auth/sandboxTokens')).SandboxTokenSource(bare.sandbox.origin),
    });
    const error = await locateStore(graph, TRAIL_SITE_URL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreNotSetUpError);
    expect((error as StoreNotSetUpError).missing).toContain('filings');
  } finally {
    await bare.close();
  }
});
