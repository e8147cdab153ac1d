/**
 * Events and the calendar view: listing, recurrence expansion across a DST change, Prefer: outlook.timezone,
 * occurrences (get, change, cancel), create/update/delete, transactionId and getSchedule.
 */
import { restToEws } from '../../../dev/sandbox/mail/ids';
import { FIXTURE_EVENTS, FIXTURE_USER, fixtureMailbox } from '../helpers/fixtureMailbox';
import { expectNoContractViolations, json, startTestSandbox, takeViolations, type TestSandbox } from '../helpers/sandbox';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ mailbox: fixtureMailbox });
});
afterAll(() => t.close());

interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}
interface GraphEvent {
  id: string;
  subject: string;
  type: string;
  seriesMasterId: string | null;
  iCalUId: string;
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
  recurrence: unknown;
  [key: string]: unknown;
}
type Page<T> = { value: T[]; '@odata.nextLink'?: string };

const view = (from: string, to: string, extra = ''): string => `/me/calendarView?startDateTime=${from}&endDateTime=${to}${extra}`;

async function eventNamed(subject: string): Promise<GraphEvent> {
  const page = await t.graphJson<Page<GraphEvent>>('/me/events?$top=50');
  return page.body.value.find((e) => e.subject === subject)!;
}

test('/me/events lists series masters and single instances, not occurrences', async () => {
  const page = await t.graphJson<Page<GraphEvent>>('/me/events?$top=50');
  expect(page.body.value.map((e) => [e.subject, e.type]).sort()).toEqual(
    [
      [FIXTURE_EVENTS.daily, 'seriesMaster'],
      [FIXTURE_EVENTS.single, 'singleInstance'],
      [FIXTURE_EVENTS.weekly, 'seriesMaster'],
    ].sort(),
  );
  const masters = await t.graphJson<Page<GraphEvent>>(`/me/events?$filter=${encodeURIComponent("type eq 'seriesMaster'")}`);
  expect(masters.body.value).toHaveLength(2);
  expect(masters.body.value[0]!.recurrence).not.toBeNull();
});

test('calendarView expands series into occurrences, ordered by start', async () => {
  const page = await t.graphJson<Page<GraphEvent>>(view('2025-03-10T00:00:00Z', '2025-03-15T00:00:00Z', '&$top=50'));
  const rows = page.body.value.map((e) => `${e.start.dateTime.slice(0, 16)} ${e.subject} ${e.type}`);
  expect(rows).toEqual([
    `2025-03-10T06:30 ${FIXTURE_EVENTS.daily} occurrence`,
    `2025-03-10T07:00 ${FIXTURE_EVENTS.weekly} occurrence`,
    `2025-03-11T06:30 ${FIXTURE_EVENTS.daily} occurrence`,
    `2025-03-12T06:30 ${FIXTURE_EVENTS.daily} occurrence`,
    `2025-03-12T07:00 ${FIXTURE_EVENTS.weekly} occurrence`,
    `2025-03-13T06:30 ${FIXTURE_EVENTS.daily} occurrence`,
    `2025-03-13T08:00 ${FIXTURE_EVENTS.single} singleInstance`,
    `2025-03-14T06:30 ${FIXTURE_EVENTS.daily} occurrence`,
  ]);
  expect(page.body.value.every((e) => e.start.timeZone === 'UTC')).toBe(true);
  const weekly = await eventNamed(FIXTURE_EVENTS.weekly);
  const occurrence = page.body.value.find((e) => e.subject === FIXTURE_EVENTS.weekly)!;
  expect(occurrence.seriesMasterId).toBe(weekly.id);
  // Graph: iCalUId "is different for each occurrence in a recurring series"; Exchange puts the date in the GOID.
  const occurrences = page.body.value.filter((e) => e.subject === FIXTURE_EVENTS.weekly);
  expect(new Set(occurrences.map((e) => e.iCalUId)).size).toBe(occurrences.length);
  expect(occurrence.iCalUId).not.toBe(weekly.iCalUId);
  expect(occurrence.iCalUId.slice(40)).toBe(weekly.iCalUId.slice(40));
  expect(occurrence.id).not.toBe(weekly.id);
});

test('a series keeps its local time across the DST change (09:00 Helsinki)', async () => {
  const page = await t.graphJson<Page<GraphEvent>>(view('2025-03-24T00:00:00Z', '2025-04-03T00:00:00Z'));
  expect(page.body.value.map((e) => e.start.dateTime)).toEqual([
    '2025-03-24T07:00:00.0000000',
    '2025-03-26T07:00:00.0000000',
    '2025-03-31T06:00:00.0000000',
    '2025-04-02T06:00:00.0000000',
  ]);
});

