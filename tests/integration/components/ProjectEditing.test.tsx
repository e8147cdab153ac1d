/**
 * @jest-environment ./tests/support/jsdomWithFetch.js
 *
 * Editing a project and an organisation in their views, rendered in jsdom against the record in the
 * sandbox over HTTP (issue 16): a "Saved." never stands beside a form changed again, the participant
 * search says when it finds no one and offers its hits as options, and roles are offered from those
 * the record's projects already use.
 */
import { configure, fireEvent, screen, within } from '@testing-library/react';
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
afterEach(() => h.s.t.sandbox.control.clearFaults());
expectNoContractViolations(() => h?.s.t);

const summary = (entity: { ref: EntitySummary['ref']; name: string }): EntitySummary => ({ ref: entity.ref, name: entity.name, detail: '' });
const view = (entity: EntitySummary, locale: 'en' | 'fi' = 'en') =>
  h.render(<EntityView runtime={h.runtime} host={h.host} entity={entity} onBack={() => undefined} onOpen={() => undefined} />, locale);

test('a project’s "Saved." goes as soon as a field is changed again, beside the Save that is enabled again', async () => {
  const project = summary((await h.runtime.filing.store.createProject({ name: `Tallennushanke ${Date.now()}` })).entity);
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
  const org = summary((await h.runtime.filing.store.createOrganisation({ name: `Tallennus Oy ${stamp}`, domains: [] })).entity);
  view(org);
  const editor = await screen.findByTestId('organisation-editor');
  fireEvent.change(within(editor).getByTestId('organisation-domain'), { target: { value: `tallennus${stamp}.fi` } });
  fireEvent.click(within(editor).getByTestId('organisation-domain-add'));
  await within(editor).findByText('Domains saved.');
  fireEvent.change(within(editor).getByTestId('organisation-domain'), { target: { value: `toinen${stamp}.fi` } });
  expect(within(editor).queryByText('Domains saved.')).toBeNull();
});
