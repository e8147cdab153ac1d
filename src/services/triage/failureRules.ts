/**
 * What a failed request means for its message, as a table of cases: whether to give up, try again as
 * planned, or read the message first because the write may have happened anyway.
 */
import { isNotFound, type GraphRequestError } from '../../graph/errors';
import type { StepKind } from './chains';

export type NextMove =
  /** The message is gone: no retry can help. */
  | 'messageMissing'
  /** A move found nothing: the message or the folder is gone, and reading the message tells which. */
  | 'locate'
  /** Graph refused it for good (400, 403, ...). */
  | 'giveUp'
  /** Nothing was applied, or applying again changes nothing (PATCH): send again as planned. */
  | 'retry'
  /** A move that may have happened after all: read the message before deciding. */
  | 'readThenRetry';

/** No answer, throttling, a failed dependency, and the server's own trouble: worth another try. */
export const isTransientStatus = (status: number): boolean => status === 0 || status === 424 || status === 429 || status >= 500;

export function nextMoveAfter(kind: StepKind, error: GraphRequestError): NextMove {
  if (isNotFound(error)) return kind === 'move' ? 'locate' : 'messageMissing';
  if (!isTransientStatus(error.status)) return 'giveUp';
  // A 429 is refused before any work, a 424 was never run; anything else may come after the move.
  if (kind === 'move' && error.status !== 429 && error.status !== 424) return 'readThenRetry';
  return 'retry';
}
