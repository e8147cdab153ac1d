/**
 * Comparing flag dates by the instant they name. Graph answers flag dates in UTC whatever zone they
 * were written in, so "the same due date" can only be judged as an instant, never as text.
 */
import { instantOfGraphDateTime } from '../../domain/graphDateTime';
import type { DateTimeTimeZone, FollowupFlag } from './types';

/** Same instant to the second (Graph keeps seconds; our own writes carry no fractions). */
export function sameInstant(a: DateTimeTimeZone | undefined, b: DateTimeTimeZone | undefined): boolean {
  if (!a || !b) return !a && !b;
  const left = instantOfGraphDateTime(a);
  const right = instantOfGraphDateTime(b);
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
