import type { GraphClient, GraphClientConfig } from '../graph/client';
import type { OfficeHost } from '../office/host';
import { createAccountService, type AccountService } from '../services/account';
import { deferredProvisioningService } from '../services/provisioning/deferred';
import type { ProvisioningService } from '../services/provisioning/provisioningService';
import { startHost } from './startHost';

export { tokenSourcesFor } from './startHost';

export interface Runtime {
  host: OfficeHost;
  /** Daily use: the scopes every user consents to. */
  graph: GraphClient;
  /**
   * The admin screen's service, on a client that asks for the provisioning scope on top, only when it
   * is used. Its code loads with the admin screen (the "admin" chunk), not with the pane.
   */
  provisioning: ProvisioningService;
  /** Who the pane is connected as, and whether a click can sign in. */
  account: AccountService;
}

/**
 * What the taskpane starts: the host and Graph (startHost), the admin screen's provisioning service and the account.
 * `createClient`: the entry's Graph client (see startHost).
 */
export async function startRuntime(createClient: (config: GraphClientConfig) => GraphClient): Promise<Runtime> {
  const { host, graph, adminGraph } = await startHost(createClient);
  const admin = adminGraph();
  const provisioning = deferredProvisioningService(() =>
    import(/* webpackChunkName: "admin" */ '../services/provisioning/provisioningService').then((m) => m.graphProvisioningService(admin)),
  );
  return { host, graph, provisioning, account: createAccountService(graph) };
}
