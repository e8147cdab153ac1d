import { Button, FluentProvider, makeStyles, Spinner, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { FormattedMessage, IntlProvider } from 'react-intl';
import { AccountStatus } from '../account/AccountStatus';
import { CurrentItem } from '../currentItem/CurrentItem';
import { FilingPanel, type FilingRuntimeState } from '../filing/FilingPanel';
import { TriagePanel } from '../triage/TriagePanel';
import { startFilingRuntime } from '../../services/filingRuntime';
import { cachedOrganisationFolderNames, createTriageRuntime } from '../../services/triageRuntime';
import { catalogues, localeFor } from '../../i18n/messages';
import { toIanaZone } from '../../domain/triage/timeZones';
import type { Theme } from '../../office/host';
import { runtimeConfig } from '../../app/config';
import type { Runtime } from '../../app/startRuntime';

// Opened by an administrator once per tenant: kept out of the JavaScript every user loads.
const AdminScreen = lazy(() => import(/* webpackChunkName: "admin" */ '../admin/AdminScreen'));

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

export function App({ runtime }: { runtime: Runtime }) {
  const styles = useStyles();
  const { host } = runtime;
  const [theme, setTheme] = useState<Theme>(() => host.theme());
  useEffect(() => host.onThemeChanged(setTheme), [host]);
  const locale = localeFor(host.displayLanguage());
  // Times read as Outlook shows them: in the user's Outlook time zone, not the browser's.
  const timeZone = useMemo(() => toIanaZone(host.user().timeZone), [host]);
  const [view, setView] = useState<'item' | 'admin'>('item');
  const triage = useMemo(() => createTriageRuntime(host, runtime.graph, window.localStorage, cachedOrganisationFolderNames(runtimeConfig.siteUrl)), [host, runtime.graph]);
  const [filing, setFiling] = useState<FilingRuntimeState>({ status: 'loading' });
  // Counts sign-ins that succeeded after a failure: the record is then located again.
  const [signIns, setSignIns] = useState(0);
  // Counts the user's (or an item change's) retries after the record could not be located.
  const [retries, setRetries] = useState(0);
  useEffect(() => {
    let live = true;
    if (retries > 0) setFiling((current) => (current.status === 'error' ? { status: 'loading' } : current));
    startFilingRuntime(host, runtime.graph, runtimeConfig.siteUrl).then(
      (started) => live && setFiling({ status: 'ready', runtime: started }),
      (error: unknown) => live && setFiling({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [host, runtime.graph, view, signIns, retries]);
  return (
    <IntlProvider locale={host.displayLanguage()} messages={catalogues[locale]} defaultLocale="en" {...(timeZone ? { timeZone } : {})}>
      <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} lang={locale}>
        <main className={styles.root}>
          {view === 'admin' ? (
            <>
              <Suspense fallback={<Spinner size="small" />}>
                {/* Only the admin screen's client asks for the provisioning scope (docs/permissions.md). */}
                <AdminScreen service={runtime.provisioning} defaultSiteUrl={runtimeConfig.siteUrl} />
              </Suspense>
              <Button appearance="subtle" onClick={() => setView('item')} data-testid="admin-close">
                <FormattedMessage id="admin.close" />
              </Button>
            </>
          ) : (
            <>
              <CurrentItem host={host} />
              <FilingPanel host={host} state={filing} triage={triage} onRetry={() => setRetries((n) => n + 1)} />
              <TriagePanel host={host} runtime={triage} />
              <AccountStatus account={runtime.account} onSignedIn={() => setSignIns((n) => n + 1)} />
              <Button appearance="transparent" size="small" onClick={() => setView('admin')} data-testid="admin-open">
                <FormattedMessage id="admin.open" />
              </Button>
            </>
          )}
        </main>
      </FluentProvider>
    </IntlProvider>
  );
}
