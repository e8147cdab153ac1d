// Component tests wait for what a render shows with Testing Library's waitFor/findBy, whose 1 s default
// failed a unit test on a loaded two-core CI machine (the pane's first item read had not settled yet).
// No test here asserts a time, so a longer wait only changes how long a real hang takes to be reported.
// Only jsdom files render; node files skip the import.
if (typeof window !== 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('@testing-library/dom') as typeof import('@testing-library/dom')).configure({ asyncUtilTimeout: 8_000 });
  jest.setTimeout(20_000);
}
