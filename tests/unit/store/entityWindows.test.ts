import { entityMonth } from '../../../src/record/entityWindows';

describe('EntityMonth, the window key of a filing', () => {
  test.each([
    ['2026-12-07T10:00:00Z', 'person:12|2026-12'],
    ['2026-01-31', 'person:12|2026-01'],
    ['1999-05-01T00:00:00+03:00', 'person:12|1999-05'],
    // Undated, unreadable or out-of-range dates share one window of their own.
    ['', 'person:12|0000-00'],
    ['yesterday', 'person:12|0000-00'],
    ['2026-13-01T00:00:00Z', 'person:12|0000-00'],
    ['1899-12-31T00:00:00Z', 'person:12|0000-00'],
    ['2100-01-01T00:00:00Z', 'person:12|0000-00'],
  ])('%s', (date, key) => {
    expect(entityMonth('person:12', date)).toBe(key);
  });

  test("one entity's key is never a prefix of another's window", () => {
    expect(entityMonth('person:1', '2026-12-01').startsWith('person:12|')).toBe(false);
  });
});
