/**
 * Three projects, one command (`npm test` runs them all):
 *  - unit: pure logic and React components (jsdom where a test file asks for it with a docblock);
 *  - integration: Graph client and sandbox over real HTTP on loopback;
 *  - e2e: Chromium driven by playwright-core against the started stack (playground + sandbox).
 */
const tsJest = [
  'ts-jest',
  {
    // ts-jest emits CommonJS; the app itself is bundled by webpack with the root tsconfig.
    tsconfig: { module: 'commonjs', moduleResolution: 'node10', ignoreDeprecations: '6.0', jsx: 'react-jsx', isolatedModules: true, allowJs: true, rootDir: __dirname },
  },
];
// react-intl and its FormatJS dependencies ship ES modules only; jest runs CommonJS, so they are transformed too.
const ESM_ONLY = ['react-intl', '@formatjs', 'intl-messageformat'];
const common = {
  transform: { '^.+\\.tsx?$': tsJest, [`node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`]: tsJest },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  testEnvironment: 'node',
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts?(x)'], setupFiles: ['<rootDir>/tests/support/jsdomSetup.ts'], setupFilesAfterEnv: ['<rootDir>/tests/support/componentTimeouts.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts?(x)'], setupFiles: ['<rootDir>/tests/support/jsdomSetup.ts'], setupFilesAfterEnv: ['<rootDir>/tests/support/integrationTimeouts.ts', '<rootDir>/tests/support/componentTimeouts.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/e2e/globalSetup.ts',
      globalTeardown: '<rootDir>/tests/e2e/globalTeardown.ts',
    },
  ],
};
