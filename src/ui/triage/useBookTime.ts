import { useCallback, useEffect, useRef, useState } from 'react';
import type { BookingService, BookTimeResult } from '../../services/booking/bookingService';

export type BookTimeState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; result: BookTimeResult; lengthMinutes: number }
  | { kind: 'error'; error: unknown };

/** The message Book time is for: Office's id of it, in the mailbox it lives in (null: the user's own). */
export interface BookingTarget {
  mailbox: string | null;
  id: string;
}

/** Book time's state: the chosen length, and booking from a given moment; an answer for another message never lands. */
export function useBookTime(booking: BookingService, message: BookingTarget) {
  const [lengthMinutes, setLength] = useState<number>(60);
  const [state, setState] = useState<BookTimeState>({ kind: 'idle' });
  const current = useRef(message.id);
  const { mailbox, id } = message;

  useEffect(() => {
    current.current = id;
    setState({ kind: 'idle' });
  }, [id]);

  const book = useCallback(
    async (from: Date) => {
      setState({ kind: 'busy' });
      try {
        const result = await booking.book({ mailbox, id }, lengthMinutes, from);
        if (current.current === id) setState({ kind: 'done', result, lengthMinutes });
      } catch (error) {
        if (current.current === id) setState({ kind: 'error', error });
      }
    },
    [booking, mailbox, id, lengthMinutes],
  );

  return { lengthMinutes, setLength, state, book };
}
