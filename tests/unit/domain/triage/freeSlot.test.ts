import { DEFAULT_WORKING_HOURS, endOfWorkingWeek, firstFreeSlot, isValidWorkingHours, type Interval, type WorkingHours } from '../../../../src/domain/triage/freeSlot';

// Helsinki: EET = UTC+2 in winter, EEST = UTC+3 from 2025-03-30 01:00Z to 2025-10-26 01:00Z.
// The working week of Monday 10 – Friday 14 March 2025 (winter), Mon–Fri 08:00–16:00.
const HELSINKI = 'Europe/Helsinki';
const WEEK_END = new Date('2025-03-14T16:00:00+02:00');

/** A Helsinki winter wall time as an instant: `h('2025-03-12 09:30')`. */
const h = (wall: string): Date => new Date(`${wall.replace(' ', 'T')}:00+02:00`);
const busy = (from: string, to: string): Interval => ({ start: h(from), end: h(to) });
const slotText = (slot: Interval | undefined): string | undefined => slot && `${slot.start.toISOString()} → ${slot.end.toISOString()}`;

function find(now: string, lengthMinutes: number, blocks: Interval[] = [], extra: { granularityMinutes?: number; horizonEnd?: Date; workingHours?: WorkingHours } = {}) {
  return firstFreeSlot(blocks, {
    now: h(now),
    lengthMinutes,
    zone: HELSINKI,
    workingHours: extra.workingHours ?? DEFAULT_WORKING_HOURS,
    horizonEnd: extra.horizonEnd ?? WEEK_END,
    ...(extra.granularityMinutes !== undefined ? { granularityMinutes: extra.granularityMinutes } : {}),
  });
}

/** Expected slot, as Helsinki winter wall times. */
const expectSlot = (slot: Interval | undefined, from: string, to: string): void => {
  expect(slotText(slot)).toBe(slotText({ start: h(from), end: h(to) }));
};

describe('firstFreeSlot within one day', () => {
  test('an empty calendar before work: the start of the working day', () => {
    expectSlot(find('2025-03-10 07:00', 60), '2025-03-10 08:00', '2025-03-10 09:00');
  });

  test('the first hole long enough, not merely the first hole', () => {
    const day = [busy('2025-03-11 08:00', '2025-03-11 09:00'), busy('2025-03-11 09:30', '2025-03-11 11:00')];
    expectSlot(find('2025-03-11 07:00', 30, day), '2025-03-11 09:00', '2025-03-11 09:30');
    expectSlot(find('2025-03-11 07:00', 60, day), '2025-03-11 11:00', '2025-03-11 12:00');
  });

  test('a lunch-hour block pushes the slot past lunch', () => {
    const lunch = [busy('2025-03-11 11:00', '2025-03-11 12:00'), busy('2025-03-12 11:00', '2025-03-12 12:00')];
    expectSlot(find('2025-03-11 10:30', 60, lunch), '2025-03-11 12:00', '2025-03-11 13:00');
    expectSlot(find('2025-03-11 10:00', 60, lunch), '2025-03-11 10:00', '2025-03-11 11:00');
  });

  test('back-to-back meetings are skipped as one block', () => {
    const meetings = [
      busy('2025-03-11 10:00', '2025-03-11 11:30'),
      busy('2025-03-11 08:00', '2025-03-11 09:00'),
      busy('2025-03-11 09:00', '2025-03-11 10:00'),
    ];
    expectSlot(find('2025-03-11 07:45', 45, meetings), '2025-03-11 11:30', '2025-03-11 12:15');
  });

  test('overlapping and nested meetings', () => {
    const meetings = [busy('2025-03-11 08:00', '2025-03-11 12:00'), busy('2025-03-11 09:00', '2025-03-11 10:00'), busy('2025-03-11 11:30', '2025-03-11 13:00')];
    expectSlot(find('2025-03-11 07:00', 60, meetings), '2025-03-11 13:00', '2025-03-11 14:00');
  });

  test('now in the middle of a meeting: the slot starts when it ends', () => {
    expectSlot(find('2025-03-12 09:20', 60, [busy('2025-03-12 09:00', '2025-03-12 10:00')]), '2025-03-12 10:00', '2025-03-12 11:00');
  });

  test('a slot may end exactly when a meeting starts, and start exactly when one ends', () => {
    const meetings = [busy('2025-03-12 08:00', '2025-03-12 09:00'), busy('2025-03-12 10:00', '2025-03-12 11:00')];
    expectSlot(find('2025-03-12 07:00', 60, meetings), '2025-03-12 09:00', '2025-03-12 10:00');
  });

  test('a slot may end exactly at the end of working hours', () => {
    expectSlot(find('2025-03-12 15:00', 60), '2025-03-12 15:00', '2025-03-12 16:00');
  });

  test('a zero-length or inverted interval blocks nothing', () => {
    const odd = [busy('2025-03-12 10:30', '2025-03-12 10:30'), busy('2025-03-12 11:00', '2025-03-12 10:00')];
    expectSlot(find('2025-03-12 10:00', 60, odd), '2025-03-12 10:00', '2025-03-12 11:00');
  });

  test('whatever is passed counts as busy (tentative, out of office): filtering free time is the caller’s', () => {
    expectSlot(find('2025-03-12 08:00', 30, [busy('2025-03-12 08:00', '2025-03-12 08:30')]), '2025-03-12 08:30', '2025-03-12 09:00');
  });
});

