/** One way to write a day everywhere in the pane (12/5/2026, 5.12.2026), so "Filed to" and the timeline agree. */
export const DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'numeric', year: 'numeric' };
