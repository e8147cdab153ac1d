/**
 * @jest-environment ./tests/support/jsdomWithFetch.js
 *
 * "Show only" offers each role once, in the user's language: a role in a project typed in words
 * ("rahoittaja") is the stakeholder role of those words ('funder'), not a second option that says the same.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { EntityView } from '../../../src/ui/filing/EntityView';
import { panelHarnessOfFile, summaryOf } from './harness';

const h = panelHarnessOfFile({ slow: true });

test('a stakeholder role and a project role of the same words are one option, in Finnish', async () => {
  const { store } = h.runtime.filing;
  const stamp = Date.now();
  const org = summaryOf((await store.createOrganisation({ name: `Rahasto Oy ${stamp}`, domains: [`rahasto${stamp}.fi`] })).entity);
  await store.createPerson({ name: 'Rahoittaja Rauni', emails: [`rauni@rahasto${stamp}.fi`], organisationId: org.ref.id, roles: ['funder'] });
  const project = summaryOf((await store.createProject({ name: `Rahoitettu ${stamp}` })).entity);
  await store.involve(project, org, 'rahoittaja');
  h.render(<EntityView runtime={h.runtime} host={h.host} entity={org} onBack={() => undefined} onOpen={() => undefined} />, 'fi');
  await waitFor(() => expect(within(screen.getByTestId('entity-related')).getAllByTestId('entity-link')).toHaveLength(2));
  const filter = screen.getByTestId('role-filter') as HTMLSelectElement;
  expect([...filter.options].map((o) => o.textContent)).toEqual(['Kaikki roolit', 'rahoittaja']);
  fireEvent.change(filter, { target: { value: filter.options[1]!.value } });
  expect(within(screen.getByTestId('entity-related')).getAllByTestId('entity-link')).toHaveLength(2); // both the funder and the project it funds
});
