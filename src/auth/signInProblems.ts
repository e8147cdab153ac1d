/**
 * MSAL's and Office's failures, classified by their codes (never by message text) into the
 * SignInError kinds the user reads. Duck-typed on MSAL's AuthError fields (errorCode, subError,
 * errorNo) so the same table reads an error that crossed from the auth dialog as plain JSON.
 */
import { SignInError, type SignInProblem } from '../graph/tokens';

/** The fields of MSAL's AuthError / ServerError / InteractionRequiredAuthError we classify on. */
export interface AuthErrorFields {
  errorCode?: string;
  subError?: string;
  /** The AADSTS number, as MSAL reads it from the server's error_codes. */
  errorNo?: string;
}

/** Entra ID's AADSTS numbers that say more than the OAuth error code does. */
const BY_AADSTS: Readonly<Record<string, SignInProblem>> = {
  '65001': 'consentRequired', // the user or administrator has not consented to the app
  '65004': 'consentDeclined', // the user declined to consent
  '90094': 'adminConsentRequired', // the grant requires admin permission
  '90095': 'adminConsentRequired', // admin consent is required (an admin consent request may be sent)
  '50105': 'blockedByPolicy', // the user is not assigned to the app
  '53003': 'blockedByPolicy', // blocked by conditional access
  '50011': 'misconfigured', // the redirect URI is not registered for the app
  '700016': 'misconfigured', // no app with this client id in the tenant
  '50194': 'misconfigured', // the app is single-tenant but signed in through a multitenant authority
  '9002326': 'misconfigured', // the redirect URI is registered as Web, not as Single-page application
  '7000218': 'misconfigured', // device code without "Allow public client flows" on the app registration
};

/** MSAL's own error codes (BrowserAuthErrorCodes, ClientAuthErrorCodes) and OAuth error codes. */
const BY_ERROR_CODE: Readonly<Record<string, SignInProblem>> = {
  consent_required: 'consentRequired',
  user_cancelled: 'cancelled', // BrowserAuthError: the popup or redirect window was closed
  user_canceled: 'cancelled', // ClientAuthError: the Office host's (NAA) prompt was dismissed
  access_denied: 'consentDeclined',
  popup_window_error: 'blocked',
  empty_window_error: 'blocked',
  block_nested_popups: 'blocked',
  no_network_connectivity: 'offline',
  post_request_failed: 'offline',
  get_request_failed: 'offline',
  network_error: 'offline', // msal-node (the provisioning command line)
  unauthorized_client: 'misconfigured',
  invalid_client: 'misconfigured',
  invalid_request: 'misconfigured',
};

/** displayDialogAsync failed, or the dialog ended without an answer (code from OFFICE_DIALOG_PROBLEMS). */
export class OfficeDialogError extends Error {
  constructor(readonly code: number) {
    super(`Office dialog error ${code}`);
    this.name = 'OfficeDialogError';
  }
}

/** Office dialog API error codes (Office.context.ui.displayDialogAsync and DialogEventReceived). */
export const OFFICE_DIALOG_PROBLEMS: Readonly<Record<number, SignInProblem>> = {
  12002: 'misconfigured', // the dialog page is not there (wrong host or path)
  12003: 'misconfigured', // the dialog page is not HTTPS
  12006: 'cancelled', // the user closed the dialog
  12009: 'blocked', // the user chose to ignore the dialog
  12011: 'blocked', // the browser's pop-up blocker stopped the dialog (Outlook on the web)
};

const fieldsOf = (error: unknown): AuthErrorFields =>
  typeof error === 'object' && error !== null ? (error as AuthErrorFields) : {};

export function signInProblemOf(error: unknown): SignInProblem {
  const { errorCode = '', subError = '', errorNo = '' } = fieldsOf(error);
  return BY_AADSTS[errorNo] ?? BY_ERROR_CODE[subError] ?? BY_ERROR_CODE[errorCode] ?? 'failed';
}

/** MSAL codes that mean the popup could not do its work here, so the Office dialog should try. */
const POPUP_UNAVAILABLE = new Set([
  'popup_window_error', // window.open returned nothing (blocked)
  'empty_window_error', // the popup opened but could not be navigated
  'block_nested_popups', // already inside a popup
  'timed_out', // the redirect bridge never answered: the popup lives in another storage partition
]);

export const popupUnavailable = (error: unknown): boolean => POPUP_UNAVAILABLE.has(fieldsOf(error).errorCode ?? '');

/** Codes for which a silent attempt may be followed by an interactive one. */
const INTERACTION_REQUIRED = new Set([
  'interaction_required',
  'consent_required',
  'login_required',
  'bad_token',
  'no_tokens_found',
  'refresh_token_expired',
  'native_account_unavailable',
  'no_account_error', // nobody signed in yet in this MSAL cache
]);

/**
 * Whether MSAL said the user has to act. MSAL raises InteractionRequiredAuthError for these server
 * answers; the code check also covers that error after it crossed the dialog as JSON.
 */
export const needsInteraction = (error: unknown): boolean =>
  (error instanceof Error && error.name === 'InteractionRequiredAuthError') || INTERACTION_REQUIRED.has(fieldsOf(error).errorCode ?? '');

/** The error's codes only: never its message, which may quote request details. */
export function describeAuthError(error: unknown): string {
  const { errorCode, subError, errorNo } = fieldsOf(error);
  const parts = [errorCode, subError, errorNo ? `AADSTS${errorNo}` : undefined].filter((p): p is string => !!p);
  return parts.length ? parts.join(' / ') : error instanceof Error ? error.name : 'unknown error';
}

export function toSignInError(error: unknown): SignInError {
  if (error instanceof SignInError) return error;
  if (error instanceof OfficeDialogError) {
    return new SignInError(OFFICE_DIALOG_PROBLEMS[error.code] ?? 'failed', `Sign-in dialog failed: Office error ${error.code}`, error);
  }
  return new SignInError(signInProblemOf(error), `Sign-in failed: ${describeAuthError(error)}`, error);
}
