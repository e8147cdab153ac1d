/**
 * Exchange's MailboxConcurrency limit: at most 4 requests of one app in flight against one mailbox
 * ("Microsoft Graph service-specific throttling limits", Outlook service limits). The fifth gets 429
 * ApplicationThrottled "Application is over its MailboxConcurrency limit." (the body clients match on).
 */
import { GraphError } from './errors';

export const MAILBOX_CONCURRENCY = 4;

export class MailboxLimiter {
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly limit = MAILBOX_CONCURRENCY) {}

  /** Takes a slot or throws the 429; the returned function gives the slot back (call it once). */
  acquire(mailbox: string): () => void {
    const current = this.inFlight.get(mailbox) ?? 0;
    if (current >= this.limit) {
      throw new GraphError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', { 'Retry-After': '1' });
    }
    this.inFlight.set(mailbox, current + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.inFlight.get(mailbox) ?? 1) - 1;
      if (left <= 0) this.inFlight.delete(mailbox);
      else this.inFlight.set(mailbox, left);
    };
  }
}
