import { asapDue, DEFAULT_DUE_RULE, instantOfWallClock, isOverdue, type DueRule } from '../../../../src/domain/triage/dueDate';

// Helsinki: EET = UTC+2 in winter, EEST = UTC+3 from 2025-03-30 01:00Z to 2025-10-26 01:00Z.
const HELSINKI = 'Europe/Helsinki';
const iso = (d: Date): string => d.toISOString();

describe('asapDue with the default rule (Friday 16:00) in Europe/Helsinki, winter', () => {
  // The week of Monday 2025-01-13; Friday 16:00 EET = 14:00Z.
  test.each([
    ['Monday 00:00 (still Sunday in UTC)', '2025-01-12T22:00:00.000Z', '2025-01-17T14:00:00.000Z'],
    ['Monday 09:00', '2025-01-13T07:00:00.000Z', '2025-01-17T14:00:00.000Z'],
    ['Tuesday 13:15', '2025-01-14T11:15:00.000Z', '2025-01-17T14:00:00.000Z'],
    ['Wednesday 07:30', '2025-01-15T05:30:00.000Z', '2025-01-17T14:00:00.000Z'],
    ['Thursday 23:59', '2025-01-16T21:59:00.000Z', '2025-01-17T14:00:00.000Z'],
    ['Friday 08:00', '2025-01-17T06:00:00.000Z', '2025-01-17T14:00:00.000Z'],
    ['Friday 15:59', '2025-01-17T13:59:00.000Z', '2025-01-17T14:00:00.000Z'],
    ['Friday 15:59:59.999', '2025-01-17T13:59:59.999Z', '2025-01-17T14:00:00.000Z'],
    ['Friday 16:00 exactly', '2025-01-17T14:00:00.000Z', '2025-01-24T14:00:00.000Z'],
    ['Friday 16:01', '2025-01-17T14:01:00.000Z', '2025-01-24T14:00:00.000Z'],
    ['Friday 23:30', '2025-01-17T21:30:00.000Z', '2025-01-24T14:00:00.000Z'],
    ['Saturday 10:00', '2025-01-18T08:00:00.000Z', '2025-01-24T14:00:00.000Z'],
    ['Sunday 12:00', '2025-01-19T10:00:00.000Z', '2025-01-24T14:00:00.000Z'],
    ['Sunday 23:59 (Monday begins in a minute)', '2025-01-19T21:59:00.000Z', '2025-01-24T14:00:00.000Z'],
  ])('%s (%s) → %s', (_label, now, due) => {
    const result = asapDue(new Date(now), HELSINKI);
    expect(iso(result.start)).toBe(now);
    expect(iso(result.due)).toBe(due);
  });

  test('start is a copy of now, not the same object', () => {
    const now = new Date('2025-01-13T07:00:00.000Z');
    expect(asapDue(now, HELSINKI).start).not.toBe(now);
  });
});

describe('asapDue in Europe/Helsinki, summer and across DST changes', () => {
  test.each([
    ['summer Wednesday', '2025-06-11T09:00:00.000Z', '2025-06-13T13:00:00.000Z'],
    ['summer Friday 16:00 EEST exactly', '2025-06-13T13:00:00.000Z', '2025-06-20T13:00:00.000Z'],
    // Week of 24–30 March: Friday still EET; the clocks go forward on Sunday.
    ['March, Friday 15:59 EET', '2025-03-28T13:59:00.000Z', '2025-03-28T14:00:00.000Z'],
    ['March, Friday 16:00 EET → Friday 16:00 EEST', '2025-03-28T14:00:00.000Z', '2025-04-04T13:00:00.000Z'],
    ['March, Saturday before the change', '2025-03-29T10:00:00.000Z', '2025-04-04T13:00:00.000Z'],
    ['March, Sunday 02:59:59 EET, the last second before the jump', '2025-03-30T00:59:59.000Z', '2025-04-04T13:00:00.000Z'],
    ['March, Sunday 05:00 EEST after the change', '2025-03-30T02:00:00.000Z', '2025-04-04T13:00:00.000Z'],
    // Week of 20–26 October: Friday still EEST; the clocks go back on Sunday.
    ['October, Friday 15:59 EEST', '2025-10-24T12:59:00.000Z', '2025-10-24T13:00:00.000Z'],
    ['October, Friday 16:00 EEST → Friday 16:00 EET', '2025-10-24T13:00:00.000Z', '2025-10-31T14:00:00.000Z'],
    ['October, Saturday before the change', '2025-10-25T09:00:00.000Z', '2025-10-31T14:00:00.000Z'],
    ['October, Sunday 03:30 EEST (first pass)', '2025-10-26T00:30:00.000Z', '2025-10-31T14:00:00.000Z'],
    ['October, Sunday 03:30 EET (second pass)', '2025-10-26T01:30:00.000Z', '2025-10-31T14:00:00.000Z'],
    ['October, the week after', '2025-10-27T08:00:00.000Z', '2025-10-31T14:00:00.000Z'],
    // ISO week 1 of 2026 starts on Monday 29 December 2025.
    ['New Year’s Eve, Wednesday', '2025-12-31T10:00:00.000Z', '2026-01-02T14:00:00.000Z'],
    ['leap day 2028, Tuesday', '2028-02-29T10:00:00.000Z', '2028-03-03T14:00:00.000Z'],
  ])('%s (%s) → %s', (_label, now, due) => {
    expect(iso(asapDue(new Date(now), HELSINKI).due)).toBe(due);
  });
});

