/**
 * The errors Graph returns for sites, lists and list items. Codes follow "Microsoft Graph error responses
 * and resource types" (itemNotFound, invalidRequest, nameAlreadyExists, resourceModified, ...); messages
 * are the ones seen in real responses where a source was found (cited per function).
 */
import { GraphError } from '../core/errors';

/** Text the SharePoint service sends when a query touches a column without an index. */
export const NOT_INDEXED_PREFER_TOKEN = 'HonorNonIndexedQueriesWarningMayFailRandomly';

/** The list view threshold: queries that must examine more rows than this are refused. */
export const LIST_VIEW_THRESHOLD = 5000;

export const siteNotFound = (): GraphError => new GraphError(404, 'itemNotFound', 'Requested site could not be found');

export const invalidHostname = (): GraphError =>
  new GraphError(400, 'invalidRequest', 'Invalid hostname for this tenancy');

// "Not Found (HTTP 404) ... The specified list was not found" (Azure/Microsoft365R issue #154).
export const listNotFound = (): GraphError => new GraphError(404, 'itemNotFound', 'The specified list was not found');

export const itemNotFound = (): GraphError => new GraphError(404, 'itemNotFound', 'Item not found');

export const columnNotFound = (): GraphError => new GraphError(404, 'itemNotFound', 'Column not found');

export const invalidRequest = (message: string): GraphError => new GraphError(400, 'invalidRequest', message);

/** SharePoint's generic refusal of a bad argument (seen on list create, OneDrive/onedrive-api-docs #645). */
export const argumentNotAcceptable = (): GraphError =>
  invalidRequest('One of the provided arguments is not acceptable.');

// Graph code nameAlreadyExists for a list title collision (alcionai/corso PR #5005 branches on it);
// the message is SharePoint's own for a duplicate title.
export const listNameTaken = (): GraphError =>
  new GraphError(
    409,
    'nameAlreadyExists',
    'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.',
  );

// SharePoint's SPException text for a duplicate field name (SubPointSolutions/spmeta2 #705).
export const columnNameTaken = (name: string): GraphError =>
  new GraphError(409, 'nameAlreadyExists', `A duplicate field name "${name}" was found.`);

// "Field 'X' is not recognized" with code invalidRequest (microsoftgraph/microsoft-graph-docs #2609,
// msgraph-sdk-java #2054).
export const fieldNotRecognized = (name: string): GraphError => invalidRequest(`Field '${name}' is not recognized`);

// Exact wording from microsoftgraph/microsoft-graph-docs #2279 ("allowthrottleablequeries error when
// filtering columns"), thrown even on lists with a handful of items.
export const fieldNotIndexed = (name: string): GraphError =>
  invalidRequest(
    `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: ${NOT_INDEXED_PREFER_TOKEN}' header to allow this, but be warned that such queries may fail on large lists.`,
  );

/**
 * A query that would scan more than the list view threshold. SharePoint's own REST API answers 500
 * SPQueryThrottledException "The attempted operation is prohibited because it exceeds the list view
 * threshold"; through Graph the same failure surfaces as HTTP 429 "The request has been throttled"
 * (msgraph-sdk-dotnet #827: filtered query on a 50k list with the Prefer header; microsoft-graph-docs
 * #8450: `orderby=id desc` on a 15k list; msgraph-sdk-dotnet #703 reports code `throttledRequest` for a
 * list-view-threshold failure). No Retry-After is sent: retrying never helps.
 */
export const listViewThresholdExceeded = (): GraphError =>
  new GraphError(429, 'throttledRequest', 'The request has been throttled');

// Code from "Microsoft Graph error responses and resource types" (resourceModified: "usually an eTag
// mismatch"); message as Graph sends it for a stale If-Match (abraunegg/onedrive #706, skilion/onedrive #366).
export const etagMismatch = (): GraphError =>
  new GraphError(412, 'resourceModified', "ETag does not match current item's value");

// SharePoint's SPDuplicateValuesFoundException text (pnp/pnpcore #1280, nittygritty-uk/Atvero-Issues #135).
// The Graph status/code for it was not found in any source; 409 nameAlreadyExists is the closest documented code.
export const duplicateValues = (names: string[]): GraphError =>
  new GraphError(
    409,
    'nameAlreadyExists',
    `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${names.join(', ')}].`,
  );

/** The same refusal under the 'invalidRequest' reading of readings.ts: 400 with SharePoint's message. */
export function asUniqueViolationReading(error: unknown, reading: 'conflict' | 'invalidRequest'): unknown {
  const isDuplicate = error instanceof GraphError && error.code === 'nameAlreadyExists' && error.message.includes('duplicate values were found');
  return isDuplicate && reading === 'invalidRequest' ? invalidRequest(error.message) : error;
}

// SharePoint refuses a 21st index; wording from the error strings a SharePoint tool matches on
// ("Cannot index this column because ... maximum number of columns is currently being indexed").
export const tooManyIndexes = (): GraphError =>
  invalidRequest('Cannot index this column because the maximum number of columns is currently being indexed.');

// "Invalid filter clause" (code BadRequest) for a filter on a bare column name without `fields/`
// (microsoftgraph/microsoft-graph-docs #7040).
export const invalidFilterClause = (): GraphError => new GraphError(400, 'BadRequest', 'Invalid filter clause');

// A $filter the SharePoint service cannot run: code and wording of Graph's answer to an unsupported
// filter on a site's lists (microsoftgraph/microsoft-graph-docs-contrib #757, pnp/pnpcore #68); for
// list items the refusal itself is Microsoft's answer on Microsoft Q&A 1016924 (no `contains`).
export const filterNotSupported = (): GraphError => invalidRequest('The provided filter statement is not supported');

/** The standard OData message for an $expand/$select of an unknown navigation property. */
export const unknownProperty = (name: string, type: string): GraphError =>
  new GraphError(
    400,
    'BadRequest',
    `Parsing OData Select and Expand failed: Could not find a property named '${name}' on type 'microsoft.graph.${type}'.`,
  );
