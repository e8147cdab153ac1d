/**
 * @jest-environment ./tests/support/jsdomWithFetch.js
 *
 * One mail domain, one organisation, rendered in jsdom against the record in the sandbox over HTTP: a
 * domain another organisation holds is refused in the organisation's view with nothing saved and what
 * was typed kept; the next add that succeeds clears the field and the error, and shows the domain as
 * saved (normalised). An organisation made with a domain another holds is never given it.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Organisation } from '../../../src/domain/entities';
import { projectKeepingOf } from '../../../src/services/record/projectKeeping';
import { EntityView } from '../../../src/ui/filing/EntityView';
import { panelHarnessOfFile, summaryOf } from './harness';

const h = panelHarnessOfFile({ slow: true, clearFaults: true });

test('a domain another organisation holds is refused and not saved; the next add clears the field and the error', async () => {
  const stamp = Date.now();
  const holder = (await h.runtime.filing.store.createOrganisation({ name: `Harjuseudun ammattikorkeakoulu ${stamp}`, domains: [`harjuamk${stamp}.fi`] })).entity;
  const org = (await h.runtime.filing.store.createOrganisation({ name: `Pihlajaharjun Hoivakoti Oy ${stamp}`, domains: [`hoiva${stamp}.fi`] })).entity;
  h.render(<EntityView runtime={h.runtime} host={h.host} entity={summaryOf(org)} onBack={() => undefined} onOpen={() => undefined} />);
  const editor = await screen.findByTestId('organisation-editor');
  const field = () => within(editor).getByTestId('organisation-domain') as HTMLInputElement;

  fireEvent.change(field(), { target: { value: `harjuamk${stamp}.fi` } });
  fireEvent.click(within(editor).getByTestId('organisation-domain-add'));
  expect((await within(editor).findByTestId('organisation-error')).textContent).toContain(`${holder.name} already has that domain`);
  expect(field().value).toBe(`harjuamk${stamp}.fi`); // kept to correct
  expect(within(editor).getByTestId('organisation-domains').textContent).not.toContain(`harjuamk${stamp}.fi`);
  expect(((await h.runtime.filing.store.get(org.ref)) as Organisation).domains).toEqual([`hoiva${stamp}.fi`]);
  const resolved = await h.runtime.filing.store.resolve([], [`harjuamk${stamp}.fi`]);
  expect(resolved.organisations.get(`harjuamk${stamp}.fi`)?.ref.id).toBe(holder.ref.id);
  const found = await h.runtime.filing.store.search(`harjuamk${stamp}.fi`);
  expect(found.map((e) => e.ref.id)).not.toContain(org.ref.id);

  fireEvent.change(field(), { target: { value: `Pihlajaharju${stamp}.FI` } });
  fireEvent.click(within(editor).getByTestId('organisation-domain-add'));
  await waitFor(() => expect(within(editor).getByTestId('organisation-domains').textContent).toContain(`pihlajaharju${stamp}.fi`));
  await waitFor(() => expect(field().value).toBe(''));
  expect(within(editor).queryByTestId('organisation-error')).toBeNull();
  expect(within(editor).getByText('Domains saved.')).toBeTruthy();
  expect(((await h.runtime.filing.store.get(org.ref)) as Organisation).domains).toEqual([`hoiva${stamp}.fi`, `pihlajaharju${stamp}.fi`]);
});

test('an organisation made with a domain another holds, or a public one, is never given it', async () => {
  const stamp = Date.now();
  const holder = (await h.runtime.filing.store.createOrganisation({ name: `Pitäjä Oy ${stamp}`, domains: [`pitaja${stamp}.fi`] })).entity;
  const service = projectKeepingOf(h.runtime, { name: 'Aino' });
  const made = await service.createOrganisation(`Toinen Oy ${stamp}`, [`pitaja${stamp}.fi`]);
  expect(made.existing).toBe(true);
  expect(made.ref.id).toBe(holder.ref.id);
  expect(((await h.runtime.filing.store.get(holder.ref)) as Organisation).domains).toEqual([`pitaja${stamp}.fi`]);
  await expect(service.createOrganisation(`Kolmas Oy ${stamp}`, ['gmail.com'])).rejects.toThrow();
  expect((await h.runtime.filing.store.search(`Kolmas Oy ${stamp}`)).length).toBe(0);
});
