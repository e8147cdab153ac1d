import type { Client } from '@microsoft/microsoft-graph-client';
import { instantOfWallClock } from '../../domain/triage/dueDate';
import { DEFAULT_WORKING_HOURS, endOfWorkingWeek, firstFreeSlot, isValidWorkingHours, type Interval, type WorkingHours } from '../../domain/triage/freeSlot';
import { mailText } from '../../domain/triage/mailText';
import { toDateTimeTimeZone, toIanaZone } from '../../domain/triage/timeZones';
import { toGraphRequestError } from '../../graph/errors';
import { queryString, relativeToVersion } from '../../graph/odata';

/**
 * "Book time" for an ASAP mail (the zero-inbox method): a calendar block at the first free slot of the
 * working week, carrying the mail's content. Reads the mailbox's settings and calendar, writes one
 * event; never touches the message, so it keeps its ASAP flag and folder.
 *
 * Free/busy comes from `calendarView`, not `getSchedule`: calendarView is addressed by mailbox path
 * (no SMTP address to look up first), works for personal accounts too (getSchedule does not), and gives
 * each event's `transactionId`, by which a block already booked for this mail is recognised.
 */

export interface BookTimeInput {
  message: { id: string; subject: string; bodyText: string; webLink: string };
  lengthMinutes: number;
  now: Date;
  /** Path of the mailbox: '/me' (default) or '/users/{id|upn}' for a shared one. */
  mailbox?: string;
  /**
   * Path of the mailbox whose zone and working hours are read (default: `mailbox`). Graph refuses a
   * shared mailbox's settings even with Full Access, so booking there reads the user's own ('/me').
   */
  settingsOf?: string;
}

export interface BookedEvent {
  id: string;
  /** ISO 8601 instants in UTC. */
  start: string;
  end: string;
  subject: string;
  webLink?: string;
}

export type BookTimeResult =
  /** `alreadyBooked`: a block for this mail was already in the week (a retried click), and is returned instead of a second one. */
  | { status: 'booked'; event: BookedEvent; alreadyBooked: boolean }
  /** The week is full; `weekEnd` (ISO) is when it ends: book again with `now` = weekEnd for next week. */
  | { status: 'noFreeSlot'; weekEnd: string };

/** Exchange's limit for a subject. */
export const MAX_SUBJECT_LENGTH = 255;
/** Far beyond any mail worth reading in a calendar block; the link opens the whole message. */
export const MAX_BODY_TEXT_LENGTH = 100_000;
const MAX_LENGTH_MINUTES = 24 * 60;
// calendarView's default page is 10; a week rarely needs a second page of 100.
const PAGE_SIZE = 100;
const MAX_PAGES = 50;
const TRANSACTION_PREFIX = 'trail-booktime';

export interface DateTimeTimeZoneJson {
  dateTime?: string;
  timeZone?: string;
}

/** An event as calendarView and POST /events return it, as far as book time reads it. */
export interface EventJson {
  id: string;
  subject?: string;
  webLink?: string;
  start?: DateTimeTimeZoneJson;
  end?: DateTimeTimeZoneJson;
  showAs?: string;
  isCancelled?: boolean;
  transactionId?: string | null;
}

export interface MailboxSettingsJson {
  timeZone?: string;
  workingHours?: {
    daysOfWeek?: string[];
    startTime?: string;
    endTime?: string;
    timeZone?: { name?: string };
  };
}

const ISO_DAYS: Record<string, number> = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 };

async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw toGraphRequestError(error);
  }
}

