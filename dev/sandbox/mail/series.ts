/** The instances of a stored event inside a time window: the event itself, or a series' occurrences. */
import type { RecurrenceInput } from './recurrence';
import { expandRecurrence } from './recurrence';
import type { EventRecord } from './state';
import { endOf, seriesZone, startOf, type EventOverrides } from './eventView';
import { instantOf } from './timezone';

export interface Instance {
  record: EventRecord;
  /** Present for occurrences of a series. */
  occurrence?: { startUtc: number; durationMs: number; overrides?: EventOverrides };
  startUtc: number;
  endUtc: number;
}

export function isSeries(record: EventRecord): boolean {
  return record.data.type === 'seriesMaster' && typeof record.data.recurrence === 'object' && record.data.recurrence !== null;
}

export function occurrencesOf(record: EventRecord, from: number, to: number, fallbackZone: string): Instance[] {
  const start = startOf(record);
  const duration = endOf(record) - start;
  const cancelled = new Set(record.cancelledOccurrences ?? []);
  return expandRecurrence(record.data.recurrence as RecurrenceInput, start, duration, seriesZone(record, fallbackZone), from - 366 * 86_400_000, to)
    .filter((s) => !cancelled.has(s))
    .map((s): Instance => {
      const overrides = record.exceptions?.[String(s)];
      const startUtc = overrides?.start ? instantOf(overrides.start) : s;
      const endUtc = overrides?.end ? instantOf(overrides.end) : s + duration;
      return { record, occurrence: { startUtc: s, durationMs: duration, ...(overrides ? { overrides } : {}) }, startUtc, endUtc };
    })
    .filter((i) => i.startUtc < to && (i.endUtc > from || (i.endUtc === i.startUtc && i.startUtc >= from)));
}

/** Everything that shows on a calendar in [from, to): single instances and occurrences, by start. */
export function instancesBetween(records: EventRecord[], from: number, to: number, fallbackZone: string): Instance[] {
  const out: Instance[] = [];
  for (const record of records) {
    if (isSeries(record)) {
      out.push(...occurrencesOf(record, from, to, fallbackZone));
    } else {
      const startUtc = startOf(record);
      const endUtc = endOf(record);
      if (startUtc < to && (endUtc > from || (endUtc === startUtc && startUtc >= from))) out.push({ record, startUtc, endUtc });
    }
  }
  return out.sort((a, b) => a.startUtc - b.startUtc);
}
