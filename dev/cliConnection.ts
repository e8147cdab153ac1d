/**
 * What `npm run provision` and `npm run record` share: where they connect (the sandbox by default, a
 * real tenant with --graph), how they sign in (GRAPH_TOKEN, the sandbox's tokens, or a device code for
 * Trail's app registration), the one line that says what failed, and trusting the dev CA.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { SandboxTokenSource } from '../src/auth/sandboxTokens';
import { GRAPH_ORIGIN } from '../src/graph/client';
import { toGraphRequestError } from '../src/graph/errors';
import type { AccessTokenSource } from '../src/graph/middleware/auth';
import { SignInError, type SignInProblem } from '../src/graph/tokens';
import { NotASiteUrlError, SiteNotFoundError } from '../src/record/site';
import { DeviceCodeTokenSource } from './deviceCodeSignIn';

export const SANDBOX_ORIGIN = `https://localhost:${process.env.SANDBOX_PORT ?? 3001}`;
export const DEFAULT_SITE = 'https://seutuopisto.sharepoint.com/sites/trail';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
}

/** parseArgs options every such command takes. */
export const CONNECTION_OPTIONS = {
  site: { type: 'string', default: DEFAULT_SITE },
  graph: { type: 'string', default: SANDBOX_ORIGIN },
  'client-id': { type: 'string' },
  tenant: { type: 'string' },
} as const;

export interface ConnectionValues {
  site: string;
  graph: string;
  'client-id'?: string;
  tenant?: string;
}

export const isLoopback = (origin: string): boolean => ['localhost', '127.0.0.1', '[::1]'].includes(new URL(origin).hostname);

const isOrigin = (text: string): boolean => URL.canParse(text) && /^https?:$/.test(new URL(text).protocol);

/** The Graph origin and a token source for it, or the one line that says what is missing. */
export function connection(values: ConnectionValues, io: CliIo, scopes: readonly string[]): { origin: string; tokens: AccessTokenSource } | { problem: string } {
  const origin = values.graph.replace(/\/+$/, '');
  if (!isOrigin(origin)) return { problem: `--graph must be an origin such as ${GRAPH_ORIGIN} (got "${values.graph}").` };
  const token = io.env.GRAPH_TOKEN;
  const clientId = values['client-id'] ?? io.env.TRAIL_CLIENT_ID;
  if (token) return { origin, tokens: { getAccessToken: async () => token } };
  if (isLoopback(origin)) return { origin, tokens: new SandboxTokenSource(origin) };
  if (!clientId) {
    return {
      problem:
        `${origin} needs a sign-in: pass --client-id <Trail's Application (client) ID> to sign in with a device code, ` +
        `or set GRAPH_TOKEN to a delegated access token with ${scopes.join(' ')} (docs/deploy.md).`,
    };
  }
  const tenant = values.tenant ?? io.env.TRAIL_TENANT_ID ?? 'organizations';
  return { origin, tokens: new DeviceCodeTokenSource({ clientId, tenant, scopes: [...scopes], say: (line) => io.out(line) }) };
}

/** What to do about a failed device-code sign-in (docs/deploy.md has the steps). */
function signInHint(problem: SignInProblem, scopes: string): string | undefined {
  const hints: Partial<Record<SignInProblem, string>> = {
    consentRequired: `an administrator must grant consent for ${scopes} to Trail's app registration (docs/deploy.md)`,
    adminConsentRequired: `an administrator must grant consent for ${scopes} to Trail's app registration (docs/deploy.md)`,
    consentDeclined: `the consent prompt was declined; run again and accept ${scopes}`,
    misconfigured: 'check --client-id and --tenant, and that the app registration allows public client flows (docs/deploy.md)',
    blockedByPolicy: "your tenant's sign-in policy refused this account or device",
    offline: 'login.microsoftonline.com could not be reached',
    cancelled: 'sign-in was cancelled or the code expired; run again',
  };
  return hints[problem];
}

/** One line that says what went wrong and what to do; `needs` says what a 403 lacks. */
export function describeFailure(error: unknown, origin: string, scopes: readonly string[], needs: string): string {
  const scopeList = scopes.join(' ');
  if (error instanceof NotASiteUrlError) return `"${error.url}" is not a SharePoint site address (like https://contoso.sharepoint.com/sites/trail).`;
  if (error instanceof SiteNotFoundError) return `no SharePoint site at ${error.url} that this account can see.`;
  if (error instanceof SignInError) {
    const hint = signInHint(error.problem, scopeList);
    return `no access token: ${error.message}${hint ? `; ${hint}` : ''}${isLoopback(origin) ? ` (is the sandbox running at ${origin}? npm start)` : ''}`;
  }
  const failure = toGraphRequestError(error);
  if (failure.status === 403) return `Graph refused (403 ${failure.code}): ${needs} (docs/permissions.md). ${failure.message}`;
  if (failure.status === 401) return `Graph did not accept the token (401 ${failure.code}); get a fresh one into GRAPH_TOKEN.`;
  if (failure.status === 0) return `cannot reach ${origin}: ${failure.message}${isLoopback(origin) ? ' (is the sandbox running? npm start)' : ''}`;
  return `${failure.status} ${failure.code}: ${failure.message}`;
}

/**
 * Runs a command's main as a process. Node reads NODE_EXTRA_CA_CERTS only at start, so the command first
 * runs itself again once, trusting the dev CA the sandbox's certificate comes from. Public CAs stay
 * trusted: the variable adds to Node's roots.
 */
export function runAsProcess(main: (argv: string[]) => Promise<number>): void {
  if (!process.env.TRAIL_DEV_CA_TRUSTED) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { CERT_FILES } = require('./certs.js') as { CERT_FILES: { caCert: string } };
    if (existsSync(CERT_FILES.caCert)) {
      const again = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
        stdio: 'inherit',
        env: { ...process.env, NODE_EXTRA_CA_CERTS: CERT_FILES.caCert, TRAIL_DEV_CA_TRUSTED: '1' },
      });
      process.exit(again.status ?? 1);
    }
    // nothing to trust yet: `npm start` makes it
  }
  void main(process.argv.slice(2)).then((code) => process.exit(code));
}
