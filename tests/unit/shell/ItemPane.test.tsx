/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, render, screen } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import { ItemPane } from '../../../src/ui/shell/ItemPane';
import { catalogues } from '../../../src/i18n/messages';
import { message, TestHost } from '../../support/testHost';

/** Counts what the pane asks Outlook: every read of the current item is a round trip to the host. */
class CountingHost extends TestHost {
  reads = 0;
  override currentItem() {
    this.reads++;
    return super.currentItem();
  }
}

test('the pane reads the open item from Outlook once per item change, however many panels show it', async () => {
  const host = new CountingHost(message('Ensimmäinen'));
  render(
    <IntlProvider locale="en" messages={catalogues.en}>
      <FluentProvider theme={webLightTheme}>
        <ItemPane host={host} filing={{ status: 'loading' }} onRetry={() => undefined} />
      </FluentProvider>
    </IntlProvider>,
  );
  await screen.findByText('Ensimmäinen');
  expect(host.reads).toBe(1);
  act(() => host.select(message('Toinen')));
  await screen.findByText('Toinen');
  expect(host.reads).toBe(2);
});
