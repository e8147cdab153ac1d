import { BrowserAuthError, ServerError, type Configuration } from '@azure/msal-browser';
import { parseDialogReply, successReply, failureReply } from '../../../src/auth/dialogProtocol';
import { MsalSignIn, type MsalSettings } from '../../../src/auth/msalSignIn';
import type { OfficeAuthHost, OfficeUser } from '../../../src/auth/officeAuth';
import { ADMIN_SCOPES, DAILY_SCOPES } from '../../../src/auth/scopes';
import { SignInError } from '../../../src/graph/tokens';
import { OfficeDialogError } from '../../../src/auth/signInProblems';
import { account, FakePublicClient, interactionRequired, tokenResult } from './fakePublicClient';

const SETTINGS: MsalSettings = {
  clientId: '11111111-2222-3333-4444-555555555555',
  authority: 'https://login.microsoftonline.com/organizations',
  redirectUri: 'https://addin.example.org/auth-redirect.html',
  dialogUrl: 'https://addin.example.org/auth-dialog.html',
};

const ANNA = account('anna@seutuopisto.fi');
const ANNA_IN_OFFICE: OfficeUser = { loginHint: 'anna@seutuopisto.fi', username: 'anna@seutuopisto.fi', tenantId: 'tenant-1', objectId: ANNA.localAccountId };

interface Setup {
  naa?: boolean;
  /** null: Office cannot say who is signed in. */
  user?: OfficeUser | null;
  dialog?: (url: string) => Promise<string>;
}

function setUp({ naa = false, user = ANNA_IN_OFFICE, dialog }: Setup = {}) {
  const pca = new FakePublicClient();
  const made: Array<{ kind: 'nestable' | 'standard'; config: Configuration }> = [];
  const dialogs: string[] = [];
  const office: OfficeAuthHost = {
    supportsNestedAppAuth: () => naa,
    signedInUser: () => Promise.resolve(user ?? undefined),
    openDialog: (url) => {
      dialogs.push(url);
      return dialog ? dialog(url) : Promise.reject(new Error('no dialog scripted'));
    },
  };
  const signIn = new MsalSignIn(SETTINGS, office, {
    nestable: (config) => (made.push({ kind: 'nestable', config }), Promise.resolve(pca)),
    standard: (config) => (made.push({ kind: 'standard', config }), Promise.resolve(pca)),
  });
  return { pca, made, dialogs, signIn };
}

const popupBlocked = () => new BrowserAuthError('popup_window_error', 'corr-1');

describe('which MSAL client', () => {
  test('NestedAppAuth 1.1 supported: the nestable client, asked silently even before any account is cached', async () => {
    const { pca, made, signIn } = setUp({ naa: true });
    pca.onSilent = () => Promise.resolve(tokenResult('naa-token', ANNA));
    await expect(signIn.accessToken(DAILY_SCOPES)).resolves.toBe('naa-token');
    expect(made.map((m) => m.kind)).toEqual(['nestable']);
    expect(pca.called('acquireTokenSilent')).toEqual([{ scopes: [...DAILY_SCOPES] }]);
    expect(pca.called('acquireTokenPopup')).toEqual([]);
  });

  test('not supported: the standard client, configured from the build settings', async () => {
    const { pca, made, signIn } = setUp({ naa: false });
    pca.accounts = [ANNA];
    pca.onSilent = () => Promise.resolve(tokenResult('cached', ANNA));
    await signIn.accessToken(DAILY_SCOPES);
    expect(made.map((m) => m.kind)).toEqual(['standard']);
    expect(made[0]?.config.auth).toEqual({ clientId: SETTINGS.clientId, authority: SETTINGS.authority, redirectUri: SETTINGS.redirectUri });
    expect(made[0]?.config.cache?.cacheLocation).toBe('localStorage');
  });

  test('the client is made once for every later request and scope set', async () => {
    const { pca, made, signIn } = setUp();
    pca.accounts = [ANNA];
    pca.onSilent = (r) => Promise.resolve(tokenResult(r.scopes.join(','), ANNA));
    await signIn.accessToken(DAILY_SCOPES);
    await signIn.accessToken(ADMIN_SCOPES);
    await signIn.accessToken(DAILY_SCOPES);
    expect(made).toHaveLength(1);
  });
});

