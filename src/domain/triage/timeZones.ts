/**
 * Time zones as Graph names them and as Intl needs them.
 *
 * Graph's mailboxSettings.timeZone is usually a Windows zone id ("FLE Standard Time"), sometimes an
 * IANA id. Intl only knows IANA ids, so wall-clock arithmetic maps the Windows id first; what we write
 * back to Graph keeps the mailbox's own name, so Outlook shows the flag in the zone the user chose.
 */

/**
 * Windows zone id → IANA id, for the zones Trail's users (Nordic, Baltic, European, and a few
 * partners further away) actually have. Source: Unicode CLDR, common/supplemental/windowsZones.xml,
 * the territory="001" (primary) row of each zone, with two deliberate departures:
 *  - "FLE Standard Time" takes the FI row (Europe/Helsinki) instead of 001 (Europe/Kiev): Trail's home
 *    is Finland, and both follow the same EU rules today;
 *  - "India Standard Time" uses Asia/Kolkata, the current IANA name; CLDR keeps the older alias
 *    Asia/Calcutta as its stable key.
 * Keys are lower-cased so a differently cased name from an older client still maps.
 */
const WINDOWS_TO_IANA: ReadonlyMap<string, string> = new Map(
  (
    [
      ['UTC', 'Etc/UTC'],
      ['GMT Standard Time', 'Europe/London'],
      ['Greenwich Standard Time', 'Atlantic/Reykjavik'],
      ['W. Europe Standard Time', 'Europe/Berlin'],
      ['Romance Standard Time', 'Europe/Paris'],
      ['Central Europe Standard Time', 'Europe/Budapest'],
      ['Central European Standard Time', 'Europe/Warsaw'],
      ['FLE Standard Time', 'Europe/Helsinki'],
      ['GTB Standard Time', 'Europe/Bucharest'],
      ['E. Europe Standard Time', 'Europe/Chisinau'],
      ['Kaliningrad Standard Time', 'Europe/Kaliningrad'],
      ['Russian Standard Time', 'Europe/Moscow'],
      ['Belarus Standard Time', 'Europe/Minsk'],
      ['Turkey Standard Time', 'Europe/Istanbul'],
      ['Israel Standard Time', 'Asia/Jerusalem'],
      ['South Africa Standard Time', 'Africa/Johannesburg'],
      ['Arabian Standard Time', 'Asia/Dubai'],
      ['India Standard Time', 'Asia/Kolkata'],
      ['China Standard Time', 'Asia/Shanghai'],
      ['Singapore Standard Time', 'Asia/Singapore'],
      ['Tokyo Standard Time', 'Asia/Tokyo'],
      ['AUS Eastern Standard Time', 'Australia/Sydney'],
      ['New Zealand Standard Time', 'Pacific/Auckland'],
      ['Eastern Standard Time', 'America/New_York'],
      ['Central Standard Time', 'America/Chicago'],
      ['Mountain Standard Time', 'America/Denver'],
      ['Pacific Standard Time', 'America/Los_Angeles'],
      ['E. South America Standard Time', 'America/Sao_Paulo'],
    ] as const
  ).map(([windows, iana]) => [windows.toLowerCase(), iana]),
);

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
export function toDateTimeTimeZone(instant: Date, zoneName: string): { dateTime: string; timeZone: string } {
  const iana = toIanaZone(zoneName);
  const zone = iana ?? 'UTC';
  const wall = wallClockAt(instant, zone);
  return {
    dateTime: `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`,
    timeZone: iana ? zoneName.trim() : 'UTC',
  };
}
