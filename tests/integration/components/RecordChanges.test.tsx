/**
 * @jest-environment ./tests/support/jsdomWithFetch.js
 *
 * The user's own changes to the record show at once beside the open message, without selecting
 * another: an erased person is no longer suggested nor on the card; a person created from the card is
 * known there and in Suggested at once; a renamed person's merge panel names them as they are now;
 * an edited title and roles show on the sender's card after Back.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { MessageSnapshot } from '../../../src/office/host';
import { FilingPanelOnHost, panelHarnessOfFile } from './harness';

const h = panelHarnessOfFile({ slow: true });

let serial = 0;
/** A seeded message as if sent by this one person alone (its key and ids stay the seeded message's). */
function openFrom(name: string, address: string): MessageSnapshot {
  const message = { ...h.inbox.shift()!, from: { name, address }, to: [], cc: [] };
  act(() => h.host.select(message));
  return message;
}
const renderPanel = (locale: 'en' | 'fi' = 'en') => h.render(<FilingPanelOnHost host={h.host} state={{ status: 'ready', value: h.runtime }} />, locale);
async function person(name: string, address: string, more: { jobTitle?: string } = {}) {
  const made = await h.runtime.filing.store.createPerson({ name, emails: [address], ...more });
  await h.runtime.index.refresh();
  return made.entity;
}
const card = () => screen.getByTestId('person-card');

test('an erased person is dropped from Suggested and the card at once', async () => {
  const address = `ale${++serial}@tarjoustalo.fi`;
  await person('Tarjoustalo Ale', address);
  renderPanel();
  openFrom('Tarjoustalo Ale', address);
  const suggested = await screen.findByTestId('filing-suggestions');
  expect(suggested.textContent).toContain('Tarjoustalo Ale');
  await waitFor(() => expect(card().textContent).toContain('Tarjoustalo Ale'));
  fireEvent.click(within(suggested).getByRole('button', { name: 'Show Tarjoustalo Ale' }));
  fireEvent.click(await screen.findByTestId('data-open'));
  fireEvent.click(await screen.findByTestId('data-erase'));
  fireEvent.click(await screen.findByTestId('data-erase-yes'));
  fireEvent.click(within(await screen.findByTestId('data-erased')).getByTestId('data-erased-back'));
  await waitFor(() => expect(screen.queryByTestId('filing-suggestions')?.textContent ?? '').not.toContain('Tarjoustalo Ale'));
  await waitFor(() => expect(within(card()).getByTestId('person-card-unknown')).toBeTruthy());
});

test('a person created from the card is known at once, in Suggested and on the card', async () => {
  const address = `uusi${++serial}@uusitalo-${serial}.fi`;
  renderPanel();
  openFrom('Uuno Uusi', address);
  fireEvent.click(await screen.findByTestId('person-card-create'));
  await waitFor(() => expect(screen.getByTestId('filing-result').textContent).toContain('Uuno Uusi'));
  await waitFor(() => expect(within(card()).queryByTestId('person-card-unknown')).toBeNull());
  expect(screen.queryByTestId('filing-unknown')).toBeNull();
  expect((await screen.findByTestId('filing-suggestions')).textContent).toContain('Uuno Uusi');
});

test('renamed, then Merge with… names the person as they are now; an edited title and roles show on the card after Back', async () => {
  const address = `nimi${++serial}@nimitalo.fi`;
  const entity = await person('Vanha Nimi', address, { jobTitle: 'Myyjä' });
  renderPanel();
  openFrom('Vanha Nimi', address);
  await waitFor(() => expect(within(card()).getByTestId('person-facts').textContent).toContain('Myyjä'));
  fireEvent.click(within(screen.getByTestId('filing-suggestions')).getByRole('button', { name: 'Show Vanha Nimi' }));
  fireEvent.click(await screen.findByTestId('person-edit'));
  fireEvent.change(screen.getByTestId('person-name'), { target: { value: 'Uusi Nimi' } });
  fireEvent.change(screen.getByTestId('person-job-title'), { target: { value: 'Myyntijohtaja' } });
  fireEvent.click(screen.getByTestId('person-role-employer'));
  fireEvent.click(screen.getByTestId('person-save'));
  await waitFor(() => expect(screen.queryByTestId('person-editor')).toBeNull());
  fireEvent.click(await screen.findByTestId('merge-open'));
  await waitFor(() => expect(screen.getByTestId('merge-panel').textContent).toContain('Merge a duplicate into Uusi Nimi'));
  fireEvent.click(screen.getByTestId('entity-back'));
  await waitFor(() => expect(within(card()).getByTestId('person-facts').textContent).toContain('Myyntijohtaja'));
  expect(card().textContent).toMatch(/employer/i);
  expect(entity.ref.id).toBeTruthy();
});
