/**
 * Bearer-token checks in the order Graph's front door applies them, with Graph's 401 messages:
 * - no token: "Access token is empty." (seen in Graph responses and Microsoft's own Graph mocks);
 * - not a compact JWT: Microsoft.IdentityModel's IDX14100 text as Graph relays it;
 * - wrong audience: "Access token validation failure. Invalid audience.";
 * - expired / not yet valid: "Access token has expired or is not yet valid.".
 */
import { GraphError } from './errors';
import { decodeTokenClaims, GRAPH_AUDIENCE } from './token';
import type { UserDirectory } from './types';

const NOT_WELL_FORMED =
  "IDX14100: JWT is not well formed, there are no dots (.).\nThe token needs to be in JWS or JWE Compact Serialization Format. (JWS): 'EncodedHeader.EncodedPayload.EncodedSignature'. (JWE): 'EncodedProtectedHeader.EncodedEncryptedKey.EncodedInitializationVector.EncodedCiphertext.EncodedAuthenticationTag'.";

const NOT_DECODABLE =
  "IDX14102: Unable to decode the header '[PII of type 'Microsoft.IdentityModel.Logging.SecurityArtifact' is hidden. For more details, see https://aka.ms/IdentityModel/PII.]' as Base64Url encoded string.";

/** Graph sends a WWW-Authenticate challenge with every 401. */
const CHALLENGE = {
  'WWW-Authenticate':
    'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
};

const unauthorized = (message: string): GraphError =>
  new GraphError(401, 'InvalidAuthenticationToken', message, CHALLENGE);

/** Returns the signed-in user's id, or throws Graph's 401. */
export function authenticate(authorization: string | undefined, directory: UserDirectory, now: Date): string {
  const match = /^\s*Bearer\s*(.*)$/i.exec(authorization ?? '');
  const token = match?.[1]?.trim() ?? '';
  if (!token) throw unauthorized('Access token is empty.');
  if (!token.includes('.')) throw unauthorized(NOT_WELL_FORMED);
  const claims = decodeTokenClaims(token);
  if (!claims) throw unauthorized(NOT_DECODABLE);
  if (claims.aud !== GRAPH_AUDIENCE && claims.aud !== '00000003-0000-0000-c000-000000000000') {
    throw unauthorized('Access token validation failure. Invalid audience.');
  }
  const nowSeconds = now.getTime() / 1000;
  const exp = typeof claims.exp === 'number' ? claims.exp : undefined;
  const nbf = typeof claims.nbf === 'number' ? claims.nbf : undefined;
  if (exp === undefined || exp <= nowSeconds || (nbf !== undefined && nbf > nowSeconds + 300)) {
    throw unauthorized('Access token has expired or is not yet valid.');
  }
  const user = typeof claims.oid === 'string' ? directory.find(claims.oid) : undefined;
  // A token for a user the tenant does not know fails validation like any other bad token.
  if (!user || user.id !== claims.oid) throw unauthorized('Access token validation failure.');
  return user.id;
}
