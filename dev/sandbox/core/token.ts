/**
 * Sandbox access tokens: unsigned JWTs (`base64url(header).base64url(payload).`) carrying just what
 * Graph's front door checks: who (`oid`), for which API (`aud`) and until when (`exp`).
 * The add-in's sandbox token provider builds the same shape independently.
 */
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';

export interface SandboxTokenUser {
  oid: string;
  upn: string;
  name: string;
}

export interface SandboxTokenClaims {
  oid?: unknown;
  aud?: unknown;
  exp?: unknown;
  nbf?: unknown;
  upn?: unknown;
  name?: unknown;
  [claim: string]: unknown;
}

const encode = (value: object): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

export function makeSandboxToken(user: SandboxTokenUser, now: Date, lifetimeSeconds = 3600): string {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const header = { typ: 'JWT', alg: 'none' };
  const payload = {
    aud: GRAPH_AUDIENCE,
    iss: 'https://sandbox.trail.local/',
    iat: issuedAt,
    nbf: issuedAt,
    exp: issuedAt + lifetimeSeconds,
    oid: user.oid,
    upn: user.upn,
    preferred_username: user.upn,
    name: user.name,
    scp: 'User.Read Mail.ReadWrite Calendars.ReadWrite MailboxSettings.ReadWrite Sites.ReadWrite.All',
  };
  return `${encode(header)}.${encode(payload)}.`;
}

/** Decodes a compact JWS without verifying any signature; undefined when it is not one. */
export function decodeTokenClaims(token: string): SandboxTokenClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [header, payload] = parts;
  if (!header || !payload) return undefined;
  try {
    JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims)
      ? (claims as SandboxTokenClaims)
      : undefined;
  } catch {
    return undefined;
  }
}
