/**
 * Graph's error shape: `{"error":{"code","message","innerError":{date,request-id,client-request-id}}}`.
 * Feature modules throw GraphError; the core turns it into the response body and adds innerError.
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Extra innerError members (e.g. the throttling sample's `code`/`status`). */
    readonly innerError: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

export const notFound = (what = 'The specified object was not found in the store.'): GraphError =>
  new GraphError(404, 'ErrorItemNotFound', what);

export const badRequest = (message: string, code = 'BadRequest'): GraphError => new GraphError(400, code, message);

export const invalidRequest = (message: string): GraphError => new GraphError(400, 'invalidRequest', message);

/** Exchange's answer to an id that cannot be decoded at all (as opposed to one that is not found). */
export const malformedId = (): GraphError => new GraphError(400, 'ErrorInvalidIdMalformed', 'Id is malformed.');

/** Graph's answer to a POST/PATCH without a JSON body. */
export const emptyPayload = (): GraphError => badRequest('Empty Payload. JSON content expected.');

/**
 * An unknown property in a request body. OData's message, as Graph returns it
 * (seen in reports of `saveToSentItems` misplaced into a message: "RequestBodyRead").
 */
export const unknownProperty = (property: string, type: string): GraphError =>
  badRequest(
    `The property '${property}' does not exist on type '${type}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
    'RequestBodyRead',
  );

/**
 * Unknown path segment. Graph answers 400 (not 404) with this message, e.g.
 * "Resource not found for the segment 'identityRiskEvents'." (microsoft-graph-docs-contrib issue #5038,
 * msgraph-beta-sdk-python issue #764).
 */
export const unknownSegment = (segment: string): GraphError =>
  badRequest(`Resource not found for the segment '${segment}'.`);

/** Known path, unsupported method: 405 as in the example response of "Combine multiple HTTP requests using JSON batching". */
export const methodNotAllowed = (): GraphError =>
  new GraphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');

/**
 * Exchange refusing a mailbox the caller has no rights on (another user's mailbox without Full Access
 * or a shared folder, and any mailbox's mailboxSettings but one's own). Graph answers 403 with this
 * code and wording; no scope in the token can change it.
 */
export const accessDenied = (): GraphError => new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
