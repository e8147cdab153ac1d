import type { Client } from '@microsoft/microsoft-graph-client';
import { createFilingService, type FilingService } from '../filing/filingService';
import type { OfficeHost } from '../office/host';
import { createEntityIndex, type EntityIndex } from '../store/entityIndex';
import { createGraphTrailStore } from '../store/graphTrailStore';
import { SiteLists } from '../store/listItems';
import { locateStore } from '../store/locate';

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
 * the one Graph client, and the local entity index warming in the background.
 */
export async function startFilingRuntime(host: OfficeHost, graph: Client, siteUrl: string, storage: Storage = window.localStorage): Promise<FilingRuntime> {
  const location = await locateStore(graph, siteUrl, storage);
  const user = host.user();
  const store = createGraphTrailStore({ graph, location, filer: { name: user.displayName, upn: user.emailAddress } });
  const index = createEntityIndex(new SiteLists(graph, location), { storage });
  void index.refresh().catch(() => undefined); // until warm (or if it fails) search asks the server
  return { filing: createFilingService({ store, graph, self: user.emailAddress, storage, index }), index, graph, self: user.emailAddress };
}
