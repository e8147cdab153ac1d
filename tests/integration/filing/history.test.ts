/**
 * The timeline beside a message, against the sandbox: colleagues' filings about a person and their
 * organisation, mixed with the user's own mail with them, newest first, each item once, paging.
 */
import type { EntitySummary } from '../../../src/domain/entities';
import type { FiledItem } from '../../../src/domain/itemKeys';
import { findInOwnMailbox, firstTimelinePage, nextTimelinePage, type TimelineSource } from '../../../src/services/timeline/timeline';
import { expectNoContractViolations, TEST_ANCHOR } from '../helpers/sandbox';
import { startTestStore, type TestStore } from '../helpers/store';

let s: TestStore;
let source: TimelineSource;
beforeAll(async () => {
  s = await startTestStore();
  source = { store: s.store, graph: s.graph, self: s.t.user.userPrincipalName, now: () => TEST_ANCHOR };
});
afterAll(() => s.t.close());
expectNoContractViolations(() => s?.t);

const summary = (o: { entity: { ref: EntitySummary['ref']; name: string } }): EntitySummary => ({ ref: o.entity.ref, name: o.entity.name, detail: '' });

interface GraphMessage {
  id: string;
  subject: string;
  internetMessageId: string;
  receivedDateTime: string;
  from: { emailAddress: { name: string; address: string } };
}

test('filings about the person and their organisation, and mail with them, newest first, each once; then the next page', async () => {
  const inbox = (await s.t.graphJson<{ value: GraphMessage[] }>('/me/mailFolders/inbox/messages?$top=200&$select=id,subject,internetMessageId,receivedDateTime,from', { headers: { Prefer: 'IdType="ImmutableId"' } })).body.value;
  const fromThem = inbox.filter((m) => m.from.emailAddress.address.endsWith('@datariihi.fi'));
  expect(fromThem.length).toBeGreaterThanOrEqual(2);
  const address = fromThem[0]!.from.emailAddress.address.toLowerCase();

  const org = summary(await s.store.createOrganisation({ name: 'Datariihi Oy', domains: ['datariihi.fi'] }));
  const person = summary(await s.store.createPerson({ name: 'Tuki', emails: [address], organisationId: org.ref.id }));
  const asItem = (m: GraphMessage): FiledItem => ({ kind: 'message', immutableId: m.id, internetMessageId: m.internetMessageId, subject: m.subject, date: m.receivedDateTime });
  // One of their mails filed to both (shows once), and twelve colleagues' notes about the organisation (pages).
  await s.storeAs({ name: 'Kari Kollega', upn: 'kari@seutuopisto.fi' }).file(asItem(fromThem[0]!), [person, org], 'Sopimus uusittu');
  for (let i = 0; i < 12; i++) {
    await s.store.file({ kind: 'note', immutableId: `note-${i}`, subject: `Puhelu ${i}`, date: `2026-0${1 + (i % 9)}-1${i % 10}T09:00:00Z` }, [org]);
  }

  const first = await firstTimelinePage(source, [person, org], address);
  const filed = first.entries.filter((e) => e.kind === 'filing' && e.subject === fromThem[0]!.subject);
  expect(filed).toEqual([expect.objectContaining({ kind: 'filing', filedBy: 'Kari Kollega', note: 'Sopimus uusittu' })]);
  // Their mail in the user's own mailbox is there too, but the filed one is not doubled as mail.
  expect(first.entries.some((e) => e.kind === 'mail' && e.subject === fromThem[0]!.subject)).toBe(false);
  const ownMail = first.entries.filter((e) => e.kind === 'mail');
  const fromAddress = fromThem.filter((m) => m.from.emailAddress.address.toLowerCase() === address);
  // Every other mail they sent is there (mail to them, from Sent Items, may be too).
  for (const m of fromAddress.slice(1)) expect(ownMail.map((e) => e.key)).toContain(`m:${m.id}`);
  const dates = first.entries.map((e) => e.date);
  expect(dates).toEqual([...dates].sort().reverse());
  expect(Object.keys(first.next)).toEqual([`organisation:${org.ref.id}`]);

  const second = await nextTimelinePage(source, [person, org], first.next);
  expect(second.entries.length).toBeGreaterThan(0);
  expect(second.entries.every((e) => e.kind === 'filing')).toBe(true);
  const firstKeys = new Set(first.entries.map((e) => e.key));
  expect(second.entries.some((e) => firstKeys.has(e.key))).toBe(false);
});

