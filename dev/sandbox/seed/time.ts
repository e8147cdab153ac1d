/**
 * Helsinki wall-clock arithmetic without Intl: the generator plans in "civil" milliseconds (Helsinki
 * wall time encoded as if it were UTC, so day and hour arithmetic is plain addition) and converts to
 * real UTC only when writing Graph timestamps. Hand-rolled EU DST rules keep it fast and identical on
 * every ICU build.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Last Sunday of a month, 01:00 UTC: when EU summer time starts (March) and ends (October). */
function lastSunday0100Utc(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0);
  const dow = new Date(lastDay).getUTCDay();
  return lastDay - dow * DAY + HOUR;
}

export function isHelsinkiSummerTime(utcMs: number): boolean {
  const year = new Date(utcMs).getUTCFullYear();
  return utcMs >= lastSunday0100Utc(year, 2) && utcMs < lastSunday0100Utc(year, 9);
}

export function helsinkiOffset(utcMs: number): number {
  return isHelsinkiSummerTime(utcMs) ? 3 * HOUR : 2 * HOUR;
}

export function utcToCivil(utcMs: number): number {
  return utcMs + helsinkiOffset(utcMs);
}

/** Wall time to UTC. In the autumn overlap hour the earlier (summer) reading wins, as Outlook does. */
export function civilToUtc(civilMs: number): number {
  const summer = civilMs - 3 * HOUR;
  return isHelsinkiSummerTime(summer) ? summer : civilMs - 2 * HOUR;
}

export function startOfCivilDay(civilMs: number): number {
  return Math.floor(civilMs / DAY) * DAY;
}

/** 0 = Sunday … 6 = Saturday, of the civil (Helsinki) date. */
export function civilWeekday(civilMs: number): number {
  return new Date(civilMs).getUTCDay();
}

export function isWeekend(civilMs: number): boolean {
  const d = civilWeekday(civilMs);
  return d === 0 || d === 6;
}

