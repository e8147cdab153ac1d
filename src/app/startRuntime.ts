import { createGraphClient, type GraphClient } from '../graph/client';
import type { OfficeHost } from '../office/host';
import { createAccountService, type AccountService } from '../services/account';
import { startFilingRuntime, type FilingRuntime } from '../services/filingRuntime';
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
  /** Locates the shared record and starts filing on it (src/ui/shell/Workspace.tsx). */
  startFiling: () => Promise<FilingRuntime>;
}

/**
 * The taskpane's services on Graph: the daily client, the admin screen's provisioning service, the account and
 * filing. The pane's Graph client is the SDK's (the function file sends through the fetch-only one: startHost.ts).
 * Call after Office.onReady; this module is the "runtime" chunk, loaded after the open item is shown.
 *
 * Filing starts here, at once: the token and the record's location are asked for while the rest of the pane's
 * code is still being evaluated and rendered, not after it (issue 18: the suggestions wait on that chain of
 * round trips). The pane's first `startFiling()` receives that start; later ones (a relocate, a retry) start anew.
 */
export async function startServices(host: OfficeHost, siteUrl: string): Promise<Services> {
  const { graph, adminGraph } = await startGraph(createGraphClient);
  const admin = adminGraph();
  const provisioning = deferredProvisioningService(() =>
    import(/* webpackChunkName: "admin" */ '../services/provisioning/provisioningService').then((m) => m.graphProvisioningService(admin)),
  );
  const start = () => startFilingRuntime(host, graph, siteUrl);
  let started: Promise<FilingRuntime> | undefined = start();
  started.catch(() => undefined); // the pane's first startFiling() receives the failure and shows it
  const startFiling = () => {
    const first = started;
    started = undefined;
    return first ?? start();
  };
  return { graph, provisioning, account: createAccountService(graph), startFiling };
}
