/**
 * The SharePoint slice of sandbox state (`ctx.state.sharepoint`). Plain JSON only: it is persisted to
 * disk by the core. Derived look-up structures (value indexes, sorted orders) live in runtime.ts and
 * are rebuilt from this data whenever the slice is replaced.
 */

export interface SharePointState {
  /** Bumped when the shape changes, so a persisted slice from an older sandbox is reseeded. */
  version: 1;
  hostname: string;
  sites: SiteRecord[];
  /** Site users keyed by Entra object id; the lookup id is what `AuthorLookupId` holds. */
  users: Record<string, SiteUser>;
  nextUserLookupId: number;
  /**
   * Microsoft 365 groups and the team site each is connected to (groups.ts). Absent in a slice saved
   * before groups were modelled; then made on first use, the team site's group owned by the signed-in user.
   */
  groups?: GroupRecord[];
}

/** A Microsoft 365 group: its owners (Entra object ids) are the owners of its team site. */
export interface GroupRecord {
  id: string;
  displayName: string;
  /** The id of the group's team site (`/groups/{id}/sites/root`). */
  siteId: string;
  owners: string[];
}

export interface SiteUser {
  id: string;
  lookupId: number;
  displayName: string;
  email: string;
}

export interface SiteRecord {
  /** Composite `hostname,siteCollectionGuid,webGuid`. */
  id: string;
  siteCollectionId: string;
  webId: string;
  /** Server-relative path: `/` for the root site, `/sites/trail` for a team site. */
  path: string;
  name: string;
  displayName: string;
  description: string;
  isRoot: boolean;
  createdDateTime: string;
  lastModifiedDateTime: string;
  lists: ListRecord[];
}

export interface ListRecord {
  id: string;
  /** The URL segment under `/Lists/`; fixed at creation like SharePoint's. */
  name: string;
  displayName: string;
  description: string;
  template: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  createdBy: string;
  /** Distinct per list so item content type ids differ between lists, as in SharePoint. */
  contentTypeId: string;
  /** The list's root folder id, reported as items' `parentReference.id`. */
  rootFolderId: string;
  version: number;
  columns: ColumnRecord[];
  /** Keyed by the integer item id; integer keys keep ascending ID order in JSON and in V8. */
  items: Record<string, ItemRecord>;
  nextItemId: number;
  /** Monotonic change counter; every create, update and delete takes the next value (delta tokens). */
  changeSeq: number;
  /** Deleted items remembered for delta, oldest first. */
  tombstones: Tombstone[];
}

export type ColumnType =
  | 'text'
  | 'number'
  | 'dateTime'
  | 'boolean'
  | 'choice'
  | 'lookup'
  | 'personOrGroup'
  | 'hyperlinkOrPicture'
  | 'currency';

export interface ColumnRecord {
  id: string;
  name: string;
  displayName: string;
  description: string;
  columnGroup: string;
  type: ColumnType;
  /** The type facet exactly as Graph returns it, e.g. `{ allowMultipleLines, maxLength }` for text. */
  facet: Record<string, unknown>;
  indexed: boolean;
  enforceUniqueValues: boolean;
  required: boolean;
  hidden: boolean;
  readOnly: boolean;
  /** Columns every generic list has (Title, Created, ID ...); they cannot be deleted. */
  builtIn: boolean;
}

export interface ItemRecord {
  id: number;
  /** Item GUID; the eTag is `"{guid},{version}"`. */
  guid: string;
  version: number;
  created: string;
  modified: string;
  authorId: string;
  editorId: string;
  /** Site-user lookup ids of author and editor (`AuthorLookupId` / `EditorLookupId`). */
  authorLookupId: number;
  editorLookupId: number;
  /** Values of the list's writable columns (Title and custom ones), by internal name. */
  values: Record<string, unknown>;
  changeSeq: number;
}

export interface Tombstone {
  id: number;
  changeSeq: number;
}
