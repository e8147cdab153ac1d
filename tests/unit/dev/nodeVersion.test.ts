import fs from 'node:fs';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { satisfies } = require('../../../dev/nodeVersion.js') as { satisfies(version: string, range: string): boolean };

const ROOT = path.join(__dirname, '..', '..', '..');
const range = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;

test.each([
  ['v20.18.3', false], // eslint-visitor-keys wants ^20.19
  ['v20.19.0', true],
  ['v20.20.2', true],
  ['v21.7.3', false], // jest 30 skips odd releases
  ['v22.12.0', false], // eslint-visitor-keys wants ^22.13
  ['v22.13.0', true], // rechoir declares >= 22.15 but is only webpack-cli's fallback config loader, unused here
  ['v22.15.0', true],
  ['v23.11.0', false],
  ['v24.0.0', true],
  ['v26.1.0', true],
])('Node %s is supported: %s', (version, expected) => {
  expect(satisfies(version, range)).toBe(expected);
});

test('the README states the range package.json declares', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  expect(readme).toContain(`\`${range}\``);
});
