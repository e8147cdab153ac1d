/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { IntlProvider } from 'react-intl';
import { ItemPane } from '../../../src/ui/shell/ItemPane';
import { useCurrentItem } from '../../../src/ui/currentItem/useCurrentItem';
import { catalogues } from '../../../src/i18n/messages';
import { message, TestHost } from '../../support/testHost';
import { SHARED, testTriageRuntime } from '../../support/triageRuntime';

/** Counts what the pane asks Outlook: every read of the current item is a round trip to the host. */
class CountingHost extends TestHost {
  reads = 0;
  override currentItem() {
    this.reads++;
    return super.currentItem();
  }
}

/** As the shell (App) gives it: the item read once, handed to the pane. */
function Pane({ host }: { host: TestHost }) {
  const item = useCurrentItem(host);
  const [triage] = useState(testTriageRuntime);
  return <ItemPane host={host} item={item} filing={{ status: 'loading' }} triage={triage} onRetry={() => undefined} />;
}

function renderPane(host: TestHost) {
  render(
    <IntlProvider locale="en" messages={catalogues.en}>
      <FluentProvider theme={webLightTheme}>
        <Pane host={host} />
      </FluentProvider>
    </IntlProvider>,
  );
}

test('the pane reads the open item from Outlook once per item change, however many panels show it', async () => {
  const host = new CountingHost(message('Ensimmäinen'));
  renderPane(host);
  await screen.findByText('Ensimmäinen');
  expect(host.reads).toBe(1);
  act(() => host.select(message('Toinen')));
  await screen.findByText('Toinen');
  expect(host.reads).toBe(2);
});

// Triage read the open item itself on every item and selection change: two reads (or more) per change for one pane.
test('triage beside the item acts on the item the pane read once: one read per item change for the whole pane', async () => {
  const host = new CountingHost({ ...message('Koulutuskysely'), mailbox: SHARED });
  renderPane(host);
  await screen.findByText('Koulutuskysely');
  // Triage knows the open item's mailbox (a shared one, empty) without reading the item again.
  await waitFor(() => expect(screen.getByTestId('triage-counts').textContent).toMatch(/^ASAP 0 /));
  expect(host.reads).toBe(1);

  act(() => host.select(message('Oma viesti'))); // back in the user's own mailbox
  await screen.findByText('Oma viesti');
  await waitFor(() => expect(screen.getByTestId('triage-counts').textContent).toMatch(/^ASAP 3 /));
  expect(host.reads).toBe(2);
});