test('the same mail filed by two colleagues to different entities stays two entries, each with its own filer and note', async () => {
  const inbox = (await s.t.graphJson<{ value: GraphMessage[] }>('/me/mailFolders/inbox/messages?$top=200&$select=id,subject,internetMessageId,receivedDateTime,from', { headers: { Prefer: 'IdType="ImmutableId"' } })).body.value;
  const m = inbox.find((x) => x.from.emailAddress.address.endsWith('@datariihi.fi'))!;
  const item: FiledItem = { kind: 'message', immutableId: m.id, internetMessageId: m.internetMessageId, subject: m.subject, date: m.receivedDateTime };
  const person = summary(await s.store.createPerson({ name: 'Satu Kaksoiskirjattu', emails: ['satu.kaksoiskirjattu@esim-kaksi.fi'] }));
  const city = summary(await s.store.createOrganisation({ name: 'Harjulan kaupunki (testi)', domains: ['harjula-testi.fi'] }));
  await s.storeAs({ name: 'Timo Koskinen', upn: 'timo@seutuopisto.fi' }).file(item, [person], 'Tilastot lähetetty');
  await s.store.file(item, [city], 'Tilastopyyntö – vastaus lähetetty');

  const page = await firstTimelinePage(source, [person, city], null);
  const filed = page.entries.filter((e) => e.kind === 'filing' && e.subject === m.subject);
  expect(filed).toHaveLength(2);
  expect(filed).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ entityNames: ['Satu Kaksoiskirjattu'], filedBy: 'Timo Koskinen', note: 'Tilastot lähetetty' }),
      expect.objectContaining({ entityNames: ['Harjulan kaupunki (testi)'], note: 'Tilastopyyntö – vastaus lähetetty' }),
    ]),
  );
  expect(filed.find((e) => e.kind === 'filing' && e.note.startsWith('Tilastopyyntö'))).not.toMatchObject({ filedBy: 'Timo Koskinen' });
});

test('a mailbox search that fails still shows the record’s half', async () => {
  const org = summary(await s.store.createOrganisation({ name: 'Varma Oy', domains: ['varma-esim.fi'] }));
  await s.store.file({ kind: 'note', immutableId: 'note-varma', subject: 'Tapaaminen', date: '2026-10-01T09:00:00Z' }, [org]);
  s.t.sandbox.control.setFaults({ rules: [{ kind: '503', method: 'GET', pathPattern: '/me/messages' }] });
  try {
    const page = await firstTimelinePage(source, [org], 'someone@varma-esim.fi');
    expect(page.entries.map((e) => e.subject)).toEqual(['Tapaaminen']);
  } finally {
    s.t.sandbox.control.clearFaults();
  }
});

interface GraphEvent {
  id: string;
  subject: string;
  iCalUId: string;
  start: { dateTime: string };
  attendees: Array<{ emailAddress: { address: string } }>;
}

