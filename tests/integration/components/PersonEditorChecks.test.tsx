/**
 * @jest-environment ./tests/support/jsdomWithFetch.js
 *
 * Checking a person's edited details before anything is sent: a name longer than the record holds is
 * said at its field as it is typed (with a counter), and one Save flags every invalid field at once,
 * each beside its own field, in the user's language, sending nothing and losing nothing typed.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { Person } from '../../../src/domain/entities';
import { EntityView } from '../../../src/ui/filing/EntityView';
import { panelHarnessOfFile, summaryOf } from './harness';

const h = panelHarnessOfFile();
let serial = 0;
const LONG = 'N'.repeat(2000);

test('a 2,000-character name is said to be too long at once, in English, with the most it may have', async () => {
  const person = summaryOf((await h.runtime.filing.store.createPerson({ name: 'Pitkä Nimi', emails: [`pitka${++serial}@pitka.fi`] })).entity);
  h.render(<EntityView runtime={h.runtime} host={h.host} entity={person} onBack={() => undefined} onOpen={() => undefined} />);
  fireEvent.click(await screen.findByTestId('person-edit'));
  expect(screen.getByTestId('person-name-count').textContent).toBe('10 / 255');
  fireEvent.change(screen.getByTestId('person-name'), { target: { value: LONG } });
  expect(screen.getByTestId('person-name-too-long').textContent).toBe('The record keeps a name of at most 255 characters: shorten it by 1745 to save.');
  expect(screen.getByTestId('person-name-count').textContent).toBe('2000 / 255');
  fireEvent.click(screen.getByTestId('person-save'));
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(screen.queryByTestId('person-invalid')).toBeNull();
  expect((screen.getByTestId('person-name') as HTMLInputElement).value).toBe(LONG);
  expect(((await h.runtime.filing.store.get(person.ref)) as Person).name).toBe('Pitkä Nimi');
});

test('one Save flags the phone, the name and a malformed address together, each at its field, in Finnish; nothing sent until all are valid', async () => {
  const address = `kaikki${++serial}@kaikki.fi`;
  const person = summaryOf((await h.runtime.filing.store.createPerson({ name: 'Kaikki Kerralla', emails: [address] })).entity);
  h.render(<EntityView runtime={h.runtime} host={h.host} entity={person} onBack={() => undefined} onOpen={() => undefined} />, 'fi');
  fireEvent.click(await screen.findByTestId('person-edit'));
  fireEvent.change(screen.getByTestId('person-phone'), { target: { value: 'call me maybe' } });
  fireEvent.change(screen.getByTestId('person-name'), { target: { value: LONG } });
  fireEvent.click(screen.getByTestId('person-add-email'));
  fireEvent.change(screen.getAllByTestId('person-email')[1]!, { target: { value: 'not an address@@example..fi' } });
  fireEvent.click(screen.getByTestId('person-save'));
  expect(screen.getByTestId('person-phone-invalid')).toBeTruthy();
  expect(screen.getByTestId('person-name-too-long').textContent).toBe('Rekisteriin mahtuu enintään 255 merkin nimi: lyhennä sitä 1745 merkillä, niin voit tallentaa.');
  const flagged = await screen.findAllByTestId('person-email-invalid');
  expect(flagged).toHaveLength(1);
  expect(flagged[0]!.textContent).toBe('Tämä ei ole sähköpostiosoite: tarkista, ettei siinä ole välilyöntejä ja että @-merkin jälkeen tulee verkkotunnus, esimerkiksi nimi@yritys.fi.');
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(screen.getByTestId('person-editor')).toBeTruthy();
  expect((screen.getByTestId('person-phone') as HTMLInputElement).value).toBe('call me maybe');
  expect(screen.getAllByTestId('person-email').map((i) => (i as HTMLInputElement).value)).toEqual([address, 'not an address@@example..fi']);
  const stored = (await h.runtime.filing.store.get(person.ref)) as Person;
  expect([stored.name, stored.phone, stored.emails]).toEqual(['Kaikki Kerralla', '', [address]]);
  // Put right one by one: each flag goes as its field is fixed; the save goes through once all are.
  fireEvent.change(screen.getByTestId('person-phone'), { target: { value: '+358 40 555 1234' } });
  fireEvent.change(screen.getByTestId('person-name'), { target: { value: 'Kaikki Korjattu' } });
  fireEvent.change(screen.getAllByTestId('person-email')[1]!, { target: { value: `toinen${serial}@kaikki.fi` } });
  expect(screen.queryByTestId('person-phone-invalid')).toBeNull();
  expect(screen.queryByTestId('person-name-too-long')).toBeNull();
  expect(screen.queryByTestId('person-email-invalid')).toBeNull();
  fireEvent.click(screen.getByTestId('person-save'));
  await waitFor(() => expect(screen.queryByTestId('person-editor')).toBeNull());
  const saved = (await h.runtime.filing.store.get(person.ref)) as Person;
  expect([saved.name, saved.phone, saved.emails]).toEqual(['Kaikki Korjattu', '+358 40 555 1234', [address, `toinen${serial}@kaikki.fi`]]);
});
