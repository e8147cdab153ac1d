import type { Context } from '@microsoft/microsoft-graph-client';
import { SignInError } from '../../auth/signInError';
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
