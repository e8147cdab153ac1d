/**
 * Linking the open meeting to the record in the sandbox: an occurrence or its whole series, keyed by
 * iCalUId so colleagues' calendars agree; notes of what was agreed; and suggestions from a warm index
 * in one round trip.
 */
import { appointmentSnapshot, type GraphEvent } from '../../../dev/playground/graphShapes';
import type { EntitySummary } from '../../../src/domain/entities';
import { itemKey } from '../../../src/domain/itemKeys';
import { createFilingService, type FilingService } from '../../../src/services/filing/filingService';
import type { AppointmentSnapshot, MessageSnapshot } from '../../../src/office/host';
import { createEntityIndex } from '../../../src/record/entityIndex';
import { SiteLists } from '../../../src/record/listItems';
import { expectNoContractViolations } from '../helpers/sandbox';
import { startTestStore, type TestStore } from '../helpers/store';

let s: TestStore;
let filing: FilingService;
let occurrences: AppointmentSnapshot[];
let project: EntitySummary;

const self = () => s.t.user.mail ?? s.t.user.userPrincipalName;
const summary = (o: { entity: { ref: EntitySummary['ref']; name: string } }): EntitySummary => ({ ref: o.entity.ref, name: o.entity.name, detail: '' });

beforeAll(async () => {
  s = await startTestStore();
  filing = createFilingService({ store: s.store, graph: s.graph, self: self() });
  const view = (await s.graph
    .api('/me/calendarView')
    .query({ startDateTime: '2025-03-01T00:00:00Z', endDateTime: '2025-04-30T00:00:00Z' })
    .select(['id', 'subject', 'start', 'end', 'organizer', 'attendees', 'type', 'seriesMasterId'])
    .top(500)
    .get()) as { value: GraphEvent[] };
  occurrences = view.value.filter((e) => e.type === 'occurrence').map(appointmentSnapshot);
  project = summary(await s.store.createProject({ name: 'Työelämäyhteistyö 2025' }));
});
afterAll(() => s.t.close());
expectNoContractViolations(() => s?.t);

/** Two occurrences of one series, as Outlook would describe them when opened; a consumed series is not handed out again. */
function twoOccurrences(consume = true): [AppointmentSnapshot, AppointmentSnapshot] {
  const bySeries = new Map<string, AppointmentSnapshot[]>();
  for (const o of occurrences) bySeries.set(o.seriesId!, [...(bySeries.get(o.seriesId!) ?? []), o]);
  const pair = [...bySeries.values()].find((list) => list.length >= 2);
  if (!pair) throw new Error('the seeded calendar has no series with two occurrences in March–April 2025');
  if (consume) occurrences = occurrences.filter((o) => o.seriesId !== pair[0]!.seriesId);
  return [pair[0]!, pair[1]!];
}

test('an occurrence offers itself and its series; a series link shows on every occurrence and in the project’s timeline', async () => {
  const [first, second] = twoOccurrences();
  const view = await filing.view(first);
  expect(view.item).toEqual(expect.objectContaining({ kind: 'event', immutableId: first.id, seriesMasterId: first.seriesId }));
  expect(view.series).toEqual(expect.objectContaining({ kind: 'series', immutableId: first.seriesId }));
  // Graph gives each occurrence its own iCalUId, and the series another: three distinct keys.
  expect(view.item.iCalUId).toBeTruthy();
  expect(view.series!.iCalUId).toBeTruthy();
  const secondView = await filing.view(second);
  expect(new Set([itemKey(view.item), itemKey(view.series!), itemKey(secondView.item)]).size).toBe(3);
  expect(itemKey(secondView.series!)).toBe(itemKey(view.series!));

  const { outcomes, tagged } = await filing.fileTo(view.series!, [project]);
  expect(outcomes.map((o) => o.status)).toEqual(['filed']);
  expect(tagged).toBe(true); // meetings get no category: nothing to fail

  const again = await filing.view(second);
  expect(again.filed.map((f) => [f.entityName, f.item.kind])).toEqual([[project.name, 'series']]);
  expect(again.suggestions.map((x) => x.entity.ref)).not.toContainEqual(project.ref);

  const timeline = await s.store.history([project.ref]);
  expect(timeline.filings.map((f) => [f.item.kind, f.item.subject])).toContainEqual(['series', first.subject]);
});

