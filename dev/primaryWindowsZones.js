// Webpack loader for the `windows-iana` package: Trail reads only WINDOWS_TO_IANA_MAP, and only its rows for
// territory "001" (src/domain/triage/timeZones.ts keeps the primary row of each Windows zone), so the pages carry
// those 139 rows instead of all 506 and the alias table. Build time only; tests run on the package itself.
const USED = ['WINDOWS_TO_IANA_MAP'];

module.exports = function primaryWindowsZones() {
  const zones = require('windows-iana');
  const primary = zones.WINDOWS_TO_IANA_MAP.filter((row) => row.territory === '001');
  return `export const ${USED[0]} = ${JSON.stringify(primary)};\n`;
};
