/**
 * The export's file name carries the day as the user's clock has it: in Finland just after midnight
 * local time (still the day before in UTC) the file is named by the local day.
 */
import { exportFileName } from '../../../src/services/record/personData';

test('named by the local day, not the UTC one', () => {
  // 00:30 on 8 December in Helsinki (UTC+2) is still 7 December in UTC.
  expect(exportFileName(['aino.laine@seutuopisto.fi'], '61', '2026-12-07T22:30:00.000Z', 'Europe/Helsinki')).toBe('trail-export-aino.laine@seutuopisto.fi-2026-12-08.json');
  expect(exportFileName([], '61', '2026-06-01T08:00:00.000Z', 'Europe/Helsinki')).toBe('trail-export-person-61-2026-06-01.json');
  // Without a zone named: the runtime's own (the pane's browser), whatever it is.
  const local = new Date('2026-06-01T12:00:00.000Z');
  const day = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`;
  expect(exportFileName(['a@b.fi'], '1', local.toISOString())).toBe(`trail-export-a@b.fi-${day}.json`);
});
