import { Button, Spinner } from '@fluentui/react-components';
import { lazy, Suspense, useMemo, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { AccountStatus } from '../account/AccountStatus';
import type { AccountService } from '../../services/account';
import type { FilingRuntime, GraphClient } from '../../services/filingRuntime';
import type { ProvisioningService } from '../../services/provisioning/provisioningService';
import { cachedOrganisationFolderNames, createTriageRuntime } from '../../services/triageRuntime';
import type { OfficeHost } from '../../office/host';
import type { CurrentItemState } from '../currentItem/useCurrentItem';
import { ItemPane } from './ItemPane';
import { useFilingRuntime } from './useFilingRuntime';

// Opened by an administrator once per tenant: kept out of the JavaScript every user loads.
const AdminScreen = lazy(() => import(/* webpackChunkName: "admin" */ '../admin/AdminScreen'));

/** What the entry point composes for the pane after its first paint (src/app/startRuntime.ts). */
export interface PaneServices {
  /** Daily use: the scopes every user consents to. */
  graph: GraphClient;
  /**
   * The admin screen's service, on a client that asks for the provisioning scope on top, only when it
   * is used. Its code loads with the admin screen (the "admin" chunk), not with the pane.
   */
  provisioning: ProvisioningService;
  /** Who the pane is connected as, and whether a click can sign in. */
  account: AccountService;
  /**
   * Locates the shared record and starts filing on it. The entry point may have begun the first start already
   * (so its round trips overlap this part's loading); every call after the first starts anew.
   */
  startFiling: () => Promise<FilingRuntime>;
}

export interface WorkspaceProps {
  host: OfficeHost;
  services: PaneServices;
  /** The open item as the shell read it (already shown before this part loaded). */
  item: CurrentItemState;
  /** The SharePoint site of the shared record, as the build names it ('' when it names none). */
  siteUrl: string;
}

/**
 * Everything of the pane beyond the open item: filing, triage, the account and the admin screen. Its code (the
 * "workspace" chunk) and the runtimes it builds load after the item is shown (App.tsx).
 */
export default function Workspace({ host, services: { graph, provisioning, account, startFiling }, item, siteUrl }: WorkspaceProps) {
  const [view, setView] = useState<'item' | 'admin'>('item');
  const triage = useMemo(() => createTriageRuntime(host, graph, window.localStorage, cachedOrganisationFolderNames(siteUrl)), [host, graph, siteUrl]);
  const filing = useFilingRuntime(startFiling);
  // Back from the admin screen (which may have just set the record up), the record is located again.
  const openView = (next: 'item' | 'admin') => {
    setView(next);
    filing.relocate();
  };
  return view === 'admin' ? (
    <>
      <Suspense fallback={<Spinner size="small" />}>
        {/* Only the admin screen's client asks for the provisioning scope (docs/permissions.md). */}
        <AdminScreen service={provisioning} defaultSiteUrl={siteUrl} />
      </Suspense>
      <Button appearance="subtle" onClick={() => openView('item')} data-testid="admin-close">
        <FormattedMessage id="admin.close" />
      </Button>
    </>
  ) : (
    <>
      <ItemPane host={host} item={item} filing={filing.state} triage={triage} onRetry={filing.retry} />
      {/* A sign-in that succeeded after a failure: the record is located again. */}
      <AccountStatus account={account} onSignedIn={filing.relocate} />
      <Button appearance="transparent" size="small" onClick={() => openView('admin')} data-testid="admin-open">
        <FormattedMessage id="admin.open" />
      </Button>
    </>
  );
}
