import type { AccessTokenSource } from '../graph/middleware/auth';

interface TokenResponse {
  access_token: string;
  expires_in: number;
}

/**
 * Tokens from the local Graph sandbox's development issuer (POST /_sandbox/token), shaped like
 * Entra ID's token endpoint so the same cache-and-refresh path runs as with MSAL.
 */
export class SandboxTokenSource implements AccessTokenSource {
  private cached: { token: string; expiresAt: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly sandboxOrigin: string,
    private readonly now: () => number = Date.now,
  ) {}

  async getAccessToken(): Promise<string> {
    // Refresh five minutes early so a token never expires in flight.
    if (this.cached && this.cached.expiresAt - 5 * 60_000 > this.now()) return this.cached.token;
    this.pending ??= this.fetchToken().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async fetchToken(): Promise<string> {
    const response = await fetch(new URL('/_sandbox/token', this.sandboxOrigin), { method: 'POST' });
    if (!response.ok) throw new Error(`The Graph sandbox refused a token (HTTP ${response.status}).`);
    const body = (await response.json()) as TokenResponse;
    this.cached = { token: body.access_token, expiresAt: this.now() + body.expires_in * 1000 };
    return body.access_token;
  }
}