describe('asapDue with a rule on the DST-changing Sunday in Europe/Helsinki', () => {
  const at = (hour: number, minute: number): DueRule => ({ weekday: 7, hour, minute });

  test.each([
    // 2025-03-30: 03:00 EET becomes 04:00 EEST at 01:00Z; 03:00–03:59 never happen.
    ['02:59, the last minute before the gap', at(2, 59), '2025-03-24T07:00:00.000Z', '2025-03-30T00:59:00.000Z'],
    ['03:00, the first minute of the gap → 04:00 EEST', at(3, 0), '2025-03-24T07:00:00.000Z', '2025-03-30T01:00:00.000Z'],
    ['03:30, inside the gap → 04:00 EEST', at(3, 30), '2025-03-24T07:00:00.000Z', '2025-03-30T01:00:00.000Z'],
    ['04:00, the first valid time after the gap', at(4, 0), '2025-03-24T07:00:00.000Z', '2025-03-30T01:00:00.000Z'],
    ['03:30 in the gap, now exactly at the jump → next Sunday 03:30 EEST', at(3, 30), '2025-03-30T01:00:00.000Z', '2025-04-06T00:30:00.000Z'],
    // 2025-10-26: 04:00 EEST becomes 03:00 EET at 01:00Z; 03:00–03:59 happen twice.
    ['03:30, ambiguous → the first (EEST)', at(3, 30), '2025-10-20T07:00:00.000Z', '2025-10-26T00:30:00.000Z'],
    ['03:00, ambiguous → the first (EEST)', at(3, 0), '2025-10-20T07:00:00.000Z', '2025-10-26T00:00:00.000Z'],
    ['04:00, once only (EET)', at(4, 0), '2025-10-20T07:00:00.000Z', '2025-10-26T02:00:00.000Z'],
    ['02:59, before the overlap (EEST)', at(2, 59), '2025-10-20T07:00:00.000Z', '2025-10-25T23:59:00.000Z'],
    ['03:30 at its first pass exactly → next Sunday 03:30 EET', at(3, 30), '2025-10-26T00:30:00.000Z', '2025-11-02T01:30:00.000Z'],
    ['03:30, now between the two passes → next Sunday, not the second pass', at(3, 30), '2025-10-26T01:00:00.000Z', '2025-11-02T01:30:00.000Z'],
  ])('%s', (_label, rule, now, due) => {
    expect(iso(asapDue(new Date(now), HELSINKI, rule).due)).toBe(due);
  });
});

