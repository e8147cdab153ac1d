/**
 * Stored events as Graph returns them: start/end in UTC unless `Prefer: outlook.timezone` names a zone,
 * series occurrences with their own ids, `type: 'occurrence'` and `seriesMasterId`, each with its own
 * iCalUId (the series' with the occurrence's date). No `uid`: neither the v1.0 event page nor the description
 * (February 2023) lists it, and the response check refuses properties the type does not have.
 */
import { eventWebLink, occurrenceICalUId, occurrenceId } from './ids';
import type { EventRecord } from './state';
import { ianaZone, instantOf, toDateTimeTimeZone } from './timezone';

export interface EventOverrides {
  /** Exception data stored for one occurrence (PATCHed occurrence). */
  [property: string]: unknown;
}

/** The series' time zone: recurrence zone, else the zone the organiser created it in, else UTC. */
export function seriesZone(record: EventRecord, fallback = 'UTC'): string {
  const d = record.data as { recurrence?: { range?: { recurrenceTimeZone?: string } }; originalStartTimeZone?: string; start?: { timeZone?: string } };
  for (const name of [d.recurrence?.range?.recurrenceTimeZone, d.originalStartTimeZone, d.start?.timeZone, fallback]) {
    const zone = name ? ianaZone(name) : undefined;
    if (zone) return zone;
  }
  return 'UTC';
}

export const startOf = (record: EventRecord): number => instantOf(record.data.start);
export const endOf = (record: EventRecord): number => instantOf(record.data.end);

function htmlToPreview(body: unknown): string {
  const b = body as { content?: unknown } | undefined;
  const text = typeof b?.content === 'string' ? b.content.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim() : '';
  return text.slice(0, 255);
}

export function renderEvent(
  record: EventRecord,
  outputZone: string | undefined,
  occurrence?: { startUtc: number; durationMs: number; overrides?: EventOverrides },
): Record<string, unknown> {
  const d = { ...record.data, ...(occurrence?.overrides ?? {}) } as Record<string, unknown>;
  const startUtc = occurrence ? (occurrence.overrides?.start ? instantOf(occurrence.overrides.start) : occurrence.startUtc) : startOf(record);
  const endUtc = occurrence
    ? occurrence.overrides?.end
      ? instantOf(occurrence.overrides.end)
      : occurrence.startUtc + occurrence.durationMs
    : endOf(record);
  const isSeriesMaster = !occurrence && d.type === 'seriesMaster';
  const id = occurrence ? occurrenceId(record.id, occurrence.startUtc) : record.id;
  const type = occurrence ? (occurrence.overrides ? 'exception' : 'occurrence') : d.type === 'seriesMaster' ? 'seriesMaster' : 'singleInstance';
  const zoneName = (d.originalStartTimeZone as string | undefined) ?? (d.start as { timeZone?: string } | undefined)?.timeZone ?? 'UTC';
  return {
    '@odata.etag': `W/"${record.changeKey}"`,
    id,
    createdDateTime: record.createdDateTime,
    lastModifiedDateTime: record.lastModifiedDateTime,
    changeKey: record.changeKey,
    categories: d.categories ?? [],
    transactionId: d.transactionId ?? null,
    originalStartTimeZone: zoneName,
    originalEndTimeZone: (d.originalEndTimeZone as string | undefined) ?? (d.end as { timeZone?: string } | undefined)?.timeZone ?? zoneName,
    iCalUId: occurrence ? occurrenceICalUId(record.iCalUId, occurrence.startUtc) : record.iCalUId,
    reminderMinutesBeforeStart: d.reminderMinutesBeforeStart ?? 15,
    isReminderOn: d.isReminderOn ?? true,
    hasAttachments: d.hasAttachments ?? false,
    subject: d.subject ?? '',
    bodyPreview: d.bodyPreview ?? htmlToPreview(d.body),
    importance: d.importance ?? 'normal',
    sensitivity: d.sensitivity ?? 'normal',
    isAllDay: d.isAllDay ?? false,
    isCancelled: d.isCancelled ?? false,
    isOrganizer: d.isOrganizer ?? true,
    responseRequested: d.responseRequested ?? true,
    seriesMasterId: occurrence ? record.id : null,
    showAs: d.showAs ?? 'busy',
    type,
    webLink: eventWebLink(id),
    onlineMeetingUrl: null,
    isOnlineMeeting: d.isOnlineMeeting ?? false,
    onlineMeetingProvider: d.onlineMeetingProvider ?? 'unknown',
    allowNewTimeProposals: d.allowNewTimeProposals ?? true,
    isDraft: false,
    hideAttendees: d.hideAttendees ?? false,
    ...(occurrence ? { originalStart: new Date(occurrence.startUtc).toISOString().replace('.000Z', 'Z') } : {}),
    recurrence: isSeriesMaster ? (d.recurrence ?? null) : null,
    onlineMeeting: d.onlineMeeting ?? null,
    responseStatus: d.responseStatus ?? { response: 'organizer', time: '0001-01-01T00:00:00Z' },
    body: d.body ?? { contentType: 'html', content: '' },
    start: toDateTimeTimeZone(startUtc, outputZone),
    end: toDateTimeTimeZone(endUtc, outputZone),
    location: renderLocation(d.location),
    locations: renderLocations(d.location, d.locations),
    attendees: d.attendees ?? [],
    organizer: d.organizer ?? null,
  };
}

type LocationInput = { displayName?: unknown; locationType?: unknown; uniqueId?: unknown; uniqueIdType?: unknown; [member: string]: unknown };

/**
 * Outlook completes a location the client gave only a name: `locationType` "default", and the name as a
 * private `uniqueId` ("Create event" and "List events" examples: {"displayName": "Harry's Bar",
 * "locationType": "default", "uniqueId": "Harry's Bar", "uniqueIdType": "private"}). No location is
 * an empty one of unknown id type.
 */
function renderLocation(raw: unknown): Record<string, unknown> {
  const given = (typeof raw === 'object' && raw !== null ? raw : {}) as LocationInput;
  const name = typeof given.displayName === 'string' ? given.displayName : '';
  if (!name) return { displayName: '', locationType: 'default', uniqueIdType: 'unknown', ...given };
  return { locationType: 'default', uniqueId: name, uniqueIdType: 'private', ...given, displayName: name };
}

/**
 * The `locations` collection mirrors `location` ("event resource": the two always correspond); each
 * entry named only by the client is of "default" type and "unknown" id type, as in the examples.
 */
function renderLocations(location: unknown, locations: unknown): Array<Record<string, unknown>> {
  const given = Array.isArray(locations) ? (locations as LocationInput[]) : [];
  const single = renderLocation(location);
  const entries = given.length > 0 ? given : single.displayName ? [{ displayName: single.displayName }] : [];
  return entries.map((entry) => ({ locationType: 'default', uniqueIdType: 'unknown', ...entry }));
}