describe('silent first', () => {
  test('the account Office names is found in the cache and used; no window opens', async () => {
    const { pca, signIn, dialogs } = setUp();
    pca.accounts = [account('someone.else@seutuopisto.fi'), ANNA];
    pca.onSilent = () => Promise.resolve(tokenResult('silent-token', ANNA));
    await expect(signIn.accessToken(DAILY_SCOPES)).resolves.toBe('silent-token');
    expect(pca.called('getAccount')).toEqual([{ username: ANNA.username, tenantId: 'tenant-1', localAccountId: ANNA.localAccountId }]);
    expect(pca.called('acquireTokenSilent')).toEqual([{ scopes: [...DAILY_SCOPES], account: ANNA }]);
    expect(pca.called('acquireTokenPopup')).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  test('Office names the user but the cache does not know them: ssoSilent with the login hint', async () => {
    const { pca, signIn } = setUp();
    pca.onSsoSilent = () => Promise.resolve(tokenResult('sso-token', ANNA));
    await expect(signIn.accessToken(DAILY_SCOPES)).resolves.toBe('sso-token');
    expect(pca.called('ssoSilent')).toEqual([{ scopes: [...DAILY_SCOPES], loginHint: ANNA.username }]);
    expect(pca.called('acquireTokenPopup')).toEqual([]);
  });

  test('never somebody else: another cached account is not used for the user Office names', async () => {
    const { pca, signIn } = setUp();
    pca.accounts = [account('previous.user@seutuopisto.fi')];
    pca.onPopup = () => Promise.resolve(tokenResult('popup-token', ANNA));
    await signIn.accessToken(DAILY_SCOPES);
    expect(pca.called('acquireTokenSilent')).toEqual([]);
    expect(pca.called('acquireTokenPopup')).toEqual([expect.objectContaining({ loginHint: ANNA.username })]);
  });

  test('Office cannot say who: the one cached account is used; with two, the user chooses', async () => {
    const one = setUp({ user: null });
    one.pca.accounts = [ANNA];
    one.pca.onSilent = () => Promise.resolve(tokenResult('one', ANNA));
    await expect(one.signIn.accessToken(DAILY_SCOPES)).resolves.toBe('one');

    const two = setUp({ user: null });
    two.pca.accounts = [ANNA, account('bob@seutuopisto.fi')];
    two.pca.onPopup = () => Promise.resolve(tokenResult('chosen', ANNA));
    await expect(two.signIn.accessToken(DAILY_SCOPES)).resolves.toBe('chosen');
    expect(two.pca.called('acquireTokenSilent')).toEqual([]);
    expect(two.pca.called('acquireTokenPopup')).toEqual([expect.objectContaining({ prompt: 'select_account' })]);
  });

  test('interactive only when MSAL says so: a server failure is reported, no window opens', async () => {
    const { pca, signIn } = setUp();
    pca.accounts = [ANNA];
    pca.onSilent = () => Promise.reject(new ServerError('temporarily_unavailable', 'corr-1', 'try later'));
    const error = await signIn.accessToken(DAILY_SCOPES).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInError);
    expect((error as SignInError).problem).toBe('failed');
    expect(pca.called('acquireTokenPopup')).toEqual([]);
  });

  test('offline stays offline (no window)', async () => {
    const { pca, signIn } = setUp();
    pca.accounts = [ANNA];
    pca.onSilent = () => Promise.reject(new BrowserAuthError('no_network_connectivity', 'corr-1'));
    await expect(signIn.accessToken(DAILY_SCOPES)).rejects.toMatchObject({ problem: 'offline' });
    expect(pca.called('acquireTokenPopup')).toEqual([]);
  });
});

describe('interactive: popup, then the Office dialog', () => {
  test('InteractionRequiredAuthError: a popup with the same scopes, the account and the redirect bridge', async () => {
    const { pca, signIn } = setUp();
    pca.accounts = [ANNA];
    pca.onSilent = () => Promise.reject(interactionRequired());
    pca.onPopup = () => Promise.resolve(tokenResult('popup-token', ANNA));
    await expect(signIn.accessToken(DAILY_SCOPES)).resolves.toBe('popup-token');
    expect(pca.called('acquireTokenPopup')).toEqual([{ scopes: [...DAILY_SCOPES], redirectUri: SETTINGS.redirectUri, account: ANNA }]);
  });

  test.each(['popup_window_error', 'empty_window_error', 'block_nested_popups', 'timed_out'])(
    'popup fails with %s: the Office dialog signs in, and its token lands in the MSAL cache',
    async (code) => {
      const { pca, signIn, dialogs } = setUp({ dialog: () => Promise.resolve(JSON.stringify(successReply(tokenResult('dialog-token', ANNA, [...DAILY_SCOPES])))) });
      pca.onPopup = () => Promise.reject(new BrowserAuthError(code, 'corr-1'));
      await expect(signIn.accessToken(DAILY_SCOPES)).resolves.toBe('dialog-token');
      const opened = new URL(dialogs[0] ?? '');
      expect(`${opened.origin}${opened.pathname}`).toBe(SETTINGS.dialogUrl);
      expect(opened.searchParams.get('scopes')).toBe(DAILY_SCOPES.join(' '));
      expect(opened.searchParams.get('loginHint')).toBe(ANNA.username);
      expect(pca.hydrated.map((r) => [r.accessToken, r.expiresOn?.toISOString()])).toEqual([['dialog-token', '2026-01-01T12:00:00.000Z']]);
      expect(pca.called('hydrateCache')).toEqual([{ scopes: [...DAILY_SCOPES], account: ANNA }]);
    },
  );

  test('after the dialog, the next request is silent for the account it signed in', async () => {
    const { pca, signIn } = setUp({ user: null, dialog: () => Promise.resolve(JSON.stringify(successReply(tokenResult('dialog-token', ANNA)))) });
    pca.onPopup = () => Promise.reject(popupBlocked());
    await signIn.accessToken(DAILY_SCOPES);
    pca.onSilent = () => Promise.resolve(tokenResult('from-cache', ANNA));
    await expect(signIn.accessToken(DAILY_SCOPES)).resolves.toBe('from-cache');
    expect(pca.called('acquireTokenSilent')).toEqual([{ scopes: [...DAILY_SCOPES], account: ANNA }]);
  });

  test('the user closing the popup is an answer: no dialog follows', async () => {
    const { pca, signIn, dialogs } = setUp();
    pca.onPopup = () => Promise.reject(new BrowserAuthError('user_cancelled', 'corr-1'));
    await expect(signIn.accessToken(DAILY_SCOPES)).rejects.toMatchObject({ problem: 'cancelled' });
    expect(dialogs).toEqual([]);
  });

  test.each([
    [12006, 'cancelled'],
    [12009, 'blocked'],
    [12011, 'blocked'],
    [12002, 'misconfigured'],
    [12007, 'failed'],
  ])('the Office dialog fails with %s: %s', async (code, problem) => {
    const { pca, signIn } = setUp({ dialog: () => Promise.reject(new OfficeDialogError(code)) });
    pca.onPopup = () => Promise.reject(popupBlocked());
    await expect(signIn.accessToken(DAILY_SCOPES)).rejects.toMatchObject({ problem });
  });

  test('a consent error from the dialog keeps its meaning across the JSON', async () => {
    const denied = failureReply(new ServerError('invalid_grant', 'corr-1', 'AADSTS90094: admin approval needed', '', '90094'));
    const { pca, signIn } = setUp({ dialog: () => Promise.resolve(JSON.stringify(denied)) });
    pca.onPopup = () => Promise.reject(popupBlocked());
    await expect(signIn.accessToken(DAILY_SCOPES)).rejects.toMatchObject({ problem: 'adminConsentRequired' });
    expect(pca.hydrated).toEqual([]);
  });

  test('an answer that is not ours is refused', async () => {
    const { pca, signIn } = setUp({ dialog: () => Promise.resolve('{"hello":1}') });
    pca.onPopup = () => Promise.reject(popupBlocked());
    await expect(signIn.accessToken(DAILY_SCOPES)).rejects.toMatchObject({ problem: 'failed' });
    expect(() => parseDialogReply('not json')).toThrow(SignInError);
  });

  test('consent: AADSTS65001 after the popup reads as consent required', async () => {
    const { pca, signIn } = setUp();
    pca.onPopup = () => Promise.reject(new ServerError('invalid_grant', 'corr-1', 'AADSTS65001', '', '65001'));
    await expect(signIn.accessToken(DAILY_SCOPES)).rejects.toMatchObject({ problem: 'consentRequired' });
  });
});

describe('one prompt at a time, scopes per path', () => {
  test('requests at the same moment share one popup', async () => {
    const { pca, signIn } = setUp();
    let answer: (r: ReturnType<typeof tokenResult>) => void = () => undefined;
    pca.onPopup = () => new Promise((resolve) => (answer = resolve));
    const all = Promise.all([signIn.accessToken(DAILY_SCOPES), signIn.accessToken(DAILY_SCOPES), signIn.accessToken([...DAILY_SCOPES].reverse())]);
    await new Promise((r) => setTimeout(r, 0));
    answer(tokenResult('shared', ANNA));
    await expect(all).resolves.toEqual(['shared', 'shared', 'shared']);
    expect(pca.called('acquireTokenPopup')).toHaveLength(1);
  });

  test('daily and admin prompts never overlap', async () => {
    const { pca, signIn } = setUp();
    let open = 0;
    let most = 0;
    pca.onPopup = async (r) => {
      most = Math.max(most, ++open);
      await new Promise((resolve) => setTimeout(resolve, 5));
      open--;
      return tokenResult(r.scopes.length === ADMIN_SCOPES.length ? 'admin' : 'daily', ANNA);
    };
    await expect(Promise.all([signIn.accessToken(DAILY_SCOPES), signIn.accessToken(ADMIN_SCOPES)])).resolves.toEqual(['daily', 'admin']);
    expect(most).toBe(1);
  });

  test('the provisioning scope is asked for only by the admin request', async () => {
    const { pca, signIn } = setUp();
    pca.onPopup = (r) => Promise.resolve(tokenResult('t', ANNA, r.scopes));
    await signIn.accessToken(DAILY_SCOPES);
    await signIn.accessToken(ADMIN_SCOPES);
    const asked = pca.called('acquireTokenPopup').map((r) => (r as { scopes: string[] }).scopes);
    expect(asked[0]).not.toContain('Sites.Manage.All');
    expect(asked[1]).toContain('Sites.Manage.All');
  });
});
