/**
 * Expands a Graph patternedRecurrence into occurrence start instants, in the series' own time zone
 * (so a 09:00 weekly meeting stays at 09:00 across DST). Patterns and ranges as in
 * "recurrencePattern resource type" / "recurrenceRange resource type".
 */
import { utcToWall, wallToUtc } from './timezone';

const DAY_MS = 86_400_000;
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const INDEXES = ['first', 'second', 'third', 'fourth'];
/** Enough for decades of daily meetings; stops runaway `noEnd` series. */
const MAX_CANDIDATE_DAYS = 366 * 30;

export interface RecurrenceInput {
  pattern: {
    type: string;
    interval?: number;
    month?: number;
    dayOfMonth?: number;
    daysOfWeek?: string[];
    firstDayOfWeek?: string;
    index?: string;
  };
  range: {
    type: string;
    startDate: string;
    endDate?: string;
    numberOfOccurrences?: number;
  };
}

/** Days since the epoch of a `YYYY-MM-DD` date. */
const dayNumber = (date: string): number => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
const dateOf = (day: number): Date => new Date(day * DAY_MS);

function daysInMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

/** The `index`-th (or last) day in the month whose weekday is one of `weekdays`. */
function relativeDay(year: number, month0: number, weekdays: number[], index: string): number | undefined {
  const matches: number[] = [];
  for (let d = 1; d <= daysInMonth(year, month0); d++) {
    if (weekdays.includes(new Date(Date.UTC(year, month0, d)).getUTCDay())) matches.push(d);
  }
  return index === 'last' ? matches[matches.length - 1] : matches[Math.max(0, INDEXES.indexOf(index))];
}

/** Whether the pattern puts an occurrence on this calendar day (days counted from the epoch). */
function occursOn(p: RecurrenceInput['pattern'], day: number, firstDay: number): boolean {
  const interval = Math.max(1, p.interval ?? 1);
  const date = dateOf(day);
  const year = date.getUTCFullYear();
  const month0 = date.getUTCMonth();
  const weekdays = (p.daysOfWeek ?? []).map((d) => DAYS.indexOf(d.toLowerCase())).filter((d) => d >= 0);
  const first = dateOf(firstDay);
  const monthsApart = (year - first.getUTCFullYear()) * 12 + (month0 - first.getUTCMonth());
  switch (p.type) {
    case 'daily':
      return (day - firstDay) % interval === 0;
    case 'weekly': {
      if (!weekdays.includes(date.getUTCDay())) return false;
      const weekStart = DAYS.indexOf((p.firstDayOfWeek ?? 'sunday').toLowerCase());
      const startOfWeek = (d: number): number => d - ((dateOf(d).getUTCDay() - weekStart + 7) % 7);
      return Math.round((startOfWeek(day) - startOfWeek(firstDay)) / 7) % interval === 0;
    }
    case 'absoluteMonthly': {
      if (monthsApart % interval !== 0) return false;
      return date.getUTCDate() === Math.min(p.dayOfMonth ?? first.getUTCDate(), daysInMonth(year, month0));
    }
    case 'relativeMonthly':
      return monthsApart % interval === 0 && relativeDay(year, month0, weekdays, p.index ?? 'first') === date.getUTCDate();
    case 'absoluteYearly': {
      const month = (p.month ?? first.getUTCMonth() + 1) - 1;
      if (month0 !== month || (year - first.getUTCFullYear()) % interval !== 0) return false;
      return date.getUTCDate() === Math.min(p.dayOfMonth ?? first.getUTCDate(), daysInMonth(year, month0));
    }
    case 'relativeYearly': {
      const month = (p.month ?? first.getUTCMonth() + 1) - 1;
      if (month0 !== month || (year - first.getUTCFullYear()) % interval !== 0) return false;
      return relativeDay(year, month0, weekdays, p.index ?? 'first') === date.getUTCDate();
    }
    default:
      return false;
  }
}

/**
 * Occurrence starts (UTC ms) of a series whose first instance starts at `seriesStartUtc`, lasting
 * `durationMs`, that overlap [windowStart, windowEnd). `zone` is the series' IANA time zone.
 */
export function expandRecurrence(
  recurrence: RecurrenceInput,
  seriesStartUtc: number,
  durationMs: number,
  zone: string,
  windowStart: number,
  windowEnd: number,
): number[] {
  const wallStart = utcToWall(seriesStartUtc, zone);
  const timeOfDay = ((wallStart % DAY_MS) + DAY_MS) % DAY_MS;
  const firstDay = dayNumber(recurrence.range.startDate);
  const lastDay = recurrence.range.type === 'endDate' && recurrence.range.endDate ? dayNumber(recurrence.range.endDate) : Infinity;
  const maxCount = recurrence.range.type === 'numbered' ? Math.max(0, recurrence.range.numberOfOccurrences ?? 0) : Infinity;
  const starts: number[] = [];
  let count = 0;
  for (let day = firstDay; day <= lastDay && day - firstDay < MAX_CANDIDATE_DAYS && count < maxCount; day++) {
    if (!occursOn(recurrence.pattern, day, firstDay)) continue;
    count++;
    const start = wallToUtc(day * DAY_MS + timeOfDay, zone);
    if (start >= windowEnd) break;
    if (start + durationMs > windowStart || (durationMs === 0 && start >= windowStart)) starts.push(start);
  }
  return starts;
}
