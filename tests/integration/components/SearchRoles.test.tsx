/**
 * @jest-environment ./tests/support/jsdomWithFetch.js
 *
 * Stakeholder roles in Find, rendered in jsdom against the record in the sandbox over HTTP: each
 * person's and organisation's roles are chips on their search result, in the user's language, and the
 * results can be narrowed to one role ("Show only"), which filing by keyboard still walks; a project's
 * participants can be narrowed the same way.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { EntitySummary } from '../../../src/domain/entities';
import { EntityView } from '../../../src/ui/filing/EntityView';
import { panelHarnessOfFile, renderEntitySearch } from './harness';

const h = panelHarnessOfFile({ slow: true });
let project: EntitySummary;
beforeAll(async () => {
  const { store } = h.runtime.filing;
  const leipomo = await store.createOrganisation({ name: 'Leipomo Vehnäpelto Oy', domains: ['vehnapelto.fi'], roles: ['employer'] });
  await store.createPerson({ name: 'Veera Vehnäpelto', emails: ['veera@vehnapelto.fi'], organisationId: leipomo.entity.ref.id, roles: ['alumni', 'expert'] });
  const ville = await store.createPerson({ name: 'Ville Vehnäpelto', emails: ['ville@vehnapelto.fi'], organisationId: leipomo.entity.ref.id });
  project = { ref: (await store.createProject({ name: 'Leipurin oppisopimus' })).entity.ref, name: 'Leipurin oppisopimus', detail: '' };
  await store.involve(project, { ref: leipomo.entity.ref, name: leipomo.entity.name, detail: '' }, 'työpaikka');
  await store.involve(project, { ref: ville.entity.ref, name: ville.entity.name, detail: '' }, 'opiskelija');
  await store.createProject({ name: 'Vehnäpellon kasvuhanke', projectKind: 'fundedProject' });
  await h.warm();
  await h.runtime.index.refresh();
});

const renderSearch = (locale: 'en' | 'fi' = 'en') => renderEntitySearch(h, { locale, namedButtons: true });
const resultNamed = (name: string) => within(screen.getByTestId('filing-results')).getAllByTestId('search-result').find((r) => r.textContent?.includes(name))!;

test('each result shows its roles as chips, in English and Finnish; one without roles shows none', async () => {
  const { unmount } = renderSearch();
  fireEvent.change(await screen.findByTestId('filing-search'), { target: { value: 'vehnäpelto' } });
  await waitFor(() => expect(within(screen.getByTestId('filing-results')).getAllByTestId('search-result')).toHaveLength(3));
  expect(within(resultNamed('Leipomo Vehnäpelto Oy')).getByTestId('search-result-roles').textContent).toContain('employer');
  expect(within(resultNamed('Veera Vehnäpelto')).getByTestId('search-result-roles').textContent).toMatch(/alumni.*expert/);
  expect(within(resultNamed('Ville Vehnäpelto')).queryByTestId('search-result-roles')).toBeNull();
  unmount();

  renderSearch('fi');
  fireEvent.change(await screen.findByTestId('filing-search'), { target: { value: 'vehnäpelto' } });
  await waitFor(() => expect(within(resultNamed('Leipomo Vehnäpelto Oy')).getByTestId('search-result-roles').textContent).toContain('työnantaja'));
});

test('a project’s result names its kind in words, as the project form does, never the stored value (issue 16)', async () => {
  const { unmount } = renderSearch();
  fireEvent.change(await screen.findByTestId('filing-search'), { target: { value: 'vehnäpellon' } });
  await waitFor(() => expect(resultNamed('Vehnäpellon kasvuhanke')).toBeTruthy());
  expect(resultNamed('Vehnäpellon kasvuhanke').textContent).toContain('Funded project');
  expect(resultNamed('Vehnäpellon kasvuhanke').textContent).not.toContain('fundedProject');
  unmount();

  renderSearch('fi');
  fireEvent.change(await screen.findByTestId('filing-search'), { target: { value: 'vehnäpellon' } });
  await waitFor(() => expect(resultNamed('Vehnäpellon kasvuhanke')).toBeTruthy());
  expect(resultNamed('Vehnäpellon kasvuhanke').textContent).toContain('Rahoitettu hanke');
  expect(resultNamed('Vehnäpellon kasvuhanke').textContent).not.toContain('fundedProject');
});

test('results narrowed to a role: only those with it stay, keyboard filing walks what is shown, and all come back', async () => {
  renderSearch();
  const box = (await screen.findByTestId('filing-search')) as HTMLInputElement;
  fireEvent.change(box, { target: { value: 'vehnäpelto' } });
  await waitFor(() => expect(within(screen.getByTestId('filing-results')).getAllByTestId('search-result')).toHaveLength(3));
  const filter = screen.getByTestId('search-role-filter') as HTMLSelectElement;
  expect([...filter.options].map((o) => o.value)).toEqual(['', 'alumni', 'employer', 'expert']);
  fireEvent.change(filter, { target: { value: 'expert' } });
  const shown = within(screen.getByTestId('filing-results')).getAllByTestId('search-result');
  expect(shown.map((r) => within(r).getByTestId('search-result-file').getAttribute('aria-label'))).toEqual(['File Veera Vehnäpelto']);
  fireEvent.keyDown(box, { key: 'ArrowDown' });
  expect(document.activeElement?.getAttribute('aria-label')).toBe('File Veera Vehnäpelto');
  fireEvent.change(filter, { target: { value: '' } });
  expect(within(screen.getByTestId('filing-results')).getAllByTestId('search-result')).toHaveLength(3);
});

test('a project’s participants narrowed to a stakeholder role: only those with it stay, and all come back', async () => {
  renderView();
  const related = await screen.findByTestId('project-participants');
  await waitFor(() => expect(within(related).getAllByTestId('entity-link')).toHaveLength(2));
  const filter = (await screen.findByTestId('role-filter')) as HTMLSelectElement;
  // The roles the list shows (their roles in the project) are offered as well as stakeholder roles (issue 16).
  // A role typed in words of a known role ("opiskelija") is that role, offered once by its key (issue 16).
  expect([...filter.options].map((o) => o.value)).toEqual(['', 'employer', 'student', 'työpaikka']);
  fireEvent.change(filter, { target: { value: 'employer' } });
  expect(within(screen.getByTestId('project-participants')).getAllByTestId('entity-link').map((l) => l.textContent)).toEqual(['Leipomo Vehnäpelto Oy']);
  fireEvent.change(filter, { target: { value: 'student' } });
  expect(within(screen.getByTestId('project-participants')).getAllByTestId('entity-link').map((l) => l.textContent)).toEqual(['Ville Vehnäpelto']);
  fireEvent.change(filter, { target: { value: '' } });
  expect(within(screen.getByTestId('project-participants')).getAllByTestId('entity-link')).toHaveLength(2);
});

test('a role of a project Trail knows (its owner) is offered in the user’s language', async () => {
  const { store } = h.runtime.filing;
  const owner = await store.createPerson({ name: 'Olli Omistaja', emails: ['olli@vehnapelto.fi'] });
  await store.involve(project, { ref: owner.entity.ref, name: owner.entity.name, detail: '' }, 'owner');
  h.render(<EntityView runtime={h.runtime} host={h.host} entity={project} onBack={() => undefined} onOpen={() => undefined} />, 'fi');
  await waitFor(() => expect(within(screen.getByTestId('project-participants')).getAllByTestId('entity-link')).toHaveLength(3));
  const filter = screen.getByTestId('role-filter') as HTMLSelectElement;
  const owned = [...filter.options].find((o) => o.value === 'owner');
  expect(owned?.textContent).toBe('vastuuhenkilö');
  fireEvent.change(filter, { target: { value: 'owner' } });
  expect(within(screen.getByTestId('project-participants')).getAllByTestId('entity-link').map((l) => l.textContent)).toEqual(['Olli Omistaja']);
});

function renderView() {
  return h.render(<EntityView runtime={h.runtime} host={h.host} entity={project} onBack={() => undefined} onOpen={() => undefined} />);
}

test('results from the server search (before the entity index is warm) carry roles too, and follow a change of roles', async () => {
  const { store } = h.runtime.filing;
  const found = await store.search('vehnäpelto', 10);
  const rolesOf = (name: string, results: EntitySummary[]) => results.find((e) => e.name === name)?.roles ?? [];
  expect(rolesOf('Leipomo Vehnäpelto Oy', found)).toEqual(['employer']);
  expect(rolesOf('Veera Vehnäpelto', found)).toEqual(['alumni', 'expert']);
  expect(rolesOf('Ville Vehnäpelto', found)).toEqual([]);

  const ville = found.find((e) => e.name === 'Ville Vehnäpelto')!;
  await store.update(await store.get(ville.ref), { roles: ['student'] });
  expect(rolesOf('Ville Vehnäpelto', await store.search('ville', 10))).toEqual(['student']);
});
