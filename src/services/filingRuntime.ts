import type { GraphClient } from '../graph/client';
import { createFilingService, type FilingService } from './filing/filingService';
import type { OfficeHost } from '../office/host';
import type { EntitySummary } from '../domain/entities';
import { createEntityIndex, searchEntities, type EntityIndex } from '../record/entityIndex';
import { createGraphTrailStore } from '../record/graphTrailStore';
import { createRecordReplica } from '../record/recordReplica';
import { createReplicatedTrailStore } from '../record/replicatedTrailStore';
import { SiteLists } from '../record/listItems';
import { locateStore, StoreNotSetUpError, StoreOutdatedError, StoreSiteUnknownError } from '../record/locate';
import { loadTenantSettings } from '../record/tenantSettings';
import type { TenantSettings } from '../domain/tenantSettings';
import { createIndexedDbStore } from './storage/indexedDbStore';
import { createRecordKeeping, type RecordKeeping } from './record/recordKeeping';
import { ownsSite } from './record/siteOwnership';
import { createRecordChanges, type RecordChanges } from './record/recordChanges';
import { createLateSweeps } from './record/lateSweeps';
import { ENTITY_INDEX_KEY, lateSweepsKey, RECORD_REPLICA_KEY, storeLocationKey, tenantSettingsKey } from './storage/keys';

export interface FilingRuntime {
  filing: FilingService;
  /** Names, addresses and domains held locally so search answers as the user types. */
  index: EntityIndex;
  /**
   * Search as the user types: the local index when warm, else the server; an empty query asks nothing
   * (`searchEntities` in record/entityIndex.ts, the one the tests check).
   */
  searchEntities(text: string, limit?: number): Promise<{ results: EntitySummary[]; source: 'index' | 'server' }>;
  graph: GraphClient;
  /** The signed-in user's address. */
  self: string;
  /** Editing people, notes, merging duplicates, a person's data (services/record). */
  keeping: RecordKeeping;
  /**
   * Brings the pane's replica of filings and participations up to date now (one delta round each). The
   * pane does this as it opens, and an item change when the replica is older than 10 minutes; a
   * colleague's filing shows after it (record/replicatedTrailStore.ts).
   */
  catchUp(): Promise<void>;
  /**
   * The user's own changes to entities (created, edited, merged, erased), told once the index has them:
   * the open item's view and the views of those entities read again at once (record/recordChanges.ts).
   */
  changes: RecordChanges;
}

/**
 * The shared record as the taskpane uses it: located once per site (then remembered), the store on
 * the one Graph client, and the local entity index warming in the background. The organisation's
 * settings are read through their cache (a request at most once an hour, never an error), and the
 * ribbon's function file reads the same cache for the default folder names.
 */
export async function startFilingRuntime(host: OfficeHost, graph: GraphClient, siteUrl: string, storage: Storage = window.localStorage): Promise<FilingRuntime> {
  // The organisation's settings are read beside the lists' lookup, once the site is known, not after it: one round
  // trip less before the first suggestions (issue 18: cold start). The read never fails (defaults at worst).
  let settings: Promise<TenantSettings> | undefined;
  const readSettings = (siteId: string) => (settings ??= loadTenantSettings(graph, siteId, { storage, key: tenantSettingsKey(siteUrl) }));
  const location = await locateStore(graph, siteUrl, { storage, key: storeLocationKey(siteUrl) }, readSettings);
  const organisation = await readSettings(location.siteId);
  const user = host.user();
  const extraPublicDomains = organisation.publicDomains;
  const snapshots = createIndexedDbStore();
  // What the pane asks on every item change (where it is filed, histories, projects) is answered from a
  // replica kept by delta, brought up to date as the pane opens and at most every 10 minutes after
  // (record/replicatedTrailStore.ts): SharePoint's budget is shared by every user of the tenant (issue 18).
  const replica = createRecordReplica(new SiteLists(graph, location), { snapshot: { store: snapshots, key: RECORD_REPLICA_KEY } });
  try {
    storage.removeItem(ENTITY_INDEX_KEY); // where the snapshot was kept before it moved to IndexedDB: the space back
  } catch {
    // storage switched off: nothing kept there
  }
  const index = createEntityIndex(new SiteLists(graph, location), { snapshot: { store: snapshots, key: ENTITY_INDEX_KEY }, extraPublicDomains });
  // An entity the index holds, caught up within 30 minutes, is filed to without reading it first.
  const store = createReplicatedTrailStore(createGraphTrailStore({ graph, location, filer: { name: user.displayName, upn: user.emailAddress }, extraPublicDomains }), replica, { index });
  void replica.filings.refresh(); // until warm (or if it fails, or the record is too large) the server is asked
  void index.refresh().catch(() => undefined); // until warm (or if it fails) search asks the server
  const changes = createRecordChanges();
  const filing = createFilingService({ store, graph, self: user.emailAddress, storage, index, organisation: () => organisation, changes });
  // Meeting-note saves an earlier pane did not finish are finished now, in the background (each at most once).
  void filing.resume();
  // An erasure or a merge this user did is swept again once colleagues' panes have caught up with it.
  const lateSweeps = createLateSweeps({ store, storage, key: lateSweepsKey(siteUrl) });
  void lateSweeps.runDue();
  const search = (text: string, limit = 10) => searchEntities(index, (prefix, n) => store.search(prefix, n), text, limit);
  return {
    filing,
    index,
    searchEntities: search,
    graph,
    self: user.emailAddress,
    catchUp: () => Promise.all([replica.filings.refresh(), replica.participants.refresh()]).then(() => undefined),
    changes,
    keeping: createRecordKeeping({ store, index, search, organisation: () => organisation, self: user.emailAddress, ownsSite: () => ownsSite(graph, location.siteId), forgetEntity: filing.forgetEntity, changes, lateSweeps }),
  };
}

/** The Graph client the UI hands on (it names no Graph module itself). */
export type { GraphClient } from '../graph/client';

/** What the record holds: a filing's one-line note, and an entity's name (its Title), at most this long. */
export { SINGLE_LINE_MAX as NOTE_MAX } from '../record/schema';
export { TITLE_MAX as NAME_MAX } from '../record/mapping';
export type { Filing, FilingOutcome } from '../record/trailStore';
/** A server search SharePoint refused because too many entries start with what was typed (the list view threshold). */
export { isSearchTooBroad } from '../record/lookups';

/** Why the record cannot be used until someone sets it up (no site named, no record on it, set up by an older version); null for a passing failure. */
export function recordSetUpProblem(error: unknown): 'notSetUp' | 'noSite' | 'outdated' | null {
  if (error instanceof StoreNotSetUpError) return 'notSetUp';
  if (error instanceof StoreOutdatedError) return 'outdated';
  return error instanceof StoreSiteUnknownError ? 'noSite' : null;
}
