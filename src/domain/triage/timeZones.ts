/**
 * Time zones as Graph names them and as Intl needs them.
 *
 * Graph's mailboxSettings.timeZone is usually a Windows zone id ("FLE Standard Time"), sometimes an
 * IANA id. Intl only knows IANA ids, so wall-clock arithmetic maps the Windows id first; what we write
 * back to Graph keeps the mailbox's own name, so Outlook shows the flag in the zone the user chose.
 */

import { WINDOWS_TO_IANA_MAP } from 'windows-iana';

/**
 * Windows zone id → IANA id, for every Windows zone Unicode CLDR knows (common/supplemental/windowsZones.xml,
 * as the `windows-iana` package keeps it): the territory="001" (primary) row of each zone, with two
 * deliberate departures:
 *  - "FLE Standard Time" takes the FI row (Europe/Helsinki) instead of 001 (Europe/Kiev): Trail's home
 *    is Finland, and both follow the same EU rules today;
 *  - "India Standard Time" uses Asia/Kolkata, the current IANA name; CLDR keeps the older alias
 *    Asia/Calcutta as its stable key.
 * Keys are lower-cased so a differently cased name from an older client still maps.
 */
const DEPARTURES: ReadonlyArray<readonly [string, string]> = [
  ['FLE Standard Time', 'Europe/Helsinki'],
  ['India Standard Time', 'Asia/Kolkata'],
];

const WINDOWS_TO_IANA: ReadonlyMap<string, string> = new Map([
  ...WINDOWS_TO_IANA_MAP.filter((row) => row.territory === '001' && row.iana.length > 0).map((row) => [row.windowsName.toLowerCase(), row.iana[0]!] as const),
  ...DEPARTURES.map(([windows, iana]) => [windows.toLowerCase(), iana] as const),
]);

/** True when Intl (full ICU in Node 20 and every Outlook host's browser) knows the IANA id. */
export function isIanaZone(name: string): boolean {
  if (!name || name.trim() !== name) return false;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The IANA id for a zone name as Graph gives it: a known Windows id through the table, a valid IANA id
 * as it is. Undefined for anything else (a Windows zone outside the table, "tzone://Microsoft/Custom"),
 * so the caller decides the fallback rather than silently getting UTC.
 */
export function toIanaZone(name: string): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return undefined;
  const mapped = WINDOWS_TO_IANA.get(trimmed.toLowerCase());
  if (mapped) return mapped;
  return isIanaZone(trimmed) ? trimmed : undefined;
}

/** Calendar fields of one instant as a clock on the wall in some zone shows them. */
export interface WallClock {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number; // 0–23
  minute: number;
  second: number;
}

// Building a DateTimeFormat is far dearer than using one; the set of zones in use is tiny.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    // Latin digits and a 0–23 hour cycle whatever the runtime's default locale is.
    formatter = new Intl.DateTimeFormat('en-US-u-nu-latn', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The wall clock in an IANA zone at an instant. Throws RangeError for a zone Intl does not know. */
export function wallClockAt(instant: Date, zone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? NaN,
    month: fields.month ?? NaN,
    day: fields.day ?? NaN,
    // Some engines still print midnight as 24 despite h23.
    hour: (fields.hour ?? NaN) % 24,
    minute: fields.minute ?? NaN,
    second: fields.second ?? NaN,
  };
}

/** The wall clock read as if it were UTC: the basis for offsets and for calendar arithmetic. */
export function wallClockAsUtc(wall: WallClock): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/**
 * Graph's dateTimeTimeZone for an instant: the wall-clock time in the mailbox's zone, named as Graph
 * named it. A zone we cannot resolve falls back to UTC, which is still the same instant to Graph.
 */
/** Calendar date arithmetic on a wall clock, done in UTC so no zone can interfere. */
export function addDays(wall: WallClock, days: number): WallClock {
  const date = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days));
  return { ...wall, year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The ISO weekday of a wall clock's date: Monday 1 … Sunday 7. */
export function isoWeekday(wall: WallClock): number {
  const sundayZero = new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
  return sundayZero === 0 ? 7 : sundayZero;
}

export function toDateTimeTimeZone(instant: Date, zoneName: string): { dateTime: string; timeZone: string } {
  const iana = toIanaZone(zoneName);
  const zone = iana ?? 'UTC';
  const wall = wallClockAt(instant, zone);
  return {
    dateTime: `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`,
    timeZone: iana ? zoneName.trim() : 'UTC',
  };
}