describe('firstFreeSlot across days', () => {
  test('an evening click books the next working morning', () => {
    expectSlot(find('2025-03-12 18:00', 60), '2025-03-13 08:00', '2025-03-13 09:00');
  });

  test('late in the working day, a block that no longer fits goes to the next morning', () => {
    expectSlot(find('2025-03-12 15:30', 60), '2025-03-13 08:00', '2025-03-13 09:00');
  });

  test('a full day is skipped', () => {
    expectSlot(find('2025-03-12 08:00', 30, [busy('2025-03-12 07:00', '2025-03-12 17:00')]), '2025-03-13 08:00', '2025-03-13 08:30');
  });

  test('the weekend is skipped when the horizon reaches next week', () => {
    const nextWeekEnd = h('2025-03-21 16:00');
    expectSlot(find('2025-03-14 15:30', 60, [], { horizonEnd: nextWeekEnd }), '2025-03-17 08:00', '2025-03-17 09:00');
  });

  test('only the working days of the working hours count', () => {
    const monWedFri: WorkingHours = { days: [1, 3, 5], start: { hour: 9, minute: 0 }, end: { hour: 15, minute: 0 } };
    expectSlot(find('2025-03-10 16:00', 60, [], { workingHours: monWedFri }), '2025-03-12 09:00', '2025-03-12 10:00');
  });

  test('Friday afternoon full: no slot this week', () => {
    expect(find('2025-03-14 12:00', 60, [busy('2025-03-14 12:00', '2025-03-14 16:00')])).toBeUndefined();
  });

  test('the whole week full: no slot', () => {
    const week = ['10', '11', '12', '13', '14'].map((d) => busy(`2025-03-${d} 08:00`, `2025-03-${d} 16:00`));
    expect(find('2025-03-10 07:00', 15, week)).toBeUndefined();
  });

  test('a hole shorter than the block is not a slot', () => {
    expect(find('2025-03-14 14:00', 90, [busy('2025-03-14 15:00', '2025-03-14 16:00')])).toBeUndefined();
    expectSlot(find('2025-03-14 14:00', 60, [busy('2025-03-14 15:00', '2025-03-14 16:00')]), '2025-03-14 14:00', '2025-03-14 15:00');
  });

  test('no slot may end after the horizon, even inside working hours', () => {
    expect(find('2025-03-14 14:00', 60, [], { horizonEnd: h('2025-03-14 14:30') })).toBeUndefined();
    expectSlot(find('2025-03-14 14:00', 30, [], { horizonEnd: h('2025-03-14 14:30') }), '2025-03-14 14:00', '2025-03-14 14:30');
  });

  test('a horizon already past: no slot', () => {
    expect(find('2025-03-15 10:00', 30)).toBeUndefined();
  });

  test('a block longer than the working day never fits', () => {
    expect(find('2025-03-10 07:00', 9 * 60)).toBeUndefined();
  });
});

describe('firstFreeSlot with all-day events', () => {
  test('an all-day busy event (midnight to midnight) blocks its day', () => {
    expectSlot(find('2025-03-11 07:00', 60, [busy('2025-03-11 00:00', '2025-03-12 00:00')]), '2025-03-12 08:00', '2025-03-12 09:00');
  });

  test('a multi-day absence blocks every day it covers', () => {
    expectSlot(find('2025-03-10 09:00', 60, [busy('2025-03-10 00:00', '2025-03-13 00:00')]), '2025-03-13 08:00', '2025-03-13 09:00');
  });

  test('an all-day event with meetings inside it still blocks the whole day', () => {
    const day = [busy('2025-03-11 00:00', '2025-03-12 00:00'), busy('2025-03-11 10:00', '2025-03-11 11:00')];
    expectSlot(find('2025-03-11 07:00', 60, day), '2025-03-12 08:00', '2025-03-12 09:00');
  });
});

