// Lint: TypeScript's recommended rules, React hooks rules, and the Office add-in rules
// (eslint-plugin-office-addins, the plugin office-addin-lint runs).
import js from '@eslint/js';
import officeAddins from 'eslint-plugin-office-addins';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layers of src and what each may import. Arrows point down only:
// app → ui → services → record / auth → graph / office → domain. i18n sits beside services.
const LAYERS = {
  app: ['ui', 'services', 'record', 'auth', 'graph', 'office', 'domain', 'i18n'],
  ui: ['services', 'office', 'domain', 'i18n'],
  services: ['record', 'auth', 'graph', 'office', 'domain', 'i18n'],
  record: ['graph', 'domain'],
  auth: ['graph', 'domain'],
  i18n: ['graph', 'domain'],
  graph: ['domain'],
  office: ['domain'],
  domain: [],
};
const GRAPH_SDK = '@microsoft/microsoft-graph-client';
const boundaries = Object.entries(LAYERS).map(([layer, allowed]) => {
  const forbidden = Object.keys(LAYERS).filter((other) => other !== layer && !allowed.includes(other));
  const patterns = forbidden.map((other) => ({
    // Anchored on the climb to src/: the folder names of layers are not reused inside them.
    regex: `^(\\.\\./)+${other}(/|$)`,
    message: `src/${layer} may not import src/${other}: arrows point down only (README, "How it is built").`,
  }));
  // The UI talks to Office through the OfficeHost interface only, never the Office.js implementation.
  if (layer === 'ui') patterns.push({ regex: '^(\\.\\./)+office/officeJsHost$', message: 'The UI knows Office only as OfficeHost (src/office/host).' });
  return {
    files: [`src/${layer}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: layer === 'graph' ? [] : [{ name: GRAPH_SDK, message: 'Only the Graph concept modules in src/graph use the Graph SDK.' }],
          patterns,
        },
      ],
    },
  };
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', '.certs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins, 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node, Office: 'readonly' } },
    rules: {
      ...Object.fromEntries(Object.keys(officeAddins.rules).map((rule) => [`office-addins/${rule}`, 'error'])),
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...boundaries,
  {
    // Components stay small (wiring, a hook, styles and pure parts), and no rule is switched off in
    // place: a hooks-rule suppression hides a stale closure.
    files: ['src/**/*.{ts,tsx}'],
    linterOptions: { noInlineConfig: true },
  },
  {
    files: ['src/ui/**/*.tsx'],
    rules: { 'max-lines': ['error', { max: 250 }] },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.jest } },
  },
);
