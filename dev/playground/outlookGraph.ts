import { Client, HTTPMessageHandler } from '@microsoft/microsoft-graph-client';
import { BearerTokenMiddleware, type AccessTokenSource } from '../../src/graph/middleware/auth';
import { RequestIdMiddleware } from '../../src/graph/middleware/requestId';
import { RetryMiddleware } from '../../src/graph/middleware/retry';

/**
 * The playground's own Graph client, standing in for Outlook's view of the mailbox. It is Trail's chain without
 * the immutable-id preference: Outlook knows items by their EWS id, which is the REST id in another alphabet,
 * and which changes when the item moves, as a REST id does.
 */
export function createOutlookGraph(baseUrl: string, tokens: AccessTokenSource): Client {
  const base = baseUrl.replace(/\/+$/, '');
  return Client.initWithMiddleware({
    baseUrl: base,
    defaultVersion: 'v1.0',
    customHosts: new Set([new URL(base).hostname]),
    middleware: [new RequestIdMiddleware(), new RetryMiddleware(), new BearerTokenMiddleware(tokens, base), new HTTPMessageHandler()],
  });
}
