/**
 * Messages: listing with OData options and paging, get, update (flags), move/copy/delete with Exchange's
 * id semantics, translateExchangeIds, master categories, /me and mailbox settings.
 */
import { restToEws } from '../../../dev/sandbox/mail/ids';
import { FIXTURE_ARCHIVE_COUNT, FIXTURE_COLLEAGUE, FIXTURE_INBOX_COUNT, FIXTURE_SHARED, fixtureMailbox } from '../helpers/fixtureMailbox';
import { expectNoContractViolations, json, startTestSandbox, takeViolations, type TestSandbox } from '../helpers/sandbox';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ mailbox: fixtureMailbox });
});
afterAll(() => t.close());

interface Message {
  id: string;
  subject: string;
  isRead: boolean;
  receivedDateTime: string;
  parentFolderId: string;
  changeKey: string;
  categories: string[];
  importance: string;
  webLink: string;
  flag: { flagStatus: string; startDateTime?: { dateTime: string; timeZone: string }; dueDateTime?: { dateTime: string; timeZone: string }; completedDateTime?: { dateTime: string; timeZone: string } };
  [key: string]: unknown;
}
type Page<T> = { value: T[]; '@odata.nextLink'?: string; '@odata.count'?: number; '@odata.context': string };
type GraphErrorBody = { error: { code: string; message: string } };

const IMMUTABLE = { Prefer: 'IdType="ImmutableId"' };
const q = (text: string): string => encodeURIComponent(text);

async function firstInboxMessage(headers: Record<string, string> = {}): Promise<Message> {
  const page = await t.graphJson<Page<Message>>('/me/mailFolders/inbox/messages?$top=1', { headers });
  return page.body.value[0]!;
}