describe('firstFreeSlot granularity', () => {
  test.each([
    ['10:00', 15, '10:00'],
    ['10:07', 15, '10:15'],
    ['10:15', 15, '10:15'],
    ['10:46', 15, '11:00'],
    ['10:07', 30, '10:30'],
    ['10:31', 60, '11:00'],
    ['10:01', 5, '10:05'],
  ])('now %s on a %i-minute grid starts at %s', (now, granularity, start) => {
    const slot = find(`2025-03-12 ${now}`, 30, [], { granularityMinutes: granularity });
    expect(slot?.start.toISOString()).toBe(h(`2025-03-12 ${start}`).toISOString());
  });

  test('a second past the grid point moves to the next one', () => {
    const slot = firstFreeSlot([], { now: new Date(h('2025-03-12 10:15').getTime() + 1000), lengthMinutes: 30, zone: HELSINKI, workingHours: DEFAULT_WORKING_HOURS, horizonEnd: WEEK_END });
    expect(slot?.start.toISOString()).toBe(h('2025-03-12 10:30').toISOString());
  });

  test('a meeting ending off the grid: the slot starts at the next grid point', () => {
    expectSlot(find('2025-03-12 10:00', 30, [busy('2025-03-12 10:00', '2025-03-12 10:20')]), '2025-03-12 10:30', '2025-03-12 11:00');
  });

  test('the grid is counted from the start of the working day', () => {
    const fromQuarterPast: WorkingHours = { days: [1, 2, 3, 4, 5], start: { hour: 8, minute: 15 }, end: { hour: 16, minute: 15 } };
    expectSlot(find('2025-03-12 10:20', 30, [], { granularityMinutes: 30, workingHours: fromQuarterPast }), '2025-03-12 10:45', '2025-03-12 11:15');
  });

  test('a zone 5:45 from UTC still gets slots on its own quarter hours', () => {
    // Kathmandu, UTC+5:45: 10:07 local → 10:15 local = 04:30Z.
    const slot = firstFreeSlot([], {
      now: new Date('2025-03-12T04:22:00Z'),
      lengthMinutes: 30,
      zone: 'Asia/Kathmandu',
      workingHours: DEFAULT_WORKING_HOURS,
      horizonEnd: new Date('2025-03-14T10:15:00Z'),
    });
    expect(slot?.start.toISOString()).toBe('2025-03-12T04:30:00.000Z');
  });
});

describe('firstFreeSlot across a DST change in Europe/Helsinki', () => {
  // The clocks go forward on Sunday 30 March 2025 (03:00 EET → 04:00 EEST).
  test('a Saturday click books Monday 08:00 summer time, not winter time', () => {
    const now = new Date('2025-03-29T10:00:00Z'); // Saturday 12:00 EET
    const horizonEnd = endOfWorkingWeek(now, HELSINKI, DEFAULT_WORKING_HOURS);
    expect(horizonEnd.toISOString()).toBe('2025-04-04T13:00:00.000Z'); // Friday 16:00 EEST
    const slot = firstFreeSlot([], { now, lengthMinutes: 60, zone: HELSINKI, workingHours: DEFAULT_WORKING_HOURS, horizonEnd });
    expect(slotText(slot)).toBe('2025-03-31T05:00:00.000Z → 2025-03-31T06:00:00.000Z');
  });

  test('a seven-day working week crosses the change on Sunday itself', () => {
    const everyDay: WorkingHours = { days: [1, 2, 3, 4, 5, 6, 7], start: { hour: 8, minute: 0 }, end: { hour: 16, minute: 0 } };
    const now = new Date('2025-03-29T18:00:00Z'); // Saturday 20:00 EET
    const horizonEnd = endOfWorkingWeek(now, HELSINKI, everyDay);
    expect(horizonEnd.toISOString()).toBe('2025-03-30T13:00:00.000Z'); // Sunday 16:00 EEST
    const busyMorning = [{ start: new Date('2025-03-30T05:00:00Z'), end: new Date('2025-03-30T07:00:00Z') }]; // 08–10 EEST
    const slot = firstFreeSlot(busyMorning, { now, lengthMinutes: 60, zone: HELSINKI, workingHours: everyDay, horizonEnd });
    expect(slotText(slot)).toBe('2025-03-30T07:00:00.000Z → 2025-03-30T08:00:00.000Z');
  });

  test('autumn: Monday after the clocks go back starts at 08:00 winter time', () => {
    const now = new Date('2025-10-24T14:00:00Z'); // Friday 17:00 EEST, after work
    const horizonEnd = endOfWorkingWeek(now, HELSINKI, DEFAULT_WORKING_HOURS);
    expect(horizonEnd.toISOString()).toBe('2025-10-31T14:00:00.000Z');
    const slot = firstFreeSlot([], { now, lengthMinutes: 30, zone: HELSINKI, workingHours: DEFAULT_WORKING_HOURS, horizonEnd });
    expect(slotText(slot)).toBe('2025-10-27T06:00:00.000Z → 2025-10-27T06:30:00.000Z');
  });
});

