import { createGraphClient, type GraphClient } from '../graph/client';
import { createAccountService, type AccountService } from '../services/account';
import { deferredProvisioningService } from '../services/provisioning/deferred';
import type { ProvisioningService } from '../services/provisioning/provisioningService';
import { startGraph } from './startHost';

export { tokenSourcesFor } from './startHost';

/** What the pane needs beyond Outlook itself: built after its first paint (src/app/taskpane/index.tsx). */
export interface Services {
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
 * The taskpane's services on Graph: the daily client, the admin screen's provisioning service and the account.
 * The pane's Graph client is the SDK's (the function file sends through the fetch-only one: startHost.ts).
 * Call after Office.onReady; this module is the "runtime" chunk, loaded after the open item is shown.
 */
export async function startServices(): Promise<Services> {
  const { graph, adminGraph } = await startGraph(createGraphClient);
  const admin = adminGraph();
  const provisioning = deferredProvisioningService(() =>
    import(/* webpackChunkName: "admin" */ '../services/provisioning/provisioningService').then((m) => m.graphProvisioningService(admin)),
  );
  return { graph, provisioning, account: createAccountService(graph) };
}
