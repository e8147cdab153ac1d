/**
 * Events: list (series masters and single instances, as `GET /me/events` returns them), get (also an
 * occurrence by its id), create, update and delete — on a series occurrence, update makes an exception
 * and delete cancels just that occurrence. Also served under `/me/calendar/events`.
 * A POST repeating an earlier `transactionId` returns the event already made ("event resource type":
 * transactionId lets the server avoid redundant POSTs on client retries).
 */
import { badRequest, notFound, malformedId } from '../core/errors';
import type { Router, SandboxContext, SandboxRequest, SandboxResponse } from '../core/types';
import { mailboxOf, userContext } from './context';
import { eventInput } from './eventInput';
import { assertIfMatch } from './ifMatch';
import { renderEvent, seriesZone, startOf, endOf } from './eventView';
import { isWellFormedId, newChangeKey, newICalUId, newRestId, parseOccurrenceId } from './ids';
import { entityBody, listPage } from './listing';
import { expandRecurrence, type RecurrenceInput } from './recurrence';
import { isSeries } from './series';
import { mailboxFor, type EventRecord, type MailboxState } from './state';
import { preferredZone } from './timezone';

const EVENT_TYPE = 'microsoft.graph.event';
/** Every property a client may $select on an event, rendered or not: Graph checks against the type, so an empty view accepts them too. */
const EXTRA_EVENT_PROPERTIES = [
  'id', 'createdDateTime', 'lastModifiedDateTime', 'changeKey', 'categories', 'transactionId', 'originalStartTimeZone',
  'originalEndTimeZone', 'iCalUId', 'reminderMinutesBeforeStart', 'isReminderOn', 'hasAttachments', 'subject',
  'bodyPreview', 'importance', 'sensitivity', 'isAllDay', 'isCancelled', 'isOrganizer', 'responseRequested', 'seriesMasterId',
  'showAs', 'type', 'webLink', 'onlineMeetingUrl', 'isOnlineMeeting', 'onlineMeetingProvider', 'allowNewTimeProposals',
  'isDraft', 'hideAttendees', 'originalStart', 'recurrence', 'onlineMeeting', 'responseStatus', 'body', 'start', 'end',
  'location', 'locations', 'attendees', 'organizer',
  'attachments', 'calendar', 'instances', 'extensions', 'singleValueExtendedProperties', 'multiValueExtendedProperties',
];

/** Adds `Preference-Applied` when the client asked for a time zone we honoured. */
export function zoneHeaders(req: SandboxRequest): { zone: string | undefined; headers: Record<string, string> } {
  const zone = preferredZone(req.prefer);
  return { zone, headers: zone ? { 'Preference-Applied': `outlook.timezone="${zone}"` } : {} };
}

interface Located {
  record: EventRecord;
  /** Set when the id named one occurrence of a series. */
  originalStart?: number;
}

export function locateEvent(box: MailboxState, id: string): Located {
  if (!isWellFormedId(id)) throw malformedId();
  const direct = box.events.find((e) => e.id === id);
  if (direct) return { record: direct };
  const occ = parseOccurrenceId(id);
  const master = occ ? box.events.find((e) => e.id === occ.masterId) : undefined;
  if (!occ || !master || !isSeries(master)) throw notFound();
  const start = startOf(master);
  const duration = endOf(master) - start;
  const zone = seriesZone(master, box.user.mailboxSettings.timeZone);
  const hits = expandRecurrence(master.data.recurrence as RecurrenceInput, start, duration, zone, occ.originalStartUtcMs, occ.originalStartUtcMs + 1);
  if (!hits.includes(occ.originalStartUtcMs) || master.cancelledOccurrences?.includes(occ.originalStartUtcMs)) throw notFound();
  return { record: master, originalStart: occ.originalStartUtcMs };
}

export function renderLocated(located: Located, zone: string | undefined): Record<string, unknown> {
  const { record, originalStart } = located;
  if (originalStart === undefined) return renderEvent(record, zone);
  const overrides = record.exceptions?.[String(originalStart)];
  return renderEvent(record, zone, { startUtc: originalStart, durationMs: endOf(record) - startOf(record), ...(overrides ? { overrides } : {}) });
}

function eventResponse(req: SandboxRequest, located: Located, status = 200): SandboxResponse {
  const { zone, headers } = zoneHeaders(req);
  return {
    status,
    headers,
    body: entityBody(renderLocated(located, zone), req, userContext(req, mailboxOf(req), 'events'), EVENT_TYPE, EXTRA_EVENT_PROPERTIES),
  };
}

