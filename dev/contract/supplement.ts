/**
 * Documented Graph v1.0 operations and query options that the February 2023 subset leaves out,
 * described by hand and as narrowly as their documentation allows. Each entry names the
 * learn.microsoft.com page it was written from. Bodies point at the description's own component
 * schemas, so they are validated and walked like any described body; query options are copied
 * from a described operation on the same type, or enumerated from the returned type.
 */
import type { Schema } from './spec';

export type QuerySource =
  /** Copy these options (all when `names` is absent) from a described operation, e.g. 'GET /me/calendarView'. */
  | { from: string; names?: readonly string[] }
  /** `$select` only, its items being the properties of `returns`. */
  | { select: true };

export interface HandDescribedOperation {
  method: 'GET' | 'PATCH' | 'DELETE';
  template: string;
  /** Title of the learn.microsoft.com (graph/api, v1.0) page the entry follows. */
  page: string;
  /** No query options at all when absent. */
  query?: QuerySource;
  /** Component schema the (required) request body must match; no body is allowed when absent. */
  body?: string;
  /** Type the operation returns, for $select/$expand checks. */
  returns?: string;
  pageable?: boolean;
}

const COLUMN = '/sites/{site-id}/lists/{list-id}/columns/{column-id}';
const COLUMN_DEFINITION = 'microsoft.graph.columnDefinition';
const MAILBOX_SETTINGS = 'microsoft.graph.mailboxSettings';

export const HAND_DESCRIBED: readonly HandDescribedOperation[] = [
  // The collection GET declares the same options over the same type.
  { method: 'GET', template: COLUMN, page: 'Get columnDefinition', query: { from: 'GET /sites/{site-id}/lists/{list-id}/columns', names: ['$select', '$expand'] }, returns: COLUMN_DEFINITION },
  { method: 'PATCH', template: COLUMN, page: 'Update columnDefinition', body: COLUMN_DEFINITION, returns: COLUMN_DEFINITION },
  { method: 'DELETE', template: COLUMN, page: 'Delete columnDefinition' },
  // The page lists /me/mailboxSettings/{setting} sub-paths too; nothing here uses them, so they stay unknown.
  { method: 'GET', template: '/me/mailboxSettings', page: 'Get user mailbox settings', query: { select: true }, returns: MAILBOX_SETTINGS },
  { method: 'PATCH', template: '/me/mailboxSettings', page: 'Update user mailbox settings', body: MAILBOX_SETTINGS, returns: MAILBOX_SETTINGS },
  // Same required window (ISO 8601 startDateTime/endDateTime) and OData options as the calendar view.
  { method: 'GET', template: '/me/events/{event-id}/instances', page: 'List instances', query: { from: 'GET /me/calendarView' }, returns: 'microsoft.graph.event', pageable: true },
  // "Supports the OData query parameters"; Trail sends none, so only $select over directoryObject is described.
  { method: 'GET', template: '/me/ownedObjects', page: 'List ownedObjects', query: { select: true }, returns: 'microsoft.graph.directoryObject', pageable: true },
  // "Access a group team site" on the same page as GET /sites/{site-id}: the same site, the same $select.
  { method: 'GET', template: '/groups/{group-id}/sites/root', page: 'Get a site resource', query: { from: 'GET /sites/{site-id}', names: ['$select'] }, returns: 'microsoft.graph.site' },
];

export interface ExtraQueryOption {
  method: 'GET';
  template: string;
  page: string;
  name: string;
  type: 'boolean';
}

/** Custom query options documented for operations the subset does describe. */
export const EXTRA_QUERY_OPTIONS: readonly ExtraQueryOption[] = [
  { method: 'GET', template: '/me/mailFolders', page: 'List mailFolders', name: 'includeHiddenFolders', type: 'boolean' },
  { method: 'GET', template: '/me/mailFolders/{mailFolder-id}/childFolders', page: 'List childFolders', name: 'includeHiddenFolders', type: 'boolean' },
];

/**
 * Graph's error envelope, for every 4XX/5XX response. The description's own
 * `microsoft.graph.ODataErrors.ODataError` spells the inner object `innererror` with a `Date`
 * member, while Graph sends `innerError` with `date` (UTC, no zone), `request-id` and
 * `client-request-id`: the example in "Microsoft Graph error responses and resource types"
 * (learn.microsoft.com/graph/errors; concepts/errors.md in microsoft-graph-docs-contrib) shows
 * `innerError`, and its resource table `innererror`, so both spellings are accepted. `code`,
 * `message` and `status` inside it are the throttling sample's ("Microsoft Graph throttling
 * guidance"). Written in the description's own dialect so it goes through the same adjustments.
 */
const INNER_ERROR: Schema = {
  type: 'object',
  title: 'the innerError object',
  properties: {
    code: { type: 'string' },
    message: { type: 'string' },
    status: { type: 'string' },
    // `2019-10-23T09:28:27`: a date-time, and Graph writes it without a zone.
    date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}' },
    'request-id': { type: 'string' },
    'client-request-id': { type: 'string' },
    // "The innererror object might recursively contain more innererror objects."
    innerError: { type: 'object' },
    innererror: { type: 'object' },
  },
};

export const ERROR_RESPONSE: Schema = {
  type: 'object',
  title: 'the error response',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      title: 'the error object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        target: { type: 'string', nullable: true },
        details: { type: 'array', items: { $ref: '#/components/schemas/microsoft.graph.ODataErrors.ErrorDetails' } },
        innerError: INNER_ERROR,
        innererror: INNER_ERROR,
      },
    },
  },
};

/**
 * `GET .../items/delta` ("listItem: delta", learn.microsoft.com/graph/api/listitem-delta, v1.0):
 * pages of list items ending in `@odata.deltaLink`. A removed item comes back with the `deleted`
 * facet (`{"id": "...", "deleted": {"state": "deleted"}}` in the page's example), which the February
 * 2023 description does not yet give listItem.
 */
export const LIST_ITEM_DELTA_RESPONSE: Schema = {
  allOf: [
    { $ref: '#/components/schemas/BaseDeltaFunctionResponse' },
    {
      type: 'object',
      properties: {
        value: {
          type: 'array',
          items: {
            title: 'microsoft.graph.listItem (delta)',
            allOf: [{ $ref: '#/components/schemas/microsoft.graph.listItem' }, { type: 'object', properties: { deleted: { $ref: '#/components/schemas/microsoft.graph.deleted' } } }],
          },
        },
      },
    },
  ],
};
