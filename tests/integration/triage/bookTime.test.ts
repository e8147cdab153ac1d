/**
 * "Book time" for an ASAP mail against the Graph sandbox and its seeded calendar: the first free slot
 * of the working week (Helsinki, Mon–Fri 08:00–16:00), a busy week, a full week, the event as Graph
 * stores it, a retried click, and the mail left exactly as it was.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { SandboxTokenSource } from '../../../src/auth/sandboxTokens';
import { createGraphClient } from '../../../src/graph/client';
import { instantOfGraphDateTime } from '../../../src/domain/graphDateTime';
import { bookTime, busyIntervals, calendarSettings, eventBody, eventSubject, MAX_SUBJECT_LENGTH, messageForBooking, type BookTimeInput } from '../../../src/services/booking/bookTime';
import { json, sandboxPerFile, TEST_ANCHOR } from '../helpers/sandbox';

// TEST_ANCHOR is Wednesday 12 March 2025, 10:00Z = 12:00 in Helsinki (EET, UTC+2). The seeded week
// has a meeting on Monday 09–10 and one on Thursday 13:00–14:30.
const ZONE = 'FLE Standard Time';

const t = sandboxPerFile({ clearFaults: false });
let graph: Client;

beforeEach(() => {
  graph = createGraphClient({ baseUrl: t().sandbox.origin, tokens: new SandboxTokenSource(t().sandbox.origin), retry: { sleep: async () => undefined } });
});

interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}
interface GraphEvent {
  id: string;
  subject: string;
  body: { contentType: string; content: string };
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
  showAs: string;
  isReminderOn: boolean;
  sensitivity: string;
  originalStartTimeZone: string;
  transactionId: string | null;
  categories: string[];
  webLink: string;
}
interface GraphMessage {
  id: string;
  subject: string;
  webLink: string;
  changeKey: string;
  parentFolderId: string;
  isRead: boolean;
  flag: { flagStatus: string; dueDateTime?: DateTimeTimeZone };
}

async function inboxMessage(): Promise<GraphMessage> {
  const page = await t().graphJson<{ value: GraphMessage[] }>('/me/mailFolders/inbox/messages?$top=1&$select=subject,webLink,changeKey,parentFolderId,isRead,flag');
  return page.body.value[0]!;
}

async function input(overrides: Partial<BookTimeInput> = {}): Promise<BookTimeInput> {
  const message = await inboxMessage();
  return {
    message: { id: message.id, subject: message.subject, bodyText: 'Hei,\nvoisitko katsoa tämän?\n\nTerveisin Ronja', webLink: message.webLink },
    lengthMinutes: 60,
    now: TEST_ANCHOR,
    ...overrides,
  };
}

/** An event on the user's calendar, Helsinki wall times. */
async function addEvent(subject: string, start: string, end: string, extra: Record<string, unknown> = {}): Promise<void> {
  const res = await t().graphFetch(
    '/me/events',
    json('POST', { subject, start: { dateTime: start, timeZone: ZONE }, end: { dateTime: end, timeZone: ZONE }, showAs: 'busy', ...extra }),
  );
  expect(res.status).toBe(201);
}

async function eventInZone(id: string): Promise<GraphEvent> {
  const res = await t().graphJson<GraphEvent>(`/me/events/${id}`, { headers: { Prefer: `outlook.timezone="${ZONE}"` } });
  expect(res.status).toBe(200);
  return res.body;
}

async function allEvents(): Promise<GraphEvent[]> {
  return (await t().graphJson<{ value: GraphEvent[] }>('/me/events?$top=500')).body.value;
}

const bookings = async (): Promise<GraphEvent[]> => (await allEvents()).filter((e) => e.transactionId?.startsWith('trail-booktime-'));

