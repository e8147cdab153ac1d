import { addDays, isoWeekday, wallClockAsUtc, wallClockAt, type WallClock } from './timeZones';

/**
 * When an ASAP message is due: "within the same week" (the zero-inbox method), at the end of the
 * working week as the user defines it, on the clock of the mailbox's time zone.
 */

/** ISO weekday (1 = Monday … 7 = Sunday) and a time of day in the mailbox's zone. */
export interface DueRule {
  weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  hour: number;
  minute: number;
}

/** Friday 16:00: the end of the working week in Finland. */
export const DEFAULT_DUE_RULE: Readonly<DueRule> = Object.freeze({ weekday: 5, hour: 16, minute: 0 });

export function isValidDueRule(rule: DueRule): boolean {
  return (
    Number.isInteger(rule.weekday) &&
    rule.weekday >= 1 &&
    rule.weekday <= 7 &&
    Number.isInteger(rule.hour) &&
    rule.hour >= 0 &&
    rule.hour <= 23 &&
    Number.isInteger(rule.minute) &&
    rule.minute >= 0 &&
    rule.minute <= 59
  );
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Offset of the zone from UTC at an instant, in ms (Helsinki winter: +2 h). */
function offsetAt(instant: number, zone: string): number {
  const whole = Math.floor(instant / 1000) * 1000; // Intl shows whole seconds only
  return wallClockAsUtc(wallClockAt(new Date(whole), zone)) - whole;
}

/**
 * The instant a wall-clock time happens in a zone. A time that happens twice (autumn fall-back) takes
 * the first; a time that never happens (spring-forward gap) takes the next instant that exists, i.e.
 * the moment the clocks jump (Helsinki: 03:30 on the last Sunday of March → 04:00 EEST).
 */
export function instantOfWallClock(wall: WallClock, zone: string): Date {
  const naive = wallClockAsUtc(wall);
  // Offsets a day either side cover the one on each side of any transition near this wall time.
  const offsets = new Set([offsetAt(naive - DAY, zone), offsetAt(naive, zone), offsetAt(naive + DAY, zone)]);
  const matches = [...offsets].map((offset) => naive - offset).filter((t) => wallClockAsUtc(wallClockAt(new Date(t), zone)) === naive);
  if (matches.length > 0) return new Date(Math.min(...matches));

  // In a gap: the wall clock runs forward everywhere except at fall-back, so search for the first
  // instant whose wall time is at or past the wanted one, between the two offsets' readings.
  const candidates = [...offsets].map((offset) => naive - offset);
  let low = Math.min(...candidates);
  let high = Math.max(...candidates);
  while (high - low > 1000) {
    const middle = low + Math.floor((high - low) / 2000) * 1000;
    if (wallClockAsUtc(wallClockAt(new Date(middle), zone)) >= naive) high = middle;
    else low = middle;
  }
  return new Date(high);
}

/**
 * Start and due for an ASAP flag: start now; due on the rule's weekday and time in the current ISO week
 * (Monday first) as the user's zone reckons it, or a week later if that moment is now or past.
 * Throws RangeError for an invalid `now`, an unknown IANA zone or an out-of-range rule; map Graph's
 * zone name with `toIanaZone` first.
 */
export function asapDue(now: Date, zone: string, rule: DueRule = DEFAULT_DUE_RULE): { start: Date; due: Date } {
  if (Number.isNaN(now.getTime())) throw new RangeError('asapDue: invalid now');
  if (!isValidDueRule(rule)) throw new RangeError(`asapDue: invalid due rule ${JSON.stringify(rule)}`);
  const today = wallClockAt(now, zone);
  const target = addDays(today, rule.weekday - isoWeekday(today));
  const at = { ...target, hour: rule.hour, minute: rule.minute, second: 0 };
  let due = instantOfWallClock(at, zone);
  // Recomputed from the wall clock, not +7 days of ms, so a DST change in between is honoured.
  if (now.getTime() >= due.getTime()) due = instantOfWallClock(addDays(at, 7), zone);
  return { start: new Date(now.getTime()), due };
}

/** Overdue from the due moment on, the same boundary asapDue uses to move to next week. */
export function isOverdue(due: Date, now: Date): boolean {
  const dueTime = due.getTime();
  const nowTime = now.getTime();
  if (Number.isNaN(dueTime) || Number.isNaN(nowTime)) return false;
  return nowTime >= dueTime;
}
