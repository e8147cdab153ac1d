import { Button, FluentProvider, Spinner, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { FormattedMessage, IntlProvider } from 'react-intl';
import { AccountStatus } from '../account/AccountStatus';
import type { AccountService } from '../../services/account';
import type { GraphClient } from '../../services/filingRuntime';
import type { ProvisioningService } from '../../services/provisioning/provisioningService';
import { cachedOrganisationFolderNames, createTriageRuntime } from '../../services/triageRuntime';
import { catalogues, localeFor } from '../../i18n/messages';
import { toIanaZone } from '../../domain/triage/timeZones';
import type { OfficeHost, Theme } from '../../office/host';
import { ItemPane } from './ItemPane';
import { useAppStyles } from './useAppStyles';
import { useFilingRuntime } from './useFilingRuntime';

// Opened by an administrator once per tenant: kept out of the JavaScript every user loads.
const AdminScreen = lazy(() => import(/* webpackChunkName: "admin" */ '../admin/AdminScreen'));

export interface AppProps {
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
  /** The SharePoint site of the shared record, as the build names it ('' when it names none). */
  siteUrl: string;
}

/** The taskpane: given what the entry point composed (host, Graph client, services, the build's site), it shows the open item and triage. */
export function App({ host, graph, provisioning, account, siteUrl }: AppProps) {
  const styles = useAppStyles();
  const [theme, setTheme] = useState<Theme>(() => host.theme());
  useEffect(() => host.onThemeChanged(setTheme), [host]);
  const locale = localeFor(host.displayLanguage());
  // Times read as Outlook shows them: in the user's Outlook time zone, not the browser's.
  const timeZone = useMemo(() => toIanaZone(host.user().timeZone), [host]);
  const [view, setView] = useState<'item' | 'admin'>('item');
  const triage = useMemo(() => createTriageRuntime(host, graph, window.localStorage, cachedOrganisationFolderNames(siteUrl)), [host, graph, siteUrl]);
  const filing = useFilingRuntime(host, graph, siteUrl);
  // Back from the admin screen (which may have just set the record up), the record is located again.
  const openView = (next: 'item' | 'admin') => {
    setView(next);
    filing.relocate();
  };
  return (
    <IntlProvider locale={host.displayLanguage()} messages={catalogues[locale]} defaultLocale="en" {...(timeZone ? { timeZone } : {})}>
      <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} lang={locale}>
        <main className={styles.root}>
          {view === 'admin' ? (
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
              <ItemPane host={host} filing={filing.state} triage={triage} onRetry={filing.retry} />
              {/* A sign-in that succeeded after a failure: the record is located again. */}
              <AccountStatus account={account} onSignedIn={filing.relocate} />
              <Button appearance="transparent" size="small" onClick={() => openView('admin')} data-testid="admin-open">
                <FormattedMessage id="admin.open" />
              </Button>
            </>
          )}
        </main>
      </FluentProvider>
    </IntlProvider>
  );
}
