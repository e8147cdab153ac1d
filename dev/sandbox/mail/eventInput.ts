/**
 * Validating event bodies for create and update: known writable properties only (unknown names are
 * OData's 400 RequestBodyRead), well-formed start/end in a known time zone, end not before start,
 * and a recurrence with a pattern and a range.
 */
import { badRequest, emptyPayload, unknownProperty } from '../core/errors';
import { instantOf, requireZone } from './timezone';

const EVENT_TYPE = 'microsoft.graph.event';

export const WRITABLE_EVENT_PROPERTIES = [
  'subject', 'body', 'start', 'end', 'location', 'locations', 'attendees', 'isAllDay', 'showAs', 'importance',
  'sensitivity', 'categories', 'recurrence', 'isOnlineMeeting', 'onlineMeetingProvider', 'reminderMinutesBeforeStart',
  'isReminderOn', 'responseRequested', 'allowNewTimeProposals', 'hideAttendees', 'transactionId', 'originalStartTimeZone',
  'originalEndTimeZone', 'isCancelled', 'singleValueExtendedProperties', 'multiValueExtendedProperties', 'extensions',
];
const READ_ONLY = ['id', 'createdDateTime', 'lastModifiedDateTime', 'changeKey', 'iCalUId', 'uid', 'type', 'seriesMasterId', 'webLink', 'organizer', 'isOrganizer', 'responseStatus', 'bodyPreview', 'hasAttachments', 'isDraft', 'onlineMeeting', 'onlineMeetingUrl', 'originalStart'];
const PATTERNS = ['daily', 'weekly', 'absoluteMonthly', 'relativeMonthly', 'absoluteYearly', 'relativeYearly'];
const RANGES = ['endDate', 'noEnd', 'numbered'];
const SHOW_AS = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkRecurrence(value: unknown): void {
  if (value === null) return;
  if (!isRecord(value) || !isRecord(value.pattern) || !isRecord(value.range)) {
    throw badRequest('The recurrence must have a pattern and a range.', 'ErrorPropertyValidationFailure');
  }
  if (!PATTERNS.includes(String(value.pattern.type))) throw badRequest(`Requested value '${String(value.pattern.type)}' was not found.`, 'RequestBodyRead');
  if (!RANGES.includes(String(value.range.type))) throw badRequest(`Requested value '${String(value.range.type)}' was not found.`, 'RequestBodyRead');
  if (typeof value.range.startDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value.range.startDate)) {
    throw badRequest('The recurrence range must have a valid start date.', 'ErrorPropertyValidationFailure');
  }
  if (value.range.recurrenceTimeZone !== undefined) requireZone(value.range.recurrenceTimeZone);
}

/** Returns the validated body; `creating` requires start and end. */
export function eventInput(body: unknown, creating: boolean): Record<string, unknown> {
  if (!isRecord(body)) throw emptyPayload();
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith('@odata.') || READ_ONLY.includes(key)) continue;
    if (!WRITABLE_EVENT_PROPERTIES.includes(key)) throw unknownProperty(key, EVENT_TYPE);
    input[key] = value;
  }
  for (const key of ['start', 'end']) {
    const value = input[key];
    if (value === undefined) {
      if (creating) throw badRequest('Your request can\'t be completed. The start and end of the event must both be set.', 'ErrorPropertyValidationFailure');
      continue;
    }
    instantOf(value);
    requireZone((value as { timeZone?: unknown }).timeZone ?? 'UTC');
  }
  if (input.start !== undefined && input.end !== undefined && instantOf(input.end) < instantOf(input.start)) {
    throw badRequest('The end of the event must be after its start.', 'ErrorInvalidRequest');
  }
  if (input.recurrence !== undefined) checkRecurrence(input.recurrence);
  if (input.showAs !== undefined && !SHOW_AS.includes(String(input.showAs))) {
    throw badRequest(`Requested value '${String(input.showAs)}' was not found.`, 'RequestBodyRead');
  }
  if (input.attendees !== undefined) {
    if (!Array.isArray(input.attendees)) throw badRequest('Invalid value for attendees.', 'RequestBodyRead');
    input.attendees = input.attendees.map((a: unknown) => ({
      type: 'required',
      status: { response: 'none', time: '0001-01-01T00:00:00Z' },
      ...(isRecord(a) ? a : {}),
    }));
  }
  return input;
}
