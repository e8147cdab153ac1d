import { FluentProvider, makeStyles, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { IntlProvider } from 'react-intl';
import { AccountStatus } from '../features/account/AccountStatus';
import { CurrentItem } from '../features/currentItem/CurrentItem';
import { catalogues, localeFor } from '../i18n/messages';
import type { Theme } from '../office/host';
import type { Runtime } from '../runtime/startRuntime';

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
  return (
    <IntlProvider locale={host.displayLanguage()} messages={catalogues[locale]} defaultLocale="en">
      <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} lang={locale}>
        <main className={styles.root}>
          <CurrentItem host={host} />
          <AccountStatus graph={runtime.graph} />
        </main>
      </FluentProvider>
    </IntlProvider>
  );
}
