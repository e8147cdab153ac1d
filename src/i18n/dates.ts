/** One way to write a day everywhere in the pane (12/5/2026, 5.12.2026), so "Filed to" and the timeline agree. */
export const DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'numeric', year: 'numeric' };

/** A civil day (`2026-12-23`, an all-day event's) as the local midnight that formats as that day in any zone. */
export function civilDay(date: string): Date {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return new Date(y!, m! - 1, d!);
}
