/**
 * Graph's dateTimeTimeZone values: wall-clock `dateTime` (7 fraction digits, no offset) plus a zone
 * name that may be a Windows id (`FLE Standard Time`, what Exchange returns) or an IANA id.
 * Conversions use the platform's time-zone database, so DST is right.
 */
import { badRequest } from '../core/errors';

/** Common Windows zone ids (CLDR windowsZones, "001" territory). */
const WINDOWS_TO_IANA: Record<string, string> = {
  'utc': 'UTC',
  'coordinated universal time': 'UTC',
  'gmt standard time': 'Europe/London',
  'greenwich standard time': 'Atlantic/Reykjavik',
  'w. europe standard time': 'Europe/Berlin',
  'central europe standard time': 'Europe/Budapest',
  'romance standard time': 'Europe/Paris',
  'central european standard time': 'Europe/Warsaw',
  'fle standard time': 'Europe/Helsinki',
  'e. europe standard time': 'Europe/Chisinau',
  'gtb standard time': 'Europe/Bucharest',
  'russian standard time': 'Europe/Moscow',
  'eastern standard time': 'America/New_York',
  'central standard time': 'America/Chicago',
  'mountain standard time': 'America/Denver',
  'pacific standard time': 'America/Los_Angeles',
  'tokyo standard time': 'Asia/Tokyo',
  'india standard time': 'Asia/Kolkata',
  'china standard time': 'Asia/Shanghai',
  'singapore standard time': 'Asia/Singapore',
  'aus eastern standard time': 'Australia/Sydney',
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The IANA zone for a Windows or IANA name, or undefined when the name is unknown. */
export function ianaZone(name: string): string | undefined {
  const trimmed = name.trim();
  const mapped = WINDOWS_TO_IANA[trimmed.toLowerCase()];
  if (mapped) return mapped;
  if (/^(etc\/)?(utc|gmt)$/i.test(trimmed)) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: trimmed });
    return trimmed;
  } catch {
    return undefined;
  }
}

export function requireZone(name: unknown): string {
  const zone = typeof name === 'string' ? ianaZone(name) : undefined;
  if (!zone) throw badRequest(`A valid TimeZone value must be specified. The following TimeZone value is not supported: '${String(name)}'.`, 'TimeZoneNotSupportedException');
  return zone;
}

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Offset of `zone` from UTC at the instant `utcMs`, in milliseconds. */
export function offsetMs(utcMs: number, zone: string): number {
  if (zone === 'UTC') return 0;
  const parts = Object.fromEntries(formatter(zone).formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/** Wall-clock time in `zone` (given as if it were UTC) to the real instant. */
export function wallToUtc(wallMs: number, zone: string): number {
  const first = wallMs - offsetMs(wallMs, zone);
  return wallMs - offsetMs(first, zone);
}

export const utcToWall = (utcMs: number, zone: string): number => utcMs + offsetMs(utcMs, zone);

/** Parses a `dateTime` string; one without an offset is wall time (returned as if UTC). */
export function parseWall(dateTime: string): { ms: number; absolute: boolean } | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2})?)(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/i.exec(dateTime.trim());
  if (!match) return undefined;
  const fraction = (match[3] ?? '').slice(0, 4);
  const ms = Date.parse(`${match[1]}T${match[2] ?? '00:00:00'}${fraction}${match[4] ?? 'Z'}`);
  return Number.isNaN(ms) ? undefined : { ms, absolute: match[4] !== undefined };
}

export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

export const isDateTimeTimeZone = (v: unknown): v is DateTimeTimeZone =>
  typeof v === 'object' && v !== null && typeof (v as DateTimeTimeZone).dateTime === 'string';

/** The instant a dateTimeTimeZone denotes; throws Graph-style 400s for bad values. */
export function instantOf(value: unknown): number {
  if (!isDateTimeTimeZone(value)) throw badRequest('The dateTimeTimeZone value is missing or invalid.', 'ErrorInvalidArgument');
  const parsed = parseWall(value.dateTime);
  if (!parsed) throw badRequest(`Cannot convert the literal '${value.dateTime}' to the expected type 'Edm.DateTimeOffset'.`, 'ErrorInvalidArgument');
  if (parsed.absolute) return parsed.ms;
  return wallToUtc(parsed.ms, requireZone(value.timeZone ?? 'UTC'));
}

/** `2024-03-01T08:00:00.0000000`: how Graph writes dateTimeTimeZone.dateTime. */
export function graphWall(wallMs: number): string {
  return new Date(wallMs).toISOString().slice(0, 19) + '.0000000';
}

/** The instant as Graph would return it in the zone named `zoneName` (UTC when absent). */
export function toDateTimeTimeZone(utcMs: number, zoneName = 'UTC'): DateTimeTimeZone {
  const zone = ianaZone(zoneName) ?? 'UTC';
  return { dateTime: graphWall(utcToWall(utcMs, zone)), timeZone: zone === 'UTC' ? 'UTC' : zoneName };
}

/** `Prefer: outlook.timezone="W. Europe Standard Time"`, if sent and known. */
export function preferredZone(prefer: string[]): string | undefined {
  for (const token of prefer) {
    const match = /^outlook\.timezone\s*=\s*"?([^"]+)"?$/i.exec(token);
    if (match?.[1] && ianaZone(match[1])) return match[1];
  }
  return undefined;
}
