import { FluentProvider, Spinner, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { FormattedMessage, IntlProvider } from 'react-intl';
import { catalogues, localeFor } from '../../i18n/messages';
import { toIanaZone } from '../../domain/triage/timeZones';
import type { OfficeHost, Theme } from '../../office/host';
import { CurrentItem } from '../currentItem/CurrentItem';
import { useCurrentItem } from '../currentItem/useCurrentItem';
import { useAppStyles } from './useAppStyles';
import type { PaneServices } from './Workspace';

// Filing, triage, the account and the admin screen: not needed to show the open item, so they load after it.
const Workspace = lazy(() => import(/* webpackChunkName: "workspace", webpackPrefetch: true */ './Workspace'));

export type { PaneServices } from './Workspace';

export interface AppProps {
  host: OfficeHost;
  /** Builds Graph, sign-in and the services on them; the pane calls it once, after the open item is shown. */
  startServices: () => Promise<PaneServices>;
  /** The SharePoint site of the shared record, as the build names it ('' when it names none). */
  siteUrl: string;
}

/**
 * The taskpane. The open item shows first, from Outlook alone; then the entry point's services start and the
 * rest of the pane (Workspace) loads, with a spinner where it will appear.
 */
export function App({ host, startServices, siteUrl }: AppProps) {
  const styles = useAppStyles();
  const [theme, setTheme] = useState<Theme>(() => host.theme());
  useEffect(() => host.onThemeChanged(setTheme), [host]);
  const locale = localeFor(host.displayLanguage());
  // Times read as Outlook shows them: in the user's Outlook time zone, not the browser's.
  const timeZone = useMemo(() => toIanaZone(host.user().timeZone), [host]);
  const item = useCurrentItem(host);
  const services = useServicesOnceShown(item.status !== 'loading', startServices);
  const preview = (
    <>
      <CurrentItem state={item} />
      <Spinner size="tiny" label={<FormattedMessage id="filing.loading" />} data-testid="pane-loading" />
    </>
  );
  return (
    <IntlProvider locale={host.displayLanguage()} messages={catalogues[locale]} defaultLocale="en" {...(timeZone ? { timeZone } : {})}>
      <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} lang={locale}>
        <main className={styles.root}>
          {services ? (
            <Suspense fallback={preview}>
              <Workspace host={host} services={services} item={item} siteUrl={siteUrl} />
            </Suspense>
          ) : (
            preview
          )}
        </main>
      </FluentProvider>
    </IntlProvider>
  );
}

/** Starts the services once, after `shown` first holds (the effect runs after that render is committed). */
function useServicesOnceShown(shown: boolean, start: () => Promise<PaneServices>): PaneServices | undefined {
  const [services, setServices] = useState<PaneServices>();
  const started = useRef(false);
  useEffect(() => {
    if (!shown || started.current) return;
    started.current = true;
    // A failure is the entry point's to show (it has nothing to render the pane with).
    start().then(setServices, () => undefined);
  }, [shown, start]);
  return services;
}
