/** How Graph shapes what it sends back: content type, common headers and the error envelope. */
import { GraphError } from './errors';
import type { SandboxResponse } from './types';

/** Graph's content type for OData JSON payloads (see the responses in "Combine multiple HTTP requests using JSON batching"). */
export const ODATA_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** Identifies one request in errors and headers; Graph echoes client-request-id. */
export interface RequestIds {
  requestId: string;
  clientRequestId: string;
}

/** `2019-10-23T09:28:27`: innerError dates are UTC without fraction or zone designator. */
export function innerErrorDate(now: Date): string {
  return now.toISOString().slice(0, 19);
}

export function errorResponse(error: GraphError, ids: RequestIds, now: Date): SandboxResponse {
  return {
    status: error.status,
    headers: { ...error.headers },
    body: {
      error: {
        code: error.code,
        message: error.message,
        innerError: {
          ...error.innerError,
          date: innerErrorDate(now),
          'request-id': ids.requestId,
          'client-request-id': ids.clientRequestId,
        },
      },
    },
  };
}

/** Anything a handler throws becomes a Graph error response; unexpected ones are a 500 and are logged. */
export function toErrorResponse(thrown: unknown, ids: RequestIds, now: Date): SandboxResponse {
  if (thrown instanceof GraphError) return errorResponse(thrown, ids, now);
  console.error('[sandbox] handler failed:', thrown);
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return errorResponse(new GraphError(500, 'generalException', `An unspecified error has occurred. ${message}`), ids, now);
}

/** Headers every Graph response carries, plus the content type when there is a body. */
export function standardHeaders(res: SandboxResponse, ids: RequestIds): Record<string, string> {
  const headers: Record<string, string> = {
    'Cache-Control': 'no-cache',
    'request-id': ids.requestId,
    'client-request-id': ids.clientRequestId,
    'x-ms-ags-diagnostic': '{"ServerInfo":{"DataCenter":"Sandbox","Slice":"E","Ring":"0","ScaleUnit":"000","RoleInstance":"SANDBOX"}}',
  };
  if (res.body !== undefined) {
    const isError = res.status >= 400;
    headers['Content-Type'] = isError ? 'application/json' : ODATA_JSON;
    if (!isError) headers['OData-Version'] = '4.0';
  }
  return { ...headers, ...(res.headers ?? {}) };
}
