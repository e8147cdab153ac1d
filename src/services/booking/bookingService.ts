/**
 * Book time as the pane asks for it: for a message as Office names it, in the mailbox it lives in.
 * A shared mailbox's message is read there and its block goes in that mailbox's calendar; the zone
 * and working hours are the user's own (Graph refuses a shared mailbox's settings).
 */
import type { GraphClient } from '../../graph/client';
import { mailboxPath } from '../../graph/mailboxPaths';
import { bookTime, messageForBooking, type BookTimeResult } from './bookTime';

export type { BookTimeResult };

export interface BookingService {
  /** Books `lengthMinutes` at the first free slot from `from`, for the message (REST id) in its mailbox (null: the user's own). */
  book(message: { mailbox: string | null; id: string }, lengthMinutes: number, from: Date): Promise<BookTimeResult>;
}

export function createBookingService(graph: GraphClient): BookingService {
  return {
    async book(item, lengthMinutes, now) {
      const mailbox = mailboxPath(item.mailbox);
      const message = await messageForBooking(graph, item.id, mailbox);
      return bookTime(graph, { message, lengthMinutes, now, mailbox, settingsOf: '/me' });
    },
  };
}