test('books the first free slot in the seeded calendar: Wednesday 12:00–13:00 Helsinki', async () => {
  const result = await bookTime(graph, await input());
  expect(result).toMatchObject({
    status: 'booked',
    alreadyBooked: false,
    event: { start: '2025-03-12T10:00:00.000Z', end: '2025-03-12T11:00:00.000Z' },
  });
  const calls = t().sandbox.control.requests().filter((r) => r.url.startsWith('/v1.0/'));
  expect(calls.map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual(
    expect.arrayContaining(['GET /v1.0/me/mailboxSettings', 'GET /v1.0/me/calendarView', 'POST /v1.0/me/events']),
  );
});

test('the event as Graph keeps it: titled after the mail, escaped text, a link to the message, in the mailbox zone', async () => {
  const message = await inboxMessage();
  const hostile = {
    id: message.id,
    subject: 'VS: Re: <script>alert("x")</script> & "Tarjous" \'2025\'',
    bodyText: 'Hei,\n<img src=x onerror=alert(1)> & <b>lihavoitu</b>\r\nTerveisin\u0000 Ronja',
    webLink: message.webLink,
  };
  const result = await bookTime(graph, { message: hostile, lengthMinutes: 45, now: TEST_ANCHOR });
  if (result.status !== 'booked') throw new Error('expected a booking');
  const event = await eventInZone(result.event.id);

  expect(event.subject).toBe('<script>alert("x")</script> & "Tarjous" \'2025\'');
  expect(result.event.subject).toBe(event.subject);
  expect(event.start).toEqual({ dateTime: '2025-03-12T12:00:00.0000000', timeZone: ZONE });
  expect(event.end).toEqual({ dateTime: '2025-03-12T12:45:00.0000000', timeZone: ZONE });
  expect(event.originalStartTimeZone).toBe(ZONE);
  expect(event).toMatchObject({ showAs: 'busy', isReminderOn: true, sensitivity: 'private', categories: [] });
  expect(result.event.webLink).toBe(event.webLink);

  const html = event.body.content;
  expect(event.body.contentType).toBe('html');
  expect(html).not.toMatch(/<script|<img|<b>/);
  expect(html).not.toContain('\u0000');
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &lt;b&gt;lihavoitu&lt;/b&gt;<br>Terveisin Ronja');
  expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Tarjous&quot; &#39;2025&#39;</a>');
  expect(html).toContain(`<a href="${message.webLink.replace(/&/g, '&amp;')}">`);
});

test('book time with a busy week: the first hole that fits, past tentative meetings and an all-day absence', async () => {
  await addEvent('Hankehakemus', '2025-03-12T12:00:00', '2025-03-12T16:00:00');
  await addEvent('Arviointipäivä', '2025-03-13T08:00:00', '2025-03-13T13:00:00');
  // The seeded steering group meets 13:00–14:30 on Thursday.
  await addEvent('Ehkä: kahvit', '2025-03-13T14:30:00', '2025-03-13T15:00:00', { showAs: 'tentative' });
  await addEvent('Vapaa-aikaa kalenterissa', '2025-03-13T15:00:00', '2025-03-13T16:00:00', { showAs: 'free' });
  await addEvent('Lomapäivä', '2025-03-14T00:00:00', '2025-03-15T00:00:00', { isAllDay: true, showAs: 'oof' });

  const hour = await bookTime(graph, await input({ lengthMinutes: 60 }));
  expect(hour).toMatchObject({ status: 'booked', event: { start: '2025-03-13T13:00:00.000Z', end: '2025-03-13T14:00:00.000Z' } });

  // Now that hour is taken too, and 90 minutes fit nowhere this week.
  const message = await inboxMessage();
  const other = await bookTime(graph, { ...(await input({ lengthMinutes: 90 })), message: { ...message, id: `${message.id}-other`, bodyText: '' } });
  expect(other).toEqual({ status: 'noFreeSlot', weekEnd: '2025-03-14T14:00:00.000Z' });
});

test('a full week: noFreeSlot with the end of the working week, and nothing booked', async () => {
  await addEvent('Koulutuspäivä', '2025-03-12T11:00:00', '2025-03-12T17:00:00');
  await addEvent('Messut', '2025-03-13T07:00:00', '2025-03-14T18:00:00');
  const before = (await allEvents()).length;
  const request = await input({ lengthMinutes: 15 });
  t().sandbox.control.clearRequests();
  const result = await bookTime(graph, request);
  expect(result).toEqual({ status: 'noFreeSlot', weekEnd: '2025-03-14T14:00:00.000Z' });
  expect(t().sandbox.control.requests().filter((r) => r.method === 'POST' && r.url.startsWith('/v1.0/'))).toEqual([]);
  expect((await allEvents()).length).toBe(before);
});

test('next week, when asked from the end of this one: Monday after the seeded morning meetings', async () => {
  const result = await bookTime(graph, await input({ lengthMinutes: 90, now: new Date('2025-03-14T14:00:00Z') }));
  // Monday 17 March: 08:00–09:00 is free but too short; the seeded meetings run 09:00–11:00.
  expect(result).toMatchObject({ status: 'booked', event: { start: '2025-03-17T09:00:00.000Z', end: '2025-03-17T10:30:00.000Z' } });
});

test('a retried booking with the same input makes one event', async () => {
  const same = await input();
  const first = await bookTime(graph, same);
  const again = await bookTime(graph, same);
  expect(first).toMatchObject({ status: 'booked', alreadyBooked: false });
  expect(again).toMatchObject({ status: 'booked', alreadyBooked: true });
  if (first.status !== 'booked' || again.status !== 'booked') throw new Error('expected bookings');
  expect(again.event).toEqual(first.event);
  expect(await bookings()).toHaveLength(1);
});

test('a double click (two bookings at once) makes one event: the transactionId', async () => {
  const same = await input();
  t().sandbox.control.clearRequests();
  // Both clicks read the calendar before either writes: each calendarView answer is held until both are in.
  const realFetch = globalThis.fetch;
  let bothRead: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (bothRead = resolve));
  let reads = 0;
  const spy = jest.spyOn(globalThis, 'fetch').mockImplementation(async (...args: Parameters<typeof fetch>) => {
    const response = await realFetch(...args);
    const url = args[0] instanceof Request ? args[0].url : String(args[0]);
    if (url.includes('/calendarView')) {
      if (++reads === 2) bothRead();
      await gate;
    }
    return response;
  });
  try {
    const [a, b] = await Promise.all([bookTime(graph, same), bookTime(graph, same)]);
    if (a.status !== 'booked' || b.status !== 'booked') throw new Error('expected bookings');
    expect(b.event.id).toBe(a.event.id);
  } finally {
    spy.mockRestore();
  }
  // Both posted the same slot; Graph kept one event.
  expect(t().sandbox.control.requests().filter((r) => r.method === 'POST' && r.url.startsWith('/v1.0/')).map((r) => r.status)).toEqual([201, 201]);
  const made = await bookings();
  expect(made).toHaveLength(1);
  expect(made[0]!.transactionId).toMatch(/^trail-booktime-[0-9a-f]{32}-20250312T100000Z-60$/);
});

