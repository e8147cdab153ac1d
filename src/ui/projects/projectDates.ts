import type { IntlShape } from 'react-intl';
import type { CalendarStrings } from '@fluentui/react-datepicker-compat';
import type { MessageKey } from '../../i18n/messages';

/**
 * A project's dates in the user's language, whatever the browser's: Finnish d.M.yyyy (7.12.2026),
 * English day first as in en-GB (07/12/2026). The record keeps them as yyyy-mm-dd; a day here is a
 * local midnight, so no time zone moves it.
 */
const finnish = (locale: string) => locale.toLowerCase().startsWith('fi');
const two = (n: number) => String(n).padStart(2, '0');

export function formatDay(date: Date | undefined, locale: string): string {
  if (!date) return '';
  const [d, m, y] = [date.getDate(), date.getMonth() + 1, date.getFullYear()];
  return finnish(locale) ? `${d}.${m}.${y}` : `${two(d)}/${two(m)}/${y}`;
}

/** The day typed, day first (either language, any of . / - between), or yyyy-mm-dd; null when it is no real day. */
export function parseDay(text: string): Date | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const dayFirst = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})$/.exec(t);
  const [y, m, d] = iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : dayFirst ? [Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])] : [NaN, NaN, NaN];
  if (!Number.isFinite(y)) return null;
  const year = y < 100 ? 2000 + y : y;
  const date = new Date(year, m - 1, d);
  return date.getFullYear() === year && date.getMonth() === m - 1 && date.getDate() === d ? date : null;
}

export function dayOfIso(iso: string | null): Date | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

export const isoOfDay = (date: Date): string => `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;

/** Month and weekday names from the platform's own Finnish or English; the calendar's labels from the catalogue. */
export function calendarStrings(intl: IntlShape): CalendarStrings {
  const locale = finnish(intl.locale) ? 'fi' : 'en-GB';
  const names = (options: Intl.DateTimeFormatOptions, dates: Date[]) => dates.map((date) => new Intl.DateTimeFormat(locale, options).format(date));
  const months = Array.from({ length: 12 }, (_, i) => new Date(2026, i, 1));
  const days = Array.from({ length: 7 }, (_, i) => new Date(2026, 1, 1 + i)); // 1 February 2026 is a Sunday
  // The calendar fills its own {0} in these: ICU would read it as an argument, so it is passed through.
  const word = (id: MessageKey) => intl.formatMessage({ id }, { day: '{0}' });
  return {
    months: names({ month: 'long' }, months),
    shortMonths: names({ month: 'short' }, months),
    days: names({ weekday: 'long' }, days),
    shortDays: names({ weekday: finnish(intl.locale) ? 'short' : 'narrow' }, days),
    goToToday: word('dates.goToToday'),
    prevMonthAriaLabel: word('dates.prevMonth'),
    nextMonthAriaLabel: word('dates.nextMonth'),
    prevYearAriaLabel: word('dates.prevYear'),
    nextYearAriaLabel: word('dates.nextYear'),
    prevYearRangeAriaLabel: word('dates.prevYears'),
    nextYearRangeAriaLabel: word('dates.nextYears'),
    closeButtonAriaLabel: word('dates.close'),
    selectedDateFormatString: word('dates.selected'),
    todayDateFormatString: word('dates.today'),
    monthPickerHeaderAriaLabel: word('dates.monthHeader'),
    yearPickerHeaderAriaLabel: word('dates.yearHeader'),
    weekNumberFormatString: word('dates.week'),
    dayMarkedAriaLabel: word('dates.marked'),
  };
}
