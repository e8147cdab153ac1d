/**
 * Documented Graph v1.0 operations and query options that the February 2023 subset leaves out,
 * described by hand and as narrowly as their documentation allows. Each entry names the
 * learn.microsoft.com page it was written from. Bodies point at the description's own component
 * schemas, so they are validated and walked like any described body; query options are copied
 * from a described operation on the same type, or enumerated from the returned type.
 */

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
