/**
 * @jest-environment ./tests/support/jsdomWithFetch.js
 *
 * Keeping the record in the pane, rendered in jsdom against the record in the sandbox over HTTP: a
 * project created from Find and the open message filed to it in the same click, a failed save that
 * keeps what was typed and says what to do, the no-item menu's New project, and an organisation
 * renamed and given and relieved of domains in its view.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { EntitySummary } from '../../../src/domain/entities';
import type { MessageSnapshot } from '../../../src/office/host';
import { EntityView } from '../../../src/ui/filing/EntityView';
import { RecordMenu } from '../../../src/ui/projects/RecordMenu';
import { FilingPanelOnHost, panelHarnessOfFile } from './harness';

const h = panelHarnessOfFile({ slow: true, clearFaults: true });

function open(): MessageSnapshot {
  const [message] = h.inbox.splice(0, 1);
  act(() => h.host.select(message!));
  return message!;
}
const projectsNamed = async (name: string) => (await h.runtime.filing.store.search(name, 20)).filter((e) => e.ref.kind === 'project' && e.name === name);

test('Find offers to create the project it does not know; the save fails and keeps what was typed, then creates and files in one click', async () => {
  h.render(<FilingPanelOnHost host={h.host} state={{ status: 'ready', value: h.runtime }} />, 'fi');
  const message = open();
  fireEvent.change(await screen.findByTestId('filing-search'), { target: { value: 'Oppisopimus 2027' } });
  fireEvent.click(await screen.findByRole('button', { name: 'Luo hanke ”Oppisopimus 2027”' }));
  const form = await screen.findByTestId('project-form');
  expect((within(form).getByTestId('project-name') as HTMLInputElement).value).toBe('Oppisopimus 2027');
  fireEvent.change(within(form).getByTestId('project-status'), { target: { value: 'planned' } });

  // The record cannot be reached: said so, with what to do, and nothing typed is lost.
  h.s.t.sandbox.control.setFaults({ rules: [{ kind: '503', method: 'POST', pathPattern: `${h.s.location.lists.projects}/items`, next: 50 }] });
  fireEvent.click(within(form).getByTestId('project-save'));
  const error = await within(form).findByTestId('project-form-error');
  expect(error.textContent).toContain('Kirjoittamasi on tallella');
  expect((within(form).getByTestId('project-name') as HTMLInputElement).value).toBe('Oppisopimus 2027');
  expect((within(form).getByTestId('project-status') as HTMLSelectElement).value).toBe('planned');

  h.s.t.sandbox.control.clearFaults();
  fireEvent.click(within(form).getByTestId('project-save'));
  const filed = await screen.findByTestId('filing-filed', {}, { timeout: 10_000 });
  await waitFor(() => expect(filed.textContent).toContain('Oppisopimus 2027'));
  const made = await projectsNamed('Oppisopimus 2027');
  expect(made).toHaveLength(1);
  expect(await h.runtime.filing.store.filingsOfItem({ kind: 'message', immutableId: message.id, internetMessageId: message.internetMessageId, subject: message.subject, from: message.from, date: '', mailbox: null } as never)).toEqual(
    expect.arrayContaining([expect.objectContaining({ entityName: 'Oppisopimus 2027' })]),
  );
});

test('with no item open, New project makes one and opens it in its view', async () => {
  h.render(<RecordMenu host={h.host} state={{ status: 'ready', value: h.runtime }} />);
  fireEvent.click(await screen.findByRole('button', { name: 'New project' }));
  // An empty name is refused before anything is sent.
  fireEvent.click(screen.getByTestId('project-save'));
  expect((await screen.findByTestId('project-form-error')).textContent).toContain('Give the project a name');
  fireEvent.change(screen.getByTestId('project-name'), { target: { value: 'Kevätnäyttely 2027' } });
  fireEvent.change(screen.getByTestId('project-kind'), { target: { value: 'matter' } });
  fireEvent.click(screen.getByTestId('project-save'));
  const view = await screen.findByTestId('entity-view-project', {}, { timeout: 10_000 });
  expect(within(view).getByRole('heading', { name: 'Kevätnäyttely 2027' })).toBeTruthy();
  const editor = await within(view).findByTestId('project-editor');
  expect((within(editor).getByTestId('project-edit-kind') as HTMLSelectElement).value).toBe('matter');
  // The owner is the project's Owner field (the user's own person entry), not a participant.
  await waitFor(() => expect(within(editor).getByTestId('project-edit-owner-name').textContent).toContain(h.s.t.user.displayName));
  expect(within(editor).queryAllByTestId('project-participant')).toEqual([]);
});

test('a name longer than the record holds is refused at the name field with the limit and what to do, a counter shows how far it is, and nothing is sent (issue 16)', async () => {
  for (const [locale, words] of [
    ['en', /255 characters.*shorten it/],
    ['fi', /255 merkkiä.*lyhennä/],
  ] as const) {
    const { unmount } = h.render(<RecordMenu host={h.host} state={{ status: 'ready', value: h.runtime }} />, locale);
    fireEvent.click(await screen.findByTestId('record-new-project'));
    const long = `Pitkä hanke ${'x'.repeat(260)}`;
    fireEvent.change(await screen.findByTestId('project-name'), { target: { value: long } });
    expect(screen.getByTestId('project-name-count').textContent).toContain(`${long.length} / 255`);
    fireEvent.click(screen.getByTestId('project-save'));
    const message = await screen.findByTestId('project-name-problem');
    expect(message.textContent).toMatch(words);
    expect(screen.getByTestId('project-name').getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByTestId('project-name') as HTMLInputElement).value).toBe(long);
    expect((await h.runtime.filing.store.search('Pitkä hanke', 20)).filter((e) => e.ref.kind === 'project')).toEqual([]);
    unmount();
  }
});

test('an owner chosen in the form, and changed again in the project’s view (Finnish)', async () => {
  const { store } = h.runtime.filing;
  const stamp = Date.now();
  const first = (await store.createPerson({ name: 'Olli Omistaja', emails: [`olli.omistaja${stamp}@seutuopisto.fi`] })).entity;
  const second = (await store.createPerson({ name: 'Oona Omistaja', emails: [`oona.omistaja${stamp}@seutuopisto.fi`] })).entity;
  await h.runtime.index.refresh(); // search answers from the index once it is warm
  h.render(<RecordMenu host={h.host} state={{ status: 'ready', value: h.runtime }} />, 'fi');
  fireEvent.click(await screen.findByRole('button', { name: 'Uusi hanke' }));
  fireEvent.change(screen.getByTestId('project-name'), { target: { value: `Omistajahanke ${stamp}` } });
  expect(screen.getByTestId('project-owner-name').textContent).toContain('Sinä');
  fireEvent.click(screen.getByTestId('project-owner-change'));
  fireEvent.change(screen.getByTestId('project-owner-search'), { target: { value: 'Olli Omistaja' } });
  fireEvent.click(await screen.findByRole('button', { name: 'Valitse vastuuhenkilöksi Olli Omistaja' }));
  expect(screen.getByTestId('project-owner-name').textContent).toContain('Olli Omistaja');
  fireEvent.click(screen.getByTestId('project-save'));
  const view = await screen.findByTestId('entity-view-project', {}, { timeout: 10_000 });
  const editor = await within(view).findByTestId('project-editor');
  await waitFor(() => expect(within(editor).getByTestId('project-edit-owner-name').textContent).toContain('Olli Omistaja'));

  fireEvent.click(within(editor).getByTestId('project-edit-owner-change'));
  fireEvent.change(within(editor).getByTestId('project-edit-owner-search'), { target: { value: 'Oona Omistaja' } });
  fireEvent.click(await within(editor).findByRole('button', { name: 'Valitse vastuuhenkilöksi Oona Omistaja' }));
  await waitFor(() => expect(within(editor).getByTestId('project-edit-owner-name').textContent).toContain('Oona Omistaja'));
  const made = (await store.search(`Omistajahanke ${stamp}`, 5)).find((e) => e.ref.kind === 'project')!;
  expect(((await store.get(made.ref)) as { ownerId: string | null }).ownerId).toBe(second.ref.id);
  expect(first.ref.id).not.toBe(second.ref.id);
});

test('a project recorded before the Owner column: its participant with role "owner" is shown as its owner', async () => {
  const { store } = h.runtime.filing;
  const old = (await store.createProject({ name: 'Vanha hanke 2023' })).entity;
  const person = (await store.createPerson({ name: 'Vanha Omistaja', emails: [`vanha.omistaja${Date.now()}@seutuopisto.fi`] })).entity;
  const summary: EntitySummary = { ref: old.ref, name: old.name, detail: '' };
  await store.involve(summary, { ref: person.ref, name: person.name, detail: '' }, 'owner');
  h.render(<EntityView runtime={h.runtime} host={h.host} entity={summary} onBack={() => undefined} onOpen={() => undefined} />);
  const editor = await screen.findByTestId('project-editor');
  await waitFor(() => expect(within(editor).getByTestId('project-edit-owner-name').textContent).toContain('Vanha Omistaja'));
});

test('a project’s status changed and a participant removed in its view', async () => {
  const { store } = h.runtime.filing;
  const project = await store.createProject({ name: 'Työelämäpäivät 2027' });
  const summary: EntitySummary = { ref: project.entity.ref, name: project.entity.name, detail: '' };
  const org = await store.createOrganisation({ name: 'Rakennus Kallio Oy', domains: [] });
  await store.involve(summary, { ref: org.entity.ref, name: org.entity.name, detail: '' }, 'employer');
  h.render(<EntityView runtime={h.runtime} host={h.host} entity={summary} onBack={() => undefined} onOpen={() => undefined} />);
  const editor = await screen.findByTestId('project-editor');
  fireEvent.change(within(editor).getByTestId('project-edit-status'), { target: { value: 'closed' } });
  fireEvent.click(within(editor).getByTestId('project-edit-save'));
  await within(editor).findByText('Saved.');
  expect(((await store.get(summary.ref)) as { status: string }).status).toBe('closed');
  fireEvent.click(within(editor).getByRole('button', { name: 'Remove Rakennus Kallio Oy' }));
  await waitFor(async () => expect((await store.participants(summary.ref)).map((p) => p.entity.name)).not.toContain('Rakennus Kallio Oy'));
});

test('an organisation made from a domain: renamed (its heading follows), a public domain refused with what to do, a domain added and removed', async () => {
  const made = await h.runtime.filing.store.createOrganisation({ name: 'Harjuamk', domains: ['harjuamk.fi'] });
  const entity: EntitySummary = { ref: made.entity.ref, name: made.entity.name, detail: '' };
  h.render(<EntityView runtime={h.runtime} host={h.host} entity={entity} onBack={() => undefined} onOpen={() => undefined} />);
  const editor = await screen.findByTestId('organisation-editor');
  expect(editor.textContent).toContain('made from a mail domain');
  fireEvent.click(within(editor).getByTestId('organisation-rename'));
  fireEvent.change(within(editor).getByTestId('organisation-name'), { target: { value: 'Harjun AMK' } });
  fireEvent.submit(within(editor).getByTestId('organisation-name').closest('form')!);
  await within(editor).findByTestId('organisation-renamed');
  await screen.findByRole('heading', { name: 'Harjun AMK' });

  fireEvent.change(within(editor).getByTestId('organisation-domain'), { target: { value: 'gmail.com' } });
  fireEvent.click(within(editor).getByTestId('organisation-domain-add'));
  expect((await within(editor).findByTestId('organisation-error')).textContent).toContain('gmail.com is a public mail service');
  expect((within(editor).getByTestId('organisation-domain') as HTMLInputElement).value).toBe('gmail.com'); // kept to correct

  fireEvent.change(within(editor).getByTestId('organisation-domain'), { target: { value: 'harju.fi' } });
  fireEvent.click(within(editor).getByTestId('organisation-domain-add'));
  await waitFor(() => expect(within(editor).getByTestId('organisation-domains').textContent).toContain('harju.fi'));
  fireEvent.click(within(editor).getByRole('button', { name: 'Remove domain harjuamk.fi' }));
  await waitFor(() => expect(within(editor).getByTestId('organisation-domains').textContent).not.toContain('harjuamk.fi'));
  const resolved = await h.runtime.filing.store.resolve([], ['harju.fi', 'harjuamk.fi']);
  expect(resolved.organisations.get('harju.fi')?.name).toBe('Harjun AMK');
  expect(resolved.organisations.has('harjuamk.fi')).toBe(false);
});

test('an unknown sender whose display name carries their organisation: the organisation is made by that name, the person by theirs', async () => {
  h.render(<FilingPanelOnHost host={h.host} state={{ status: 'ready', value: h.runtime }} />);
  const [seeded] = h.inbox.splice(0, 1);
  const message: MessageSnapshot = { ...seeded!, from: { name: 'Maija Virtanen | Mäntyrinteen kansalaisopisto', address: 'maija.virtanen@mantyrinteenopisto.fi' } };
  act(() => h.host.select(message));
  const unknown = (await screen.findAllByTestId('filing-unknown')).find((row) => row.textContent?.includes('mantyrinteenopisto.fi'))!;
  fireEvent.click(within(unknown).getByTestId('filing-create-person'));
  await screen.findByTestId('filing-result', {}, { timeout: 10_000 });
  const resolved = await h.runtime.filing.store.resolve(['maija.virtanen@mantyrinteenopisto.fi'], ['mantyrinteenopisto.fi']);
  expect(resolved.organisations.get('mantyrinteenopisto.fi')?.name).toBe('Mäntyrinteen kansalaisopisto');
  expect(resolved.people.get('maija.virtanen@mantyrinteenopisto.fi')?.name).toBe('Maija Virtanen');
});

test('the project is made but the filing fails: said so, and the project is there in Find to file to, never made twice', async () => {
  h.render(<FilingPanelOnHost host={h.host} state={{ status: 'ready', value: h.runtime }} />);
  open();
  fireEvent.change(await screen.findByTestId('filing-search'), { target: { value: 'Syysretki 2027' } });
  fireEvent.click(await screen.findByRole('button', { name: 'Create project “Syysretki 2027”' }));
  const form = await screen.findByTestId('project-form');
  h.s.t.sandbox.control.setFaults({ rules: [{ kind: '503', method: 'POST', pathPattern: `${h.s.location.lists.filings}/items`, next: 50 }] });
  fireEvent.click(within(form).getByTestId('project-save'));
  await waitFor(() => expect(screen.getByTestId('filing-result').textContent).toMatch(/Could not file to Syysretki 2027/));
  expect(screen.queryByTestId('filing-filed')?.textContent ?? '').not.toContain('Syysretki 2027');

  h.s.t.sandbox.control.clearFaults();
  const result = await waitFor(() => {
    const found = within(screen.getByTestId('filing-results')).getAllByTestId('search-result').find((r) => r.textContent?.includes('Syysretki 2027'));
    expect(found).toBeTruthy();
    return found!;
  });
  await waitFor(() => expect((within(result).getByTestId('search-result-file') as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(within(result).getByTestId('search-result-file'));
  await waitFor(() => expect(screen.getByTestId('filing-filed').textContent).toContain('Syysretki 2027'));
  expect(await projectsNamed('Syysretki 2027')).toHaveLength(1);
});
