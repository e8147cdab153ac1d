/**
 * Optimistic concurrency on Outlook items: an `If-Match` with the item's etag (`W/"<changeKey>"`) must
 * match, or the update fails with 412 ErrorIrresolvableConflict (Exchange's text for a stale change key).
 */
import { GraphError } from '../core/errors';
import type { SandboxRequest } from '../core/types';

export function assertIfMatch(req: SandboxRequest, changeKey: string): void {
  const header = req.headers['if-match'];
  if (header === undefined || header.trim() === '*') return;
  const tags = header.split(',').map((t) => t.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1'));
  if (!tags.includes(changeKey)) {
    throw new GraphError(
      412,
      'ErrorIrresolvableConflict',
      'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.',
    );
  }
}
