import { BrowserAuthError, ClientAuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-browser';
import { SignInError, type SignInProblem } from '../../../src/graph/tokens';
import { describeAuthError, needsInteraction, OfficeDialogError, popupUnavailable, signInProblemOf, toSignInError } from '../../../src/auth/signInProblems';
import { describeError } from '../../../src/i18n/errors';
import { en, fi } from '../../../src/i18n/messages';

const server = (code: string, aadsts: string) => new ServerError(code, 'corr', `AADSTS${aadsts}: text Trail must not read`, '', aadsts);

test.each<[string, unknown, SignInProblem]>([
  ['AADSTS65001 consent not granted', server('invalid_grant', '65001'), 'consentRequired'],
  ['consent_required (silent)', new InteractionRequiredAuthError('consent_required', 'corr'), 'consentRequired'],
  ['AADSTS65004 user declined', server('access_denied', '65004'), 'consentDeclined'],
  ['access_denied without a number', new ServerError('access_denied', 'corr'), 'consentDeclined'],
  ['AADSTS90094 admin approval required', server('invalid_grant', '90094'), 'adminConsentRequired'],
  ['AADSTS90095 admin consent workflow', server('invalid_grant', '90095'), 'adminConsentRequired'],
  ['AADSTS50105 user not assigned', server('invalid_grant', '50105'), 'blockedByPolicy'],
  ['AADSTS53003 conditional access', server('access_denied', '53003'), 'blockedByPolicy'],
  ['AADSTS50011 redirect URI mismatch', server('invalid_request', '50011'), 'misconfigured'],
  ['AADSTS700016 unknown client id', server('unauthorized_client', '700016'), 'misconfigured'],
  ['AADSTS9002326 redirect registered as Web', server('invalid_request', '9002326'), 'misconfigured'],
  ['popup closed by the user', new BrowserAuthError('user_cancelled', 'corr'), 'cancelled'],
  ['host prompt dismissed (NAA)', new ClientAuthError('user_canceled', 'corr'), 'cancelled'],
  ['popup blocked', new BrowserAuthError('popup_window_error', 'corr'), 'blocked'],
  ['popup empty', new BrowserAuthError('empty_window_error', 'corr'), 'blocked'],
  ['no network', new BrowserAuthError('no_network_connectivity', 'corr'), 'offline'],
  ['token endpoint unreachable', new BrowserAuthError('post_request_failed', 'corr'), 'offline'],
  ['interaction still required after trying', new InteractionRequiredAuthError('interaction_required', 'corr'), 'failed'],
  ['anything else', new Error('boom'), 'failed'],
  ['not even an error', 'a string', 'failed'],
])('%s → %s', (_label, error, problem) => {
  expect(signInProblemOf(error)).toBe(problem);
  expect(toSignInError(error).problem).toBe(problem);
});

test('the AADSTS number wins over the OAuth code; the message text is never read', () => {
  expect(signInProblemOf(new ServerError('invalid_grant', 'corr', 'consent AADSTS65001 in words only'))).toBe('failed');
  expect(signInProblemOf({ errorCode: 'access_denied', errorNo: '90094' })).toBe('adminConsentRequired');
});

test('Office dialog errors have their own table', () => {
  expect(toSignInError(new OfficeDialogError(12006)).problem).toBe('cancelled');
  expect(toSignInError(new OfficeDialogError(12011)).problem).toBe('blocked');
  expect(toSignInError(new OfficeDialogError(99999)).problem).toBe('failed');
});

test('a SignInError passes through unchanged', () => {
  const original = new SignInError('notConfigured', 'no client id');
  expect(toSignInError(original)).toBe(original);
});

test('the message names codes only, never the server text (it can quote request details)', () => {
  const error = toSignInError(server('invalid_grant', '65001'));
  expect(error.message).toBe('Sign-in failed: invalid_grant / AADSTS65001');
  expect(describeAuthError(new Error('secret detail'))).toBe('Error');
});

test('interaction is needed for MSAL InteractionRequiredAuthError and for "no account yet", not for other failures', () => {
  expect(needsInteraction(new InteractionRequiredAuthError('login_required', 'corr'))).toBe(true);
  expect(needsInteraction(new InteractionRequiredAuthError('', 'corr'))).toBe(true);
  expect(needsInteraction(new BrowserAuthError('no_account_error', 'corr'))).toBe(true);
  expect(needsInteraction({ errorCode: 'consent_required' })).toBe(true);
  expect(needsInteraction(new BrowserAuthError('no_network_connectivity', 'corr'))).toBe(false);
  expect(needsInteraction(new ServerError('temporarily_unavailable', 'corr'))).toBe(false);
  expect(needsInteraction(new BrowserAuthError('user_cancelled', 'corr'))).toBe(false);
});

test('only window failures send the chain on to the Office dialog', () => {
  for (const code of ['popup_window_error', 'empty_window_error', 'block_nested_popups', 'timed_out']) {
    expect(popupUnavailable(new BrowserAuthError(code, 'corr'))).toBe(true);
  }
  for (const code of ['user_cancelled', 'interaction_in_progress', 'no_network_connectivity']) {
    expect(popupUnavailable(new BrowserAuthError(code, 'corr'))).toBe(false);
  }
  expect(popupUnavailable(server('invalid_grant', '65001'))).toBe(false);
});

test.each<SignInProblem>([
  'notConfigured', 'consentRequired', 'adminConsentRequired', 'consentDeclined', 'cancelled', 'blocked', 'blockedByPolicy', 'misconfigured', 'offline', 'failed',
])('%s has its words in English and Finnish', (problem) => {
  const { key } = describeError(new SignInError(problem, 'x'));
  expect(en[key]).toBeTruthy();
  expect(fi[key]).toBeTruthy();
});

test('each sign-in problem the user can act on reads differently', () => {
  const keys = (['consentRequired', 'adminConsentRequired', 'consentDeclined', 'cancelled', 'blocked', 'blockedByPolicy', 'misconfigured'] as const).map(
    (p) => describeError(new SignInError(p, 'x')).key,
  );
  expect(new Set(keys).size).toBe(keys.length);
  expect(describeError(new SignInError('offline', 'x')).key).toBe('error.network');
});
