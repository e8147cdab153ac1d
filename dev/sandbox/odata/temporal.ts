/**
 * ISO 8601 dates and date-times as OData writes them (ABNF `date`, `dateTimeOffsetValue`),
 * turned into comparable instants.
 *
 * An instant is whole seconds since the epoch plus a fraction of a second in picoseconds
 * (up to the ABNF's 12 fractional digits). One double cannot do it: Graph emits 7-digit
 * fractions (100 ns ticks), and ticks since 1970 need more than 53 bits.
 */

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const HYPHEN = 45;
const PLUS = 43;
const COLON = 58;
const DOT = 46;
const UPPER_T = 84;
const LOWER_T = 116;
const UPPER_Z = 90;
const LOWER_Z = 122;

const FRACTION_DIGITS = 12;
const PICOSECONDS_PER_MILLISECOND = 1e9;

const isDigitCode = (code: number): boolean => code >= DIGIT_0 && code <= DIGIT_9;

/** Cheap pre-check so ordinary strings are rejected at once: `dddd-dd-dd...`. */
export function looksTemporal(text: string): boolean {
  return (
    text.length >= 10 &&
    isDigitCode(text.charCodeAt(0)) &&
    isDigitCode(text.charCodeAt(1)) &&
    isDigitCode(text.charCodeAt(2)) &&
    isDigitCode(text.charCodeAt(3)) &&
    text.charCodeAt(4) === HYPHEN &&
    text.charCodeAt(7) === HYPHEN
  );
}

export interface InstantParts {
  /** Whole seconds since 1970-01-01T00:00:00Z. */
  seconds: number;
  /** Fraction of the second in picoseconds, 0 to 999,999,999,999. */
  fraction: number;
  hasTime: boolean;
  hasOffset: boolean;
}

/** An instant read once (a literal, a Date on an item); `text` is kept for messages. */
export class Instant {
  constructor(
    readonly seconds: number,
    readonly fraction: number,
    readonly text: string,
  ) {}

  static fromDate(date: Date): Instant {
    const epochMs = date.getTime();
    const seconds = Math.floor(epochMs / 1000);
    return new Instant(seconds, (epochMs - seconds * 1000) * PICOSECONDS_PER_MILLISECOND, Number.isNaN(epochMs) ? '' : date.toISOString());
  }
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const daysInMonth = (year: number, month: number): number =>
  month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);

function utcEpochSeconds(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second) / 1000;
  // Date.UTC maps years 0-99 onto 1900-1999; setting the year afterwards avoids that.
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  date.setUTCFullYear(year);
  return date.getTime() / 1000;
}

/** Value of `count` decimal digits at `start`, or -1 if any is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let position = start; position < start + count; position += 1) {
    const code = text.charCodeAt(position);
    if (!isDigitCode(code)) return -1;
    value = value * 10 + (code - DIGIT_0);
  }
  return value;
}

/**
 * Reads `yyyy-mm-dd` or `yyyy-mm-ddThh:mm[:ss[.f…]]` with an optional `Z` or `±hh:mm` offset into
 * `target`. Returns false when the text is not of that form or a field is out of range. A value
 * without an offset is read as UTC; `hasOffset` tells the caller whether one was given.
 * Hand-rolled and allocation-free because it runs per item in filter and sort loops.
 */
