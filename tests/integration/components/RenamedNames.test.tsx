/**
 * @jest-environment ./tests/support/jsdomWithFetch.js
 *
 * An organisation renamed after something was filed to it: the filing keeps the name as written then,
 * but the pane knows the current name (the entity index) and shows that under "Filed to" (issue 16).
 */
import { act, screen, waitFor } from '@testing-library/react';
import { EntityView } from '../../../src/ui/filing/EntityView';
import { FilingPanelOnHost, panelHarnessOfFile } from './harness';

const h = panelHarnessOfFile({ slow: true });

test('"Filed to" names a renamed organisation by its current name, not the one written when it was filed', async () => {
  const { store } = h.runtime.filing;
  const made = await store.createOrganisation({ name: 'Harjuamk', domains: ['harju-nimet.fi'] });
  const message = h.inbox[0]!;
  await h.runtime.filing.fileTo((await h.runtime.filing.view(message)).item, [{ ref: made.entity.ref, name: 'Harjuamk', detail: '' }]);
  await store.update(await store.get(made.entity.ref), { name: 'Harjun ammattikorkeakoulu' });
  await h.runtime.index.refresh();

  h.render(<FilingPanelOnHost host={h.host} state={{ status: 'ready', value: h.runtime }} />);
  act(() => h.host.select(message));
  const filed = await screen.findByTestId('filing-filed');
  await waitFor(() => expect(filed.textContent).toContain('Harjun ammattikorkeakoulu'));
  expect(filed.textContent).not.toContain('Harjuamk');
});

test('a recent choice among the suggestions is named by its current name too', async () => {
  h.render(<FilingPanelOnHost host={h.host} state={{ status: 'ready', value: h.runtime }} />);
  act(() => h.host.select(h.inbox[1]!));
  await waitFor(() => expect(screen.getAllByTestId('filing-suggestion').some((r) => r.textContent?.includes('Harjun ammattikorkeakoulu'))).toBe(true));
  expect(screen.getAllByTestId('filing-suggestion').some((r) => r.textContent?.includes('Harjuamk'))).toBe(false);
});

test('the organisation’s timeline line names it by its current name too', async () => {
  const org = (await h.runtime.filing.store.search('Harjun ammattikorkeakoulu', 5)).find((e) => e.ref.kind === 'organisation')!;
  h.render(<EntityView runtime={h.runtime} host={h.host} entity={org} onBack={() => undefined} onOpen={() => undefined} />);
  const line = (await screen.findAllByTestId('history-filing'))[0]!;
  expect(line.textContent).toContain('Harjun ammattikorkeakoulu');
  expect(line.textContent).not.toContain('Harjuamk');
});