export async function bookTime(graph: Client, input: BookTimeInput): Promise<BookTimeResult> {
  const { message, lengthMinutes, now } = input;
  if (Number.isNaN(now.getTime())) throw new RangeError('bookTime: invalid now');
  if (!Number.isInteger(lengthMinutes) || lengthMinutes <= 0 || lengthMinutes > MAX_LENGTH_MINUTES) throw new RangeError(`bookTime: invalid length ${lengthMinutes}`);
  if (!message.id) throw new RangeError('bookTime: the message has no id');
  const mailbox = (input.mailbox ?? '/me').replace(/\/+$/, '');

  const settingsOf = (input.settingsOf ?? mailbox).replace(/\/+$/, '');
  const settings = (await call(() => graph.api(`${settingsOf}/mailboxSettings${queryString({ select: ['timeZone', 'workingHours'] })}`).get())) as MailboxSettingsJson;
  const calendar = calendarSettings(settings);
  const weekEnd = endOfWorkingWeek(now, calendar.zone, calendar.workingHours);

  const events = await eventsBetween(graph, mailbox, now, weekEnd);
  const marker = `${TRANSACTION_PREFIX}-${await digest(message.id)}-`;
  const earlier = events.find((e) => e.isCancelled !== true && typeof e.transactionId === 'string' && e.transactionId.startsWith(marker));
  if (earlier) return { status: 'booked', event: toBookedEvent(earlier), alreadyBooked: true };

  const slot = firstFreeSlot(busyIntervals(events), { now, lengthMinutes, zone: calendar.zone, workingHours: calendar.workingHours, horizonEnd: weekEnd });
  if (!slot) return { status: 'noFreeSlot', weekEnd: weekEnd.toISOString() };

  const subject = eventSubject(message.subject, message.bodyText);
  const created = (await call(() =>
    graph.api(`${mailbox}/events`).post({
      subject,
      body: { contentType: 'html', content: eventBody(message) },
      start: toDateTimeTimeZone(slot.start, calendar.writeZoneName),
      end: toDateTimeTimeZone(slot.end, calendar.writeZoneName),
      showAs: 'busy',
      isReminderOn: true,
      // The mail was written to this user, not to everyone who may read their calendar.
      sensitivity: 'private',
      // Graph's idempotency key for event creation: a repeated POST (double click, retry after a lost
      // answer) returns the event already made instead of a second one.
      transactionId: `${marker}${compactInstant(slot.start)}-${lengthMinutes}`,
    }),
  )) as EventJson;
  return { status: 'booked', event: toBookedEvent(created, slot), alreadyBooked: false };
}

/** The zone to compute in, the working hours, and the zone name to write the event in. */
export function calendarSettings(settings: MailboxSettingsJson): { zone: string; workingHours: WorkingHours; writeZoneName: string } {
  const mailboxZoneName = typeof settings.timeZone === 'string' ? settings.timeZone : '';
  const hoursZoneName = settings.workingHours?.timeZone?.name ?? '';
  const mailboxZone = toIanaZone(mailboxZoneName);
  // Working hours may be kept in a zone of their own (a traveller keeps home hours); a custom zone
  // ("Customized Time Zone") cannot be mapped, so the mailbox zone stands in.
  const hoursZone = toIanaZone(hoursZoneName);
  const workingHours = parseWorkingHours(settings.workingHours);
  return {
    zone: (workingHours && hoursZone) || mailboxZone || hoursZone || 'Etc/UTC',
    workingHours: workingHours ?? { ...DEFAULT_WORKING_HOURS, days: [...DEFAULT_WORKING_HOURS.days] },
    // Written in the mailbox's own zone name, so Outlook shows the block in the zone the user chose.
    writeZoneName: mailboxZone ? mailboxZoneName : hoursZone ? hoursZoneName : 'UTC',
  };
}

function parseTime(text: unknown): { hour: number; minute: number } | undefined {
  const match = typeof text === 'string' ? /^(\d{1,2}):(\d{2})/.exec(text) : null;
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : undefined;
}

function parseWorkingHours(raw: MailboxSettingsJson['workingHours']): WorkingHours | undefined {
  if (!raw || !Array.isArray(raw.daysOfWeek)) return undefined;
  const days = [...new Set(raw.daysOfWeek.map((d) => ISO_DAYS[String(d).toLowerCase()]).filter((d): d is number => d !== undefined))];
  const start = parseTime(raw.startTime);
  const end = parseTime(raw.endTime);
  if (!start || !end) return undefined;
  const hours = { days, start, end };
  return isValidWorkingHours(hours) ? hours : undefined;
}

/** Every event instance overlapping [from, to), all pages, times in UTC. */
async function eventsBetween(graph: Client, mailbox: string, from: Date, to: Date): Promise<EventJson[]> {
  const path =
    `${mailbox}/calendarView` +
    queryString({
      select: ['subject', 'start', 'end', 'showAs', 'isCancelled', 'transactionId', 'webLink'],
      top: PAGE_SIZE,
      params: { startDateTime: isoSeconds(from), endDateTime: isoSeconds(to) },
    });
  const events: EventJson[] = [];
  let next: string | undefined = path;
  for (let page = 0; next; page++) {
    if (page >= MAX_PAGES) throw new Error('bookTime: the calendar view did not end');
    const url: string = next;
    // Times come back in UTC, but each is read in the zone it is labelled with: all-day events have
    // been reported to keep their own zone whatever Prefer asks.
    const body = (await call(() => graph.api(url).header('Prefer', 'outlook.timezone="UTC"').get())) as { value?: EventJson[]; '@odata.nextLink'?: string };
    events.push(...(body.value ?? []));
    next = body['@odata.nextLink'] ? relativeToVersion(body['@odata.nextLink']) : undefined;
  }
  return events;
}

/**
 * Busy time as free/busy reckons it: busy, tentative, out of office and unknown block; free and
 * working elsewhere do not (getSchedule's availabilityView shows working elsewhere as free too),
 * nor do cancelled meetings still on the calendar. Events whose times cannot be read are left out.
 */
