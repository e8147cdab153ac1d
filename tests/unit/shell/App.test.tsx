/** @jest-environment jsdom */
import { act, render, screen } from '@testing-library/react';
import { App, type PaneServices } from '../../../src/ui/shell/App';
import { message, TestHost } from '../../support/testHost';

/** An Outlook whose item read has not answered yet: what the pane shows first comes from the preview alone. */
class SlowHost extends TestHost {
  answer?: () => void;
  override currentItem() {
    return new Promise<Awaited<ReturnType<TestHost['currentItem']>>>((resolve) => {
      this.answer = () => void super.currentItem().then(resolve);
    });
  }
}

jest.setTimeout(30_000);

test('the subject shows from the preview before the item read answers, and the services start only after it is shown', async () => {
  const host = new SlowHost(message('Hankehakemus'));
  const started: string[] = [];
  const startServices = () => {
    started.push(screen.queryByTestId('current-item-subject')?.textContent ?? 'nothing shown');
    return new Promise<PaneServices>(() => undefined); // still loading: the pane says so
  };
  render(<App host={host} preview={message('Hankehakemus')} startServices={startServices} siteUrl="" />);
  expect(screen.getByTestId('current-item-subject').textContent).toBe('Hankehakemus');
  expect(await screen.findByTestId('pane-loading')).toBeTruthy();
  await act(async () => host.answer?.());
  expect(screen.getByTestId('current-item-subject').textContent).toBe('Hankehakemus');
  expect(started).toEqual(['Hankehakemus']);
});

test('without a preview the pane waits for its own read before starting the services', async () => {
  const host = new SlowHost(message('Toinen'));
  let starts = 0;
  render(<App host={host} startServices={() => (starts++, new Promise<PaneServices>(() => undefined))} siteUrl="" />);
  await act(async () => undefined);
  expect(starts).toBe(0);
  await act(async () => host.answer?.());
  expect(await screen.findByText('Toinen')).toBeTruthy();
  expect(starts).toBe(1);
});
