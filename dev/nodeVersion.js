// `node dev/nodeVersion.js`: prints the running Node version and fails unless it is in package.json's engines.node.
// No dependencies: CI runs it before `npm ci`. Understands the forms engines.node uses here: `^x.y.z`, `>=x.y.z`, `||`.
const fs = require('node:fs');
const path = require('node:path');

function parse(version) {
  const [major = 0, minor = 0, patch = 0] = version.replace(/^v/, '').split('.').map(Number);
  return [major, minor, patch];
}

function atLeast(version, floor) {
  for (let i = 0; i < 3; i++) if (version[i] !== floor[i]) return version[i] > floor[i];
  return true;
}

/** Whether `version` (e.g. v20.20.2) satisfies `range` (e.g. "^20.19.0 || ^22.15.0 || >=24"). */
function satisfies(version, range) {
  const v = parse(version);
  return range.split('||').some((part) => {
    const term = part.trim();
    const caret = term.match(/^\^(\d+(?:\.\d+){0,2})$/);
    if (caret) {
      const floor = parse(caret[1]);
      return v[0] === floor[0] && atLeast(v, floor);
    }
    const min = term.match(/^>=\s*(\d+(?:\.\d+){0,2})$/);
    if (min) return atLeast(v, parse(min[1]));
    throw new Error(`engines.node term not understood: ${term}`);
  });
}

function main() {
  const range = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).engines.node;
  console.log(`node ${process.version} (package.json engines.node: ${range})`);
  if (!satisfies(process.version, range)) {
    console.error(`Node ${process.version} is outside the supported range ${range} (package.json engines, README). Use a supported Node.`);
    process.exit(1);
  }
}

if (require.main === module) main();
module.exports = { satisfies };
