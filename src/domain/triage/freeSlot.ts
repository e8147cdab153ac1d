import { instantOfWallClock } from './dueDate';
import { addDays, isoWeekday, wallClockAt, type WallClock } from './timeZones';

/**
 * "Book time" (the zero-inbox method): a message that needs a block of time becomes an appointment at
 * the first free slot of the working week. Everything here is wall-clock arithmetic in the zone the
 * working hours are kept in, so a DST change mid-week moves no working day by an hour.
 */

export interface Interval {
  start: Date;
  end: Date;
}

export interface TimeOfDay {
  hour: number;
  minute: number;
}

export interface WorkingHours {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: number[];
  start: TimeOfDay;
  /** Must be after `start`: working hours that run past midnight are not supported. */
  end: TimeOfDay;
}

/** Monday–Friday 08:00–16:00: Finnish office hours, used when the mailbox has none. */
export const DEFAULT_WORKING_HOURS: Readonly<WorkingHours> = Object.freeze({
  days: [1, 2, 3, 4, 5],
  start: { hour: 8, minute: 0 },
  end: { hour: 16, minute: 0 },
});

export interface FreeSlotOptions {
  now: Date;
  lengthMinutes: number;
  /** IANA zone the working hours are in. */
  zone: string;
  workingHours: WorkingHours;
  /** No slot may end after this (the end of the working week). */
  horizonEnd: Date;
  /** Slots start on this grid, counted from the start of the working day. Default 15. */
  granularityMinutes?: number;
}

const MINUTE = 60_000;
// A horizon is a week; a year of days is a generous bound that still stops a runaway loop.
const MAX_DAYS = 366;

function isTimeOfDay(time: TimeOfDay): boolean {
  return Number.isInteger(time.hour) && time.hour >= 0 && time.hour <= 23 && Number.isInteger(time.minute) && time.minute >= 0 && time.minute <= 59;
}

const minutesOf = (time: TimeOfDay): number => time.hour * 60 + time.minute;

export function isValidWorkingHours(hours: WorkingHours): boolean {
  return (
    Array.isArray(hours.days) &&
    hours.days.length > 0 &&
    hours.days.every((day) => Number.isInteger(day) && day >= 1 && day <= 7) &&
    isTimeOfDay(hours.start) &&
    isTimeOfDay(hours.end) &&
    minutesOf(hours.start) < minutesOf(hours.end)
  );
}

const at = (day: WallClock, time: TimeOfDay, zone: string): Date => instantOfWallClock({ ...day, hour: time.hour, minute: time.minute, second: 0 }, zone);

function assertValidHours(hours: WorkingHours, caller: string): void {
  if (!isValidWorkingHours(hours)) throw new RangeError(`${caller}: invalid working hours ${JSON.stringify(hours)}`);
}

/**
 * When the working week ends: the end of working hours on the last working day of the current ISO week
 * (Monday first) in the zone, or of next week when that moment is now or past (a Saturday click books
 * into the coming week) — the same week boundary as the ASAP due date.
 * Throws RangeError for an invalid `now`, an unknown zone or invalid working hours.
 */
export function endOfWorkingWeek(now: Date, zone: string, workingHours: WorkingHours): Date {
  if (Number.isNaN(now.getTime())) throw new RangeError('endOfWorkingWeek: invalid now');
  assertValidHours(workingHours, 'endOfWorkingWeek');
  const today = wallClockAt(now, zone);
  const lastDay = Math.max(...workingHours.days);
  const day = addDays(today, lastDay - isoWeekday(today));
  const end = at(day, workingHours.end, zone);
  // From the wall clock again, not +7 days of ms, so a DST change in between is honoured.
  return now.getTime() < end.getTime() ? end : at(addDays(day, 7), workingHours.end, zone);
}

/**
 * The earliest slot of `lengthMinutes` that starts at or after `now`, on the granularity grid, within
 * working hours on a working day, overlapping no busy interval and ending by `horizonEnd`; undefined
 * when there is none (the caller offers next week).
 * Every interval passed counts as busy (tentative and out-of-office too): filtering out free time and
 * cancelled events is the caller's. An interval that ends at or before its start blocks nothing.
 */
export function firstFreeSlot(busy: readonly Interval[], options: FreeSlotOptions): Interval | undefined {
  const { now, lengthMinutes, zone, workingHours, horizonEnd } = options;
  const granularity = options.granularityMinutes ?? 15;
  if (Number.isNaN(now.getTime()) || Number.isNaN(horizonEnd.getTime())) throw new RangeError('firstFreeSlot: invalid now or horizonEnd');
  if (!Number.isFinite(lengthMinutes) || lengthMinutes <= 0) throw new RangeError(`firstFreeSlot: invalid length ${lengthMinutes}`);
  if (!Number.isInteger(granularity) || granularity <= 0) throw new RangeError(`firstFreeSlot: invalid granularity ${granularity}`);
  assertValidHours(workingHours, 'firstFreeSlot');

  const length = lengthMinutes * MINUTE;
  const step = granularity * MINUTE;
  const blocks = busy
    .map((b) => ({ start: b.start.getTime(), end: b.end.getTime() }))
    .filter((b) => b.end > b.start)
    .sort((a, b) => a.start - b.start);
  const days = new Set(workingHours.days);
  const horizon = horizonEnd.getTime();
  const today = wallClockAt(now, zone);

  for (let offset = 0; offset < MAX_DAYS; offset++) {
    const day = addDays(today, offset);
    const dayStart = at(day, workingHours.start, zone).getTime();
    if (dayStart >= horizon) return undefined;
    if (!days.has(isoWeekday(day))) continue;
    const dayEnd = Math.min(at(day, workingHours.end, zone).getTime(), horizon);

    // The grid is counted from the start of the working day, so slots land on :00/:15/:30/:45 wall
    // time whatever the zone's offset from UTC (Kathmandu is +5:45).
    const onGrid = (t: number): number => (t <= dayStart ? dayStart : dayStart + Math.ceil((t - dayStart) / step) * step);
    let start = onGrid(now.getTime());
    while (start + length <= dayEnd) {
      const end = start + length;
      const clash = blocks.find((b) => b.start < end && b.end > start);
      if (!clash) return { start: new Date(start), end: new Date(end) };
      start = onGrid(clash.end);
    }
  }
  return undefined;
}