test('another mail gets its own block after the first', async () => {
  const first = await bookTime(graph, await input());
  const message = await inboxMessage();
  const second = await bookTime(graph, { ...(await input()), message: { ...message, id: `${message.id}-2`, bodyText: 'x' } });
  expect(first).toMatchObject({ event: { start: '2025-03-12T10:00:00.000Z' } });
  expect(second).toMatchObject({ status: 'booked', alreadyBooked: false, event: { start: '2025-03-12T11:00:00.000Z' } });
});

test('the mail keeps its ASAP flag, folder and read state: book time never touches it', async () => {
  const message = await inboxMessage();
  const flagged = await t().graphJson<GraphMessage>(
    `/me/messages/${message.id}`,
    json('PATCH', {
      flag: {
        flagStatus: 'flagged',
        startDateTime: { dateTime: '2025-03-12T12:00:00', timeZone: ZONE },
        dueDateTime: { dateTime: '2025-03-14T16:00:00', timeZone: ZONE },
      },
    }),
  );
  expect(flagged.status).toBe(200);
  const before = await inboxMessage();
  t().sandbox.control.clearRequests();

  await bookTime(graph, await input());

  const after = await inboxMessage();
  expect(after).toEqual(before);
  expect(after.flag.flagStatus).toBe('flagged');
  const touched = t().sandbox.control.requests().filter((r) => r.method !== 'GET' && r.url.includes('/messages'));
  expect(touched).toEqual([]);
});

test('a shared mailbox by its id: /users/{id}', async () => {
  const result = await bookTime(graph, await input({ mailbox: t().user.id }));
  expect(result).toMatchObject({ status: 'booked', event: { start: '2025-03-12T10:00:00.000Z' } });
  const paths = t().sandbox.control.requests().filter((r) => r.url.startsWith('/v1.0/users/')).map((r) => `${r.method} ${r.url.split('?')[0]}`);
  expect(paths).toEqual([`GET /v1.0/users/${t().user.id}/mailboxSettings`, `GET /v1.0/users/${t().user.id}/calendarView`, `POST /v1.0/users/${t().user.id}/events`]);
});

