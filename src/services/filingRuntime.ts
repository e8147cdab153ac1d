import type { Client } from '@microsoft/microsoft-graph-client';
import { createFilingService, type FilingService } from './filing/filingService';
import type { OfficeHost } from '../office/host';
import type { EntitySummary } from '../domain/entities';
import { createEntityIndex, searchEntities, type EntityIndex } from '../record/entityIndex';
import { createGraphTrailStore } from '../record/graphTrailStore';
import { SiteLists } from '../record/listItems';
import { locateStore, StoreNotSetUpError, StoreSiteUnknownError } from '../record/locate';
import { loadTenantSettings } from '../record/tenantSettings';

export interface FilingRuntime {
  filing: FilingService;
  /** Names, addresses and domains held locally so search answers as the user types. */
  index: EntityIndex;
  graph: Client;
  /** The signed-in user's address. */
  self: string;
}

/**
 * The shared record as the taskpane uses it: located once per site (then remembered), the store on
 * the one Graph client, and the local entity index warming in the background. The organisation's
 * settings are read through their cache (a request at most once an hour, never an error), and the
 * ribbon's function file reads the same cache for the default folder names.
 */
export async function startFilingRuntime(host: OfficeHost, graph: Client, siteUrl: string, storage: Storage = window.localStorage): Promise<FilingRuntime> {
  const location = await locateStore(graph, siteUrl, storage);
  const organisation = await loadTenantSettings(graph, { id: location.siteId, url: siteUrl }, storage);
  const user = host.user();
  const extraPublicDomains = organisation.publicDomains;
  const store = createGraphTrailStore({ graph, location, filer: { name: user.displayName, upn: user.emailAddress }, extraPublicDomains });
  const index = createEntityIndex(new SiteLists(graph, location), { storage, extraPublicDomains });
  void index.refresh().catch(() => undefined); // until warm (or if it fails) search asks the server
  const filing = createFilingService({ store, graph, self: user.emailAddress, storage, index, organisation: () => organisation });
  return { filing, index, graph, self: user.emailAddress };
}

/** The Graph client the UI hands on (it names no Graph module itself). */
export type { GraphClient } from '../graph/client';

/** What the record holds: a filing's one-line note, and an entity's name (its Title), at most this long. */
export { SINGLE_LINE_MAX as NOTE_MAX } from '../record/schema';
export { TITLE_MAX as NAME_MAX } from '../record/mapping';
export type { Filing, FilingOutcome } from '../record/trailStore';

/** Search as the user types: the local index when warm, else the server; nothing for a query of no name words. */
export function searchEntitiesFor(runtime: FilingRuntime, text: string, limit = 10): Promise<EntitySummary[]> {
  return searchEntities(runtime.index, (prefix) => runtime.filing.search(prefix), text, limit).then((found) => found.results);
}

/** Why the record cannot be used until someone sets it up (no site named, no record on it); null for a passing failure. */
export function recordSetUpProblem(error: unknown): 'notSetUp' | 'noSite' | null {
  return error instanceof StoreNotSetUpError ? 'notSetUp' : error instanceof StoreSiteUnknownError ? 'noSite' : null;
}
