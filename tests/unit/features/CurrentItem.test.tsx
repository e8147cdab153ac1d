/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, render, screen } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import { CurrentItem } from '../../../src/ui/currentItem/CurrentItem';
import { useCurrentItem } from '../../../src/ui/currentItem/useCurrentItem';
import { catalogues } from '../../../src/i18n/messages';
import { message, TestHost } from '../../support/testHost';

/** The card as the shell shows it: the pane's one read of the current item, handed down. */
function Pane({ host }: { host: TestHost }) {
  return <CurrentItem state={useCurrentItem(host)} />;
}

function renderWith(host: TestHost, locale: 'en' | 'fi' = 'en') {
  return render(
    <IntlProvider locale={locale} messages={catalogues[locale]}>
      <FluentProvider theme={webLightTheme}>
        <Pane host={host} />
      </FluentProvider>
    </IntlProvider>,
  );
}

test('shows the open message subject and sender', async () => {
  renderWith(new TestHost(message('Oppisopimuksen jatko / Mikko Heikkinen')));
  expect(await screen.findByTestId('current-item-subject')).toHaveProperty('textContent', 'Oppisopimuksen jatko / Mikko Heikkinen');
  expect(screen.getByTestId('current-item-person').textContent).toBe('From: Mikko Heikkinen <mikko.heikkinen@rakennus-kallio.fi>');
});

test('says what to do when no item is open, in Finnish too', async () => {
  renderWith(new TestHost(null), 'fi');
  expect(await screen.findByText('Valitse viesti tai tapaaminen, niin se näkyy tässä.')).toBeTruthy();
});

test('a pinned pane never shows the previous item while the next one loads, nor a late answer for it', async () => {
  const host = new TestHost(message('First'));
  renderWith(host);
  await screen.findByText('First');

  host.holdLoads = true;
  act(() => host.select(message('Second')));
  expect(screen.queryByText('First')).toBeNull(); // cleared at once, skeleton shown
  act(() => host.select(message('Third')));
  await act(async () => host.releaseLoads()); // 'Second' answers late, then 'Third'
  expect(screen.queryByText('Second')).toBeNull();
  expect(screen.getByTestId('current-item-subject').textContent).toBe('Third');
});

test('hostile subjects and names render as inert text', async () => {
  const hostile = '<img src=x onerror=alert(1)> "quotes" & <b>bold</b> \u202Eevil\u202C 👋';
  const long = 'Pitkä aihe '.repeat(1000);
  const host = new TestHost(message(hostile, '<script>alert(1)</script>', "o'brien@example.ie"));
  const { container } = renderWith(host);
  expect((await screen.findByTestId('current-item-subject')).textContent).toBe(hostile);
  expect(container.querySelector('img')).toBeNull();
  expect(container.querySelector('script')).toBeNull();
  expect(screen.getByTestId('current-item-person').textContent).toContain('<script>alert(1)</script>');

  act(() => host.select(message(long)));
  expect((await screen.findByTestId('current-item-subject')).textContent).toBe(long);
});
