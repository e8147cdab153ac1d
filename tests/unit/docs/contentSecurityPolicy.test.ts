import { deployDocConfig, directives, exampleConfigHeaders, examplePolicy, refusedScripts } from '../../support/contentSecurityPolicy';

test('docs/deploy.md shows exactly the example config docs/staticwebapp.config.json', () => {
  expect(deployDocConfig()).toEqual({ globalHeaders: exampleConfigHeaders() });
});

test('the policy allows scripts only from the pages own origin and office.js CDN, and talks only to Graph and sign-in', () => {
  const policy = directives(examplePolicy());
  expect(policy.get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
  expect(policy.get('connect-src')).toEqual(["'self'", 'https://graph.microsoft.com', 'https://login.microsoftonline.com']);
  expect(policy.get('object-src')).toEqual(["'none'"]);
});

test('the page check refuses inline scripts, handlers and foreign sources, and accepts allowed ones', () => {
  const policy = "script-src 'self' https://appsforoffice.microsoft.com";
  const ok = '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script><script defer src="taskpane.1234.js"></script>';
  expect(refusedScripts(ok, policy)).toEqual([]);
  expect(refusedScripts('<script>alert(1)</script>', policy)).toHaveLength(1);
  expect(refusedScripts('<script src="https://cdn.example.org/x.js"></script>', policy)).toEqual(['script from https://cdn.example.org/x.js']);
  expect(refusedScripts('<button onclick="x()">', policy)).toEqual(['inline event handler attribute']);
});