describe('endOfWorkingWeek', () => {
  test.each([
    ['Monday morning', '2025-03-10 07:00', '2025-03-14 16:00'],
    ['Wednesday noon', '2025-03-12 12:00', '2025-03-14 16:00'],
    ['Friday 15:59', '2025-03-14 15:59', '2025-03-14 16:00'],
    ['Friday 16:00 exactly: next week', '2025-03-14 16:00', '2025-03-21 16:00'],
    ['Saturday: next week', '2025-03-15 10:00', '2025-03-21 16:00'],
    ['Sunday late: next week', '2025-03-16 23:30', '2025-03-21 16:00'],
  ])('%s (%s) → %s', (_label, now, end) => {
    expect(endOfWorkingWeek(h(now), HELSINKI, DEFAULT_WORKING_HOURS).toISOString()).toBe(h(end).toISOString());
  });

  test('follows the last working day and the end of working hours', () => {
    const monToThu: WorkingHours = { days: [4, 1, 2, 3], start: { hour: 7, minute: 30 }, end: { hour: 17, minute: 45 } };
    expect(endOfWorkingWeek(h('2025-03-11 12:00'), HELSINKI, monToThu).toISOString()).toBe(h('2025-03-13 17:45').toISOString());
    expect(endOfWorkingWeek(h('2025-03-14 09:00'), HELSINKI, monToThu).toISOString()).toBe(h('2025-03-20 17:45').toISOString());
  });

  test('is reckoned in the zone: Friday evening in Helsinki is still Friday afternoon in New York', () => {
    const now = new Date('2025-03-14T16:00:00Z'); // 18:00 Helsinki, 12:00 New York (EDT)
    expect(endOfWorkingWeek(now, HELSINKI, DEFAULT_WORKING_HOURS).toISOString()).toBe('2025-03-21T14:00:00.000Z');
    expect(endOfWorkingWeek(now, 'America/New_York', DEFAULT_WORKING_HOURS).toISOString()).toBe('2025-03-14T20:00:00.000Z');
  });
});

describe('invalid input', () => {
  test('working hours must be sane', () => {
    expect(isValidWorkingHours(DEFAULT_WORKING_HOURS)).toBe(true);
    expect(isValidWorkingHours({ days: [], start: { hour: 8, minute: 0 }, end: { hour: 16, minute: 0 } })).toBe(false);
    expect(isValidWorkingHours({ days: [0, 1], start: { hour: 8, minute: 0 }, end: { hour: 16, minute: 0 } })).toBe(false);
    expect(isValidWorkingHours({ days: [1], start: { hour: 16, minute: 0 }, end: { hour: 8, minute: 0 } })).toBe(false);
    expect(isValidWorkingHours({ days: [1], start: { hour: 8, minute: 60 }, end: { hour: 16, minute: 0 } })).toBe(false);
    expect(() => find('2025-03-12 10:00', 30, [], { workingHours: { days: [1], start: { hour: 9, minute: 0 }, end: { hour: 9, minute: 0 } } })).toThrow(RangeError);
    expect(() => endOfWorkingWeek(h('2025-03-12 10:00'), HELSINKI, { days: [8], start: { hour: 8, minute: 0 }, end: { hour: 16, minute: 0 } })).toThrow(RangeError);
  });

  test('length, granularity, dates and zone must be valid', () => {
    expect(() => find('2025-03-12 10:00', 0)).toThrow(RangeError);
    expect(() => find('2025-03-12 10:00', Number.NaN)).toThrow(RangeError);
    expect(() => find('2025-03-12 10:00', 30, [], { granularityMinutes: 0 })).toThrow(RangeError);
    expect(() => find('2025-03-12 10:00', 30, [], { granularityMinutes: 7.5 })).toThrow(RangeError);
    expect(() => firstFreeSlot([], { now: new Date(Number.NaN), lengthMinutes: 30, zone: HELSINKI, workingHours: DEFAULT_WORKING_HOURS, horizonEnd: WEEK_END })).toThrow(RangeError);
    expect(() => firstFreeSlot([], { now: h('2025-03-12 10:00'), lengthMinutes: 30, zone: 'Mars/Olympus', workingHours: DEFAULT_WORKING_HOURS, horizonEnd: WEEK_END })).toThrow(RangeError);
  });
});
