/**
 * The calendar as Trail reads and writes it: a window of event instances (calendarView), an event by
 * id, the first event matching a filter, and creating an event. Errors arrive as GraphRequestError.
 */
import type { GraphDateTimeTimeZone } from '../domain/graphDateTime';
import { graphCall } from './call';
import type { GraphClient } from './client';
import { mailboxPath } from './mailboxPaths';
import { pathSegment, queryString, relativeToVersion } from './odata';

/** An event (or an occurrence of a series) as far as Trail reads one; which fields are present depends on the select. */
export interface CalendarEvent {
  id: string;
  subject?: string;
  webLink?: string;
  iCalUId?: string | null;
  type?: string;
  seriesMasterId?: string | null;
  start?: GraphDateTimeTimeZone & { dateTime: string };
  end?: GraphDateTimeTimeZone & { dateTime: string };
  isAllDay?: boolean;
  showAs?: string;
  isCancelled?: boolean;
  transactionId?: string | null;
  organizer?: { emailAddress?: { address?: string } };
  attendees?: Array<{ emailAddress?: { address?: string } }>;
}

export interface CalendarViewOptions {
  select: readonly string[];
  top: number;
  /** Ask for times in UTC (Prefer: outlook.timezone="UTC"); Graph's default is UTC too, except where an event keeps its own zone. */
  inUtc?: boolean;
  /** Follow nextLinks for at most this many pages, then fail; without it only the first page is read. */
  allPages?: { max: number; error: string };
}

const isoSeconds = (instant: Date): string => instant.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Every event instance overlapping [from, to) in a mailbox's calendar (`mailbox`: a shared mailbox's
 * address or id, null for the user's own): series expanded into occurrences, unlike /events.
 */
export async function calendarView(graph: GraphClient, mailbox: string | null, window: { from: Date; to: Date }, options: CalendarViewOptions): Promise<CalendarEvent[]> {
  const first =
    `${mailboxPath(mailbox)}/calendarView` +
    queryString({ select: options.select, top: options.top, params: { startDateTime: isoSeconds(window.from), endDateTime: isoSeconds(window.to) } });
  const events: CalendarEvent[] = [];
  let next: string | undefined = first;
  for (let page = 0; next; page++) {
    if (options.allPages && page >= options.allPages.max) throw new Error(options.allPages.error);
    const url: string = next;
    const body = await graphCall<{ value?: CalendarEvent[]; '@odata.nextLink'?: string }>(() => {
      const request = graph.api(url);
      return (options.inUtc ? request.header('Prefer', 'outlook.timezone="UTC"') : request).get();
    });
    events.push(...(body.value ?? []));
    next = options.allPages && body['@odata.nextLink'] ? relativeToVersion(body['@odata.nextLink']) : undefined;
  }
  return events;
}

/** One event by id in a mailbox (null: the user's own). */
export function eventById(graph: GraphClient, mailbox: string | null, id: string, select: readonly string[]): Promise<CalendarEvent> {
  return graphCall(() => graph.api(`${mailboxPath(mailbox)}/events/${pathSegment(id)}`).select([...select]).get());
}

/** The first single event or series master matching an OData filter, or undefined. */
export async function firstEventWhere(graph: GraphClient, mailbox: string | null, filter: string, select: readonly string[]): Promise<CalendarEvent | undefined> {
  const page = await graphCall<{ value: CalendarEvent[] }>(() => graph.api(`${mailboxPath(mailbox)}/events`).filter(filter).select([...select]).top(1).get());
  return page.value[0];
}

/** Creates an event; `body` is Graph's event resource as Trail writes it. */
export function createEvent(graph: GraphClient, mailbox: string | null, body: Record<string, unknown>): Promise<CalendarEvent> {
  return graphCall(() => graph.api(`${mailboxPath(mailbox)}/events`).post(body));
}
