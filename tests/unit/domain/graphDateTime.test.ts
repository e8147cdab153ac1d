import { instantOfGraphDateTime, utcIsoOfGraphDateTime } from '../../../src/domain/graphDateTime';

const iso = (value: Parameters<typeof instantOfGraphDateTime>[0]) => instantOfGraphDateTime(value)?.toISOString();

describe('instantOfGraphDateTime', () => {
  test.each([
    // dateTimeTimeZone as Graph writes it: seven fractional digits, the zone beside it.
    [{ dateTime: '2025-03-12T10:00:00.0000000', timeZone: 'UTC' }, '2025-03-12T10:00:00.000Z'],
    [{ dateTime: '2025-03-14T14:00:00.0000000', timeZone: 'UTC' }, '2025-03-14T14:00:00.000Z'],
    // A Windows zone id, and an IANA one, on either side of a DST change.
    [{ dateTime: '2025-03-14T16:00:00', timeZone: 'FLE Standard Time' }, '2025-03-14T14:00:00.000Z'],
    [{ dateTime: '2025-03-14T00:00:00.0000000', timeZone: 'FLE Standard Time' }, '2025-03-13T22:00:00.000Z'],
    [{ dateTime: '2025-07-14T16:00:00.5', timeZone: 'Europe/Helsinki' }, '2025-07-14T13:00:00.500Z'],
    // Fractions kept to the millisecond, cut rather than rounded.
    [{ dateTime: '2025-07-14T10:00:00.1239999', timeZone: 'UTC' }, '2025-07-14T10:00:00.123Z'],
    // No zone: UTC, as Graph's default.
    [{ dateTime: '2025-03-14T00:00:00' }, '2025-03-14T00:00:00.000Z'],
    [{ dateTime: '2025-03-14T00:00', timeZone: null }, '2025-03-14T00:00:00.000Z'],
    // "Z" or an offset names the instant whatever the zone says.
    [{ dateTime: '2025-03-14T00:00:00Z' }, '2025-03-14T00:00:00.000Z'],
    [{ dateTime: '2025-03-14T00:00:00Z', timeZone: 'FLE Standard Time' }, '2025-03-14T00:00:00.000Z'],
    [{ dateTime: '2025-03-14T02:00:00+02:00', timeZone: 'UTC' }, '2025-03-14T00:00:00.000Z'],
    [{ dateTime: '2025-03-13T19:30:00.0000000-04:30' }, '2025-03-14T00:00:00.000Z'],
    // A plain date-time property (receivedDateTime).
    ['2025-03-14T08:15:30Z', '2025-03-14T08:15:30.000Z'],
    ['  2025-03-14T08:15:30.25Z ', '2025-03-14T08:15:30.250Z'],
  ])('%j is %s', (value, expected) => {
    expect(iso(value)).toBe(expected);
  });

  test.each([
    [undefined],
    [null],
    [''],
    [{}],
    [{ dateTime: 'Friday', timeZone: 'UTC' }],
    [{ dateTime: 'tomorrow', timeZone: 'UTC' }],
    [{ dateTime: '2025-13-14T00:00:00', timeZone: 'UTC' }],
    [{ dateTime: '2025-03-14T25:00:00', timeZone: 'UTC' }],
    // A zone Trail cannot resolve: no guess.
    [{ dateTime: '2025-03-14T16:00:00', timeZone: 'Nowhere Standard Time' }],
    [{ dateTime: '2025-03-14T00:00:00', timeZone: 'tzone://Microsoft/Custom' }],
  ])('%j cannot be read', (value) => {
    expect(instantOfGraphDateTime(value)).toBeUndefined();
  });

  test('a wall time in the spring-forward gap is the moment the clocks jump', () => {
    expect(iso({ dateTime: '2025-03-30T03:30:00', timeZone: 'FLE Standard Time' })).toBe('2025-03-30T01:00:00.000Z');
  });

  test('utcIsoOfGraphDateTime gives the instant as ISO in UTC', () => {
    expect(utcIsoOfGraphDateTime({ dateTime: '2025-03-14T16:00:00.0000000', timeZone: 'FLE Standard Time' })).toBe('2025-03-14T14:00:00.000Z');
    expect(utcIsoOfGraphDateTime({ dateTime: 'soon' })).toBeUndefined();
  });
});
