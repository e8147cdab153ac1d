import { asapDue } from '../../../../src/domain/triage/dueDate';
import { isIanaZone, toDateTimeTimeZone, toIanaZone, wallClockAt } from '../../../../src/domain/triage/timeZones';

describe('toIanaZone', () => {
  test.each([
    // Windows ids, as Graph's mailboxSettings.timeZone gives them (CLDR windowsZones.xml).
    ['FLE Standard Time', 'Europe/Helsinki'],
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['Romance Standard Time', 'Europe/Paris'],
    ['Central European Standard Time', 'Europe/Warsaw'],
    ['GMT Standard Time', 'Europe/London'],
    ['Greenwich Standard Time', 'Atlantic/Reykjavik'],
    ['GTB Standard Time', 'Europe/Bucharest'],
    ['Russian Standard Time', 'Europe/Moscow'],
    ['Eastern Standard Time', 'America/New_York'],
    ['Pacific Standard Time', 'America/Los_Angeles'],
    ['India Standard Time', 'Asia/Kolkata'],
    ['Tokyo Standard Time', 'Asia/Tokyo'],
    ['UTC', 'Etc/UTC'],
    // Lenient about case and stray spaces from older clients.
    ['fle standard time', 'Europe/Helsinki'],
    ['  FLE Standard Time ', 'Europe/Helsinki'],
    // IANA ids pass through unchanged.
    ['Europe/Helsinki', 'Europe/Helsinki'],
    ['Europe/Stockholm', 'Europe/Stockholm'],
    ['Europe/Tallinn', 'Europe/Tallinn'],
    ['America/New_York', 'America/New_York'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['Etc/UTC', 'Etc/UTC'],
  ])('%j → %j', (name, iana) => {
    expect(toIanaZone(name)).toBe(iana);
  });

  test.each([[''], ['   '], ['tzone://Microsoft/Custom'], ['Mars Standard Time'], ['Europe/Atlantis'], ['Not a zone']])(
    '%j is not a zone we can use',
    (name) => {
      expect(toIanaZone(name)).toBeUndefined();
    },
  );

  test('every Windows id in the table maps to a zone Intl knows', () => {
    const names = [
      'UTC', 'GMT Standard Time', 'Greenwich Standard Time', 'W. Europe Standard Time', 'Romance Standard Time',
      'Central Europe Standard Time', 'Central European Standard Time', 'FLE Standard Time', 'GTB Standard Time',
      'E. Europe Standard Time', 'Kaliningrad Standard Time', 'Russian Standard Time', 'Belarus Standard Time',
      'Turkey Standard Time', 'Israel Standard Time', 'South Africa Standard Time', 'Arabian Standard Time',
      'India Standard Time', 'China Standard Time', 'Singapore Standard Time', 'Tokyo Standard Time',
      'AUS Eastern Standard Time', 'New Zealand Standard Time', 'Eastern Standard Time', 'Central Standard Time',
      'Mountain Standard Time', 'Pacific Standard Time', 'E. South America Standard Time',
    ];
    for (const name of names) {
      const iana = toIanaZone(name);
      expect(iana).toBeDefined();
      expect(isIanaZone(iana!)).toBe(true);
    }
  });

  // Zones beyond the 30 rows Trail once copied by hand: every Windows zone CLDR knows maps (windows-iana).
  test.each([
    ['Tasmania Standard Time', 'Australia/Hobart'],
    ['Hawaiian Standard Time', 'Pacific/Honolulu'],
    ['SA Pacific Standard Time', 'America/Bogota'],
    ['Nepal Standard Time', 'Asia/Katmandu'],
    ['Cen. Australia Standard Time', 'Australia/Adelaide'],
  ])('%j (a Windows zone outside the old table) → %j', (name, iana) => {
    const mapped = toIanaZone(name);
    expect(mapped).toBeDefined();
    expect(isIanaZone(mapped!)).toBe(true);
    // Compared as zones, so an alias (Asia/Katmandu, Asia/Kathmandu) counts as the same.
    const at = new Date('2025-07-01T12:00:00Z');
    expect(wallClockAt(at, mapped!)).toEqual(wallClockAt(at, iana));
  });

  test('a user in Tasmania gets a due date at the end of their own week', () => {
    const now = new Date('2025-03-29T10:00:00.000Z'); // Saturday evening in Hobart (AEDT, +11)
    // Friday 4 April 16:00 AEDT (DST ends 6 April) = 05:00 UTC.
    expect(asapDue(now, toIanaZone('Tasmania Standard Time')!).due.toISOString()).toBe('2025-04-04T05:00:00.000Z');
  });

  test('a mapped Windows zone gives the same due date as its IANA zone', () => {
    const now = new Date('2025-03-29T10:00:00.000Z');
    expect(asapDue(now, toIanaZone('FLE Standard Time')!).due.toISOString()).toBe('2025-04-04T13:00:00.000Z');
  });
});

describe('toDateTimeTimeZone', () => {
  test.each([
    ['Helsinki winter (EET)', '2025-01-17T14:00:00.000Z', 'FLE Standard Time', '2025-01-17T16:00:00', 'FLE Standard Time'],
    ['Helsinki summer (EEST)', '2025-06-13T13:00:00.000Z', 'FLE Standard Time', '2025-06-13T16:00:00', 'FLE Standard Time'],
    ['the IANA name kept as given', '2025-06-13T13:00:00.000Z', 'Europe/Helsinki', '2025-06-13T16:00:00', 'Europe/Helsinki'],
    ['the first instant after spring forward', '2025-03-30T01:00:00.000Z', 'FLE Standard Time', '2025-03-30T04:00:00', 'FLE Standard Time'],
    ['the first 03:30 at fall back', '2025-10-26T00:30:00.000Z', 'FLE Standard Time', '2025-10-26T03:30:00', 'FLE Standard Time'],
    ['the second 03:30 at fall back', '2025-10-26T01:30:00.000Z', 'FLE Standard Time', '2025-10-26T03:30:00', 'FLE Standard Time'],
    ['midnight is 00, not 24', '2025-01-16T22:00:00.000Z', 'FLE Standard Time', '2025-01-17T00:00:00', 'FLE Standard Time'],
    ['seconds kept, milliseconds dropped', '2025-01-17T14:05:09.987Z', 'FLE Standard Time', '2025-01-17T16:05:09', 'FLE Standard Time'],
    ['New York in DST', '2025-03-14T20:00:00.000Z', 'Eastern Standard Time', '2025-03-14T16:00:00', 'Eastern Standard Time'],
    ['Kolkata half-hour offset', '2025-01-17T10:30:00.000Z', 'India Standard Time', '2025-01-17T16:00:00', 'India Standard Time'],
    ['UTC', '2025-01-17T16:00:00.000Z', 'UTC', '2025-01-17T16:00:00', 'UTC'],
    ['a trimmed name', '2025-01-17T14:00:00.000Z', ' FLE Standard Time ', '2025-01-17T16:00:00', 'FLE Standard Time'],
    // Unknown to us: still the right instant, told in UTC.
    ['an unmapped zone falls back to UTC', '2025-01-17T14:00:00.000Z', 'tzone://Microsoft/Custom', '2025-01-17T14:00:00', 'UTC'],
  ])('%s', (_label, instant, zoneName, dateTime, timeZone) => {
    expect(toDateTimeTimeZone(new Date(instant), zoneName)).toEqual({ dateTime, timeZone });
  });
});

describe('wallClockAt', () => {
  test('reads Helsinki summer time field by field', () => {
    expect(wallClockAt(new Date('2025-07-01T21:30:15.000Z'), 'Europe/Helsinki')).toEqual({
      year: 2025,
      month: 7,
      day: 2,
      hour: 0,
      minute: 30,
      second: 15,
    });
  });
});
