/**
 * Reading Graph's date-times: the one place they are parsed.
 *
 * Graph writes an event's or a flag's time as a `dateTimeTimeZone`: a wall-clock `dateTime` without
 * an offset ("2025-04-04T16:00:00.0000000", seven fractional digits) and the zone it is read in
 * (`timeZone`: "UTC", a Windows id such as "FLE Standard Time", or an IANA id). Some answers (and the
 * plain date-time properties, `receivedDateTime`) carry the instant itself, with "Z" or an offset.
 * Either way the instant is what Trail compares and shows, never the text.
 */
import { instantOfWallClock } from './triage/dueDate';
import { toIanaZone } from './triage/timeZones';

export interface GraphDateTimeTimeZone {
  dateTime?: string | null;
  timeZone?: string | null;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?$/i;

/**
 * The instant a Graph date-time names, or undefined when it cannot be read (no value, text that is not
 * a date-time, a zone Trail cannot resolve such as "tzone://Microsoft/Custom"). A value with "Z" or an
 * offset is that instant whatever the zone says; one without is read on the clock of its `timeZone`,
 * UTC when none is given. Fractions of a second are kept to the millisecond, cut, never rounded.
 */
export function instantOfGraphDateTime(value: GraphDateTimeTimeZone | string | null | undefined): Date | undefined {
  const { dateTime, timeZone } = typeof value === 'string' ? { dateTime: value, timeZone: undefined } : (value ?? {});
  const match = DATE_TIME.exec((dateTime ?? '').trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction, offset] = match;
  const wall = { year: Number(year), month: Number(month), day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second ?? 0) };
  if (wall.month < 1 || wall.month > 12 || wall.day < 1 || wall.day > 31 || wall.hour > 23 || wall.minute > 59 || wall.second > 59) return undefined;
  const millis = fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
  if (offset) {
    const sign = offset[0] === '-' ? -1 : 1;
    const minutes = offset.toUpperCase() === 'Z' ? 0 : sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
    return new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, millis) - minutes * 60_000);
  }
  const zone = toIanaZone(timeZone?.trim() || 'UTC');
  if (!zone) return undefined;
  return new Date(instantOfWallClock(wall, zone).getTime() + millis);
}

/** The instant as ISO 8601 in UTC ("2025-04-04T13:00:00.000Z"), or undefined when it cannot be read. */
export function utcIsoOfGraphDateTime(value: GraphDateTimeTimeZone | string | null | undefined): string | undefined {
  return instantOfGraphDateTime(value)?.toISOString();
}
