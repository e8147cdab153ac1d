import { ServerError, type AuthenticationResult } from '@azure/msal-node';
import { authorityFor, DeviceCodeTokenSource, type DeviceCodeClient } from '../../../dev/deviceCodeSignIn';

const result = (accessToken: string): AuthenticationResult =>
  ({ accessToken, account: { homeAccountId: 'h', environment: 'login.microsoftonline.com', tenantId: 't', username: 'admin@contoso.fi', localAccountId: 'l' } }) as AuthenticationResult;

function fakeEntra(script: { deviceCode?: () => Promise<AuthenticationResult | null>; silent?: () => Promise<AuthenticationResult> }) {
  const calls: string[] = [];
  const said: string[] = [];
  const client: DeviceCodeClient = {
    acquireTokenByDeviceCode: async (request) => {
      calls.push(`deviceCode ${request.scopes.join(' ')}`);
      request.deviceCodeCallback({ userCode: 'ABCD', deviceCode: 'd', verificationUri: 'https://microsoft.com/devicelogin', expiresIn: 900, interval: 5, message: 'To sign in, open https://microsoft.com/devicelogin and enter ABCD.' });
      return (script.deviceCode ?? (() => Promise.resolve(result('first'))))();
    },
    acquireTokenSilent: async () => {
      calls.push('silent');
      return (script.silent ?? (() => Promise.resolve(result('refreshed'))))();
    },
  };
  const source = new DeviceCodeTokenSource({ clientId: 'app', tenant: 'contoso.onmicrosoft.com', scopes: ['Sites.Manage.All'], say: (l) => said.push(l) }, client);
  return { source, calls, said };
}

test('the first token comes by device code, with the code shown to the administrator; later ones silently', async () => {
  const { source, calls, said } = fakeEntra({});
  await expect(source.getAccessToken()).resolves.toBe('first');
  expect(said).toEqual(['To sign in, open https://microsoft.com/devicelogin and enter ABCD.']);
  await expect(source.getAccessToken()).resolves.toBe('refreshed');
  expect(calls).toEqual(['deviceCode Sites.Manage.All', 'silent']);
});

test('parallel Graph calls share one device code', async () => {
  const { source, calls } = fakeEntra({});
  await Promise.all([source.getAccessToken(), source.getAccessToken(), source.getAccessToken()]);
  expect(calls).toEqual(['deviceCode Sites.Manage.All']);
});

test('when the silent refresh fails, the administrator is asked again', async () => {
  const { source, calls } = fakeEntra({ silent: () => Promise.reject(new Error('refresh token expired')) });
  await source.getAccessToken();
  await source.getAccessToken();
  expect(calls).toEqual(['deviceCode Sites.Manage.All', 'silent', 'deviceCode Sites.Manage.All']);
});

test('Entra ID refusals read as sign-in problems (public client flows off, consent missing)', async () => {
  const off = fakeEntra({ deviceCode: () => Promise.reject(new ServerError('invalid_grant', 'corr', 'AADSTS7000218', '', '7000218')) });
  await expect(off.source.getAccessToken()).rejects.toMatchObject({ problem: 'misconfigured' });
  const consent = fakeEntra({ deviceCode: () => Promise.reject(new ServerError('invalid_grant', 'corr', 'AADSTS65001', '', '65001')) });
  await expect(consent.source.getAccessToken()).rejects.toMatchObject({ problem: 'consentRequired' });
});

test('the authority is the tenant given, or organizations', () => {
  expect(authorityFor('contoso.onmicrosoft.com')).toBe('https://login.microsoftonline.com/contoso.onmicrosoft.com');
  expect(authorityFor('organizations')).toBe('https://login.microsoftonline.com/organizations');
});
