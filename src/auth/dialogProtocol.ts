/**
 * What the taskpane and the auth dialog page (src/app/authDialog/dialog.ts) say to each other: the request
 * travels in the dialog's URL, the answer comes back through Office's messageParent as JSON.
 * The answer carries the token result so the taskpane can put it into its own MSAL cache
 * (hydrateCache); it is never stored or logged anywhere else.
 */
import type { AuthenticationResult } from '@azure/msal-browser';
import { SignInError } from '../graph/tokens';
import type { AuthErrorFields } from './signInProblems';

export interface DialogRequest {
  scopes: string[];
  loginHint?: string;
}

/** An AuthenticationResult with its dates as ISO strings, as JSON carries them. */
export type WireResult = Omit<AuthenticationResult, 'expiresOn' | 'extExpiresOn' | 'refreshOn'> & {
  expiresOn: string | null;
  extExpiresOn?: string;
};

export type DialogReply = { trailSignIn: 1; ok: true; result: WireResult } | { trailSignIn: 1; ok: false; error: AuthErrorFields };

export function dialogUrl(pageUrl: string, request: DialogRequest): string {
  const url = new URL(pageUrl);
  url.searchParams.set('scopes', request.scopes.join(' '));
  if (request.loginHint) url.searchParams.set('loginHint', request.loginHint);
  return url.href;
}

export function readDialogRequest(search: string): DialogRequest | undefined {
  const params = new URLSearchParams(search);
  const scopes = (params.get('scopes') ?? '').split(' ').filter(Boolean);
  if (scopes.length === 0) return undefined;
  const loginHint = params.get('loginHint') ?? undefined;
  return loginHint ? { scopes, loginHint } : { scopes };
}

export function successReply(result: AuthenticationResult): DialogReply {
  const { expiresOn, extExpiresOn, refreshOn: _refreshOn, ...rest } = result;
  return {
    trailSignIn: 1,
    ok: true,
    result: { ...rest, expiresOn: expiresOn ? expiresOn.toISOString() : null, ...(extExpiresOn ? { extExpiresOn: extExpiresOn.toISOString() } : {}) },
  };
}

/** Only the codes cross over: an error's message may quote request details. */
export function failureReply(error: unknown): DialogReply {
  const fields = typeof error === 'object' && error !== null ? (error as AuthErrorFields) : {};
  const codes: AuthErrorFields = {};
  if (fields.errorCode) codes.errorCode = fields.errorCode;
  if (fields.subError) codes.subError = fields.subError;
  if (fields.errorNo) codes.errorNo = fields.errorNo;
  if (!codes.errorCode) codes.errorCode = 'dialog_failed';
  return { trailSignIn: 1, ok: false, error: codes };
}

export function parseDialogReply(message: string): DialogReply {
  let reply: Partial<DialogReply> | undefined;
  try {
    reply = JSON.parse(message) as Partial<DialogReply>;
  } catch {
    reply = undefined;
  }
  if (!reply || reply.trailSignIn !== 1 || typeof reply.ok !== 'boolean') {
    throw new SignInError('failed', 'The sign-in dialog answered with something Trail does not understand.');
  }
  return reply as DialogReply;
}

export function resultFromWire(wire: WireResult): AuthenticationResult {
  const { expiresOn, extExpiresOn, ...rest } = wire;
  return {
    ...rest,
    expiresOn: expiresOn ? new Date(expiresOn) : null,
    ...(extExpiresOn ? { extExpiresOn: new Date(extExpiresOn) } : {}),
  };
}