function createEvent(ctx: SandboxContext, req: SandboxRequest): SandboxResponse {
  const box = mailboxFor(ctx, req.params.mailbox);
  const input = eventInput(req.body, true);
  if (typeof input.transactionId === 'string') {
    const earlier = box.events.find((e) => e.data.transactionId === input.transactionId);
    if (earlier) return eventResponse(req, { record: earlier }, 201);
  }
  const now = ctx.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const user = box.user;
  const start = input.start as { timeZone?: string };
  const end = input.end as { timeZone?: string };
  const record: EventRecord = {
    id: newRestId(ctx.random),
    iCalUId: newICalUId(ctx.random),
    changeKey: newChangeKey(ctx.random),
    createdDateTime: now,
    lastModifiedDateTime: now,
    data: {
      body: { contentType: 'html', content: '' },
      categories: [],
      attendees: [],
      originalStartTimeZone: start.timeZone ?? 'UTC',
      originalEndTimeZone: end.timeZone ?? 'UTC',
      ...input,
      type: input.recurrence ? 'seriesMaster' : 'singleInstance',
      recurrence: input.recurrence ?? null,
      isOrganizer: true,
      organizer: { emailAddress: { name: user.displayName, address: user.mail } },
      responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
    },
  };
  box.events.push(record);
  return eventResponse(req, { record }, 201);
}

function updateEvent(ctx: SandboxContext, req: SandboxRequest): SandboxResponse {
  const box = mailboxFor(ctx, req.params.mailbox);
  const located = locateEvent(box, req.params.eventId!);
  assertIfMatch(req, located.record.changeKey);
  const input = eventInput(req.body, false);
  const { record, originalStart } = located;
  if (originalStart !== undefined) {
    if (input.recurrence !== undefined) throw badRequest('The recurrence of an occurrence cannot be changed.', 'ErrorInvalidRequest');
    record.exceptions = { ...(record.exceptions ?? {}), [String(originalStart)]: { ...(record.exceptions?.[String(originalStart)] ?? {}), ...input } };
  } else {
    const data = { ...record.data, ...input };
    if ('body' in input) delete data.bodyPreview;
    if (input.start) data.originalStartTimeZone = (input.start as { timeZone?: string }).timeZone ?? 'UTC';
    if (input.end) data.originalEndTimeZone = (input.end as { timeZone?: string }).timeZone ?? 'UTC';
    if ('recurrence' in input) data.type = input.recurrence ? 'seriesMaster' : 'singleInstance';
    record.data = data;
  }
  record.changeKey = newChangeKey(ctx.random);
  record.lastModifiedDateTime = ctx.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return eventResponse(req, located);
}

function deleteEvent(ctx: SandboxContext, req: SandboxRequest): SandboxResponse {
  const box = mailboxFor(ctx, req.params.mailbox);
  const { record, originalStart } = locateEvent(box, req.params.eventId!);
  assertIfMatch(req, record.changeKey);
  if (originalStart !== undefined) record.cancelledOccurrences = [...(record.cancelledOccurrences ?? []), originalStart];
  else box.events = box.events.filter((e) => e !== record);
  return { status: 204 };
}

export function registerEventRoutes(router: Router, ctx: SandboxContext): void {
  for (const base of ['/me/events', '/me/calendar/events']) {
    router.add('GET', base, (req) => {
      const box = mailboxFor(ctx, req.params.mailbox);
      const { zone, headers } = zoneHeaders(req);
      return {
        status: 200,
        headers,
        body: listPage({
          items: box.events.map((e) => renderEvent(e, zone)),
          req,
          contextUrl: userContext(req, mailboxOf(req), 'events'),
          typeName: EVENT_TYPE,
          knownProperties: EXTRA_EVENT_PROPERTIES,
          defaultTop: 10,
          maxTop: 1000,
        }),
      };
    });
    router.add('POST', base, (req) => createEvent(ctx, req));
    router.add('GET', `${base}/{eventId}`, (req) => eventResponse(req, locateEvent(mailboxFor(ctx, req.params.mailbox), req.params.eventId!)));
    router.add('PATCH', `${base}/{eventId}`, (req) => updateEvent(ctx, req));
    router.add('DELETE', `${base}/{eventId}`, (req) => deleteEvent(ctx, req));
  }
}