describe('asapDue in other zones', () => {
  test.each([
    ['UTC Monday', 'UTC', '2025-01-13T08:00:00.000Z', '2025-01-17T16:00:00.000Z'],
    ['UTC Friday 16:00 exactly', 'UTC', '2025-01-17T16:00:00.000Z', '2025-01-24T16:00:00.000Z'],
    ['UTC Sunday 22:00 (already Monday in Helsinki)', 'UTC', '2025-01-12T22:00:00.000Z', '2025-01-17T16:00:00.000Z'],
    ['Etc/UTC Wednesday', 'Etc/UTC', '2025-07-09T12:00:00.000Z', '2025-07-11T16:00:00.000Z'],
    // New York: EST = UTC−5, EDT = UTC−4 from 2025-03-09 07:00Z to 2025-11-02 06:00Z.
    ['New York, winter Wednesday', 'America/New_York', '2025-01-15T15:00:00.000Z', '2025-01-17T21:00:00.000Z'],
    ['New York, Saturday before spring forward', 'America/New_York', '2025-03-08T15:00:00.000Z', '2025-03-14T20:00:00.000Z'],
    ['New York, Friday 16:00 EST exactly', 'America/New_York', '2025-03-07T21:00:00.000Z', '2025-03-14T20:00:00.000Z'],
    ['New York, Friday 17:00 EDT before fall back', 'America/New_York', '2025-10-31T21:00:00.000Z', '2025-11-07T21:00:00.000Z'],
    ['New York, Friday 23:00 (already Saturday in UTC)', 'America/New_York', '2025-01-18T04:00:00.000Z', '2025-01-24T21:00:00.000Z'],
    // Kolkata: IST = UTC+5:30, no DST.
    ['Kolkata, Wednesday', 'Asia/Kolkata', '2025-01-15T12:00:00.000Z', '2025-01-17T10:30:00.000Z'],
    ['Kolkata, Friday 15:59', 'Asia/Kolkata', '2025-01-17T10:29:00.000Z', '2025-01-17T10:30:00.000Z'],
    ['Kolkata, Friday 16:00 exactly', 'Asia/Kolkata', '2025-01-17T10:30:00.000Z', '2025-01-24T10:30:00.000Z'],
    ['Kolkata, Monday 00:30 (still Sunday in UTC)', 'Asia/Kolkata', '2025-01-19T19:00:00.000Z', '2025-01-24T10:30:00.000Z'],
  ])('%s (%s, %s) → %s', (_label, zone, now, due) => {
    expect(iso(asapDue(new Date(now), zone).due)).toBe(due);
  });

  test('a spring-forward gap in New York (Sunday 02:30 → 03:00 EDT)', () => {
    const due = asapDue(new Date('2025-03-03T12:00:00.000Z'), 'America/New_York', { weekday: 7, hour: 2, minute: 30 }).due;
    expect(iso(due)).toBe('2025-03-09T07:00:00.000Z');
  });

  test('a fall-back overlap in New York (Sunday 01:30 → the EDT one)', () => {
    const due = asapDue(new Date('2025-10-27T12:00:00.000Z'), 'America/New_York', { weekday: 7, hour: 1, minute: 30 }).due;
    expect(iso(due)).toBe('2025-11-02T05:30:00.000Z');
  });
});