test('meetings with the person, past and upcoming, join the timeline; a colleague’s filed meeting and mail open from the user’s own mailbox', async () => {
  const window = `startDateTime=${new Date(TEST_ANCHOR.getTime() - 90 * 86_400_000).toISOString()}&endDateTime=${new Date(TEST_ANCHOR.getTime() + 60 * 86_400_000).toISOString()}`;
  const events = (await s.t.graphJson<{ value: GraphEvent[] }>(`/me/calendarView?${window}&$top=500&$select=id,subject,iCalUId,start,attendees`, { headers: { Prefer: 'IdType="ImmutableId"' } })).body.value;
  const self = s.t.user.userPrincipalName.toLowerCase();
  const attendee = events.flatMap((e) => e.attendees.map((a) => a.emailAddress.address.toLowerCase())).find((a) => a !== self)!;
  const theirs = events.filter((e) => e.attendees.some((a) => a.emailAddress.address.toLowerCase() === attendee));
  const page = await firstTimelinePage(source, [], attendee);
  const meetings = page.entries.filter((e) => e.kind === 'meeting');
  expect(meetings.length).toBeGreaterThan(0);
  for (const m of meetings) expect(theirs.map((e) => `e:${e.id}`)).toContain(m.key);
  expect(meetings.every((m) => m.kind === 'meeting' && m.upcoming === Date.parse(m.date) > TEST_ANCHOR.getTime())).toBe(true);
  expect(meetings.some((m) => m.kind === 'meeting' && m.upcoming)).toBe(true);
  expect(meetings.some((m) => m.kind === 'meeting' && !m.upcoming)).toBe(true);
  expect(meetings.every((m) => m.open?.in === 'own' && m.open.kind === 'event')).toBe(true);

  // Kari filed the same meeting from his calendar: its iCalUId finds it in ours.
  const meeting = theirs[0]!;
  const project = summary(await s.store.createProject({ name: 'Yhteishanke' }));
  await s.storeAs({ name: 'Kari Kollega', upn: 'kari@seutuopisto.fi' }).file({ kind: 'event', immutableId: 'karis-own-id', iCalUId: meeting.iCalUId, subject: meeting.subject, date: `${meeting.start.dateTime}Z` }, [project]);
  const filed = (await firstTimelinePage(source, [project], null)).entries[0]!;
  expect(filed.open).toEqual({ in: 'lookup', kind: 'event', iCalUId: meeting.iCalUId, date: expect.any(String) });
  // With its web link, which Outlook mobile opens for want of display forms.
  const webLink = expect.stringMatching(/^https:\/\/outlook\.office365\.com\/owa\//);
  expect(await findInOwnMailbox(s.graph, filed.open!)).toEqual({ kind: 'event', id: meeting.id, webLink });

  // Found by the id every copy shares, and handed to Office by the REST id it has now (the host makes it an EWS id).
  const inbox = (await s.t.graphJson<{ value: GraphMessage[] }>('/me/mailFolders/inbox/messages?$top=1&$select=id,subject,internetMessageId,receivedDateTime,from')).body.value[0]!;
  expect(await findInOwnMailbox(s.graph, { in: 'lookup', kind: 'message', internetMessageId: inbox.internetMessageId })).toEqual({ kind: 'message', id: inbox.id, webLink });
  const immutable = (await s.t.graphJson<{ value: GraphMessage[] }>('/me/mailFolders/inbox/messages?$top=1&$select=id', { headers: { Prefer: 'IdType="ImmutableId"' } })).body.value[0]!;
  expect(await findInOwnMailbox(s.graph, { in: 'own', kind: 'message', id: immutable.id })).toEqual({ kind: 'message', id: inbox.id, webLink });
  expect(await findInOwnMailbox(s.graph, { in: 'lookup', kind: 'message', internetMessageId: "<not-here-'quote'@example.org>" })).toBeNull();
});

test('an all-day meeting is a day, not midnight UTC: the timeline gives its date and says it lasts all day', async () => {
  const address = 'koko.paiva@kokopaiva.fi';
  const created = await s.t.graphJson<{ id: string; isAllDay: boolean }>('/me/events', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Prefer: 'IdType="ImmutableId"' },
    body: JSON.stringify({
      subject: 'Messupäivä',
      isAllDay: true,
      start: { dateTime: '2025-03-20T00:00:00', timeZone: 'UTC' },
      end: { dateTime: '2025-03-21T00:00:00', timeZone: 'UTC' },
      attendees: [{ emailAddress: { address, name: 'Koko Päivä' }, type: 'required' }],
    }),
  });
  expect(created.status).toBe(201);
  expect(created.body.isAllDay).toBe(true);
  const page = await firstTimelinePage(source, [], address);
  const entry = page.entries.find((e) => e.key === `e:${created.body.id}`);
  expect(entry).toMatchObject({ kind: 'meeting', allDay: true, date: '2025-03-20' });
});
