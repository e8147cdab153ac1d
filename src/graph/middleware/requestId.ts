import type { Context } from '@microsoft/microsoft-graph-client';
import { ChainedMiddleware, getHeader, setHeader } from './chain';

/**
 * Gives every request a `client-request-id` so a failure the user reports can be found in Graph's
 * logs (Graph echoes it back). Retries of one logical request keep the same id.
 */
export class RequestIdMiddleware extends ChainedMiddleware {
  constructor(private readonly newId: () => string = () => crypto.randomUUID()) {
    super();
  }

  async execute(context: Context): Promise<void> {
    if (!getHeader(context, 'client-request-id')) setHeader(context, 'client-request-id', this.newId());
    await this.callNext(context);
  }
}
