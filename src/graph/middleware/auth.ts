import type { Context } from '@microsoft/microsoft-graph-client';
import { ChainedMiddleware, setHeader } from './chain';

/** Where access tokens come from: MSAL in Outlook, a sandbox issuer in the playground and tests. */
export interface AccessTokenSource {
  getAccessToken(): Promise<string>;
}

/** Adds the bearer token. It runs inside the retry loop so a retried request gets a fresh token. */
export class BearerTokenMiddleware extends ChainedMiddleware {
  constructor(private readonly tokens: AccessTokenSource) {
    super();
  }

  async execute(context: Context): Promise<void> {
    setHeader(context, 'Authorization', `Bearer ${await this.tokens.getAccessToken()}`);
    await this.callNext(context);
  }
}