describe('asapDue with custom rules', () => {
  const thursdayNoon: DueRule = { weekday: 4, hour: 12, minute: 0 };
  const mondayEight: DueRule = { weekday: 1, hour: 8, minute: 0 };
  const sundayLate: DueRule = { weekday: 7, hour: 23, minute: 59 };
  const fridayLate: DueRule = { weekday: 5, hour: 17, minute: 45 };

  test.each([
    ['Thursday 12:00, on Wednesday', thursdayNoon, '2025-01-15T08:00:00.000Z', '2025-01-16T10:00:00.000Z'],
    ['Thursday 12:00, on Thursday 11:59', thursdayNoon, '2025-01-16T09:59:00.000Z', '2025-01-16T10:00:00.000Z'],
    ['Thursday 12:00, on Thursday 12:00 exactly', thursdayNoon, '2025-01-16T10:00:00.000Z', '2025-01-23T10:00:00.000Z'],
    ['Thursday 12:00, on Friday (already past this week)', thursdayNoon, '2025-01-17T08:00:00.000Z', '2025-01-23T10:00:00.000Z'],
    ['Thursday 12:00, summer', thursdayNoon, '2025-06-09T08:00:00.000Z', '2025-06-12T09:00:00.000Z'],
    ['Monday 08:00, on Monday 07:59', mondayEight, '2025-01-13T05:59:00.000Z', '2025-01-13T06:00:00.000Z'],
    ['Monday 08:00, on Monday 09:00', mondayEight, '2025-01-13T07:00:00.000Z', '2025-01-20T06:00:00.000Z'],
    ['Monday 08:00, on Sunday → tomorrow', mondayEight, '2025-01-19T10:00:00.000Z', '2025-01-20T06:00:00.000Z'],
    ['Sunday 23:59, on Monday', sundayLate, '2025-01-13T07:00:00.000Z', '2025-01-19T21:59:00.000Z'],
    ['Sunday 23:59, on Sunday 23:59:30', sundayLate, '2025-01-19T21:59:30.000Z', '2025-01-26T21:59:00.000Z'],
    ['Friday 17:45', fridayLate, '2025-01-13T07:00:00.000Z', '2025-01-17T15:45:00.000Z'],
  ])('%s → %s', (_label, rule, now, due) => {
    expect(iso(asapDue(new Date(now), HELSINKI, rule).due)).toBe(due);
  });

  test('the default rule is Friday 16:00', () => {
    expect(DEFAULT_DUE_RULE).toEqual({ weekday: 5, hour: 16, minute: 0 });
  });

  test.each([
    ['weekday 0', { weekday: 0, hour: 16, minute: 0 }],
    ['weekday 8', { weekday: 8, hour: 16, minute: 0 }],
    ['hour 24', { weekday: 5, hour: 24, minute: 0 }],
    ['minute 60', { weekday: 5, hour: 16, minute: 60 }],
    ['fractional hour', { weekday: 5, hour: 16.5, minute: 0 }],
    ['negative minute', { weekday: 5, hour: 16, minute: -1 }],
  ])('refuses an invalid rule: %s', (_label, rule) => {
    expect(() => asapDue(new Date('2025-01-13T07:00:00.000Z'), HELSINKI, rule as DueRule)).toThrow(RangeError);
  });

  test('refuses an unknown zone and an invalid now', () => {
    expect(() => asapDue(new Date('2025-01-13T07:00:00.000Z'), 'FLE Standard Time')).toThrow(RangeError);
    expect(() => asapDue(new Date('not a date'), HELSINKI)).toThrow(RangeError);
  });
});

describe('instantOfWallClock', () => {
  const wall = (year: number, month: number, day: number, hour: number, minute: number) => ({ year, month, day, hour, minute, second: 0 });
  test.each([
    [wall(2025, 1, 17, 16, 0), 'Europe/Helsinki', '2025-01-17T14:00:00.000Z'],
    [wall(2025, 3, 30, 3, 30), 'Europe/Helsinki', '2025-03-30T01:00:00.000Z'],
    [wall(2025, 10, 26, 3, 30), 'Europe/Helsinki', '2025-10-26T00:30:00.000Z'],
    [wall(2025, 3, 30, 2, 30), 'Europe/Berlin', '2025-03-30T01:00:00.000Z'],
    [wall(2025, 10, 26, 2, 30), 'Europe/Berlin', '2025-10-26T00:30:00.000Z'],
    [wall(2025, 1, 17, 16, 0), 'Asia/Kolkata', '2025-01-17T10:30:00.000Z'],
  ])('%j in %s → %s', (w, zone, expected) => {
    expect(iso(instantOfWallClock(w, zone))).toBe(expected);
  });
});

describe('isOverdue', () => {
  const due = new Date('2025-01-17T14:00:00.000Z');
  test.each([
    ['a minute before', '2025-01-17T13:59:00.000Z', false],
    ['a millisecond before', '2025-01-17T13:59:59.999Z', false],
    ['at the due moment (the same boundary asapDue uses)', '2025-01-17T14:00:00.000Z', true],
    ['a week later', '2025-01-24T14:00:00.000Z', true],
    ['an invalid now', 'not a date', false],
  ])('%s → %s', (_label, now, expected) => {
    expect(isOverdue(due, new Date(now))).toBe(expected);
  });

  test('an invalid due is never overdue', () => {
    expect(isOverdue(new Date('nope'), new Date('2025-01-24T14:00:00.000Z'))).toBe(false);
  });

  test('a freshly computed due is not overdue, and is as soon as the week ends', () => {
    const now = new Date('2025-01-17T13:59:00.000Z');
    const { due: fresh } = asapDue(now, HELSINKI);
    expect(isOverdue(fresh, now)).toBe(false);
    expect(isOverdue(fresh, new Date(fresh.getTime()))).toBe(true);
  });
});
