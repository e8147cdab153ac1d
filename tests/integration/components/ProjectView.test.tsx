/**
 * @jest-environment ./tests/support/jsdomWithFetch.js
 *
 * A project's view at 320 px, rendered in jsdom against the record in the sandbox over HTTP: who takes
 * part is listed once, in the list where they are edited, each name a link to their own view.
 */
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { EntitySummary } from '../../../src/domain/entities';
import { EntityView } from '../../../src/ui/filing/EntityView';
import { expectNoContractViolations } from '../helpers/sandbox';
import { startPanelHarness, type PanelHarness } from './harness';

jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 10_000 });
let h: PanelHarness;
beforeAll(async () => {
  h = await startPanelHarness();
});
afterAll(() => h.s.t.close());
expectNoContractViolations(() => h?.s.t);

const summary = (entity: { ref: EntitySummary['ref']; name: string }): EntitySummary => ({ ref: entity.ref, name: entity.name, detail: '' });

test('each participant is listed once, where they are edited, and their name opens them', async () => {
  const { store } = h.runtime.filing;
  const stamp = Date.now();
  const project = summary((await store.createProject({ name: `Kerran näkyvä ${stamp}` })).entity);
  const org = summary((await store.createOrganisation({ name: 'Harjuseudun ammattikorkeakoulu', domains: [`harju${stamp}.fi`] })).entity);
  await store.involve(project, org, 'partnerSchool');
  const opened: EntitySummary[] = [];
  h.render(<EntityView runtime={h.runtime} host={h.host} entity={project} onBack={() => undefined} onOpen={(e) => opened.push(e)} />, 'fi');
  const list = await screen.findByTestId('project-participants');
  await waitFor(() => expect(screen.getAllByText('Harjuseudun ammattikorkeakoulu')).toHaveLength(1));
  expect(screen.queryByTestId('entity-related')).toBeNull();
  fireEvent.click(within(list).getByRole('button', { name: 'Näytä Harjuseudun ammattikorkeakoulu' }));
  expect(opened.map((e) => e.name)).toEqual(['Harjuseudun ammattikorkeakoulu']);
});
