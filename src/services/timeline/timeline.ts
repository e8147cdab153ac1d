/**
 * A timeline: what colleagues filed about a person, organisation or project (the shared record)
 * mixed, for a person, with the user's own recent mail and past and upcoming meetings with them
 * (their mailbox). All are asked at once, so the first page costs one round trip.
 */
import type { GraphClient } from '../../graph/client';
import type { EntityRef, EntitySummary } from '../../domain/entities';
import { entityKey } from '../../domain/entities';
import { utcIsoOfGraphDateTime } from '../../domain/graphDateTime';
import { calendarView, eventById, firstEventWhere, type CalendarEvent } from '../../graph/calendar';
import { isNotFound, toGraphRequestError } from '../../graph/errors';
import { firstMessageWhere, messageIn, searchMessages, type MailMessage } from '../../graph/messages';
import { odataString } from '../../graph/odata';
import { itemIdentitiesFor } from '../itemIdentities';
import type { Filing, TrailStore } from '../../record/trailStore';

/** Where an entry can be opened in Outlook: an item of the user's own mailbox, or one to look up there. */
export type Openable =
  | { in: 'own'; kind: 'message' | 'event'; id: string; webLink?: string }
  | { in: 'lookup'; kind: 'message'; internetMessageId: string }
  | { in: 'lookup'; kind: 'event'; iCalUId: string; date: string }
  | null;

/** What Outlook opens: the item by id, and its Outlook on the web address for clients without display forms. */
export type OpenItem = { kind: 'message' | 'event'; id: string; webLink?: string };

export type TimelineEntry =
  | { kind: 'filing'; key: string; date: string; subject: string; entityNames: string[]; filedBy: string; note: string; itemKind: Filing['item']['kind']; open: Openable }
  | { kind: 'mail'; key: string; date: string; subject: string; from: string; open: Openable }
  /** An all-day meeting's date is its civil day (YYYY-MM-DD), with no time: it is a day wherever the user is. */
  | { kind: 'meeting'; key: string; date: string; allDay: boolean; subject: string; upcoming: boolean; open: Openable };

export interface TimelinePage {
  entries: TimelineEntry[];
  /** Where the record's next page starts, per entity; empty when there is no more. */
  next: Record<string, string>;
}

type GraphEvent = CalendarEvent;
type GraphMessage = MailMessage;

const PAGE = 10;
const MAIL_FIELDS = ['id', 'subject', 'receivedDateTime', 'webLink', 'internetMessageId', 'from'];
const MEETING_FIELDS = ['id', 'subject', 'start', 'isAllDay', 'organizer', 'attendees', 'isCancelled'];

