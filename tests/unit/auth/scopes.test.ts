import { ADMIN_SCOPE_NEEDS, ADMIN_SCOPES, DAILY_SCOPE_NEEDS, DAILY_SCOPES, scopesFor } from '../../../src/auth/scopes';
import { PROVISIONING_SCOPES } from '../../../src/graph/sharepoint';

test('daily use asks for exactly the documented permissions (docs/permissions.md)', () => {
  expect([...DAILY_SCOPES].sort()).toEqual(
    ['Calendars.Read.Shared', 'Calendars.ReadWrite', 'Mail.ReadWrite', 'Mail.ReadWrite.Shared', 'MailboxSettings.Read', 'Sites.ReadWrite.All', 'User.Read'].sort(),
  );
});

test('the provisioning scope is never in the daily set', () => {
  for (const scope of PROVISIONING_SCOPES) expect(DAILY_SCOPES).not.toContain(scope);
  expect(DAILY_SCOPES.some((s) => /Manage|FullControl/.test(s))).toBe(false);
  expect(scopesFor('daily')).toBe(DAILY_SCOPES);
});

test('the admin set is the daily set plus provisioning, so the admin screen can still read', () => {
  expect(ADMIN_SCOPES).toEqual([...DAILY_SCOPES, ...PROVISIONING_SCOPES]);
  expect(scopesFor('admin')).toBe(ADMIN_SCOPES);
});

test('every scope says why it is asked for, and none twice', () => {
  for (const need of [...DAILY_SCOPE_NEEDS, ...ADMIN_SCOPE_NEEDS]) expect(need.why.length).toBeGreaterThan(10);
  expect(new Set(ADMIN_SCOPES).size).toBe(ADMIN_SCOPES.length);
});

test('no scope needs a secret or an application permission: delegated Graph names only', () => {
  for (const scope of ADMIN_SCOPES) expect(scope).toMatch(/^[A-Z][A-Za-z]+(\.[A-Za-z]+)+$/);
});

test('Sites.Selected replaces Sites.ReadWrite.All in both sets, and nothing else changes', () => {
  const daily = scopesFor('daily', 'Sites.Selected');
  expect(daily).toContain('Sites.Selected');
  expect(daily).not.toContain('Sites.ReadWrite.All');
  expect(daily).toHaveLength(DAILY_SCOPES.length);
  expect(scopesFor('admin', 'Sites.Selected')).toEqual(['User.Read', 'Mail.ReadWrite', 'Mail.ReadWrite.Shared', 'MailboxSettings.Read', 'Calendars.ReadWrite', 'Calendars.Read.Shared', 'Sites.Selected', 'Sites.Manage.All']);
});
