import { BrowserAuthError, ServerError } from '@azure/msal-browser';
import { dialogUrl, readDialogRequest, resultFromWire, type DialogReply } from '../../../src/auth/dialogProtocol';
import { runDialogSignIn } from '../../../src/auth/dialogSignIn';
import { account, FakePublicClient, tokenResult } from './fakePublicClient';

const PAGE = 'https://addin.example.org/auth-dialog.html';
const ANNA = account('anna@seutuopisto.fi');

async function run(pca: FakePublicClient, search: string): Promise<DialogReply[]> {
  const replies: DialogReply[] = [];
  await runDialogSignIn(pca, readDialogRequest(search), PAGE, (r) => replies.push(r));
  return replies;
}

test('the request travels in the URL and reads back the same', () => {
  const url = dialogUrl(PAGE, { scopes: ['User.Read', 'Mail.ReadWrite'], loginHint: 'anna@seutuopisto.fi' });
  expect(readDialogRequest(new URL(url).search)).toEqual({ scopes: ['User.Read', 'Mail.ReadWrite'], loginHint: 'anna@seutuopisto.fi' });
  expect(readDialogRequest('')).toBeUndefined();
});

test('first load without a cached account: a redirect with the scopes, the hint and this page as redirect URI', async () => {
  const pca = new FakePublicClient();
  const replies = await run(pca, new URL(dialogUrl(PAGE, { scopes: ['User.Read'], loginHint: 'anna@seutuopisto.fi' })).search);
  expect(pca.called('handleRedirectPromise')).toEqual([{ navigateToLoginRequestUrl: false }]);
  expect(pca.called('acquireTokenRedirect')).toEqual([{ scopes: ['User.Read'], redirectUri: PAGE, loginHint: 'anna@seutuopisto.fi' }]);
  expect(replies).toEqual([]);
});

test('back from Entra ID: the result goes to the taskpane, dates intact', async () => {
  const pca = new FakePublicClient();
  pca.redirectAnswer = tokenResult('dialog-token', ANNA);
  const [reply] = await run(pca, '');
  expect(reply?.ok).toBe(true);
  const result = reply?.ok ? resultFromWire(JSON.parse(JSON.stringify(reply.result))) : undefined;
  expect(result?.accessToken).toBe('dialog-token');
  expect(result?.expiresOn).toEqual(new Date(Date.UTC(2026, 0, 1, 12)));
  expect(result?.account).toEqual(ANNA);
  expect(pca.called('acquireTokenRedirect')).toEqual([]);
});

test('a session the dialog already has answers silently, without a redirect', async () => {
  const pca = new FakePublicClient();
  pca.accounts = [ANNA];
  pca.onSilent = () => Promise.resolve(tokenResult('silent-in-dialog', ANNA));
  const [reply] = await run(pca, new URL(dialogUrl(PAGE, { scopes: ['User.Read'], loginHint: ANNA.username })).search);
  expect(reply?.ok && reply.result.accessToken).toBe('silent-in-dialog');
  expect(pca.called('acquireTokenRedirect')).toEqual([]);
});

test('a failure crosses as codes only', async () => {
  const pca = new FakePublicClient();
  pca.handleRedirectPromise = () => Promise.reject(new ServerError('invalid_grant', 'corr', 'AADSTS65001: long server text with details', '', '65001'));
  const [reply] = await run(pca, '');
  expect(reply).toEqual({ trailSignIn: 1, ok: false, error: { errorCode: 'invalid_grant', errorNo: '65001' } });
});

test('a silent failure other than "interaction required" is reported, not hidden behind a redirect', async () => {
  const pca = new FakePublicClient();
  pca.accounts = [ANNA];
  pca.onSilent = () => Promise.reject(new BrowserAuthError('no_network_connectivity', 'corr'));
  const [reply] = await run(pca, new URL(dialogUrl(PAGE, { scopes: ['User.Read'], loginHint: ANNA.username })).search);
  expect(reply).toEqual({ trailSignIn: 1, ok: false, error: { errorCode: 'no_network_connectivity' } });
  expect(pca.called('acquireTokenRedirect')).toEqual([]);
});

test('opened without a request: says so', async () => {
  const [reply] = await run(new FakePublicClient(), '');
  expect(reply).toEqual({ trailSignIn: 1, ok: false, error: { errorCode: 'dialog_without_request' } });
});