test('an invalid length is refused before any request', async () => {
  await expect(bookTime(graph, await input({ lengthMinutes: 0 }))).rejects.toThrow(RangeError);
  await expect(bookTime(graph, await input({ lengthMinutes: 2.5 }))).rejects.toThrow(RangeError);
  expect(t().sandbox.control.requests().filter((r) => r.url.includes('/calendarView'))).toEqual([]);
});

// The sandbox always answers Mon–Fri 08:00–16:00 in FLE Standard Time; what Graph may answer otherwise:
describe('reading what Graph answers', () => {
  const hours = (name: string, days = ['monday', 'tuesday', 'wednesday', 'thursday'], start = '07:30:00.0000000', end = '15:45:00.0000000') => ({
    daysOfWeek: days,
    startTime: start,
    endTime: end,
    timeZone: { name },
  });

  test('working hours in a zone of their own are computed there; the event is written in the mailbox zone', () => {
    expect(calendarSettings({ timeZone: 'FLE Standard Time', workingHours: hours('W. Europe Standard Time') })).toEqual({
      zone: 'Europe/Berlin',
      workingHours: { days: [1, 2, 3, 4], start: { hour: 7, minute: 30 }, end: { hour: 15, minute: 45 } },
      writeZoneName: 'FLE Standard Time',
    });
  });

  test('a custom working-hours zone falls back to the mailbox zone; an IANA mailbox zone is used as it is', () => {
    expect(calendarSettings({ timeZone: 'Europe/Helsinki', workingHours: hours('Customized Time Zone') })).toMatchObject({ zone: 'Europe/Helsinki', writeZoneName: 'Europe/Helsinki' });
  });

  test('no or broken working hours: Mon–Fri 08:00–16:00 in the mailbox zone', () => {
    const defaults = { days: [1, 2, 3, 4, 5], start: { hour: 8, minute: 0 }, end: { hour: 16, minute: 0 } };
    expect(calendarSettings({ timeZone: 'FLE Standard Time' })).toEqual({ zone: 'Europe/Helsinki', workingHours: defaults, writeZoneName: 'FLE Standard Time' });
    expect(calendarSettings({ timeZone: 'FLE Standard Time', workingHours: hours('W. Europe Standard Time', [], '08:00', '16:00') })).toMatchObject({ zone: 'Europe/Helsinki', workingHours: defaults });
    expect(calendarSettings({ timeZone: 'FLE Standard Time', workingHours: hours('W. Europe Standard Time', ['monday'], '22:00:00', '06:00:00') })).toMatchObject({ workingHours: defaults });
  });

  test('a mailbox zone nobody can map: the working-hours zone, else UTC', () => {
    expect(calendarSettings({ timeZone: 'tzone://Microsoft/Custom', workingHours: hours('Eastern Standard Time') })).toMatchObject({ zone: 'America/New_York', writeZoneName: 'Eastern Standard Time' });
    expect(calendarSettings({})).toMatchObject({ zone: 'Etc/UTC', writeZoneName: 'UTC' });
  });

  test('each time is read in the zone it is labelled with', () => {
    expect(instantOfGraphDateTime({ dateTime: '2025-03-12T10:00:00.0000000', timeZone: 'UTC' })?.toISOString()).toBe('2025-03-12T10:00:00.000Z');
    // An all-day event left in its own zone despite Prefer: outlook.timezone.
    expect(instantOfGraphDateTime({ dateTime: '2025-03-14T00:00:00.0000000', timeZone: 'FLE Standard Time' })?.toISOString()).toBe('2025-03-13T22:00:00.000Z');
    expect(instantOfGraphDateTime({ dateTime: '2025-03-14T00:00:00Z' })?.toISOString()).toBe('2025-03-14T00:00:00.000Z');
    expect(instantOfGraphDateTime({ dateTime: 'tomorrow', timeZone: 'UTC' })).toBeUndefined();
    expect(instantOfGraphDateTime({ dateTime: '2025-03-14T00:00:00', timeZone: 'Mars Standard Time' })).toBeUndefined();
  });

  test('busy is busy, tentative, out of office and unknown; not free, working elsewhere or cancelled', () => {
    const at = (h: number) => ({ dateTime: `2025-03-12T${String(h).padStart(2, '0')}:00:00.0000000`, timeZone: 'UTC' });
    const events = [
      { id: '1', showAs: 'busy', start: at(8), end: at(9) },
      { id: '2', showAs: 'tentative', start: at(9), end: at(10) },
      { id: '3', showAs: 'oof', start: at(10), end: at(11) },
      { id: '4', showAs: 'unknown', start: at(11), end: at(12) },
      { id: '5', showAs: 'free', start: at(12), end: at(13) },
      { id: '6', showAs: 'workingElsewhere', start: at(13), end: at(14) },
      { id: '7', showAs: 'busy', isCancelled: true, start: at(14), end: at(15) },
      { id: '8', showAs: 'busy', start: { dateTime: 'garbage', timeZone: 'UTC' }, end: at(16) },
    ];
    expect(busyIntervals(events).map((b) => b.start.getUTCHours())).toEqual([8, 9, 10, 11]);
  });

  test('the title: the mail subject without reply markers, or the first line of the text, cut to fit', () => {
    expect(eventSubject('RE: Vs: VL: Fwd: Tarjouspyyntö', '')).toBe('Tarjouspyyntö');
    expect(eventSubject('Re[2]: Palaveri', '')).toBe('Palaveri');
    expect(eventSubject('Reissu Lappiin', '')).toBe('Reissu Lappiin');
    expect(eventSubject('  \t', '\n\n  Ensimmäinen rivi\nToinen')).toBe('Ensimmäinen rivi');
    expect(eventSubject('Rivi\nvaihto', '')).toBe('Rivi vaihto');
    const long = eventSubject('👩‍💻'.repeat(100), '');
    expect(long.length).toBeLessThanOrEqual(MAX_SUBJECT_LENGTH);
    expect(long.endsWith('👩‍💻…')).toBe(true);
  });

  test('the body never links to anything but a web address', () => {
    const message = { id: 'x', subject: 'Klikkaa', bodyText: 'teksti', webLink: 'javascript:alert(1)' };
    expect(eventBody(message)).toBe('<div>teksti</div>');
    expect(eventBody({ ...message, webLink: '' })).toBe('<div>teksti</div>');
  });
});