/** Minutes since local midnight. */
export function civilMinuteOfDay(civilMs: number): number {
  return Math.floor((civilMs - startOfCivilDay(civilMs)) / MINUTE);
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `2026-11-24T09:00:00Z`: what Graph returns for message timestamps (whole seconds). */
export function isoUtc(utcMs: number): string {
  return new Date(Math.floor(utcMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** `2026-11-24T09:00:00.0000000`: dateTimeTimeZone.dateTime as Graph writes it. */
export function graphDateTime(ms: number): string {
  const d = new Date(Math.floor(ms / 1000) * 1000);
  return `${d.toISOString().slice(0, 19)}.0000000`;
}

/** `2026-11-24` of a civil or UTC instant (whichever clock `ms` is on). */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const FI_MONTHS_GENITIVE = [
  'tammikuuta', 'helmikuuta', 'maaliskuuta', 'huhtikuuta', 'toukokuuta', 'kesäkuuta',
  'heinäkuuta', 'elokuuta', 'syyskuuta', 'lokakuuta', 'marraskuuta', 'joulukuuta',
];
export const FI_MONTHS = [
  'tammikuu', 'helmikuu', 'maaliskuu', 'huhtikuu', 'toukokuu', 'kesäkuu',
  'heinäkuu', 'elokuu', 'syyskuu', 'lokakuu', 'marraskuu', 'joulukuu',
];
const FI_WEEKDAYS = ['sunnuntai', 'maanantai', 'tiistai', 'keskiviikko', 'torstai', 'perjantai', 'lauantai'];
const FI_WEEKDAYS_SHORT = ['su', 'ma', 'ti', 'ke', 'to', 'pe', 'la'];
const EN_MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const EN_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** `12.3.` — how Finns write a date in running text and subjects. */
export function fiShortDate(civilMs: number): string {
  const d = new Date(civilMs);
  return `${d.getUTCDate()}.${d.getUTCMonth() + 1}.`;
}

/** `to 12.3.` */
export function fiDayAndDate(civilMs: number): string {
  return `${FI_WEEKDAYS_SHORT[civilWeekday(civilMs)]} ${fiShortDate(civilMs)}`;
}

/** `10.15` — Finnish clock notation uses a dot. */
export function fiClock(civilMs: number): string {
  const d = new Date(civilMs);
  return `${d.getUTCHours()}.${pad(d.getUTCMinutes())}`;
}

/** `torstai 12. marraskuuta 2026 10.14`, as Finnish Outlook writes "Lähetetty:" in a reply header. */
export function fiLongDateTime(civilMs: number): string {
  const d = new Date(civilMs);
  return `${FI_WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()}. ${FI_MONTHS_GENITIVE[d.getUTCMonth()]} ${d.getUTCFullYear()} ${fiClock(civilMs)}`;
}

/** `Thursday, November 12, 2026 10:14 AM`, as English Outlook writes "Sent:". */
export function enLongDateTime(civilMs: number): string {
  const d = new Date(civilMs);
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${EN_WEEKDAYS[d.getUTCDay()]}, ${EN_MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} ${h12}:${pad(d.getUTCMinutes())} ${h < 12 ? 'AM' : 'PM'}`;
}

/** `Wednesday` */
export function enWeekday(civilMs: number): string {
  return EN_WEEKDAYS[civilWeekday(civilMs)] ?? '';
}

/** `12 March` for English running text. */
export function enDate(civilMs: number): string {
  const d = new Date(civilMs);
  return `${d.getUTCDate()} ${EN_MONTHS[d.getUTCMonth()]}`;
}

/** `11–12 November`, or `31 October–1 November` across a month end. */
export function enDateRange(fromCivil: number, toCivil: number): string {
  const a = new Date(fromCivil);
  const b = new Date(toCivil);
  return a.getUTCMonth() === b.getUTCMonth() ? `${a.getUTCDate()}–${enDate(toCivil)}` : `${enDate(fromCivil)}–${enDate(toCivil)}`;
}

/** ISO week number, for "viikko 47" newsletters. */
export function isoWeek(civilMs: number): number {
  const d = new Date(startOfCivilDay(civilMs));
  const dow = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - dow);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return Math.ceil(((d.getTime() - yearStart) / DAY + 1) / 7);
}

/** Easter Sunday (anonymous Gregorian algorithm), as a UTC-midnight day number in ms. */
function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(year, month - 1, day);
}

/** Finnish public holidays that fall on weekdays and close an institute (plus Christmas Eve, Midsummer Eve). */
export function isFinnishHoliday(civilMs: number): boolean {
  const d = new Date(startOfCivilDay(civilMs));
  const y = d.getUTCFullYear();
  const md = `${d.getUTCMonth() + 1}-${d.getUTCDate()}`;
  if (['1-1', '1-6', '5-1', '12-6', '12-24', '12-25', '12-26'].includes(md)) return true;
  const easter = easterSunday(y);
  const t = d.getTime();
  if (t === easter - 2 * DAY || t === easter + DAY || t === easter + 39 * DAY) return true;
  // Midsummer Eve: the Friday between 19 and 25 June.
  return d.getUTCMonth() === 5 && d.getUTCDay() === 5 && d.getUTCDate() >= 19 && d.getUTCDate() <= 25;
}

/** A day the institute is open: not a weekend, not a public holiday. */
export function isWorkday(civilMs: number): boolean {
  return !isWeekend(civilMs) && !isFinnishHoliday(civilMs);
}

/** The first workday on or after the given civil time's day (time of day kept). */
export function onOrAfterWorkday(civilMs: number): number {
  let t = civilMs;
  while (!isWorkday(t)) t += DAY;
  return t;
}

/** The last workday on or before the given civil time's day (time of day kept). */
export function onOrBeforeWorkday(civilMs: number): number {
  let t = civilMs;
  while (!isWorkday(t)) t -= DAY;
  return t;
}
