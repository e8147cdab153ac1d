/**
 * @jest-environment ./tests/support/jsdomWithFetch.js
 *
 * Editing a project and an organisation in their views, rendered in jsdom against the record in the
 * sandbox over HTTP (issue 16): a "Saved." never stands beside a form changed again, the participant
 * search says when it finds no one and offers its hits as options, and roles are offered from those
 * the record's projects already use.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { EntitySummary } from '../../../src/domain/entities';
import { projectKeepingOf } from '../../../src/services/record/projectKeeping';
import { EntityView } from '../../../src/ui/filing/EntityView';
import { RecordMenu } from '../../../src/ui/projects/RecordMenu';
import { panelHarnessOfFile, summaryOf } from './harness';

const h = panelHarnessOfFile({ slow: true, clearFaults: true });

const view = (entity: EntitySummary, locale: 'en' | 'fi' = 'en') =>
  h.render(<EntityView runtime={h.runtime} host={h.host} entity={entity} onBack={() => undefined} onOpen={() => undefined} />, locale);

test('a project’s "Saved." goes as soon as a field is changed again, beside the Save that is enabled again', async () => {
  const project = summaryOf((await h.runtime.filing.store.createProject({ name: `Tallennushanke ${Date.now()}` })).entity);
  view(project);
  const editor = await screen.findByTestId('project-editor');
  fireEvent.change(within(editor).getByTestId('project-edit-status'), { target: { value: 'closed' } });
  fireEvent.click(within(editor).getByTestId('project-edit-save'));
  await within(editor).findByText('Saved.');
  fireEvent.change(within(editor).getByTestId('project-edit-status'), { target: { value: 'planned' } });
  expect((within(editor).getByTestId('project-edit-save') as HTMLButtonElement).disabled).toBe(false);
  expect(within(editor).queryByText('Saved.')).toBeNull();
});

test('an organisation’s "Domains saved." goes as soon as another domain is typed', async () => {
  const stamp = Date.now();
  const org = summaryOf((await h.runtime.filing.store.createOrganisation({ name: `Tallennus Oy ${stamp}`, domains: [] })).entity);
  view(org);
  const editor = await screen.findByTestId('organisation-editor');
  fireEvent.change(within(editor).getByTestId('organisation-domain'), { target: { value: `tallennus${stamp}.fi` } });
  fireEvent.click(within(editor).getByTestId('organisation-domain-add'));
  await within(editor).findByText('Domains saved.');
  fireEvent.change(within(editor).getByTestId('organisation-domain'), { target: { value: `toinen${stamp}.fi` } });
  expect(within(editor).queryByText('Domains saved.')).toBeNull();
});

test('the participant search says when it finds no one, and offers its hits as options chosen by keyboard (Finnish)', async () => {
  const stamp = Date.now();
  const org = (await h.runtime.filing.store.createOrganisation({ name: `Hakuopisto ${stamp}`, domains: [`hakuopisto${stamp}.fi`] })).entity;
  await h.runtime.index.refresh();
  const project = summaryOf((await h.runtime.filing.store.createProject({ name: `Hakuhanke ${stamp}` })).entity);
  view(project, 'fi');
  const editor = await screen.findByTestId('project-editor');
  const search = within(editor).getByTestId('participant-search');
  fireEvent.change(search, { target: { value: `Eiketään ${stamp}` } });
  expect((await within(editor).findByRole('status')).textContent).toBe(`Haulla ”Eiketään ${stamp}” ei löytynyt ketään. Tarkista kirjoitusasu tai hae toisella nimellä tai osoitteella.`);

  fireEvent.change(search, { target: { value: `Hakuopisto ${stamp}` } });
  const results = await within(editor).findByRole('listbox', { name: 'Löytyneet henkilöt ja organisaatiot' });
  expect(within(editor).queryByTestId('participant-none')).toBeNull();
  const option = within(results).getByRole('option', { name: new RegExp(`Hakuopisto ${stamp}`) });
  expect(option.textContent).toContain('Organisaatio');
  expect(option.textContent).toContain(`hakuopisto${stamp}.fi`);
  results.focus();
  fireEvent.keyDown(results, { key: 'ArrowDown' });
  fireEvent.keyDown(results, { key: 'Enter' });
  await within(editor).findByTestId('participant-role');
  expect((search as HTMLInputElement).value).toBe(org.name);
});

test('a role is offered from those the record’s projects use and the defaults in the user’s language; a default typed in words is kept as one role for every language', async () => {
  const { store } = h.runtime.filing;
  const stamp = Date.now();
  const other = summaryOf((await store.createProject({ name: `Roolihanke A ${stamp}` })).entity);
  const helper = (await store.createOrganisation({ name: `Roolikumppani ${stamp}`, domains: [] })).entity;
  // Given in this pane earlier (the pane reads the roles in use once, and again after it gives one).
  await projectKeepingOf(h.runtime, { name: h.s.t.user.displayName }).involve(other, summaryOf(helper), 'koordinaattori');
  const org = (await store.createOrganisation({ name: `Roolirahoittaja ${stamp}`, domains: [] })).entity;
  await h.runtime.index.refresh();
  const project = summaryOf((await store.createProject({ name: `Roolihanke B ${stamp}` })).entity);
  view(project, 'fi');
  const editor = await screen.findByTestId('project-editor');
  fireEvent.change(within(editor).getByTestId('participant-search'), { target: { value: org.name } });
  const results = await within(editor).findByRole('listbox');
  fireEvent.click(within(results).getByRole('option', { name: new RegExp(org.name) }));
  const role = within(editor).getByTestId('participant-role');
  fireEvent.change(role, { target: { value: 'a' } }); // in all three
  const offered = await waitFor(() => document.getElementById(role.getAttribute('aria-controls') ?? '')!);
  expect(offered.getAttribute('role')).toBe('listbox');
  await waitFor(() => expect(within(offered).getAllByRole('option').map((o) => o.textContent)).toEqual(expect.arrayContaining(['koordinaattori', 'rahoittaja', 'työnantaja'])));
  fireEvent.change(role, { target: { value: 'Rahoittaja' } });
  fireEvent.click(within(editor).getByTestId('participant-add'));
  await waitFor(async () => expect((await store.participants(project.ref)).map((p) => [p.entity.name, p.role])).toEqual([[org.name, 'funder']]));
  const row = await within(editor).findByTestId('project-participant');
  expect((within(row).getByTestId('project-participant-role') as HTMLInputElement).value).toBe('rahoittaja');
});

test('a new project with a date that is no day is not made: the date stays at its field to correct, and the form says why', async () => {
  const name = `Päivähanke ${Date.now()}`;
  h.render(<RecordMenu host={h.host} state={{ status: 'ready', value: h.runtime }} />, 'fi');
  fireEvent.click(await screen.findByTestId('record-new-project'));
  fireEvent.change(screen.getByTestId('project-name'), { target: { value: name } });
  fireEvent.change(screen.getByTestId('project-end'), { target: { value: '31.2.2027' } });
  fireEvent.blur(screen.getByTestId('project-end'));
  await screen.findByTestId('project-end-problem');
  fireEvent.click(screen.getByTestId('project-save'));
  expect((await screen.findByTestId('project-form-error')).textContent).toBe('Päivämäärä ei kelpaa: korjaa se kentässään tai tyhjennä kenttä.');
  expect((screen.getByTestId('project-end') as HTMLInputElement).value).toBe('31.2.2027');
  expect((await h.runtime.filing.store.search(name, 5)).filter((e) => e.ref.kind === 'project')).toEqual([]);
});