export function busyIntervals(events: readonly EventJson[]): Interval[] {
  const out: Interval[] = [];
  for (const event of events) {
    if (event.isCancelled === true || event.showAs === 'free' || event.showAs === 'workingElsewhere') continue;
    const start = instantOfDateTimeTimeZone(event.start);
    const end = instantOfDateTimeTimeZone(event.end);
    if (start && end) out.push({ start, end });
  }
  return out;
}

/** The instant a Graph dateTimeTimeZone names, read in its own zone; undefined if unreadable. */
export function instantOfDateTimeTimeZone(value: DateTimeTimeZoneJson | undefined): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z)?$/.exec(value?.dateTime ?? '');
  if (!match) return undefined;
  const zone = match[7] ? 'Etc/UTC' : toIanaZone(value?.timeZone ?? 'UTC');
  if (!zone) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  return instantOfWallClock({ year, month, day, hour, minute, second }, zone);
}

function toBookedEvent(event: EventJson, slot?: Interval): BookedEvent {
  const start = instantOfDateTimeTimeZone(event.start) ?? slot?.start;
  const end = instantOfDateTimeTimeZone(event.end) ?? slot?.end;
  return {
    id: event.id,
    start: start ? start.toISOString() : '',
    end: end ? end.toISOString() : '',
    subject: event.subject ?? '',
    ...(event.webLink ? { webLink: event.webLink } : {}),
  };
}

const isoSeconds = (instant: Date): string => instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
const compactInstant = (instant: Date): string => isoSeconds(instant).replace(/[-:]/g, '');

/** A short, stable, opaque key for a message id (ids are long and may hold '/', '+', '='). */
async function digest(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(bytes.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}

// Control characters other than tab and line breaks have no business in a subject or in HTML.
const CONTROL = /(?![\t\n\r])\p{Cc}/gu;
// Reply and forward markers as common mail clients write them (English, Finnish, Swedish, German, French).
const REPLY_PREFIX = /^(?:(?:re|fwd?|vs|vl|sv|vb|aw|wg|tr)(?:\[\d+\])?\s*:\s*)+/i;

const oneLine = (text: string): string => text.replace(CONTROL, '').replace(/\s+/g, ' ').trim();

/** `text` cut to at most `max` UTF-16 units without splitting a character, with an ellipsis when cut. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    if (out.length + segment.length > max - 1) break;
    out += segment;
  }
  return `${out.trimEnd()}…`;
}

/**
 * The block is titled after the mail, without "Re:"/"VS:" and without a marker of our own: a prefix
 * would need translating (text) or be read aloud on every calendar item (an emoji), and Trail finds
 * its own blocks by transactionId. A mail without a subject lends its first line instead.
 */
export function eventSubject(subject: string, bodyText: string): string {
  const fromSubject = oneLine(subject).replace(REPLY_PREFIX, '').trim();
  const title = fromSubject || oneLine(bodyText.split(/\r\n|\r|\n/).find((line) => line.trim()) ?? '');
  return cut(title, MAX_SUBJECT_LENGTH);
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Only a web address may become a link: never `javascript:` or `data:` from a tampered value. */
function webAddress(link: string): string | undefined {
  try {
    const url = new URL(link.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The event body: a link to the message, then the mail's text, escaped, line breaks kept. The mail's
 * own HTML is never used: it is someone else's markup (scripts, tracking images, broken tags).
 */
export function eventBody(message: BookTimeInput['message']): string {
  const parts: string[] = [];
  const link = webAddress(message.webLink);
  const linkText = oneLine(message.subject);
  if (link) parts.push(`<p><a href="${escapeHtml(link)}">${escapeHtml(linkText || link)}</a></p>`);
  const text = cut(message.bodyText.replace(CONTROL, '').trim(), MAX_BODY_TEXT_LENGTH);
  if (text) parts.push(`<div>${escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>')}</div>`);
  return parts.join('\n');
}

/**
 * What Book time carries from a mail: its subject, its words (never its HTML) and the link that opens it.
 * The body is read as the mail has it and turned into text here (mailText): Graph's own text conversion
 * can carry a style sheet's rules through as words.
 */
export async function messageForBooking(graph: Client, messageId: string, mailbox = '/me'): Promise<BookTimeInput['message']> {
  const path = `${mailbox.replace(/\/+$/, '')}/messages/${encodeURIComponent(messageId)}${queryString({ select: ['id', 'subject', 'body', 'webLink'] })}`;
  const json = (await call(() => graph.api(path).get())) as {
    id?: string;
    subject?: string | null;
    body?: { contentType?: string | null; content?: string | null } | null;
    webLink?: string | null;
  };
  return { id: json.id || messageId, subject: json.subject ?? '', bodyText: mailText(json.body), webLink: json.webLink ?? '' };
}
