/**
 * @jest-environment ./tests/support/jsdomWithFetch.js
 *
 * A project's view at 320 px, rendered in jsdom against the record in the sandbox over HTTP: who takes
 * part is listed once, in the list where they are edited, each name a link to their own view.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { EntitySummary } from '../../../src/domain/entities';
import { EntityView } from '../../../src/ui/filing/EntityView';
import { panelHarnessOfFile, summaryOf } from './harness';

const h = panelHarnessOfFile({ slow: true });

test('each participant is listed once, where they are edited, and their name opens them', async () => {
  const { store } = h.runtime.filing;
  const stamp = Date.now();
  const project = summaryOf((await store.createProject({ name: `Kerran näkyvä ${stamp}` })).entity);
  const org = summaryOf((await store.createOrganisation({ name: 'Harjuseudun ammattikorkeakoulu', domains: [`harju${stamp}.fi`] })).entity);
  await store.involve(project, org, 'partnerSchool');
  const opened: EntitySummary[] = [];
  h.render(<EntityView runtime={h.runtime} host={h.host} entity={project} onBack={() => undefined} onOpen={(e) => opened.push(e)} />, 'fi');
  const list = await screen.findByTestId('project-participants');
  await waitFor(() => expect(screen.getAllByText('Harjuseudun ammattikorkeakoulu')).toHaveLength(1));
  expect(screen.queryByTestId('entity-related')).toBeNull();
  fireEvent.click(within(list).getByRole('button', { name: 'Näytä Harjuseudun ammattikorkeakoulu' }));
  expect(opened.map((e) => e.name)).toEqual(['Harjuseudun ammattikorkeakoulu']);
});

/** How the nearest element that says so wraps a long word (overflow-wrap is inherited; jsdom does not inherit it). */
function wrapOf(element: Element | null): string {
  for (let e = element; e; e = e.parentElement) {
    const wrap = getComputedStyle(e).overflowWrap;
    if (wrap) return wrap;
  }
  return 'normal';
}

test('a long name wraps at its words at 320 px, never mid-word; a domain, which has no words, may break anywhere', async () => {
  const { store } = h.runtime.filing;
  const stamp = Date.now();
  const project = summaryOf((await store.createProject({ name: `Pitkät nimet ${stamp}` })).entity);
  const org = summaryOf((await store.createOrganisation({ name: 'Harjuseudun ammattikorkeakoulu', domains: [`harjuseudunammattikorkeakoulu${stamp}.fi`] })).entity);
  await store.involve(project, org, 'partnerSchool');
  const view = h.render(<EntityView runtime={h.runtime} host={h.host} entity={project} onBack={() => undefined} onOpen={() => undefined} />, 'fi');
  const list = await screen.findByTestId('project-participants');
  expect(wrapOf(within(list).getByText('Harjuseudun ammattikorkeakoulu'))).toBe('break-word');
  view.unmount();
  h.render(<EntityView runtime={h.runtime} host={h.host} entity={org} onBack={() => undefined} onOpen={() => undefined} />, 'fi');
  const domains = await screen.findByTestId('organisation-domains');
  expect(wrapOf(within(domains).getByText(`harjuseudunammattikorkeakoulu${stamp}.fi`))).toBe('anywhere');
  expect(wrapOf(screen.getByTestId('organisation-editor'))).toBe('break-word');
});

/** The CSS rules that draw a keyboard focus ring round this element (Fluent's focus indicator: a border on ::after when focus is visible). */
function focusRingRules(element: Element): string[] {
  const rules = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]).filter((r): r is CSSStyleRule => 'selectorText' in r);
  return rules
    .filter((r) => r.selectorText.includes('[data-fui-focus-visible]') && r.selectorText.includes('::after') && /border/.test(r.style.cssText))
    .filter((r) => [...element.classList].some((c) => r.selectorText.includes(`.${c}[data-fui-focus-visible]`)))
    .map((r) => r.cssText);
}

test('a name link shows a focus ring when reached by keyboard, not only an underline', async () => {
  const { store } = h.runtime.filing;
  const stamp = Date.now();
  const project = summaryOf((await store.createProject({ name: `Kohdistus ${stamp}` })).entity);
  const org = summaryOf((await store.createOrganisation({ name: `Kohdistus Oy ${stamp}`, domains: [`kohdistus${stamp}.fi`] })).entity);
  await store.involve(project, org, 'funder');
  h.render(<EntityView runtime={h.runtime} host={h.host} entity={project} onBack={() => undefined} onOpen={() => undefined} />, 'fi');
  const link = within(await screen.findByTestId('project-participants')).getByTestId('entity-link');
  expect(focusRingRules(link).length).toBeGreaterThan(0);
  expect(getComputedStyle(link).position).toBe('relative');
});