test('an occurrence link stays with that occurrence', async () => {
  const [first, second] = twoOccurrences();
  const view = await filing.view(first);
  await filing.fileTo(view.item, [project]);
  expect((await filing.view(first)).filed.map((f) => f.item.kind)).toEqual(['event']);
  expect((await filing.view(second)).filed).toEqual([]);
});

test('attendees known to the record are suggested, the organizer first', async () => {
  const [meeting] = twoOccurrences(false);
  const external = [meeting.organizer, ...meeting.requiredAttendees].filter((a) => a && a.address.toLowerCase() !== self().toLowerCase());
  const someone = external[0]!;
  const person = summary(await s.store.createPerson({ name: someone.name || someone.address, emails: [someone.address] }));
  const view = await filing.view(meeting);
  const role = meeting.organizer?.address.toLowerCase() === someone.address.toLowerCase() ? 'organizer' : 'attendee';
  expect(view.suggestions[0]).toEqual({ entity: expect.objectContaining({ ref: person.ref }), reason: { kind: 'person', role, address: someone.address.toLowerCase() } });
  expect(view.sender).toEqual(expect.objectContaining({ address: someone.address.toLowerCase() }));
});

test('what was agreed is filed to every entity the meeting is linked to, and reads in their timelines', async () => {
  const [meeting] = twoOccurrences();
  const organisation = summary(await s.store.createOrganisation({ name: 'Rakennus Kallio Oy', domains: ['rakennus-kallio.fi'] }));
  const view = await filing.view(meeting);
  expect(await filing.addMeetingNote(view, 'nothing is linked yet')).toEqual([]);
  await filing.fileTo(view.series!, [project, organisation]);
  const linked = await filing.view(meeting);
  const text = 'Sovittiin: 3 harjoittelupaikkaa syksyllä <b>ei HTML:ää</b> 🙂';
  const outcomes = await filing.addMeetingNote(linked, text, meeting.end!);
  expect(outcomes.map((o) => [o.entity.name, o.status])).toEqual([
    [project.name, 'filed'],
    [organisation.name, 'filed'],
  ]);
  const timeline = await s.store.history([organisation.ref]);
  const note = timeline.filings.find((f) => f.item.kind === 'note')!;
  expect(note).toEqual(expect.objectContaining({ note: text, item: expect.objectContaining({ subject: meeting.subject }) }));
  expect(Date.parse(note.item.date)).toBe(Date.parse(meeting.end!)); // SharePoint keeps whole seconds
});

test('a warm index names the participants locally: suggestions and Filed to cost one request', async () => {
  const index = createEntityIndex(new SiteLists(s.graph, s.location));
  await index.refresh();
  expect(index.state).toBe('warm');
  const warm = createFilingService({ store: s.store, graph: s.graph, self: self(), index });
  // Graph's default (REST) ids, as Office describes the open message once converted.
  const inbox = (
    await s.t.graphJson<{
      value: Array<{ id: string; subject: string; from: { emailAddress: { name: string; address: string } }; internetMessageId: string; receivedDateTime: string; conversationId: string }>;
    }>('/me/mailFolders/inbox/messages?$top=1&$select=id,subject,from,toRecipients,internetMessageId,receivedDateTime,conversationId')
  ).body;
  const m = inbox.value[0]!;
  const person = summary(await s.store.createPerson({ name: m.from.emailAddress.name, emails: [m.from.emailAddress.address] }));
  await index.refresh();
  const open: MessageSnapshot = {
    kind: 'message',
    id: m.id,
    officeItemId: m.id,
    mailbox: null,
    subject: m.subject,
    from: m.from.emailAddress,
    to: [],
    cc: [],
    conversationId: m.conversationId,
    internetMessageId: m.internetMessageId,
    receivedAt: m.receivedDateTime,
  };
  const immutableId = (await s.t.graphJson<{ id: string }>(`/me/messages/${encodeURIComponent(m.id)}?$select=id`, { headers: { Prefer: 'IdType="ImmutableId"' } })).body.id;
  s.t.sandbox.control.clearRequests();
  const view = await warm.view(open);
  expect(view.suggestions[0]?.entity.ref).toEqual(person.ref);
  const requests = s.t.sandbox.control.requests().filter((r) => r.url.includes('/v1.0/'));
  expect(requests.map((r) => `${r.method} ${new URL(r.url, 'https://x').pathname}`)).toEqual(['POST /v1.0/$batch']);
  // The message's immutable id came in that same request: its translation rode in the $batch.
  expect(view.item.immutableId).toBe(immutableId);
  expect(immutableId).not.toBe(m.id);
});
