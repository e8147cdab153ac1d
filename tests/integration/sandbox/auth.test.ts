/**
 * Bearer-token checks with Graph's 401 InvalidAuthenticationToken messages, and addressing other
 * mailboxes through /users/{id|upn}.
 */
import { makeSandboxToken } from '../../../dev/sandbox/core/token';
import { FIXTURE_COLLEAGUE, FIXTURE_SHARED, FIXTURE_SHARED_INBOX_COUNT, FIXTURE_USER, fixtureMailbox } from '../helpers/fixtureMailbox';
import { expectNoContractViolations, startTestSandbox, type TestSandbox } from '../helpers/sandbox';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ mailbox: fixtureMailbox });
});
afterAll(() => t.close());

const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const unsigned = (payload: object): string => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`;

async function errorFor(authorization: string | undefined) {
  const headers: Record<string, string> = authorization === undefined ? {} : { Authorization: authorization };
  const res = await t.graphJson<{ error: { code: string; message: string } }>('/me', { headers, token: null });
  return { status: res.status, code: res.body.error.code, message: res.body.error.message, challenge: res.headers.get('www-authenticate') };
}

describe('401 InvalidAuthenticationToken', () => {
  test('no Authorization header', async () => {
    const e = await errorFor(undefined);
    expect(e).toMatchObject({ status: 401, code: 'InvalidAuthenticationToken', message: 'Access token is empty.' });
    expect(e.challenge).toMatch(/^Bearer /);
  });

  test('an empty bearer', async () => {
    expect(await errorFor('Bearer ')).toMatchObject({ status: 401, message: 'Access token is empty.' });
  });

  test('a token that is not a JWT', async () => {
    const e = await errorFor('Bearer not-a-jwt');
    expect(e.status).toBe(401);
    expect(e.message).toMatch(/^IDX14100: JWT is not well formed, there are no dots \(\.\)/);
  });

  test('a JWT whose parts do not decode', async () => {
    const e = await errorFor('Bearer %%%.%%%.');
    expect(e.status).toBe(401);
    expect(e.message).toMatch(/^IDX14102/);
  });

  test('a token for another audience', async () => {
    const now = Math.floor(Date.now() / 1000);
    const e = await errorFor(`Bearer ${unsigned({ oid: t.user.id, aud: 'api://something-else', exp: now + 600 })}`);
    expect(e).toMatchObject({ status: 401, message: 'Access token validation failure. Invalid audience.' });
  });

  test('an expired token', async () => {
    const token = makeSandboxToken({ oid: t.user.id, upn: t.user.userPrincipalName, name: t.user.displayName }, new Date(Date.now() - 7200_000), 3600);
    expect(await errorFor(`Bearer ${token}`)).toMatchObject({ status: 401, message: 'Access token has expired or is not yet valid.' });
  });

  test('a token for a user the sandbox does not know', async () => {
    const token = makeSandboxToken({ oid: '00000000-0000-0000-0000-00000000dead', upn: 'ghost@example.fi', name: 'Ghost' }, new Date());
    expect(await errorFor(`Bearer ${token}`)).toMatchObject({ status: 401, code: 'InvalidAuthenticationToken' });
  });

  test('a valid token works, with or without a signature part', async () => {
    expect((await t.graphFetch('/me')).status).toBe(200);
    expect((await t.graphFetch('/me', { token: `${t.token}c2lnbmF0dXJl` })).status).toBe(200);
  });
});

describe('/users/{id|upn}', () => {
  test('a colleague is found by id and by user principal name', async () => {
    const byId = await t.graphJson<{ id: string; displayName: string }>(`/users/${FIXTURE_COLLEAGUE.id}`);
    const byUpn = await t.graphJson<{ id: string }>(`/users/${encodeURIComponent(FIXTURE_COLLEAGUE.userPrincipalName)}`);
    expect(byId.body).toMatchObject({ id: FIXTURE_COLLEAGUE.id, displayName: FIXTURE_COLLEAGUE.displayName });
    expect(byUpn.body.id).toBe(FIXTURE_COLLEAGUE.id);
  });

  test('a shared mailbox the user has Full Access to is a separate mailbox, by id and by address', async () => {
    const own = await t.graphJson<{ totalItemCount: number }>('/me/mailFolders/inbox');
    const byId = await t.graphJson<{ totalItemCount: number }>(`/users/${FIXTURE_SHARED.id}/mailFolders/inbox`);
    const byAddress = await t.graphJson<{ value: Array<{ toRecipients: Array<{ emailAddress: { address: string } }> }> }>(
      `/users/${encodeURIComponent(FIXTURE_SHARED.mail)}/messages?$select=toRecipients`,
    );
    expect(own.body.totalItemCount).toBeGreaterThan(FIXTURE_SHARED_INBOX_COUNT);
    expect(byId.body.totalItemCount).toBe(FIXTURE_SHARED_INBOX_COUNT);
    expect(byAddress.body.value.map((m) => m.toRecipients[0]!.emailAddress.address)).toEqual(Array(FIXTURE_SHARED_INBOX_COUNT).fill(FIXTURE_SHARED.mail));
  });

  test("a colleague's mailbox without Full Access is 403 ErrorAccessDenied, as Exchange answers; their user object is still readable", async () => {
    for (const path of [`/users/${FIXTURE_COLLEAGUE.id}/messages`, `/users/${encodeURIComponent(FIXTURE_COLLEAGUE.mail)}/mailFolders/inbox`]) {
      const denied = await t.graphJson<{ error: { code: string; message: string; innerError: Record<string, string> } }>(path);
      expect(denied.status).toBe(403);
      expect(denied.body.error).toEqual({ code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.', innerError: expect.objectContaining({ 'request-id': expect.any(String) }) });
    }
    expect((await t.graphFetch(`/users/${FIXTURE_COLLEAGUE.id}`)).status).toBe(200);
  });

  test('Full Access is per user: the colleague is refused the shared mailbox the signed-in user may open', async () => {
    const asColleague = t.tokenFor({ id: FIXTURE_COLLEAGUE.id, userPrincipalName: FIXTURE_COLLEAGUE.userPrincipalName, displayName: FIXTURE_COLLEAGUE.displayName });
    expect((await t.graphFetch(`/users/${FIXTURE_SHARED.id}/messages`, { token: asColleague })).status).toBe(403);
    expect((await t.graphFetch(`/users/${FIXTURE_USER.id}/messages`, { token: asColleague })).status).toBe(403);
    expect((await t.graphFetch('/me/messages', { token: asColleague })).status).toBe(200);
  });

  test("a shared mailbox's mailboxSettings is refused even with Full Access (there is no .Shared scope for it)", async () => {
    const settings = await t.graphJson<{ error: { code: string } }>(`/users/${FIXTURE_SHARED.id}/mailboxSettings`);
    expect(settings.status).toBe(403);
    expect(settings.body.error.code).toBe('ErrorAccessDenied');
    expect((await t.graphFetch(`/users/${FIXTURE_USER.id}/mailboxSettings`)).status).toBe(200);
  });

  test('an unknown user is a 404', async () => {
    const user = await t.graphJson<{ error: { code: string } }>('/users/nobody@example.fi');
    expect(user.status).toBe(404);
    expect(user.body.error.code).toBe('Request_ResourceNotFound');
    const mailbox = await t.graphJson<{ error: { code: string; message: string } }>('/users/nobody@example.fi/messages');
    expect(mailbox.status).toBe(404);
    expect(mailbox.body.error).toEqual(expect.objectContaining({ code: 'ErrorInvalidUser', message: "The requested user 'nobody@example.fi' is invalid." }));
  });
});

expectNoContractViolations(() => t);