function readInto(text: string, target: InstantParts): boolean {
  if (!looksTemporal(text)) return false;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  if (text.length === 10) {
    target.seconds = utcEpochSeconds(year, month, day, 0, 0, 0);
    target.fraction = 0;
    target.hasTime = false;
    target.hasOffset = false;
    return true;
  }

  const separator = text.charCodeAt(10);
  if (separator !== UPPER_T && separator !== LOWER_T) return false;
  const hour = digitsAt(text, 11, 2);
  const minute = text.charCodeAt(13) === COLON ? digitsAt(text, 14, 2) : -1;
  if (hour < 0 || minute < 0) return false;
  let position = 16;
  let second = 0;
  let fraction = 0;
  if (text.charCodeAt(position) === COLON) {
    second = digitsAt(text, position + 1, 2);
    if (second < 0) return false;
    position += 3;
    if (text.charCodeAt(position) === DOT) {
      const fractionStart = position + 1;
      for (position = fractionStart; position < text.length && isDigitCode(text.charCodeAt(position)); position += 1) {
        fraction = fraction * 10 + (text.charCodeAt(position) - DIGIT_0);
      }
      const fractionDigits = position - fractionStart;
      if (fractionDigits < 1 || fractionDigits > FRACTION_DIGITS) return false;
      fraction *= 10 ** (FRACTION_DIGITS - fractionDigits);
    }
  }
  // .NET's DateTimeOffset (what Graph parses into) has no leap second, so 60 is out of range.
  if (hour > 23 || minute > 59 || second > 59) return false;

  let offsetMinutes = 0;
  let hasOffset = false;
  if (position < text.length) {
    const offsetSign = text.charCodeAt(position);
    if ((offsetSign === UPPER_Z || offsetSign === LOWER_Z) && position === text.length - 1) {
      hasOffset = true;
    } else if ((offsetSign === PLUS || offsetSign === HYPHEN) && position + 6 === text.length && text.charCodeAt(position + 3) === COLON) {
      const offsetHours = digitsAt(text, position + 1, 2);
      const offsetRemainder = digitsAt(text, position + 4, 2);
      if (offsetHours < 0 || offsetRemainder < 0 || offsetRemainder > 59 || offsetHours * 60 + offsetRemainder > 14 * 60) return false;
      offsetMinutes = (offsetSign === HYPHEN ? -1 : 1) * (offsetHours * 60 + offsetRemainder);
      hasOffset = true;
    } else {
      return false;
    }
  }
  target.seconds = utcEpochSeconds(year, month, day, hour, minute, second) - offsetMinutes * 60;
  target.fraction = fraction;
  target.hasTime = true;
  target.hasOffset = hasOffset;
  return true;
}

/** Parses one ISO date or date-time; undefined when it is not one. Allocates: for literals, not hot loops. */
export function parseTemporal(text: string): InstantParts | undefined {
  const parts: InstantParts = { seconds: 0, fraction: 0, hasTime: false, hasOffset: false };
  return readInto(text, parts) ? parts : undefined;
}

// Reused by the comparison helpers so hot loops do not allocate.
const scratchLeft: InstantParts = { seconds: 0, fraction: 0, hasTime: false, hasOffset: false };
const scratchRight: InstantParts = { seconds: 0, fraction: 0, hasTime: false, hasOffset: false };

/** -1, 0 or 1; NaN stays NaN so an invalid Date never compares equal. */
const sign = (difference: number): number => (difference < 0 ? -1 : difference > 0 ? 1 : difference === 0 ? 0 : Number.NaN);

function compareParts(leftSeconds: number, leftFraction: number, rightSeconds: number, rightFraction: number): number {
  return leftSeconds !== rightSeconds ? sign(leftSeconds - rightSeconds) : sign(leftFraction - rightFraction);
}

/** Orders two ISO strings as instants; NaN when either is not an ISO date or date-time. */
export function compareTemporalTexts(left: string, right: string): number {
  if (!readInto(left, scratchLeft) || !readInto(right, scratchRight)) return Number.NaN;
  return compareParts(scratchLeft.seconds, scratchLeft.fraction, scratchRight.seconds, scratchRight.fraction);
}

/** Orders an ISO string against an instant; NaN when the string is not an ISO date or date-time. */
export function compareTemporalTextToInstant(text: string, instant: Instant): number {
  if (!readInto(text, scratchLeft)) return Number.NaN;
  return compareParts(scratchLeft.seconds, scratchLeft.fraction, instant.seconds, instant.fraction);
}

export function compareInstants(left: Instant, right: Instant): number {
  return compareParts(left.seconds, left.fraction, right.seconds, right.fraction);
}

/**
 * True when two ISO strings can be ordered by plain string comparison: same length and both
 * in UTC (`Z`), the shape Graph and SharePoint store. Saves parsing in hot sort loops.
 */
export function sameUtcShape(left: string, right: string): boolean {
  if (left.length !== right.length) return false;
  const lastIndex = left.length - 1;
  const end = left.charCodeAt(lastIndex);
  return (end === UPPER_Z || end === LOWER_Z) && right.charCodeAt(lastIndex) === end && left.charCodeAt(10) === right.charCodeAt(10);
}
