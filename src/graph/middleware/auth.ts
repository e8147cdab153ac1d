import type { Context } from '@microsoft/microsoft-graph-client';
import { SignInError } from '../tokens';
import { ChainedMiddleware, requestUrl, setHeader } from './chain';

/** Where access tokens come from: MSAL in Outlook, a sandbox issuer in the playground and tests. */
export interface AccessTokenSource {
  getAccessToken(): Promise<string>;
}

/** A request the client was asked to send somewhere other than Graph: it never carries the token. */
export class ForeignOriginError extends Error {
  constructor(readonly url: string) {
    super(`Refused to send a Graph token to ${new URL(url).origin}.`);
    this.name = 'ForeignOriginError';
  }
}

/**
 * Adds the bearer token, only for Graph's own origin: an absolute URL (a nextLink, a deltaLink, a
 * web link passed by mistake) pointing elsewhere is refused, never signed. It runs inside the retry
 * loop so a retried request gets a fresh token.
 */
export class BearerTokenMiddleware extends ChainedMiddleware {
  private readonly origin: string;

  constructor(
    private readonly tokens: AccessTokenSource,
    graphOrigin: string,
  ) {
    super();
    this.origin = new URL(graphOrigin).origin;
  }

  async execute(context: Context): Promise<void> {
    const url = requestUrl(context);
    if (new URL(url, this.origin).origin !== this.origin) throw new ForeignOriginError(url);
    let token: string;
    try {
      token = await this.tokens.getAccessToken();
    } catch (error) {
      throw error instanceof SignInError ? error : new SignInError('failed', error instanceof Error ? error.message : String(error), error);
    }
    setHeader(context, 'Authorization', `Bearer ${token}`);
    await this.callNext(context);
  }
}
