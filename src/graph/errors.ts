import { GraphError as SdkGraphError } from '@microsoft/microsoft-graph-client';

/**
 * The one error type the rest of the add-in sees for a failed Graph call. Decisions are made on
 * `status` and `code` (stable), never on `message` (localised, and changes without notice).
 */
export class GraphRequestError extends Error {
  constructor(
    /** HTTP status, or 0 when the request never got an answer (offline, connection reset). */
    readonly status: number,
    /** Graph's `error.code`, e.g. `ErrorItemNotFound`, `ApplicationThrottled`; `network` when there was no answer. */
    readonly code: string,
    message: string,
    /** Graph's request-id, for support. */
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'GraphRequestError';
  }
}

export function toGraphRequestError(error: unknown): GraphRequestError {
  if (error instanceof GraphRequestError) return error;
  if (error instanceof SdkGraphError) {
    // The SDK reports a fetch that never got an answer as status -1 and keeps the cause only in `body`.
    if (error.statusCode <= 0) return new GraphRequestError(0, 'network', error.message || String(error.body ?? 'No answer'));
    return new GraphRequestError(error.statusCode, error.code ?? 'unknown', error.message, error.requestId ?? undefined);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new GraphRequestError(0, 'network', message);
}

export const isNotFound = (e: GraphRequestError): boolean => e.status === 404;
export const isThrottled = (e: GraphRequestError): boolean => e.status === 429;
export const isConflict = (e: GraphRequestError): boolean => e.status === 409;
export const isPreconditionFailed = (e: GraphRequestError): boolean => e.status === 412;
export const isUnauthenticated = (e: GraphRequestError): boolean => e.status === 401;
export const isOffline = (e: GraphRequestError): boolean => e.status === 0;
/** Exchange refusing the mailbox itself: no Full Access to a shared mailbox, or no mail permission at all. */
export const isMailboxAccessDenied = (e: GraphRequestError): boolean => e.status === 403 && e.code === 'ErrorAccessDenied';
export const isTransient = (e: GraphRequestError): boolean =>
  e.status === 0 || e.status === 429 || e.status === 503 || e.status === 504;

