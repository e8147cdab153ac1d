/**
 * Where Microsoft's documentation is silent or public threads disagree, the sandbox takes the
 * pessimistic reading, so Trail is proven correct where real SharePoint is least kind. Each reading is
 * an option, so a test can run the same scenario under both (`describe.each([PESSIMISTIC, GENEROUS])`).
 * Sources are in README.md ("Behaviour and where it comes from").
 */
export interface SharePointReadings {
  /**
   * `$orderby` on list items. 'ignored': items come in id order whatever is asked (microsoftgraph/
   * microsoft-graph-docs #14191 "orderBy not supported when retrieving items from SharePoint list",
   * open; #3962). 'honoured': sorted as asked.
   */
  orderBy: 'honoured' | 'ignored';
  /**
   * A filtered query's paging. 'windowed': SharePoint walks the list `scanWindow` ids at a time and a
   * page holds the matches of one walk, so a page may be empty and still carry `@odata.nextLink`
   * ("A page of results may contain zero or more results", concepts/paging.md). Applies only when the
   * rows come in id order (no order-by served). 'complete': a page holds up to `$top` matches.
   */
  filteredPaging: 'complete' | 'windowed';
  /** Ids one walk covers under 'windowed'; SharePoint's own batch is the list view threshold. */
  scanWindow: number;
  /**
   * What a create (POST items) or an update (PATCH fields) answers. 'bare': the new item's id and
   * nothing else, no eTag and no fields (no page promises more than a listItem / fieldValueSet).
   * 'full': the item with its eTag and fields, as the pages' examples show.
   */
  writeResponse: 'full' | 'bare';
  /**
   * A filter naming two different indexed columns. 'refused': answered like a query past the list view
   * threshold (429) whatever the list's size (msgraph-sdk-dotnet #827: `fields/Month eq … and
   * fields/ProviderLookupId eq …` throttled; followcol.com "Large Lists"). 'served': answered.
   */
  twoIndexedColumns: 'served' | 'refused';
  /**
   * How a write that breaks a column's unique values is refused. SharePoint's message ("… duplicate
   * values were found in the following field(s) …", pnp/pnpcore #1280) is known; Graph's status and
   * code for it are not documented or seen in any thread. 'conflict': 409 `nameAlreadyExists`, the
   * closest documented code. 'invalidRequest': 400 `invalidRequest`, how Graph passes on most other
   * SharePoint refusals, so a client cannot rely on 409.
   */
  uniqueViolation: 'conflict' | 'invalidRequest';
  /**
   * Whether a delta round may list an item more than once. 'repeated': each page after the first
   * starts again with the previous page's last entry ("The same item might appear more than once in a
   * delta feed, for various reasons. You should use the last occurrence you see.", listItem: delta).
   * 'once': each item once per round. Off ('once') even in PESSIMISTIC: a repeat costs a page, and
   * the round-trip budgets of entityIndex.test.ts count each item once; deltaRepeats.test.ts runs the
   * entity index under 'repeated'.
   */
  deltaEntries: 'once' | 'repeated';
}

/** The sandbox's default: each reading at its least kind. */
export const PESSIMISTIC: SharePointReadings = {
  orderBy: 'ignored',
  filteredPaging: 'windowed',
  scanWindow: 5000,
  writeResponse: 'bare',
  twoIndexedColumns: 'refused',
  uniqueViolation: 'invalidRequest',
  deltaEntries: 'once',
};

/** Each reading at its kindest: what the documentation's examples show. */
export const GENEROUS: SharePointReadings = {
  orderBy: 'honoured',
  filteredPaging: 'complete',
  scanWindow: 5000,
  writeResponse: 'full',
  twoIndexedColumns: 'served',
  uniqueViolation: 'conflict',
  deltaEntries: 'once',
};
