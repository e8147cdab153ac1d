/**
 * @jest-environment ./tests/support/jsdomWithFetch.js
 *
 * Keeping the record from the pane, rendered in jsdom against the sandbox over HTTP: a call note from
 * the sender's card in two clicks plus the text, a person's role and phone from their view, merging a
 * duplicate in (clicks counted), export and erase.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { EntitySummary, Person } from '../../../src/domain/entities';
import { EntityView, PersonCard } from '../../../src/ui/filing/EntityView';
import { teamSiteGroup } from '../../../dev/sandbox/sharepoint';
import { startFilingRuntime } from '../../../src/services/filingRuntime';
import { TRAIL_SITE_URL } from '../helpers/store';
import { panelHarnessOfFile, summaryOf } from './harness';

const h = panelHarnessOfFile();

let clicks = 0;
const click = (el: HTMLElement) => {
  clicks++;
  fireEvent.click(el);
};
let serial = 0;
const blobText = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

test('a call note against the sender of the open mail: two clicks plus the text, in their and their organisation’s timelines', async () => {
  const domain = `soitto${++serial}.fi`;
  const org = summaryOf((await h.runtime.filing.store.createOrganisation({ name: 'Soitto Oy', domains: [domain] })).entity);
  const person = summaryOf((await h.runtime.filing.store.createPerson({ name: 'Sanna Soittaja', emails: [`sanna@${domain}`], organisationId: org.ref.id })).entity);
  h.render(<PersonCard runtime={h.runtime} host={h.host} address={`sanna@${domain}`} name="Sanna Soittaja" person={person} organisation={org} onOpen={() => undefined} />);
  clicks = 0;
  click(await screen.findByTestId('note-new'));
  fireEvent.change(screen.getByTestId('note-headline'), { target: { value: 'Soitti: haluaa tarjouksen' } });
  click(screen.getByTestId('note-save'));
  expect(await screen.findByTestId('note-saved')).toBeTruthy();
  expect(clicks).toBeLessThanOrEqual(2);
  for (const ref of [person.ref, org.ref]) {
    const notes = (await h.runtime.filing.store.filingsOfEntity(ref)).items.filter((f) => f.item.kind === 'note');
    expect(notes.map((f) => f.item.subject)).toEqual(['Soitti: haluaa tarjouksen']);
  }
  await waitFor(() => expect(within(screen.getByTestId('person-card')).getByText('Soitti: haluaa tarjouksen', { exact: false })).toBeTruthy());
});

test('a person’s role and phone number from their view, in Finnish; a failed save keeps what was typed', async () => {
  const person = summaryOf((await h.runtime.filing.store.createPerson({ name: 'Rooli Henkilö', emails: [`rooli${++serial}@rooli.fi`] })).entity);
  h.render(<EntityView runtime={h.runtime} host={h.host} entity={person} onBack={() => undefined} onOpen={() => undefined} />, 'fi');
  fireEvent.click(await screen.findByTestId('person-edit'));
  fireEvent.change(screen.getByTestId('person-phone'), { target: { value: '+358 40 555 1234' } });
  fireEvent.click(screen.getByTestId('person-role-employer'));
  h.s.t.sandbox.control.setFaults({ rules: [{ kind: '503', method: 'PATCH', next: 5 }] });
  fireEvent.click(screen.getByTestId('person-save'));
  await screen.findByRole('alert');
  h.s.t.sandbox.control.clearFaults();
  expect((screen.getByTestId('person-phone') as HTMLInputElement).value).toBe('+358 40 555 1234');
  fireEvent.click(screen.getByTestId('person-save'));
  await waitFor(() => expect(screen.queryByTestId('person-editor')).toBeNull());
  const saved = (await h.runtime.filing.store.get(person.ref)) as Person;
  expect([saved.phone, saved.roles]).toEqual(['+358 40 555 1234', ['employer']]);
  expect(await within(await screen.findByTestId('role-chips')).findByText('työnantaja')).toBeTruthy();
});

test('renaming a person to a name another person has warns, naming them and their address; open, merge or save anyway', async () => {
  const other = summaryOf((await h.runtime.filing.store.createPerson({ name: 'Veera Nimisamanen', emails: [`veera${++serial}@samanimi.fi`] })).entity);
  const person = summaryOf((await h.runtime.filing.store.createPerson({ name: 'Veera Toinen', emails: [`vt${serial}@muu.fi`] })).entity);
  await h.runtime.index.refresh();
  const opened: EntitySummary[] = [];
  h.render(<EntityView runtime={h.runtime} host={h.host} entity={person} onBack={() => undefined} onOpen={(e) => opened.push(e)} />, 'fi');
  fireEvent.click(await screen.findByTestId('person-edit'));
  fireEvent.change(screen.getByTestId('person-name'), { target: { value: 'nimisamanen  veera' } });
  fireEvent.click(screen.getByTestId('person-save'));
  const warning = await screen.findByTestId('same-name');
  expect(warning.textContent).toContain('Veera Nimisamanen');
  expect(warning.textContent).toContain(`veera${serial}@samanimi.fi`);
  expect(((await h.runtime.filing.store.get(person.ref)) as Person).name).toBe('Veera Toinen'); // not saved
  expect((screen.getByTestId('person-name') as HTMLInputElement).value).toBe('nimisamanen  veera'); // nothing typed is lost
  fireEvent.click(within(warning).getByTestId('same-name-open'));
  expect(opened.map((e) => e.ref.id)).toEqual([other.ref.id]);
  // Merge: the merge opens with the namesake chosen and its preview shown.
  fireEvent.click(within(warning).getByTestId('same-name-merge'));
  expect(await screen.findByTestId('merge-panel')).toBeTruthy();
  expect((await screen.findByTestId('merge-preview')).textContent).toContain(`veera${serial}@samanimi.fi`);
  // Or this is someone else: saved under the name all the same.
  fireEvent.click(screen.getByTestId('person-edit'));
  fireEvent.change(screen.getByTestId('person-name'), { target: { value: 'Veera Nimisamanen' } });
  fireEvent.click(screen.getByTestId('person-save'));
  fireEvent.click(within(await screen.findByTestId('same-name')).getByTestId('same-name-anyway'));
  await waitFor(() => expect(screen.queryByTestId('person-editor')).toBeNull());
  expect(((await h.runtime.filing.store.get(person.ref)) as Person).name).toBe('Veera Nimisamanen');
});

test('merging a likely duplicate: at most four clicks after opening the first, and the filings moved', async () => {
  const domain = `tupla${++serial}.fi`;
  const kept = summaryOf((await h.runtime.filing.store.createPerson({ name: 'Tuula Tuplanen', emails: [`tuula.tuplanen@${domain}`] })).entity);
  const dup = summaryOf((await h.runtime.filing.store.createPerson({ name: 'Tuula Tuplanen', emails: [`tt@${domain}`] })).entity);
  await h.runtime.filing.store.file((await h.runtime.filing.view(h.inbox[0]!)).item, [dup]);
  await h.runtime.index.refresh(); // the pane's index catches up with the record (delta), as it does in the background
  h.render(<EntityView runtime={h.runtime} host={h.host} entity={kept} onBack={() => undefined} onOpen={() => undefined} />);
  clicks = 0;
  click(await screen.findByTestId('merge-open'));
  click(await screen.findByTestId('merge-suggestion', {}, { timeout: 5000 }));
  expect((await screen.findByTestId('merge-counts')).textContent).toContain('1 filing');
  await waitFor(() => expect((screen.getByTestId('merge-confirm') as HTMLButtonElement).disabled).toBe(false));
  click(screen.getByTestId('merge-confirm'));
  expect(await screen.findByTestId('merge-done')).toBeTruthy();
  expect(clicks).toBeLessThanOrEqual(4);
  expect((await h.runtime.filing.store.filingsOfEntity(kept.ref)).items).toHaveLength(1);
});

test.each([
  ['en', 'goes', 'Also kept: phone +358 40 123 4567', 'Dropped: title Myyjä (the kept one has Rehtori)', 'supplier'],
  ['fi', 'poistuu', 'Säilyy myös: puhelin +358 40 123 4567', 'Jää pois: tehtävänimike Myyjä (säilyvällä on Rehtori)', 'toimittaja'],
] as const)('the merge preview (%s) tells two people of the same name apart by address and names what of the duplicate’s details is kept and dropped', async (lang, goes, keptLine, droppedLine, role) => {
  const domain = `samanimi${++serial}.fi`;
  const store = h.runtime.filing.store;
  const kept = (await store.createPerson({ name: 'Jenna Korhonen', emails: [`jenna@${domain}`], jobTitle: 'Rehtori' })).entity;
  await store.createPerson({ name: 'Jenna Korhonen', emails: [`jenna.k@${domain}`], phone: '+358 40 123 4567', jobTitle: 'Myyjä', roles: ['supplier'] });
  await h.runtime.index.refresh();
  h.render(<EntityView runtime={h.runtime} host={h.host} entity={summaryOf(kept)} onBack={() => undefined} onOpen={() => undefined} />, lang);
  fireEvent.click(await screen.findByTestId('merge-open'));
  const suggestion = (await screen.findAllByTestId('merge-suggestion', {}, { timeout: 5000 })).find((b) => b.textContent?.includes(`jenna.k@${domain}`))!;
  fireEvent.click(suggestion);
  const preview = await screen.findByTestId('merge-preview');
  await waitFor(() => expect(within(preview).getByTestId('merge-counts')).toBeTruthy());
  const lines = [...preview.children].map((el) => el.textContent);
  expect(lines[0]).toContain(`Jenna Korhonen (jenna.k@${domain}) ${goes}`);
  expect(lines[0]).toContain(`Jenna Korhonen (jenna@${domain})`);
  expect(lines).toContain(keptLine);
  expect(lines).toContain(droppedLine);
  expect(lines.some((line) => line?.includes(role))).toBe(true);
});

test('export downloads the JSON; erase names what goes, and then the person is gone', async () => {
  const person = summaryOf((await h.runtime.filing.store.createPerson({ name: 'Erkki Poistuva', emails: [`erkki${++serial}@poisto.fi`] })).entity);
  await h.runtime.filing.store.file((await h.runtime.filing.view(h.inbox[0]!)).item, [person]);
  const urls: Blob[] = [];
  URL.createObjectURL = (blob: Blob) => (urls.push(blob), 'blob:trail');
  URL.revokeObjectURL = () => undefined;
  let gone = false;
  h.render(<EntityView runtime={h.runtime} host={h.host} entity={person} onBack={() => (gone = true)} onOpen={() => undefined} />);
  fireEvent.click(await screen.findByTestId('data-open'));
  // No keepers named: the signed-in user owns the site's group (the sandbox's default), so the actions show.
  fireEvent.click(await screen.findByTestId('data-export'));
  expect(await screen.findByTestId('data-exported')).toBeTruthy();
  expect(JSON.parse(await blobText(urls[0]!)).person.name).toBe('Erkki Poistuva');
  fireEvent.click(screen.getByTestId('data-erase'));
  expect((await screen.findByTestId('data-erase-confirm')).textContent).toContain('1 address');
  fireEvent.click(screen.getByTestId('data-erase-yes'));
  // Done, said clearly where the user is: who was erased, how much went, and that it was audited; focus on it.
  const done = await screen.findByTestId('data-erased');
  expect(done.textContent).toContain('Erkki Poistuva');
  expect(done.textContent).toContain('1 address');
  expect(done.textContent).toContain('1 filing');
  expect(done.textContent).toMatch(/audit log/i);
  await waitFor(() => expect(document.activeElement).toBe(done));
  // Nothing of the erased person is left to act on: no timeline, no keeping actions.
  expect(screen.queryByTestId('entity-timeline')).toBeNull();
  expect(screen.queryByTestId('entity-keeping')).toBeNull();
  await expect(h.runtime.filing.store.get(person.ref)).rejects.toBeDefined();
  expect(gone).toBe(false);
  fireEvent.click(within(done).getByTestId('data-erased-back'));
  expect(gone).toBe(true);
});

test('the erasure is confirmed in Finnish with what went', async () => {
  const person = summaryOf((await h.runtime.filing.store.createPerson({ name: 'Eila Poistettava', emails: [`eila${++serial}@poisto.fi`, `eila.p${serial}@poisto.fi`] })).entity);
  await h.runtime.filing.store.file((await h.runtime.filing.view(h.inbox[1]!)).item, [person]);
  h.render(<EntityView runtime={h.runtime} host={h.host} entity={person} onBack={() => undefined} onOpen={() => undefined} />, 'fi');
  fireEvent.click(await screen.findByTestId('data-open'));
  fireEvent.click(await screen.findByTestId('data-erase'));
  fireEvent.click(await screen.findByTestId('data-erase-yes'));
  const done = await screen.findByTestId('data-erased');
  expect(done.textContent).toContain('Eila Poistettava');
  expect(done.textContent).toContain('2 osoitetta');
  expect(done.textContent).toContain('1 kirjaus');
  expect(done.textContent).toMatch(/lokiin/);
});

test('not an owner of the site and no keepers named: no export or erase, and the pane says who names record keepers (Finnish)', async () => {
  const control = h.s.t.sandbox.control;
  teamSiteGroup(control.context()).owners = [];
  control.stateChanged();
  try {
    // A new session: the answer is kept for a session, and the harness's own session already asked.
    const runtime = await startFilingRuntime(h.host, h.s.graph, TRAIL_SITE_URL, window.localStorage);
    const person = summaryOf((await runtime.filing.store.createPerson({ name: 'Ei Omistaja', emails: [`eiomistaja${++serial}@poisto.fi`] })).entity);
    h.render(<EntityView runtime={runtime} host={h.host} entity={person} onBack={() => undefined} onOpen={() => undefined} />, 'fi');
    fireEvent.click(await screen.findByTestId('data-open'));
    expect((await screen.findByTestId('keepers-not-keeper')).textContent).toContain('Trail Settingsissä');
    expect(screen.queryByTestId('data-export')).toBeNull();
    expect(screen.queryByTestId('data-erase')).toBeNull();
  } finally {
    teamSiteGroup(control.context()).owners = [h.s.t.user.id];
    control.stateChanged();
  }
});

test('an organisation’s people filtered by stakeholder role', async () => {
  const org = summaryOf((await h.runtime.filing.store.createOrganisation({ name: 'Suodatin Oy', domains: [`suodatin${++serial}.fi`] })).entity);
  await h.runtime.filing.store.createPerson({ name: 'Rahoittaja Rauni', emails: [`rauni@suodatin${serial}.fi`], organisationId: org.ref.id, roles: ['funder'] });
  await h.runtime.filing.store.createPerson({ name: 'Muu Matti', emails: [`matti@suodatin${serial}.fi`], organisationId: org.ref.id });
  h.render(<EntityView runtime={h.runtime} host={h.host} entity={org} onBack={() => undefined} onOpen={() => undefined} />);
  await waitFor(() => expect(within(screen.getByTestId('entity-related')).getAllByTestId('entity-link')).toHaveLength(2));
  fireEvent.change(screen.getByTestId('role-filter'), { target: { value: 'funder' } });
  expect(within(screen.getByTestId('entity-related')).getAllByTestId('entity-link').map((a) => a.textContent)).toEqual(['Rahoittaja Rauni']);
});

test('a phone number that is not one is refused at its field in Finnish: nothing sent, nothing typed lost', async () => {
  const person = summaryOf((await h.runtime.filing.store.createPerson({ name: 'Puhelin Henkilö', emails: [`puhelin${++serial}@puhelin.fi`] })).entity);
  h.render(<EntityView runtime={h.runtime} host={h.host} entity={person} onBack={() => undefined} onOpen={() => undefined} />, 'fi');
  fireEvent.click(await screen.findByTestId('person-edit'));
  fireEvent.change(screen.getByTestId('person-phone'), { target: { value: 'call me maybe' } });
  expect((await screen.findByTestId('person-phone-invalid')).textContent).toBe('Puhelinnumerossa voi olla vain numeroita, välilyöntejä, väliviivoja, sulkeita ja alussa +, esimerkiksi +358 40 123 4567.');
  fireEvent.click(screen.getByTestId('person-save'));
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(screen.getByTestId('person-editor')).toBeTruthy();
  expect((screen.getByTestId('person-phone') as HTMLInputElement).value).toBe('call me maybe');
  expect(((await h.runtime.filing.store.get(person.ref)) as Person).phone).toBe('');
  fireEvent.change(screen.getByTestId('person-phone'), { target: { value: '+358 (40) 555-12 34' } });
  expect(screen.queryByTestId('person-phone-invalid')).toBeNull();
  fireEvent.click(screen.getByTestId('person-save'));
  await waitFor(() => expect(screen.queryByTestId('person-editor')).toBeNull());
  expect(((await h.runtime.filing.store.get(person.ref)) as Person).phone).toBe('+358 (40) 555-12 34');
});

test('a note saved with no headline: the pane’s own words in Finnish at the field, not the browser’s popup', async () => {
  const person = summaryOf((await h.runtime.filing.store.createPerson({ name: 'Otsikko Puuttuu', emails: [`otsikko${++serial}@otsikko.fi`] })).entity);
  h.render(<EntityView runtime={h.runtime} host={h.host} entity={person} onBack={() => undefined} onOpen={() => undefined} />, 'fi');
  fireEvent.click(await screen.findByTestId('note-new'));
  const form = screen.getByTestId('note-form') as HTMLFormElement;
  // The browser's own check of `required` would stop the save with its popup, in the browser's language.
  expect(form.noValidate).toBe(true);
  fireEvent.click(screen.getByTestId('note-save'));
  expect(await within(form).findByText('Kirjoita ensin otsikko.')).toBeTruthy();
  // Every form a person is kept with leaves the checking to the pane.
  fireEvent.click(screen.getByTestId('note-close'));
  fireEvent.click(await screen.findByTestId('person-edit'));
  expect((screen.getByTestId('person-editor') as HTMLFormElement).noValidate).toBe(true);
  fireEvent.change(screen.getByTestId('person-name'), { target: { value: ' ' } });
  fireEvent.click(screen.getByTestId('person-save'));
  expect((await screen.findByTestId('person-name-missing')).textContent).toBe('Kirjoita ensin henkilön nimi.');
  expect(((await h.runtime.filing.store.get(person.ref)) as Person).name).toBe('Otsikko Puuttuu');
});

test('merged from the kept person’s view: its details and timeline read again and show the merged state', async () => {
  const domain = `yhdiste${++serial}.fi`;
  const org = summaryOf((await h.runtime.filing.store.createOrganisation({ name: 'Yhdiste Oy', domains: [domain] })).entity);
  const kept = summaryOf((await h.runtime.filing.store.createPerson({ name: 'Yrjö Yhdistelmä', emails: [`palvelu@${domain}`], organisationId: org.ref.id })).entity);
  const dup = summaryOf((await h.runtime.filing.store.createPerson({ name: 'Yrjö Yhdistelmä laskutus', emails: [`laskutus@${domain}`], organisationId: org.ref.id })).entity);
  const message = h.inbox[1]!;
  await h.runtime.filing.store.file((await h.runtime.filing.view(message)).item, [dup, org]);
  await h.runtime.index.refresh();
  h.render(<EntityView runtime={h.runtime} host={h.host} entity={kept} onBack={() => undefined} onOpen={() => undefined} />);
  const entry = async () => (await screen.findAllByTestId('history-filing')).find((e) => e.textContent?.includes(message.subject))!;
  // Filed to the duplicate and the organisation: in the kept person's timeline through the organisation.
  expect((await entry()).textContent).not.toContain('Yhdistelmä');
  expect(screen.getByTestId('person-facts').textContent).not.toContain(`laskutus@${domain}`);
  fireEvent.click(await screen.findByTestId('merge-open'));
  const suggestion = (await screen.findAllByTestId('merge-suggestion', {}, { timeout: 5000 })).find((b) => b.textContent?.includes(`laskutus@${domain}`))!;
  fireEvent.click(suggestion);
  await waitFor(() => expect((screen.getByTestId('merge-confirm') as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(screen.getByTestId('merge-confirm'));
  expect(await screen.findByTestId('merge-done')).toBeTruthy();
  await waitFor(() => expect(screen.getByTestId('person-facts').textContent).toContain(`laskutus@${domain}`), { timeout: 5000 });
  await waitFor(async () => expect((await entry()).textContent).toMatch(/Filed to .*Yrjö Yhdistelmä/), { timeout: 5000 });
});