/** KQL inside $search: quotes delimit the phrase, so a quote in an address would end it early. */
const kqlAddress = (address: string) => address.replace(/["\\]/g, '');

/** Meetings with a person: the last 90 days and the next 60, as Outlook's calendar has them. */
const MEETINGS_BEHIND_MS = 90 * 86_400_000;
const MEETINGS_AHEAD_MS = 60 * 86_400_000;

/**
 * A filed item opens from the user's own mailbox when they filed it themselves (its id is theirs);
 * a colleague's mail or meeting is looked up by the ids every copy shares.
 */
function openableFiling(f: Filing, self: string): Openable {
  const own = f.filedBy.upn.toLowerCase() === self.toLowerCase() && !f.item.mailbox;
  if (f.item.kind === 'note') return null;
  const kind = f.item.kind === 'message' ? 'message' : 'event';
  if (own) return { in: 'own', kind, id: f.item.immutableId, ...(f.item.webLink ? { webLink: f.item.webLink } : {}) };
  if (kind === 'message' && f.item.internetMessageId) return { in: 'lookup', kind, internetMessageId: f.item.internetMessageId };
  if (kind === 'event' && f.item.iCalUId) return { in: 'lookup', kind, iCalUId: f.item.iCalUId, date: f.item.date };
  return null;
}

const filingEntry = (f: Filing, self: string): Extract<TimelineEntry, { kind: 'filing' }> => ({
  kind: 'filing',
  key: `f:${f.id}`,
  date: f.item.date,
  subject: f.item.subject,
  entityNames: [f.entityName],
  filedBy: f.filedBy.name || f.filedBy.upn,
  note: f.note,
  itemKind: f.item.kind,
  open: openableFiling(f, self),
});

/** An event's start as an ISO instant in UTC; '' when it has none that can be read. */
const utc = (start: GraphEvent['start']): string => utcIsoOfGraphDateTime(start) ?? '';

/** Newest first; a mail or meeting that is also filed appears once, as the filing (it says more). */
function merge(filings: Filing[], mail: GraphMessage[], meetings: GraphEvent[], self: string, now: Date, sharedMailbox: string | null = null): TimelineEntry[] {
  const filedIds = new Set(filings.flatMap((f) => [f.item.internetMessageId, f.item.immutableId].filter(Boolean)));
  const byItem = new Map<string, Extract<TimelineEntry, { kind: 'filing' }>>();
  const entries: TimelineEntry[] = [];
  for (const f of filings) {
    // Filed to both the person and their organisation in one filing: one entry naming both. The same
    // mail filed by a colleague (or with another note) stays its own entry: who filed what is the record.
    const action = `${f.itemKey}\u0000${f.filedBy.upn.toLowerCase()}\u0000${f.note}`;
    const known = byItem.get(action);
    if (known) {
      if (!known.entityNames.includes(f.entityName)) known.entityNames.push(f.entityName);
      continue;
    }
    const entry = filingEntry(f, self);
    byItem.set(action, entry);
    entries.push(entry);
  }
  for (const m of mail) {
    if (filedIds.has(m.internetMessageId) || filedIds.has(m.id)) continue;
    // A shared mailbox's id means nothing to the user's own mailbox: such mail is looked up there by the id every copy shares.
    const open: Openable = !sharedMailbox ? { in: 'own', kind: 'message', id: m.id, ...(m.webLink ? { webLink: m.webLink } : {}) } : m.internetMessageId ? { in: 'lookup', kind: 'message', internetMessageId: m.internetMessageId } : null;
    entries.push({ kind: 'mail', key: `m:${m.id}`, date: m.receivedDateTime ?? '', subject: m.subject ?? '', from: m.from?.emailAddress?.name || m.from?.emailAddress?.address || '', open });
  }
  for (const e of meetings) {
    if (filedIds.has(e.id) || e.isCancelled) continue;
    // An all-day event starts at midnight in its own zone (Graph: isAllDay, T00:00:00): its day, not an instant.
    const allDay = e.isAllDay === true && !!e.start?.dateTime;
    const date = allDay ? e.start!.dateTime.slice(0, 10) : utc(e.start);
    const upcoming = Date.parse(utc(e.start)) > now.getTime();
    entries.push({ kind: 'meeting', key: `e:${e.id}`, date, allDay, subject: e.subject ?? '', upcoming, open: { in: 'own', kind: 'event', id: e.id } });
  }
  return entries.sort((a, b) => b.date.localeCompare(a.date));
}

/** Of a page of meetings, how many are upcoming ones; the rest are the latest past ones. */
const UPCOMING_MEETINGS = 4;

/** The meetings closest to now: the last few before it and the next few after it. */
function nearest(meetings: GraphEvent[], now: Date): GraphEvent[] {
  const sorted = [...meetings].sort((a, b) => utc(a.start).localeCompare(utc(b.start)));
  const split = sorted.findIndex((e) => Date.parse(utc(e.start)) > now.getTime());
  const past = split < 0 ? sorted : sorted.slice(0, split);
  const upcoming = split < 0 ? [] : sorted.slice(split);
  return [...past.slice(-(PAGE - UPCOMING_MEETINGS)), ...upcoming.slice(0, UPCOMING_MEETINGS)];
}

export interface TimelineSource {
  store: TrailStore;
  graph: GraphClient;
  /** The signed-in user's address: their own filings open from their mailbox. */
  self: string;
  /**
   * The shared mailbox the open item is in (its address): mail with the person is read there, since
   * that is where the conversation happens. Meetings stay the user's own calendar's.
   */
  mailbox?: string | null;
  now?: () => Date;
  /**
   * An entity's current name where the pane knows it (the entity index): a filing keeps the name as
   * written then, so a renamed organisation or person is shown by this one (issue 16).
   */
  currentName?: (ref: EntityRef) => string | undefined;
}

/** Filings with their entities' current names, where known. */
const named = (source: TimelineSource, filings: readonly Filing[]): Filing[] => filings.map((f) => ({ ...f, entityName: source.currentName?.(f.entity) || f.entityName }));

/**
 * The first page of the subjects' timeline. With `address` (a person), the user's own mail and
 * meetings with them join it; either mailbox half failing leaves the record's half showing.
 */
export async function firstTimelinePage(source: TimelineSource, subjects: readonly EntitySummary[], address: string | null): Promise<TimelinePage> {
  const { store, graph } = source;
  const now = source.now?.() ?? new Date();
  const refs: EntityRef[] = subjects.map((s) => s.ref);
  const wanted = address?.toLowerCase() ?? '';
  const [record, mail, meetings] = await Promise.all([
    refs.length ? store.history(refs, PAGE) : Promise.resolve({ filings: [], next: {} }),
    address
      ? searchMessages(graph, source.mailbox ?? null, `"participants:${kqlAddress(address)}"`, MAIL_FIELDS, PAGE).catch(() => [] as GraphMessage[])
      : Promise.resolve([] as GraphMessage[]),
    address
      ? calendarView(graph, null, { from: new Date(now.getTime() - MEETINGS_BEHIND_MS), to: new Date(now.getTime() + MEETINGS_AHEAD_MS) }, { select: MEETING_FIELDS, top: 250 })
          // Graph cannot filter events by attendee, so the window is read and filtered here.
          .then((events) => nearest(events.filter((e) => [e.organizer, ...(e.attendees ?? [])].some((p) => p?.emailAddress?.address?.toLowerCase() === wanted)), now))
          .catch(() => [] as GraphEvent[])
      : Promise.resolve([] as GraphEvent[]),
  ]);
  return { entries: merge(named(source, record.filings), mail, meetings, source.self, now, source.mailbox ?? null), next: record.next };
}

/** The record's next page for every entity that has one. */
export async function nextTimelinePage(source: TimelineSource, subjects: readonly EntitySummary[], next: Record<string, string>): Promise<TimelinePage> {
  const { store } = source;
  const pending = subjects.filter((s) => next[entityKey(s.ref)]);
  const pages = await Promise.all(pending.map((s) => store.filingsOfEntity(s.ref, { pageSize: PAGE, next: next[entityKey(s.ref)]! })));
  const following: Record<string, string> = {};
  pending.forEach((s, i) => {
    const n = pages[i]!.nextLink;
    if (n) following[entityKey(s.ref)] = n;
  });
  return { entries: merge(named(source, pages.flatMap((p) => p.items)), [], [], source.self, source.now?.() ?? new Date()), next: following };
}

/**
 * Finds a filed or listed item in the user's own mailbox, to open it there (OfficeHost.openItem); null
 * when it is not there. Trail knows items by immutable id (stored, or read under the immutable-id
 * preference), but Office's display forms open an item by its EWS id, which the host converts from the
 * REST id: so the immutable id is translated to the REST id the item has now, after any move.
 */
async function webLinkOf(graph: GraphClient, kind: OpenItem['kind'], id: string): Promise<string | undefined> {
  const found = await (kind === 'message' ? messageIn(graph, null, id, ['webLink']) : eventById(graph, null, id, ['webLink'])).catch(() => null);
  return found?.webLink ?? undefined;
}

export async function findInOwnMailbox(graph: GraphClient, open: Exclude<Openable, null>): Promise<OpenItem | null> {
  const found = await findImmutableInOwnMailbox(graph, open);
  if (!found) return null;
  const [restId, webLink] = await Promise.all([
    itemIdentitiesFor(graph)
      .restIdOf({ mailbox: null, immutableId: found.id })
      .catch((error: unknown) => (isNotFound(toGraphRequestError(error)) ? null : Promise.reject(error))),
    // A filing keeps no web link (Office gives none); Outlook mobile, without display forms, needs it.
    found.webLink ?? webLinkOf(graph, found.kind, found.id),
  ]);
  return restId ? { kind: found.kind, id: restId, ...(webLink ? { webLink } : {}) } : null;
}

/**
 * The item's immutable id (and web link, where the lookup gives it) in the user's own mailbox. A
 * colleague's filed mail or meeting is looked up by the ids every copy shares. /me/events holds single
 * meetings and series masters only, so an occurrence is looked for in the calendar around its date,
 * matched by its own iCalUId.
 */
async function findImmutableInOwnMailbox(graph: GraphClient, open: Exclude<Openable, null>): Promise<OpenItem | null> {
  if (open.in === 'own') return { kind: open.kind, id: open.id, ...(open.webLink ? { webLink: open.webLink } : {}) };
  const item = (kind: OpenItem['kind'], found: { id: string; webLink?: string | null }): OpenItem => ({ kind, id: found.id, ...(found.webLink ? { webLink: found.webLink } : {}) });
  if (open.kind === 'message') {
    const found = await firstMessageWhere(graph, null, `internetMessageId eq ${odataString(open.internetMessageId)}`, ['id', 'webLink']);
    return found ? item('message', found) : null;
  }
  const direct = await firstEventWhere(graph, null, `iCalUId eq ${odataString(open.iCalUId)}`, ['id', 'webLink']);
  if (direct) return item('event', direct);
  const at = Date.parse(open.date);
  if (Number.isNaN(at)) return null;
  const day = 86_400_000;
  const around = await calendarView(graph, null, { from: new Date(at - day), to: new Date(at + day) }, { select: ['id', 'iCalUId', 'webLink'], top: 100 });
  const match = around.find((e) => e.iCalUId === open.iCalUId);
  return match ? item('event', match) : null;
}
