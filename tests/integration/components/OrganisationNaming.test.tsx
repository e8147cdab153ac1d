/**
 * @jest-environment ./tests/support/jsdomWithFetch.js
 *
 * A name made from a mail domain offered for correction before it is saved, rendered in jsdom against
 * the record in the sandbox over HTTP: the unknown sender's row shows the organisation's name as the
 * message gives it (display name, else the signature read from the body, else the domain), the user
 * may correct it inline, and create-and-file stays one click and saves what the field holds. The body
 * is read only when an organisation is about to be made.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { MessageSnapshot } from '../../../src/office/host';
import { FilingPanelOnHost, panelHarnessOfFile } from './harness';

const h = panelHarnessOfFile({ slow: true, clearFaults: true });

const SIGNED = ['Hei Aino,', '', 'lähetättekö kevään kurssit?', '', 'Ystävällisin terveisin', '', 'Raija Leinonen', 'rehtori', 'Mäntyrinteen kansalaisopisto', 'p. 040 123 4567'].join('\r\n');

/** A seeded message as if sent by someone Trail does not know, at a domain it has no organisation for. */
function openFrom(from: { name: string; address: string }, body: string | null): MessageSnapshot {
  const [seeded] = h.inbox.splice(0, 1);
  const message: MessageSnapshot = { ...seeded!, from, to: [], cc: [] };
  if (body !== null) h.host.bodies.set(message.id, body);
  act(() => h.host.select(message));
  return message;
}
const rowFor = async (domain: string) => (await screen.findAllByTestId('filing-unknown')).find((row) => row.textContent?.includes(domain))!;
const nameField = (row: HTMLElement) => within(row).getByTestId('filing-organisation-name') as HTMLInputElement;

test('the signature names the organisation: offered in the row, and one click saves it by that name', async () => {
  h.render(<FilingPanelOnHost host={h.host} state={{ status: 'ready', value: h.runtime }} />);
  const reads = h.host.bodyReads;
  openFrom({ name: 'Raija Leinonen', address: 'raija.leinonen@mantyrinteenopisto.fi' }, SIGNED);
  const row = await rowFor('mantyrinteenopisto.fi');
  await waitFor(() => expect(nameField(row).value).toBe('Mäntyrinteen kansalaisopisto'));
  expect(h.host.bodyReads - reads).toBe(1);
  expect(within(row).getByLabelText('Organisation name').tagName).toBe('INPUT');
  fireEvent.click(within(row).getByTestId('filing-create-person'));
  await waitFor(() => expect(screen.getByTestId('filing-result').textContent).toContain('Mäntyrinteen kansalaisopisto'));
  const resolved = await h.runtime.filing.store.resolve(['raija.leinonen@mantyrinteenopisto.fi'], ['mantyrinteenopisto.fi']);
  expect(resolved.organisations.get('mantyrinteenopisto.fi')?.name).toBe('Mäntyrinteen kansalaisopisto');
  expect(resolved.people.get('raija.leinonen@mantyrinteenopisto.fi')?.name).toBe('Raija Leinonen');
});

test('the offered name corrected inline is the one saved; a blank name saves nothing and says so', async () => {
  h.render(<FilingPanelOnHost host={h.host} state={{ status: 'ready', value: h.runtime }} />, 'fi');
  openFrom({ name: 'Tuomas Ale', address: 'tuomas@tarjoustalo-ale.fi' }, 'Hei,\r\ntarjous liitteenä.\r\n\r\nTuomas Ale');
  const row = await rowFor('tarjoustalo-ale.fi');
  await waitFor(() => expect(nameField(row).value).toBe('Tarjoustalo-ale'));
  expect(within(row).getByLabelText('Organisaation nimi')).toBe(nameField(row));
  fireEvent.change(nameField(row), { target: { value: '  ' } });
  expect((within(row).getByTestId('filing-create-person') as HTMLButtonElement).disabled).toBe(true);
  expect(within(row).getByTestId('filing-organisation-name-missing').textContent).toContain('Kirjoita organisaation nimi');
  fireEvent.change(nameField(row), { target: { value: 'Tarjoustalo ALE Oy' } });
  fireEvent.click(within(row).getByTestId('filing-create-person'));
  await waitFor(() => expect(screen.getByTestId('filing-result').textContent).toContain('Tarjoustalo ALE Oy'));
  const resolved = await h.runtime.filing.store.resolve([], ['tarjoustalo-ale.fi']);
  expect(resolved.organisations.get('tarjoustalo-ale.fi')?.name).toBe('Tarjoustalo ALE Oy');
});

test('a sender whose organisation the record has: no name to offer, and the body is never read', async () => {
  await h.runtime.filing.store.createOrganisation({ name: 'Harjun AMK', domains: ['harjuamk.fi'] });
  await h.runtime.index.refresh();
  h.render(<FilingPanelOnHost host={h.host} state={{ status: 'ready', value: h.runtime }} />);
  const reads = h.host.bodyReads;
  openFrom({ name: 'Pekka Harju', address: 'pekka.harju@harjuamk.fi' }, 'Pekka Harju\r\nHarjun ammattikorkeakoulu');
  const row = await rowFor('harjuamk.fi');
  await screen.findAllByTestId('filing-suggestion');
  expect(within(row).queryByTestId('filing-organisation-name')).toBeNull();
  expect(h.host.bodyReads - reads).toBe(0);
});

test('the body cannot be read: the display name or the domain is offered, and filing still works', async () => {
  h.render(<FilingPanelOnHost host={h.host} state={{ status: 'ready', value: h.runtime }} />);
  openFrom({ name: 'Olli Ojala', address: 'olli@ojalanpuutarha.fi' }, null);
  const row = await rowFor('ojalanpuutarha.fi');
  await waitFor(() => expect(nameField(row).value).toBe('Ojalanpuutarha'));
  fireEvent.click(within(row).getByTestId('filing-create-person'));
  await waitFor(() => expect(screen.getByTestId('filing-result').textContent).toContain('Ojalanpuutarha'));
});
