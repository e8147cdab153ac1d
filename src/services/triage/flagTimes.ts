/**
 * Comparing flag dates by the instant they name. Graph answers flag dates in UTC whatever zone they
 * were written in, so "the same due date" can only be judged as an instant, never as text.
 */
import { instantOfWallClock } from '../../domain/triage/dueDate';
import { toIanaZone } from '../../domain/triage/timeZones';
import type { DateTimeTimeZone, FollowupFlag } from './types';

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/;

/** The instant a dateTimeTimeZone names, or undefined when it cannot be read. */
export function instantOf(value: DateTimeTimeZone | undefined): Date | undefined {
  if (!value) return undefined;
  const match = WALL_CLOCK.exec(value.dateTime.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction] = match;
  const zone = toIanaZone(value.timeZone);
  if (!zone) return undefined;
  const wall = { year: Number(year), month: Number(month), day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second ?? 0) };
  const millis = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
  return new Date(instantOfWallClock(wall, zone).getTime() + millis);
}

/** Same instant to the second (Graph keeps seconds; our own writes carry no fractions). */
export function sameInstant(a: DateTimeTimeZone | undefined, b: DateTimeTimeZone | undefined): boolean {
  if (!a || !b) return !a && !b;
  const left = instantOf(a);
  const right = instantOf(b);
  if (!left || !right) return a.dateTime === b.dateTime && a.timeZone === b.timeZone;
  return Math.floor(left.getTime() / 1000) === Math.floor(right.getTime() / 1000);
}

/** Two flags that Outlook would show alike: same status and the same dates that status carries. */
export function sameFlag(a: FollowupFlag, b: FollowupFlag): boolean {
  if (a.flagStatus !== b.flagStatus) return false;
  if (a.flagStatus === 'notFlagged') return true;
  const datesAlike = sameInstant(a.startDateTime, b.startDateTime) && sameInstant(a.dueDateTime, b.dueDateTime);
  return a.flagStatus === 'complete' ? datesAlike && sameInstant(a.completedDateTime, b.completedDateTime) : datesAlike;
}