test('Prefer: outlook.timezone returns times in that zone and says so', async () => {
  const res = await t.graphJson<Page<GraphEvent>>(view('2025-03-24T00:00:00Z', '2025-04-03T00:00:00Z'), {
    headers: { Prefer: 'outlook.timezone="FLE Standard Time"' },
  });
  expect(res.headers.get('preference-applied')).toBe('outlook.timezone="FLE Standard Time"');
  expect(res.body.value.map((e) => e.start)).toEqual(
    ['2025-03-24', '2025-03-26', '2025-03-31', '2025-04-02'].map((d) => ({ dateTime: `${d}T09:00:00.0000000`, timeZone: 'FLE Standard Time' })),
  );
});

test('calendarView pages with nextLink and keeps the window', async () => {
  const first = await t.graphJson<Page<GraphEvent>>(view('2025-03-10T00:00:00Z', '2025-03-15T00:00:00Z', '&$top=3'));
  expect(first.body.value).toHaveLength(3);
  const next = first.body['@odata.nextLink']!;
  expect(next).toContain('startDateTime=2025-03-10T00');
  const all: GraphEvent[] = [...first.body.value];
  let url: string | undefined = next;
  while (url) {
    const page: { body: Page<GraphEvent> } = await t.graphJson<Page<GraphEvent>>(url);
    all.push(...page.body.value);
    url = page.body['@odata.nextLink'];
  }
  expect(all).toHaveLength(8);
});

test('instances of a series, and one occurrence by its id', async () => {
  const weekly = await eventNamed(FIXTURE_EVENTS.weekly);
  const instances = await t.graphJson<Page<GraphEvent>>(`/me/events/${weekly.id}/instances?startDateTime=2025-03-17T00:00:00Z&endDateTime=2025-03-24T00:00:00Z`);
  expect(instances.body.value.map((e) => [e.type, e.start.dateTime])).toEqual([
    ['occurrence', '2025-03-17T07:00:00.0000000'],
    ['occurrence', '2025-03-19T07:00:00.0000000'],
  ]);
  const one = await t.graphJson<GraphEvent>(`/me/events/${instances.body.value[1]!.id}`);
  expect(one.body).toMatchObject({ type: 'occurrence', seriesMasterId: weekly.id, subject: FIXTURE_EVENTS.weekly });
});

test('translateExchangeIds knows an occurrence by its own id, in EWS form too', async () => {
  const weekly = await eventNamed(FIXTURE_EVENTS.weekly);
  const instances = await t.graphJson<Page<GraphEvent>>(`/me/events/${weekly.id}/instances?startDateTime=2025-03-17T00:00:00Z&endDateTime=2025-03-24T00:00:00Z`);
  const occurrenceId = instances.body.value[0]!.id;
  const immutable = (await t.graphJson<GraphEvent>(`/me/events/${occurrenceId}?$select=id`, { headers: { Prefer: 'IdType="ImmutableId"' } })).body.id;
  const res = await t.graphJson<{ value: Array<{ sourceId: string; targetId?: string }> }>(
    '/me/translateExchangeIds',
    json('POST', { inputIds: [restToEws(occurrenceId)], sourceIdType: 'ewsId', targetIdType: 'restImmutableEntryId' }),
  );
  expect(res.body.value).toEqual([{ sourceId: restToEws(occurrenceId), targetId: immutable }]);
  const back = await t.graphJson<{ value: Array<{ targetId?: string }> }>('/me/translateExchangeIds', json('POST', { inputIds: [immutable], sourceIdType: 'restImmutableEntryId', targetIdType: 'restId' }));
  expect(back.body.value[0]!.targetId).toBe(occurrenceId);
});

test('changing one occurrence makes an exception; deleting one cancels only it', async () => {
  const page = await t.graphJson<Page<GraphEvent>>(view('2025-04-07T00:00:00Z', '2025-04-10T00:00:00Z'));
  const [monday, wednesday] = page.body.value;
  const changed = await t.graphJson<GraphEvent>(`/me/events/${monday!.id}`, json('PATCH', { subject: 'Siirretty palaveri' }));
  expect(changed.body).toMatchObject({ type: 'exception', subject: 'Siirretty palaveri' });
  expect((await t.graphFetch(`/me/events/${wednesday!.id}`, { method: 'DELETE' })).status).toBe(204);
  const after = await t.graphJson<Page<GraphEvent>>(view('2025-04-07T00:00:00Z', '2025-04-10T00:00:00Z'));
  expect(after.body.value.map((e) => [e.subject, e.type])).toEqual([['Siirretty palaveri', 'exception']]);
  expect((await t.graphFetch(`/me/events/${wednesday!.id}`)).status).toBe(404);
});