describe('listing', () => {
  test('default page: 10 newest first, with a nextLink', async () => {
    const page = await t.graphJson<Page<Message>>('/me/mailFolders/inbox/messages');
    expect(page.body.value).toHaveLength(10);
    const times = page.body.value.map((m) => m.receivedDateTime);
    expect([...times].sort().reverse()).toEqual(times);
    expect(page.body['@odata.nextLink']).toBe(`${t.graphUrl}/me/mailFolders/inbox/messages?$top=10&$skip=10`);
  });

  test('following nextLink reaches every message exactly once, then stops', async () => {
    const seen: string[] = [];
    let url: string | undefined = '/me/mailFolders/inbox/messages?$top=7&$select=subject';
    let pages = 0;
    while (url) {
      const page: { body: Page<Message> } = await t.graphJson<Page<Message>>(url);
      seen.push(...page.body.value.map((m) => m.id));
      url = page.body['@odata.nextLink'];
      pages++;
    }
    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(FIXTURE_INBOX_COUNT);
  });

  test('/me/messages spans all folders', async () => {
    const page = await t.graphJson<Page<Message>>('/me/messages?$top=100&$count=true');
    expect(page.body['@odata.count']).toBe(FIXTURE_INBOX_COUNT + FIXTURE_ARCHIVE_COUNT + 1);
    expect(page.body['@odata.nextLink']).toBeUndefined();
  });

  test('$select returns only the chosen properties (plus id and etag) and names them in the context', async () => {
    const page = await t.graphJson<Page<Record<string, unknown>>>('/me/messages?$top=2&$select=subject,isRead');
    expect(Object.keys(page.body.value[0]!).sort()).toEqual(['@odata.etag', 'id', 'isRead', 'subject']);
    expect(page.body['@odata.context']).toBe(`${t.graphUrl}/$metadata#users('${t.user.id}')/messages(subject,isRead)`);
  });

  test('$filter and $orderby', async () => {
    const unread = await t.graphJson<Page<Message>>(`/me/mailFolders/inbox/messages?$top=50&$filter=${q('isRead eq false')}`);
    expect(unread.body.value).toHaveLength(17);
    expect(unread.body.value.every((m) => !m.isRead)).toBe(true);

    // Outlook wants ordered properties filtered first (see the InefficientFilter test).
    const hanke = await t.graphJson<Page<Message>>(`/me/messages?$top=50&$filter=${q("subject ge 'A' and categories/any(c:c eq 'Hanke')")}&$orderby=${q('subject asc')}`);
    const subjects = hanke.body.value.map((m) => m.subject);
    expect(subjects.length).toBeGreaterThan(0);
    expect([...subjects].sort()).toEqual(subjects);

    const from = await t.graphJson<Page<Message>>(`/me/messages?$top=50&$filter=${q("from/emailAddress/address eq 'JUSSI@yritys.fi'")}`);
    expect(from.body.value.length).toBeGreaterThan(0);
    expect(from.body.value.every((m) => (m.from as { emailAddress: { address: string } }).emailAddress.address === 'jussi@yritys.fi')).toBe(true);

    const since = await t.graphJson<Page<Message>>(`/me/messages?$top=50&$filter=${q('receivedDateTime ge 2025-03-11T10:00:00Z')}`);
    expect(since.body.value.map((m) => m.subject)).toEqual(['Viesti 01', 'Viesti 02', 'Viesti 03', 'Viesti 04']);
  });

  test('$search matches subject words, newest first', async () => {
    const page = await t.graphJson<Page<Message>>(`/me/messages?$search=${q('"hanke"')}&$top=50`);
    expect(page.body.value.length).toBeGreaterThan(0);
    expect(page.body.value.every((m) => m.subject.includes('hanke'))).toBe(true);
  });

  test('$search refuses $orderby', async () => {
    const res = await t.graphJson<GraphErrorBody>(`/me/messages?$search=${q('"hanke"')}&$orderby=${q('receivedDateTime desc')}`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'ErrorInvalidParameter', message: "The query parameter '$orderBy' is not supported with '$search'." });
  });

  test('$search with KQL participants: and from: finds mail with an address, either way', async () => {
    const all = await t.graphJson<Page<Message>>(`/me/messages?$top=50&$select=from,toRecipients,ccRecipients`);
    const someone = (all.body.value[0]!.from as { emailAddress: { address: string } }).emailAddress.address;
    const people = (m: Message) => ['from', 'toRecipients', 'ccRecipients'].flatMap((k) => [(m as Record<string, unknown>)[k]].flat()).map((a) => (a as { emailAddress?: { address?: string } } | undefined)?.emailAddress?.address?.toLowerCase());
    const withThem = await t.graphJson<Page<Message>>(`/me/messages?$search=${q(`"participants:${someone}"`)}&$top=50&$select=from,toRecipients,ccRecipients`);
    expect(withThem.body.value.length).toBeGreaterThan(0);
    expect(withThem.body.value.every((m) => people(m).includes(someone.toLowerCase()))).toBe(true);
    const fromThem = await t.graphJson<Page<Message>>(`/me/messages?$search=${q(`"from:${someone}"`)}&$top=50&$select=from`);
    expect(fromThem.body.value.every((m) => (m.from as { emailAddress: { address: string } }).emailAddress.address === someone)).toBe(true);
  });

  test('Prefer outlook.body-content-type="text" returns plain-text bodies', async () => {
    const res = await t.graphJson<Page<Message>>('/me/mailFolders/inbox/messages?$top=1&$select=body', { headers: { Prefer: 'outlook.body-content-type="text"' } });
    expect(res.headers.get('preference-applied')).toBe('outlook.body-content-type="text"');
    expect(res.body.value[0]!.body).toEqual({ contentType: 'text', content: expect.stringMatching(/^Sisältö \d+$/) });
  });

  test('$filter with $orderby follows Outlook rule (InefficientFilter otherwise)', async () => {
    const ok = await t.graphJson<Page<Message>>(
      `/me/messages?$filter=${q("receivedDateTime ge 2025-03-01T00:00:00Z and flag/flagStatus eq 'notFlagged'")}&$orderby=${q('receivedDateTime desc')}`,
    );
    expect(ok.status).toBe(200);
    const bad = await t.graphJson<GraphErrorBody>(`/me/messages?$filter=${q("flag/flagStatus eq 'flagged'")}&$orderby=${q('receivedDateTime desc')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toEqual(expect.objectContaining({ code: 'InefficientFilter', message: 'The restriction or sort order is too complex for this operation.' }));
  });

  describe('invalid options', () => {
    test('a broken $filter is a 400 with OData wording', async () => {
      const res = await t.graphJson<GraphErrorBody>(`/me/messages?$filter=${q('isRead eq')}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^Invalid filter clause/);
      // The checker does not parse $filter expressions (dev/contract/README.md, "Not checked").
      expect(takeViolations(t)).toEqual([]);
    });

    test('an unknown $select property is refused', async () => {
      const res = await t.graphJson<GraphErrorBody>('/me/messages?$select=subjekt');
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe("Could not find a property named 'subjekt' on type 'microsoft.graph.message'.");
      expect(takeViolations(t)).toEqual(['GET /v1.0/me/messages?$select=subjekt']);
    });

    test('$select is checked against the type, so an empty folder accepts known properties and still refuses unknown ones', async () => {
      const ok = await t.graphJson<Page<Message>>('/me/mailFolders/drafts/messages?$select=subject,from,flag');
      expect(ok.status).toBe(200);
      expect(ok.body.value).toEqual([]);
      const bad = await t.graphJson<GraphErrorBody>('/me/mailFolders/drafts/messages?$select=subjekt');
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toBe("Could not find a property named 'subjekt' on type 'microsoft.graph.message'.");
      takeViolations(t);
    });
  });
});

