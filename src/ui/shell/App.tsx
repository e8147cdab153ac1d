import { FluentProvider, Spinner, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { FormattedMessage, IntlProvider } from 'react-intl';
import { catalogues, localeFor } from '../../i18n/messages';
import { toIanaZone } from '../../domain/triage/timeZones';
import type { ItemSnapshot, OfficeHost, Theme } from '../../office/host';
import { CurrentItem } from '../currentItem/CurrentItem';
import { useCurrentItem, type CurrentItemState } from '../currentItem/useCurrentItem';
import { useAppStyles } from './useAppStyles';
import type { PaneServices } from './Workspace';

// Filing, triage, the account and the admin screen: not needed to show the open item, so they load after it.
const loadWorkspace = () => import(/* webpackChunkName: "workspace", webpackPrefetch: true */ './Workspace');
const Workspace = lazy(loadWorkspace);

export type { PaneServices } from './Workspace';

export interface AppProps {
  host: OfficeHost;
  /**
   * The open item as Office.js gave it with no round trip (subject and sender), shown until the pane's own read
   * answers; undefined when the host has none to give.
   */
  preview?: ItemSnapshot | null;
  /** Builds Graph, sign-in and the services on them; the pane calls it once, after the open item is shown. */
  startServices: () => Promise<PaneServices>;
  /** The SharePoint site of the shared record, as the build names it ('' when it names none). */
  siteUrl: string;
}

/**
 * The taskpane. The open item shows first, from Outlook alone; then the entry point's services start and the
 * rest of the pane (Workspace) loads, with a spinner where it will appear.
 */
export function App({ host, preview, startServices, siteUrl }: AppProps) {
  const styles = useAppStyles();
  const [theme, setTheme] = useState<Theme>(() => host.theme());
  useEffect(() => host.onThemeChanged(setTheme), [host]);
  const locale = localeFor(host.displayLanguage());
  // Times read as Outlook shows them: in the user's Outlook time zone, not the browser's.
  const timeZone = useMemo(() => toIanaZone(host.user().timeZone), [host]);
  const item = useWithPreview(useCurrentItem(host), preview);
  const services = useServicesOnceShown(item.status !== 'loading', startServices);
  const first = (
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
            <Suspense fallback={first}>
              <Workspace host={host} services={services} item={item} siteUrl={siteUrl} />
            </Suspense>
          ) : (
            first
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
    // The workspace's code downloads beside the services, not after them.
    void loadWorkspace().catch(() => undefined);
    // A failure is the entry point's to show (it has nothing to render the pane with).
    start().then(setServices, () => undefined);
  }, [shown, start]);
  return services;
}

/** The first read of the open item, with Office.js's preview shown while it is still loading (later reads show their own). */
function useWithPreview(item: CurrentItemState, preview: ItemSnapshot | null | undefined): CurrentItemState {
  const [read, setRead] = useState(false);
  const answered = item.status !== 'loading';
  useEffect(() => {
    if (answered) setRead(true);
  }, [answered]);
  return !read && !answered && preview !== undefined ? { status: 'ready', value: preview } : item;
}