test('messageForBooking reads the mail as text, with its link, and answers with its immutable id', async () => {
  const message = await inboxMessage();
  const read = await messageForBooking(graph, message.id);
  expect(read).toMatchObject({ subject: message.subject, webLink: message.webLink });
  expect(read.id).not.toBe(message.id); // asked with the one Graph client: Prefer IdType="ImmutableId"
  expect(await messageForBooking(graph, read.id)).toEqual(read);
  expect(read.bodyText.length).toBeGreaterThan(0);
  expect(read.bodyText).not.toMatch(/<\/?(p|div|br|html|body)\b/i);
});

// The event carried the head's CSS ("P {margin-top:0;margin-bottom:0;}") and runs of blank lines.
test('messageForBooking of an HTML mail from Outlook reads its words only: no CSS, at most one blank line in a row', async () => {
  const page = await t().graphJson<{ value: Array<{ id: string; body: { contentType: string; content: string } }> }>('/me/mailFolders/inbox/messages?$top=50&$select=body');
  const html = page.body.value.find((m) => m.body.contentType === 'html' && m.body.content.includes('margin-top:0') && m.body.content.includes('<div><br></div>'));
  expect(html).toBeDefined();
  const read = await messageForBooking(graph, html!.id);
  expect(read.bodyText.length).toBeGreaterThan(0);
  expect(read.bodyText).not.toContain('margin-top');
  expect(read.bodyText).not.toMatch(/\n[ \t()]*\n[ \t()]*\n/);
  expect(read.bodyText).not.toMatch(/<\/?(p|div|br|html|body|style)\b/i);
  expect(eventBody(read)).not.toContain('margin-top');
});

test('messageForBooking of a message that is gone says so with Graph\'s 404', async () => {
  await expect(messageForBooking(graph, 'AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AgoneAAA=')).rejects.toMatchObject({ status: 404 });
});