describe('get and update', () => {
  test('a message has Graph id-like properties', async () => {
    const m = await firstInboxMessage();
    const got = await t.graphJson<Message>(`/me/messages/${m.id}`);
    expect(got.body).toMatchObject({ id: m.id, changeKey: m.changeKey, parentFolderId: m.parentFolderId });
    expect(got.body.webLink).toBe(`https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(m.id)}&exvsurl=1&viewmodel=ReadMessageItem`);
    expect(got.body['@odata.context']).toBe(`${t.graphUrl}/$metadata#users('${t.user.id}')/messages/$entity`);
  });

  test('PATCH isRead, categories and importance; the changeKey changes', async () => {
    const m = await firstInboxMessage();
    const patched = await t.graphJson<Message>(`/me/messages/${m.id}`, json('PATCH', { isRead: true, categories: ['ASAP'], importance: 'high' }));
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ isRead: true, categories: ['ASAP'], importance: 'high' });
    expect(patched.body.changeKey).not.toBe(m.changeKey);
    expect((await t.graphJson<Message>(`/me/messages/${m.id}`)).body.isRead).toBe(true);
  });

  test('If-Match with a stale etag is 412; with the current one the update goes through', async () => {
    const m = await firstInboxMessage();
    const etag = m['@odata.etag'] as string;
    expect((await t.graphFetch(`/me/messages/${m.id}`, json('PATCH', { isRead: false }, { 'If-Match': etag }))).status).toBe(200);
    const stale = await t.graphJson<GraphErrorBody>(`/me/messages/${m.id}`, json('PATCH', { isRead: true }, { 'If-Match': etag }));
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('ErrorIrresolvableConflict');
  });

  test('flagging with start and due dates stores them in UTC', async () => {
    const m = await firstInboxMessage();
    const flag = {
      flagStatus: 'flagged',
      startDateTime: { dateTime: '2025-03-12T09:00:00', timeZone: 'FLE Standard Time' },
      dueDateTime: { dateTime: '2025-03-14T17:00:00', timeZone: 'FLE Standard Time' },
    };
    const res = await t.graphJson<Message>(`/me/messages/${m.id}`, json('PATCH', { flag }));
    expect(res.body.flag).toEqual({
      flagStatus: 'flagged',
      startDateTime: { dateTime: '2025-03-12T07:00:00.0000000', timeZone: 'UTC' },
      dueDateTime: { dateTime: '2025-03-14T15:00:00.0000000', timeZone: 'UTC' },
    });
  });

  test('completing a flag sets completedDateTime', async () => {
    const m = await firstInboxMessage();
    const res = await t.graphJson<Message>(`/me/messages/${m.id}`, json('PATCH', { flag: { flagStatus: 'complete' } }));
    expect(res.body.flag.flagStatus).toBe('complete');
    expect(res.body.flag.completedDateTime?.timeZone).toBe('UTC');
    const cleared = await t.graphJson<Message>(`/me/messages/${m.id}`, json('PATCH', { flag: { flagStatus: 'notFlagged' } }));
    expect(cleared.body.flag).toEqual({ flagStatus: 'notFlagged' });
  });

  test('a due date without a start date is 400 ErrorInvalidArgument', async () => {
    const m = await firstInboxMessage();
    const res = await t.graphJson<GraphErrorBody>(
      `/me/messages/${m.id}`,
      json('PATCH', { flag: { flagStatus: 'flagged', dueDateTime: { dateTime: '2025-03-14T17:00:00', timeZone: 'UTC' } } }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual(expect.objectContaining({ code: 'ErrorInvalidArgument', message: 'The request is invalid.' }));
  });

  test('draft-only properties are refused on received mail', async () => {
    const m = await firstInboxMessage();
    const res = await t.graphJson<GraphErrorBody>(`/me/messages/${m.id}`, json('PATCH', { from: { emailAddress: { address: 'x@example.fi' } } }));
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual(expect.objectContaining({ code: 'ErrorInvalidPropertySet', message: 'Message is not draft.' }));
  });

  describe('invalid bodies', () => {
    test('an unknown property is OData 400 RequestBodyRead', async () => {
      const m = await firstInboxMessage();
      const res = await t.graphJson<GraphErrorBody>(`/me/messages/${m.id}`, json('PATCH', { flagstatus: 'flagged' }));
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('RequestBodyRead');
      expect(takeViolations(t)).toEqual([`PATCH /v1.0/me/messages/${m.id}`]);
    });

    test('ids: malformed is 400, unknown is 404', async () => {
      expect((await t.graphJson<GraphErrorBody>('/me/messages/%25%25')).body.error.code).toBe('ErrorInvalidIdMalformed');
      const missing = await t.graphJson<GraphErrorBody>('/me/messages/AAMkADnothingHere000000000000000000=');
      expect(missing.status).toBe(404);
      expect(missing.body.error).toEqual(expect.objectContaining({ code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' }));
    });
  });
});

describe('move, copy, delete', () => {
  test('move without immutable ids: 201, a new id in the new folder, the old id 404s', async () => {
    const m = await firstInboxMessage();
    const archive = await t.graphJson<{ id: string }>('/me/mailFolders/archive');
    const moved = await t.graphJson<Message>(`/me/messages/${m.id}/move`, json('POST', { destinationId: 'archive' }));
    expect(moved.status).toBe(201);
    expect(moved.body.parentFolderId).toBe(archive.body.id);
    expect(moved.body.id).not.toBe(m.id);
    expect(moved.body.subject).toBe(m.subject);
    expect((await t.graphFetch(`/me/messages/${m.id}`)).status).toBe(404);
    expect((await t.graphJson<Message>(`/me/messages/${moved.body.id}`)).body.parentFolderId).toBe(archive.body.id);
  });

  test('move with Prefer IdType="ImmutableId": the id stays the same', async () => {
    const m = await firstInboxMessage(IMMUTABLE);
    expect(m.id).toMatch(/^AAkALgAA/);
    const folder = await t.graphJson<{ id: string }>('/me/mailFolders', json('POST', { displayName: 'Lue myöhemmin' }));
    const moved = await t.graphJson<Message>(`/me/messages/${m.id}/microsoft.graph.move`, json('POST', { destinationId: folder.body.id }, IMMUTABLE));
    expect(moved.status).toBe(201);
    expect(moved.body.id).toBe(m.id);
    expect(moved.body.parentFolderId).toBe(folder.body.id);
    const again = await t.graphJson<Message>(`/me/messages/${m.id}`, { headers: IMMUTABLE });
    expect(again.body.parentFolderId).toBe(folder.body.id);
  });

  test('an immutable id is accepted without the Prefer header, and the answer uses rest ids', async () => {
    const m = await firstInboxMessage(IMMUTABLE);
    const got = await t.graphJson<Message>(`/me/messages/${m.id}`);
    expect(got.status).toBe(200);
    expect(got.body.id).toMatch(/^AAMkAD/);
  });

  test('copy leaves the original and makes a new message', async () => {
    const m = await firstInboxMessage();
    const copy = await t.graphJson<Message>(`/me/messages/${m.id}/copy`, json('POST', { destinationId: 'drafts' }));
    expect(copy.status).toBe(201);
    expect(copy.body.id).not.toBe(m.id);
    expect(copy.body.subject).toBe(m.subject);
    expect((await t.graphFetch(`/me/messages/${m.id}`)).status).toBe(200);
  });

  test('delete moves to Deleted Items; deleting it there removes it', async () => {
    const m = await firstInboxMessage(IMMUTABLE);
    expect((await t.graphFetch(`/me/messages/${m.id}`, { method: 'DELETE' })).status).toBe(204);
    const deletedItems = await t.graphJson<{ id: string }>('/me/mailFolders/deleteditems');
    const inTrash = await t.graphJson<Message>(`/me/messages/${m.id}`, { headers: IMMUTABLE });
    expect(inTrash.body.parentFolderId).toBe(deletedItems.body.id);
    expect((await t.graphFetch(`/me/messages/${m.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await t.graphFetch(`/me/messages/${m.id}`, { headers: IMMUTABLE })).status).toBe(404);
  });

  test('a message can be addressed under its folder, and only there', async () => {
    const m = await firstInboxMessage();
    expect((await t.graphFetch(`/me/mailFolders/inbox/messages/${m.id}`)).status).toBe(200);
    expect((await t.graphFetch(`/me/mailFolders/archive/messages/${m.id}`)).status).toBe(404);
  });
});

describe('delta', () => {
  type DeltaPage = { value: Array<{ id: string; subject?: string; '@removed'?: { reason: string } }>; '@odata.nextLink'?: string; '@odata.deltaLink'?: string };

  async function drain(url: string, headers: Record<string, string> = {}): Promise<{ items: DeltaPage['value']; deltaLink: string }> {
    const items: DeltaPage['value'] = [];
    let next: string | undefined = url;
    for (;;) {
      const page: { body: DeltaPage } = await t.graphJson<DeltaPage>(next, { headers });
      items.push(...page.body.value);
      if (page.body['@odata.deltaLink']) return { items, deltaLink: page.body['@odata.deltaLink'] };
      next = page.body['@odata.nextLink'];
      if (!next) throw new Error('delta page without nextLink or deltaLink');
    }
  }

  test('first round returns the folder in pages, then only changes and removals', async () => {
    const folder = await t.graphJson<{ id: string }>('/me/mailFolders', json('POST', { displayName: 'Delta-kansio' }));
    const two = (await t.graphJson<Page<Message>>('/me/mailFolders/inbox/messages?$top=2')).body.value;
    const moved = [] as Message[];
    for (const m of two) moved.push((await t.graphJson<Message>(`/me/messages/${m.id}/move`, json('POST', { destinationId: folder.body.id }))).body);

    const prefer = { Prefer: 'odata.maxpagesize=1' };
    const first = await drain(`/me/mailFolders/${folder.body.id}/messages/delta?$select=subject,isRead`, prefer);
    expect(first.items.map((i) => i.id).sort()).toEqual(moved.map((m) => m.id).sort());

    await t.graphJson(`/me/messages/${moved[0]!.id}`, json('PATCH', { isRead: true }));
    await t.graphJson(`/me/messages/${moved[1]!.id}/move`, json('POST', { destinationId: 'archive' }));
    const second = await drain(first.deltaLink);
    expect(second.items).toEqual([
      expect.objectContaining({ id: moved[0]!.id, isRead: true }),
      { '@odata.type': '#microsoft.graph.message', id: moved[1]!.id, '@removed': { reason: 'deleted' } },
    ]);
    const third = await drain(second.deltaLink);
    expect(third.items).toEqual([]);
  });

  test('an unknown delta token is 410 Gone', async () => {
    const res = await t.graphFetch('/me/mailFolders/inbox/messages/delta?$deltatoken=nope');
    expect(res.status).toBe(410);
  });
});

describe('translateExchangeIds', () => {
  test('rest ↔ immutable and the binary formats round-trip', async () => {
    const rest = await firstInboxMessage();
    const immutable = await t.graphJson<Message>(`/me/messages/${rest.id}`, { headers: IMMUTABLE });
    const toImmutable = await t.graphJson<{ value: Array<{ sourceId: string; targetId: string }> }>(
      '/me/translateExchangeIds',
      json('POST', { inputIds: [rest.id], sourceIdType: 'restId', targetIdType: 'restImmutableEntryId' }),
    );
    expect(toImmutable.body.value).toEqual([{ sourceId: rest.id, targetId: immutable.body.id }]);

    const toEntry = await t.graphJson<{ value: Array<{ targetId: string }> }>(
      '/me/translateExchangeIds',
      json('POST', { inputIds: [immutable.body.id], sourceIdType: 'restImmutableEntryId', targetIdType: 'entryId' }),
    );
    const entryId = toEntry.body.value[0]!.targetId;
    expect(entryId).toMatch(/^[A-Za-z0-9_-]+[012]$/);
    const back = await t.graphJson<{ value: Array<{ targetId: string }> }>(
      '/me/translateExchangeIds',
      json('POST', { inputIds: [entryId], sourceIdType: 'entryId', targetIdType: 'restId' }),
    );
    expect(back.body.value[0]!.targetId).toBe(rest.id);
  });

  test('an id that cannot be converted gets errorDetails', async () => {
    const res = await t.graphJson<{ value: Array<Record<string, unknown>> }>(
      '/me/translateExchangeIds',
      json('POST', { inputIds: ['AAMkADunknown00000000000000000000='], sourceIdType: 'restId', targetIdType: 'ewsId' }),
    );
    expect(res.body.value[0]).toEqual({ sourceId: 'AAMkADunknown00000000000000000000=', errorDetails: expect.objectContaining({ code: expect.any(String) }) });
  });

  test('a shared mailbox translates its own ids at /users/{upn}/translateExchangeIds ("user: translateExchangeIds"); /me does not know them', async () => {
    const shared = `/users/${encodeURIComponent(FIXTURE_SHARED.userPrincipalName)}`;
    const rest = (await t.graphJson<Page<Message>>(`${shared}/mailFolders/inbox/messages?$top=2&$select=id`)).body.value.map((m) => m.id);
    const immutable = await Promise.all(rest.map(async (id) => (await t.graphJson<Message>(`${shared}/messages/${id}?$select=id`, { headers: IMMUTABLE })).body.id));
    // Office hands out EWS ids: a whole selection goes in one call.
    const translated = await t.graphJson<{ value: Array<{ sourceId: string; targetId?: string }> }>(
      `${shared}/translateExchangeIds`,
      json('POST', { inputIds: rest.map(restToEws), sourceIdType: 'ewsId', targetIdType: 'restImmutableEntryId' }),
    );
    expect(translated.status).toBe(200);
    expect(translated.body.value).toEqual(rest.map((id, i) => ({ sourceId: restToEws(id), targetId: immutable[i] })));
    const fromMe = await t.graphJson<{ value: Array<{ targetId?: string; errorDetails?: unknown }> }>(
      '/me/translateExchangeIds',
      json('POST', { inputIds: rest, sourceIdType: 'restId', targetIdType: 'restImmutableEntryId' }),
    );
    expect(fromMe.body.value.every((r) => r.targetId === undefined && r.errorDetails)).toBe(true);
  });

  test('a mailbox the user has no access to refuses translation as it refuses reads', async () => {
    const res = await t.graphFetch(`/users/${FIXTURE_COLLEAGUE.id}/translateExchangeIds`, json('POST', { inputIds: ['AAMkADunknown00000000000000000000='], sourceIdType: 'restId', targetIdType: 'ewsId' }));
    expect(res.status).toBe((await t.graphFetch(`/users/${FIXTURE_COLLEAGUE.id}/mailFolders/inbox`)).status);
  });

  test('an unknown id type is a 400', async () => {
    const res = await t.graphFetch('/me/translateExchangeIds', json('POST', { inputIds: ['x'], sourceIdType: 'restId', targetIdType: 'graphId' }));
    expect(res.status).toBe(400);
    expect(takeViolations(t)).toEqual(['POST /v1.0/me/translateExchangeIds']);
  });
});

describe('master categories', () => {
  test('list, create (201) and a duplicate name (409)', async () => {
    const list = await t.graphJson<{ value: Array<{ displayName: string; color: string }> }>('/me/outlook/masterCategories');
    expect(list.body.value.map((c) => c.displayName)).toEqual(expect.arrayContaining(['Hanke', 'Red category']));
    const created = await t.graphJson<{ id: string; displayName: string; color: string }>('/me/outlook/masterCategories', json('POST', { displayName: 'Trail', color: 'preset9' }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ displayName: 'Trail', color: 'preset9' });
    expect((await t.graphFetch('/me/outlook/masterCategories', json('POST', { displayName: 'trail', color: 'preset1' }))).status).toBe(409);
  });
});

describe('user and mailbox settings', () => {
  test('/me with $select', async () => {
    const me = await t.graphJson<Record<string, unknown>>('/me?$select=displayName,mail');
    expect(me.body).toEqual({ '@odata.context': `${t.graphUrl}/$metadata#users(displayName,mail)/$entity`, displayName: 'Aino Virtanen', mail: 'aino.virtanen@seutuopisto.fi', id: t.user.id });
  });

  test('mailbox settings give the time zone and language', async () => {
    const settings = await t.graphJson<{ timeZone: string; language: { locale: string }; workingHours: { daysOfWeek: string[] } }>('/me/mailboxSettings');
    expect(settings.status).toBe(200);
    expect(settings.body).toMatchObject({ timeZone: 'FLE Standard Time', language: { locale: 'fi-FI' } });
    expect(settings.body.workingHours.daysOfWeek).toHaveLength(5);
  });
});

expectNoContractViolations(() => t);