test('create, read, update and delete an event', async () => {
  const created = await t.graphJson<GraphEvent>(
    '/me/events',
    json('POST', {
      subject: 'Varattu aika: vastaa Liisalle',
      body: { contentType: 'html', content: '<p>Viestin sisältö</p>' },
      start: { dateTime: '2025-03-14T13:00:00', timeZone: 'FLE Standard Time' },
      end: { dateTime: '2025-03-14T14:00:00', timeZone: 'FLE Standard Time' },
      showAs: 'busy',
    }),
  );
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({
    type: 'singleInstance',
    isOrganizer: true,
    originalStartTimeZone: 'FLE Standard Time',
    start: { dateTime: '2025-03-14T11:00:00.0000000', timeZone: 'UTC' },
    organizer: { emailAddress: { address: FIXTURE_USER.mail } },
  });
  const inView = await t.graphJson<Page<GraphEvent>>(view('2025-03-14T10:00:00Z', '2025-03-14T12:00:00Z'));
  expect(inView.body.value.map((e) => e.id)).toContain(created.body.id);
  const updated = await t.graphJson<GraphEvent>(`/me/events/${created.body.id}`, json('PATCH', { subject: 'Vastattu' }));
  expect(updated.body.subject).toBe('Vastattu');
  expect((await t.graphFetch(`/me/events/${created.body.id}`, { method: 'DELETE' })).status).toBe(204);
  expect((await t.graphFetch(`/me/events/${created.body.id}`)).status).toBe(404);
});

test('a retried POST with the same transactionId does not make a second event', async () => {
  const body = {
    subject: 'Kerran vain',
    start: { dateTime: '2025-03-20T10:00:00', timeZone: 'UTC' },
    end: { dateTime: '2025-03-20T10:30:00', timeZone: 'UTC' },
    transactionId: 'trail-book-time-1',
  };
  const first = await t.graphJson<GraphEvent>('/me/events', json('POST', body));
  const second = await t.graphJson<GraphEvent>('/me/events', json('POST', body));
  expect(second.body.id).toBe(first.body.id);
  const page = await t.graphJson<Page<GraphEvent>>('/me/events?$top=50');
  expect(page.body.value.filter((e) => e.subject === 'Kerran vain')).toHaveLength(1);
});

test('a recurring event created by POST is expanded in the view', async () => {
  const created = await t.graphJson<GraphEvent>(
    '/me/events',
    json('POST', {
      subject: 'Kuukausikatsaus',
      start: { dateTime: '2025-04-01T12:00:00', timeZone: 'FLE Standard Time' },
      end: { dateTime: '2025-04-01T13:00:00', timeZone: 'FLE Standard Time' },
      recurrence: {
        pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['tuesday'], index: 'first' },
        range: { type: 'numbered', startDate: '2025-04-01', numberOfOccurrences: 3 },
      },
    }),
  );
  expect(created.body.type).toBe('seriesMaster');
  const page = await t.graphJson<Page<GraphEvent>>(view('2025-03-01T00:00:00Z', '2025-12-31T00:00:00Z', `&$top=100&$filter=${encodeURIComponent("subject eq 'Kuukausikatsaus'")}`));
  expect(page.body.value.map((e) => e.start.dateTime)).toEqual(['2025-04-01T09:00:00.0000000', '2025-05-06T09:00:00.0000000', '2025-06-03T09:00:00.0000000']);
});

test('getSchedule gives free/busy for the day', async () => {
  const res = await t.graphJson<{ value: Array<{ scheduleId: string; availabilityView: string; scheduleItems: Array<{ status: string; start: DateTimeTimeZone }> }> }>(
    '/me/calendar/getSchedule',
    json('POST', {
      schedules: [FIXTURE_USER.mail],
      startTime: { dateTime: '2025-03-13T00:00:00', timeZone: 'UTC' },
      endTime: { dateTime: '2025-03-13T12:00:00', timeZone: 'UTC' },
      availabilityViewInterval: 60,
    }),
  );
  expect(res.status).toBe(200);
  expect(res.body.value[0]).toMatchObject({ scheduleId: FIXTURE_USER.mail, availabilityView: '000000202000' });
  expect(res.body.value[0]!.scheduleItems.map((i) => i.start.dateTime)).toEqual(['2025-03-13T06:30:00.0000000', '2025-03-13T08:00:00.0000000']);
});

test('an empty calendarView window still accepts $select of event properties', async () => {
  const res = await t.graphJson<{ value: unknown[] }>(view('1990-01-01T00:00:00Z', '1990-01-02T00:00:00Z', '&$select=subject,start,end,attendees,iCalUId'));
  expect(res.status).toBe(200);
  expect(res.body.value).toEqual([]);
});

describe('invalid requests', () => {
  test('calendarView without its window is 400 with Graph message', async () => {
    const res = await t.graphJson<{ error: { code: string; message: string } }>('/me/calendarView');
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual(
      expect.objectContaining({
        code: 'ErrorInvalidParameter',
        message: 'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
      }),
    );
    expect(takeViolations(t)).toEqual(['GET /v1.0/me/calendarView']);
  });

  test('an event ending before it starts is refused', async () => {
    const res = await t.graphFetch(
      '/me/events',
      json('POST', { subject: 'x', start: { dateTime: '2025-03-14T14:00:00', timeZone: 'UTC' }, end: { dateTime: '2025-03-14T13:00:00', timeZone: 'UTC' } }),
    );
    expect(res.status).toBe(400);
  });
});

expectNoContractViolations(() => t);
